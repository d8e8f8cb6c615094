// hook_body.cpp: the body bytes of one hook (spec sections 3-5): the bare command result for
// Mifos X, the envelope for Fineract >= 1.5, as JSON or as a form.
#include <string_view>
#include <utility>

#include "wire/hook_payload.hpp"
#include "wire/java_text.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

// Fineract 1.5-1.8 put an `errorCode` beside the status in the failure response. Its values are
// not derived from Fineract's source: 400 gives 1001 and anything else status*10+1 (404 -> 4041),
// as in the project's fixtures. Receivers do not read it; they look for "status":"Exception".
int error_code_for(int http_status) { return http_status == 400 ? 1001 : http_status * 10 + 1; }

// The command result with its keys in the order Fineract's serializer writes them (the fields of
// CommandProcessingResult), whatever order the portfolio code built it in; keys the serializer
// does not know follow in their given order.
json in_result_order(const json& result) {
  if (!result.is_object()) return result;
  json out = json::object();
  for (std::string_view key : hooks::wire::kCommandResultKeyOrder) {
    if (auto it = result.find(std::string(key)); it != result.end()) out[std::string(key)] = *it;
  }
  for (const auto& [key, value] : result.items()) {
    if (!out.contains(key)) out[key] = value;
  }
  return out;
}

// The envelope's members before they are put in wire order.
json envelope_members(const command_event& e, failure_shape failures) {
  json m = json::object();
  m["createdByName"] = e.user.username;
  m["request"] = e.request;
  m["createdBy"] = e.user.id;
  m["entityName"] = e.entity;
  m["createdByFullName"] = e.user.full_name;
  m["actionName"] = e.action;
  m["timestamp"] = iso_timestamp(e.at);
  if (!e.failed()) {
    json response = in_result_order(*e.result);
    if (response.is_object()) {
      // officeId moves out of `response`; clientId is copied beside it and stays in both.
      if (auto it = response.find("clientId"); it != response.end()) m["clientId"] = *it;
      if (auto it = response.find("officeId"); it != response.end()) {
        m["officeId"] = *it;
        response.erase(it);
      }
    }
    m["response"] = std::move(response);
  } else if (failures == failure_shape::exception) {
    json response = e.error && e.error->is_object() ? *e.error : json::object();
    response["errorCode"] = error_code_for(e.http_status);
    response["statusCode"] = e.http_status;
    m["response"] = std::move(response);
    m["status"] = "Exception";
  }
  return m;
}

// The members in the order Fineract's HashMap iterates them. `status` is not in
// kEnvelopeKeyOrder: in a 16-bucket HashMap it shares the last bucket with actionName and
// timestamp and lands between them (insertion order within a bucket), as the 1.5-1.8 fixtures
// show. Receivers find it by key, never by position.
json in_wire_order(const json& members) {
  json env = json::object();
  for (std::string_view key : hooks::wire::kEnvelopeKeyOrder) {
    if (auto it = members.find(std::string(key)); it != members.end()) env[std::string(key)] = *it;
    if (key == "actionName") {
      if (auto it = members.find("status"); it != members.end()) env["status"] = *it;
    }
  }
  return env;
}

// Gson wrote the envelope from a map holding the re-parsed request (every number a double) and
// the command result (ids as integers), so the two get different number rules.
std::string envelope_json(const json& env) {
  std::string out = "{";
  for (const auto& [key, value] : env.items()) {
    if (value.is_null()) continue;  // Gson leaves null members out
    if (out.size() > 1) out.push_back(',');
    out += gson_json(json(key), false);
    out.push_back(':');
    out += gson_json(value, /*numbers_as_doubles=*/key == "request");
  }
  out.push_back('}');
  return out;
}

}  // namespace

std::optional<std::string> hook_body(const command_event& e, hooks::body_format format,
                                     const payload_settings& s) {
  const bool json_body = format == hooks::body_format::json;
  if (s.dialect == hooks::wire_dialect::mifos) {
    if (e.failed()) return std::nullopt;  // Mifos X fired nothing for failed commands
    const json result = in_result_order(*e.result);
    return json_body ? gson_json(result, false) : hook_form_body(result, s.dialect);
  }
  const json env = in_wire_order(envelope_members(e, s.failures));
  return json_body ? envelope_json(env) : hook_form_body(env, s.dialect);
}

}  // namespace mifos::mock
