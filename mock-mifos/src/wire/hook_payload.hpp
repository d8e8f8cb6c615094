// hook_payload.hpp: what Fineract (or Mifos X) puts on the wire when it fires one hook for one
// command: the URL, the headers and the body bytes (spec sections 1-5, 8).
//
//   payload_settings s;                      // dialect, failure shape, endpoint, api key
//   s.endpoint = "http://127.0.0.1:8443/fineract-provider/api/";
//   if (auto out = build_hook_delivery(event, web_hook, s)) send(out->origin, out->message);
#pragma once

#include <mifos/hooks/delivery.hpp>
#include <mifos/hooks/event.hpp>
#include <mifos/hooks/wire.hpp>
#include <optional>
#include <string>

#include "model/command_event.hpp"
#include "model/hook.hpp"

namespace mifos::mock {

// How failures are written in the Fineract dialect: `stripped` is 1.9+ (no status, no response,
// no officeId/clientId); `exception` is 1.5-1.8 ("status":"Exception", response = error body
// plus errorCode and statusCode integers).
enum class failure_shape { stripped, exception };

struct payload_settings {
  hooks::wire_dialect dialect = hooks::wire_dialect::fineract;
  failure_shape failures = failure_shape::stripped;
  // X-*-Endpoint for Web and Elastic Search hooks; absent until the server has seen an
  // authenticated request (then e.g. "http://127.0.0.1:8443/fineract-provider/api/").
  std::optional<std::string> endpoint;
  // Accept Payload URLs with a path and no trailing '/' (Fineract 1.7+ refuses them).
  bool lenient_urls = false;
};

// One request ready for the sender: where to connect and what to send.
struct outgoing_delivery {
  std::string origin;       // "http://127.0.0.1:9000": scheme, host and port, no path
  hooks::delivery message;  // method POST, target, headers in the sender's order, body
};

// The body bytes for `e`, or nothing when this era fires nothing (Mifos X failures).
// Fineract: the envelope in its fixed key order, `request` numbers as Java doubles (1.0, 1.0E7),
// strings escaped as Gson does (\u003d for '=' ...). Mifos: the bare command result.
// `format` form: one field per top-level key, values as Java toString(), percent-encoded (Fineract
// %20, Mifos '+').
std::optional<std::string> hook_body(const command_event& e, hooks::body_format format,
                                     const payload_settings& s);

// The whole delivery of `e` to hook `h` (a Web, Elastic Search or SMS Bridge hook), or nothing
// when nothing is sent (Mifos X failure, a Payload URL that cannot be used). Headers: entity,
// action, tenant, then X-*-Endpoint (Web, Elastic Search; when known) or X-*-API-Key (SMS Bridge,
// from config "Api Key"), Content-Type, Content-Length, Host, Connection: Keep-Alive,
// Accept-Encoding: gzip, User-Agent: okhttp/4.12.0. The URL follows docs/wire-format.md section 1:
// Mifos dialect `<Payload URL without trailing />/`, Fineract the Payload URL itself.
std::optional<outgoing_delivery> build_hook_delivery(const command_event& e, const hook& h,
                                                     const payload_settings& s);

// What an SMS Bridge hook with a message template sends instead of the event.
struct sms_message {
  std::string mobile_no;
  std::string message;
};

// The sms/send delivery of TwilioHookProcessor: the event's delivery (same URL, tenant and API
// key headers) with entity "sms", action "send" (lower case, as Fineract sets them) and the JSON
// body {"mobileNo","message"} (a HashMap written by Gson: that key order, HTML-safe escaping).
// Nothing when the hook is not an SMS Bridge hook with an "Api Key" and a usable Payload URL.
std::optional<outgoing_delivery> build_sms_send(const command_event& e, const hook& h,
                                                const sms_message& sms, const payload_settings& s);

// The SMS Bridge registration request (docs/wire-format.md section 8): POST <Payload
// URL>/configuration with
// {"phoneNo","smsProvider","smsProviderAccountId","smsProviderToken","tenantId","mifosToken",
// "endpoint"}, `mifos_token` being base64("user:password") of the triggering user.
std::optional<outgoing_delivery> build_sms_registration(const command_event& e, const hook& h,
                                                        const payload_settings& s);

}  // namespace mifos::mock
