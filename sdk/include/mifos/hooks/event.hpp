// event.hpp: a hook delivery turned into a typed event, and the pure function that does it.
//
// `parse()` accepts every shape Fineract has ever sent (docs/wire-format.md): both header
// families, the bare command result (Mifos X, Fineract <= 1.4) and the envelope (Fineract >= 1.5),
// JSON and form bodies, and the two kinds of failure delivery. It never throws on bad input: it
// returns a `parse_error` with a reason and the HTTP status a receiver should answer.
//
//   auto parsed = mifos::hooks::parse(d);
//   if (!parsed) { log(parsed.error().reason); return parsed.error().status; }
//   const mifos::hooks::event& e = *parsed;
//   if (e.entity == "LOAN" && e.result.loan_id) { ... }
//   std::cout << mifos::hooks::to_json(e).dump() << "\n";  // the normalized event
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "mifos/hooks/catalog.hpp"
#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/result.hpp"
#include "mifos/hooks/wire.hpp"

namespace mifos::hooks {

enum class body_shape { result, envelope };  // bare command result, or the >= 1.5 envelope
enum class body_format { json, form };

std::string_view to_string(body_shape s) noexcept;   // "result" | "envelope"
std::string_view to_string(body_format f) noexcept;  // "json" | "form"

// The scalar fields of the command result Fineract's serializer writes (docs/wire-format.md section
// 3). Every field is optional: each command fills a different subset. Ids are 64-bit whether they
// came as 1, 1.0 or 1.0E7. The nested objects (`changes`, `creditBureauReportData`) are read
// through event::changes() and event::result_object(), without a copy.
struct command_result {
  std::optional<std::int64_t> command_id;
  std::optional<std::int64_t> office_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> loan_id;
  std::optional<std::int64_t> savings_id;
  std::optional<std::int64_t> resource_id;
  std::optional<std::int64_t> sub_resource_id;
  std::optional<std::string> transaction_id;  // a string on the wire, e.g. "9d52325e2ef7"
  std::optional<std::string> resource_identifier;
  std::optional<std::int64_t> product_id;
  std::optional<std::int64_t> gsim_id;
  std::optional<std::int64_t> glim_id;
  std::optional<std::string> resource_external_id;
  std::optional<std::string> sub_resource_external_id;
};

// The error body Fineract puts in `response` of a 1.5-1.8 failure envelope (docs/wire-format.md
// section 4, 9).
struct error_body {
  std::string developer_message;
  std::string default_user_message;
  std::string user_message_globalisation_code;
  std::optional<int> http_status;  // "httpStatusCode" arrives as a string: "400"
  nlohmann::json errors = nlohmann::json::array();
};

struct event {
  // User-provided on purpose: a defaulted one would make `event()` zero all of this large struct
  // before running the member initializers, a measurable cost on every delivery.
  event() noexcept {}

  // What happened, exactly as received (Fineract sends upper case; two catalog entities are not).
  std::string entity;
  std::string action;
  std::string tenant;  // empty when the delivery carried no tenant header

  wire_dialect dialect = wire_dialect::fineract;
  body_shape shape = body_shape::result;
  body_format format = body_format::json;

  // True for failure deliveries: a 1.5-1.8 envelope with "status":"Exception", or a 1.9+
  // envelope without "response".
  bool failed = false;

  std::optional<std::string> endpoint;  // X-*-Endpoint: the server's API base URL
  std::optional<std::string> api_key;   // X-*-API-Key: SMS Bridge deliveries only

  // The command result: the whole body of a bare result, `response` of an envelope (with the
  // envelope's top-level officeId and clientId filled in). Empty for failures.
  command_result result;

  // Envelope-only fields (empty for bare results).
  std::optional<std::int64_t> created_by;
  std::optional<std::string> created_by_name;
  std::optional<std::string> created_by_full_name;
  std::optional<std::string> timestamp;  // ISO-8601 UTC, as sent
  std::optional<error_body> error;       // "status":"Exception" failures only

  // The body as JSON: parsed JSON, or for form bodies one member per field, each decoded
  // best-effort (numbers, booleans, Java map/list text) into JSON. Unknown keys are kept.
  nlohmann::json payload;
  // Form bodies only: each field's raw text after percent-decoding, before any interpretation.
  std::map<std::string, std::string> form_fields;

  // Set by a receiver that queues deliveries (workers or a journal): 1, 2, ... per accepted
  // delivery, the same on every retry and, with a journal, after a restart (it is the journal's
  // sequence number). A handler whose effect must not happen twice records the id with the
  // effect and skips an id it already has. 0 when handlers run before the answer.
  std::uint64_t delivery_id = 0;
  // 1 the first time handlers get this event in this process, 2 on the first retry, ...
  int attempt = 1;
  // True when the event was read back from the journal after a restart: its handlers may
  // already have run before the crash.
  bool recovered = false;

  // The catalog entry of (entity, action), or nullptr for a pair the catalog does not know.
  // Looked up when asked (a hash lookup), not during parse(): most receivers never ask.
  const catalog_entry* known() const noexcept { return find_in_catalog(entity, action); }
  bool in_catalog() const noexcept { return known() != nullptr; }

  // Views into `payload` (null, or an empty object for changes(), when absent):
  // the object the command result was read from (the body, or an envelope's `response`),
  const nlohmann::json& result_object() const noexcept;
  // its `changes`,
  const nlohmann::json& changes() const noexcept;
  // and the envelope's `request`: the API caller's request, every number a double.
  const nlohmann::json& request() const noexcept;
};

struct parse_error {
  int status = 400;    // the HTTP status a receiver should answer: 400 or 415
  std::string reason;  // one line, safe to send back to the caller
};

// Either an event or the reason there is none. Cheap to test: `if (r) use(*r);`.
using parse_result = result<event, parse_error>;

// Turns a delivery into an event. Pure; never throws for any input (only std::bad_alloc).
parse_result parse(const delivery& d);

// The normalized event of design.md, keys in this order: entity, action, tenant, dialect,
// shape, format, failed, the ids the delivery carries (integers; transactionId a string),
// createdBy, createdByName, timestamp, payload. Ordered so that printed events read alike.
// The first form is nlohmann's ADL hook, so `nlohmann::ordered_json j = e;` works.
void to_json(nlohmann::ordered_json& j, const event& e);
nlohmann::ordered_json to_json(const event& e);

}  // namespace mifos::hooks
