// ugd_sms.hpp: what an SMS Bridge hook with a message template (UGD) sends instead of the event,
// as Fineract's TwilioHookProcessor and TemplateMergeService decide it: nothing unless the hook
// body has a `clientId` whose client has a mobile number; else sms/send with
// {"mobileNo", "message"}, the message being the template rendered over the hook body plus
// BASE_URI, `static.now` and each mapper's fetched JSON under its key. The lookups are passed in,
// so the decision runs (and is tested) without a server.
//
//   sms_lookups l{.base_uri = endpoint, .get = in_process_get, .mobile_of = client_mobile};
//   if (auto sms = ugd_sms(templ, hook_body_text, l)) fire sms/send with *sms;
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "wire/hook_payload.hpp"

namespace mifos::mock {

// A stored message template as the hook processor uses it.
// Default member initializers let callers leave out the mappers without
// -Wmissing-field-initializers.
struct ugd_template {
  std::string name = {}, text = {};
  // (mapperkey, mappervalue) in mapperorder: the URL whose JSON goes into the scope under the key.
  std::vector<std::pair<std::string, std::string>> mappers = {};
};

// The template of a row of the records' "templates" table (records/templates.cpp).
ugd_template ugd_template_of(const nlohmann::ordered_json& row);

struct sms_lookups {
  // Fineract's baseUrl, e.g. "http://127.0.0.1:8443/fineract-provider/api/": BASE_URI in the
  // scope and the prefix of mapper URLs that do not start with "http". Empty: unknown.
  std::string base_uri;
  // GET of an absolute URL: the JSON object it answered with 200, or nothing (Fineract logs the
  // failure and leaves the key out of the scope).
  std::function<std::optional<nlohmann::ordered_json>(const std::string& url)> get;
  // The client's mobile number; nothing when there is no such client.
  std::function<std::optional<std::string>(std::int64_t client_id)> mobile_of;
  // TemplateFunctions.now(): "yyyy/MM/dd HH:mm", as {{static.now}}.
  std::string now_text;
};

// The SMS to send for a hook body (`payload`, the JSON text the hook would have sent), or
// nothing: no `clientId`, no such client, no mobile number, or a template that does not parse.
std::optional<sms_message> ugd_sms(const ugd_template& t, const std::string& payload,
                                   const sms_lookups& lookups);

}  // namespace mifos::mock
