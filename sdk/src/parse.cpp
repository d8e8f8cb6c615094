// parse.cpp: delivery -> event, for every era of spec/wire-format.md. Pure and non-throwing:
// JSON is parsed without exceptions, and every field read tolerates any type.
#include <cstdint>
#include <string>
#include <utility>

#include "form_decode.hpp"
#include "json_values.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

using detail::member;
using detail::read_id;
using detail::read_text;

parse_error bad_request(std::string reason) { return {400, std::move(reason)}; }

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// True when `s` is well-formed UTF-8: no stray, overlong or surrogate sequences. Every string
// an event holds must be, or dumping it as JSON (to_json(e).dump()) would throw.
bool valid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t more = 0;
    std::uint32_t cp = lead, least = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if ((lead & 0xE0) == 0xC0) {
      more = 1, cp = lead & 0x1Fu, least = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      more = 2, cp = lead & 0x0Fu, least = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      more = 3, cp = lead & 0x07u, least = 0x10000;
    } else {
      return false;
    }
    if (i + more >= s.size()) return false;
    for (std::size_t k = 1; k <= more; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (next & 0x3Fu);
    }
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += more + 1;
  }
  return true;
}

// The header of `name` in whichever family carries it, preferring Fineract's.
std::optional<std::string_view> family_header(const delivery& d, std::string_view fineract,
                                              std::string_view mifos) {
  if (auto v = d.header(fineract)) return v;
  return d.header(mifos);
}

// JSON or form, from the media type (parameters such as charset ignored). A delivery without
// Content-Type is sniffed: '{' means JSON.
std::optional<body_format> body_format_of(const delivery& d) {
  auto content_type = d.header("Content-Type");
  if (!content_type) {
    std::string_view body = trim(d.body);
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

void read_command_result(const nlohmann::json& o, command_result& r) {
  r.command_id = read_id(o, "commandId");
  r.office_id = read_id(o, "officeId");
  r.group_id = read_id(o, "groupId");
  r.client_id = read_id(o, "clientId");
  r.loan_id = read_id(o, "loanId");
  r.savings_id = read_id(o, "savingsId");
  r.resource_id = read_id(o, "resourceId");
  r.sub_resource_id = read_id(o, "subResourceId");
  r.transaction_id = read_text(o, "transactionId");
  r.resource_identifier = read_text(o, "resourceIdentifier");
  r.product_id = read_id(o, "productId");
  r.gsim_id = read_id(o, "gsimId");
  r.glim_id = read_id(o, "glimId");
  r.resource_external_id = read_text(o, "resourceExternalId");
  r.sub_resource_external_id = read_text(o, "subResourceExternalId");
}

error_body read_error_body(const nlohmann::json& o) {
  error_body e;
  e.developer_message = read_text(o, "developerMessage").value_or("");
  e.default_user_message = read_text(o, "defaultUserMessage").value_or("");
  e.user_message_globalisation_code = read_text(o, "userMessageGlobalisationCode").value_or("");
  if (auto code = read_id(o, "httpStatusCode"); code && *code >= 100 && *code <= 999)
    e.http_status = static_cast<int>(*code);
  if (const auto* errors = member(o, "errors"); errors && errors->is_array()) e.errors = *errors;
  return e;
}

// Fills the envelope fields; a missing `response`, or "status":"Exception", is a failure.
void read_envelope(event& e) {
  const nlohmann::json& body = e.payload;
  e.created_by = read_id(body, "createdBy");
  e.created_by_name = read_text(body, "createdByName");
  e.created_by_full_name = read_text(body, "createdByFullName");
  e.timestamp = read_text(body, "timestamp");

  const nlohmann::json* response = member(body, "response");
  auto status = read_text(body, "status");
  if (status && iequals(*status, "Exception")) {
    e.failed = true;
    if (response) e.error = read_error_body(*response);
  } else if (response == nullptr || !response->is_object()) {
    e.failed = true;
  } else {
    read_command_result(*response, e.result);
  }
  // Fineract lifts officeId out of `response` and copies clientId beside it.
  if (auto office = read_id(body, "officeId")) e.result.office_id = office;
  if (auto client = read_id(body, "clientId"); client && !e.result.client_id)
    e.result.client_id = client;
}

std::optional<parse_error> read_json_body(const delivery& d, event& e) {
  if (detail::json_nesting_depth(d.body) > detail::kMaxNestingDepth)
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
  if (d.body.find('=') == std::string::npos) return bad_request("form body has no name=value field");
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

}  // namespace

parse_result parse(const delivery& d) {
  const auto& fineract = wire::kFineractHeaders;
  const auto& mifos = wire::kMifosHeaders;

  event e;
  auto entity = d.header(fineract.entity);
  e.dialect = wire_dialect::fineract;
  if (!entity) {
    entity = d.header(mifos.entity);
    e.dialect = wire_dialect::mifos;
  }
  auto action = family_header(d, fineract.action, mifos.action);
  if (!entity || trim(*entity).empty())
    return bad_request("missing X-Fineract-Entity (or X-Mifos-Entity) header");
  if (!action || trim(*action).empty())
    return bad_request("missing X-Fineract-Action (or X-Mifos-Action) header");
  e.entity = trim(*entity);
  e.action = trim(*action);

  auto tenant = family_header(d, fineract.tenant, mifos.tenant);
  if (!tenant) tenant = d.header("X-Fineract-Platform-TenantId");
  if (tenant) e.tenant = trim(*tenant);
  if (auto endpoint = family_header(d, fineract.endpoint, mifos.endpoint))
    e.endpoint = std::string(*endpoint);
  if (auto key = family_header(d, fineract.api_key, mifos.api_key)) e.api_key = std::string(*key);
  for (const auto* value : {&e.entity, &e.action, &e.tenant}) {
    if (!valid_utf8(*value)) return bad_request("entity, action or tenant header is not UTF-8");
  }
  if (!valid_utf8(e.endpoint.value_or("")) || !valid_utf8(e.api_key.value_or("")))
    return bad_request("endpoint or API key header is not UTF-8");

  auto format = body_format_of(d);
  if (!format) return parse_error{415, "content type is neither JSON nor form"};
  std::string_view body = trim(d.body);
  if (body.empty()) return bad_request("empty body");
  // No form Fineract writes starts with '{'; a JSON body sent with a form type is read as JSON.
  e.format = body.front() == '{' ? body_format::json : *format;

  auto error = e.format == body_format::json ? read_json_body(d, e) : read_form_body(d, e);
  if (error) return std::move(*error);

  if (member(e.payload, "entityName") != nullptr) {
    e.shape = body_shape::envelope;
    read_envelope(e);
  } else {
    e.shape = body_shape::result;
    read_command_result(e.payload, e.result);
  }
  e.known = find_in_catalog(e.entity, e.action);
  return e;
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
