// parse.cpp: delivery -> event, for every era of docs/wire-format.md. Pure and non-throwing:
// JSON is parsed without exceptions, and every field read tolerates any type.
#include <cstdint>
#include <string>
#include <utility>

#include "form_decode.hpp"
#include "hook_headers.hpp"
#include "json_reader.hpp"
#include "json_values.hpp"
#include "mifos/hooks/event.hpp"
#include "result_fields.hpp"
#include "text.hpp"

namespace mifos::hooks {
namespace {

using detail::trim;
using detail::valid_utf8;

parse_error bad_request(std::string reason) { return {400, std::move(reason)}; }

// JSON or form, from the media type (parameters such as charset ignored). A delivery without
// Content-Type is sniffed: '{' means JSON.
std::optional<body_format> body_format_of(std::optional<std::string_view> content_type,
                                          std::string_view body) {
  if (!content_type) {
    body = trim(body);
    if (!body.empty() && body.front() == '{') return body_format::json;
    if (body.find('=') != std::string_view::npos) return body_format::form;
    return std::nullopt;
  }
  std::string_view media = trim(content_type->substr(0, content_type->find(';')));
  if (iequals(media, "application/json")) return body_format::json;
  if (iequals(media, "application/x-www-form-urlencoded")) return body_format::form;
  auto plus = media.rfind("+json");
  if (plus != std::string_view::npos && plus + 5 == media.size()) return body_format::json;
  return std::nullopt;
}

std::optional<parse_error> read_json_body(const delivery& d, event& e) {
  // The usual body is read by our own reader, which builds the same DOM as nlohmann's parser in
  // a third of the time (json_reader.hpp); anything it declines, errors included, goes to
  // nlohmann, whose verdict and messages stand.
  if (detail::read_json_object(d.body, e.payload)) return std::nullopt;
  if (detail::nests_deeper_than(d.body, detail::kMaxNestingDepth))
    return bad_request("JSON body nests deeper than 64 levels");
  e.payload = nlohmann::json::parse(d.body, nullptr, /*allow_exceptions=*/false);
  if (e.payload.is_discarded()) {
    e.payload = nullptr;
    return bad_request("malformed JSON body");
  }
  if (!e.payload.is_object()) return bad_request("JSON body is not an object");
  return std::nullopt;
}

std::optional<parse_error> read_form_body(const delivery& d, event& e) {
  if (d.body.find('=') == std::string::npos)
    return bad_request("form body has no name=value field");
  if (auto at = detail::find_invalid_escape(d.body))
    return bad_request(
        "form body has an invalid percent escape (a '%' not followed by two hex "
        "digits) at byte " +
        std::to_string(*at));
  auto fields = detail::split_form(d.body);
  for (const auto& [name, value] : fields) {
    if (!valid_utf8(name) || !valid_utf8(value)) return bad_request("form field is not UTF-8");
  }
  e.payload = nlohmann::json::object();
  for (auto& [name, value] : fields) {
    e.payload[name] = detail::java_text_to_json(value);
    e.form_fields.insert_or_assign(std::move(name), std::move(value));
  }
  return std::nullopt;
}

// Fills `e` from `d`, or says why not. Kept apart from parse() so that the event is built in
// place inside the result, never moved.
std::optional<parse_error> read_delivery(const delivery& d, event& e) {
  const detail::hook_headers h = detail::read_hook_headers(d);
  if (h.conflict)
    return bad_request(std::string(*h.conflict) + " header repeated with another value");
  const std::string_view entity = h.entity ? trim(*h.entity) : std::string_view();
  const std::string_view action = h.action ? trim(*h.action) : std::string_view();
  if (entity.empty()) return bad_request("missing X-Fineract-Entity (or X-Mifos-Entity) header");
  if (action.empty()) return bad_request("missing X-Fineract-Action (or X-Mifos-Action) header");
  const std::string_view tenant = h.tenant ? trim(*h.tenant) : std::string_view();
  const std::string_view endpoint = h.endpoint.value_or(std::string_view());
  const std::string_view api_key = h.api_key.value_or(std::string_view());
  if (!detail::all_valid_utf8({entity, action, tenant, endpoint, api_key}))
    return bad_request("a hook header value is not UTF-8");
  e.dialect = h.dialect;
  e.entity = entity;
  e.action = action;
  e.tenant = tenant;
  if (h.endpoint) e.endpoint = std::string(*h.endpoint);
  if (h.api_key) e.api_key = std::string(*h.api_key);

  auto format = body_format_of(h.content_type, d.body);
  if (!format) return parse_error{415, "content type is neither JSON nor form"};
  std::string_view body = trim(d.body);
  if (body.empty()) return bad_request("empty body");
  // No form Fineract writes starts with '{'; a JSON body sent with a form type is read as JSON.
  e.format = body.front() == '{' ? body_format::json : *format;

  auto error = e.format == body_format::json ? read_json_body(d, e) : read_form_body(d, e);
  if (error) return error;

  // Shape from the body, never from the header family: an `entityName` key means envelope.
  if (detail::read_if_bare_result(e.payload, e.result)) {
    e.shape = body_shape::result;
  } else {
    e.shape = body_shape::envelope;
    e.result = command_result{};
    detail::read_envelope(e);
  }
  return std::nullopt;
}

}  // namespace

parse_result parse(const delivery& d) {
  parse_result result{std::in_place};
  if (auto error = read_delivery(d, *result)) result = std::move(*error);
  return result;
}

const nlohmann::json& event::result_object() const noexcept {
  static const nlohmann::json none;
  if (shape == body_shape::result) return payload;
  if (failed) return none;
  const auto* response = detail::member(payload, "response");
  return response ? *response : none;
}

const nlohmann::json& event::changes() const noexcept {
  static const nlohmann::json empty = nlohmann::json::object();
  const auto* c = detail::member(result_object(), "changes");
  return c && c->is_object() ? *c : empty;
}

const nlohmann::json& event::request() const noexcept {
  static const nlohmann::json none;
  if (shape != body_shape::envelope) return none;
  const auto* r = detail::member(payload, "request");
  return r ? *r : none;
}

}  // namespace mifos::hooks
