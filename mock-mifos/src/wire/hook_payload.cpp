// hook_payload.cpp: the URL and headers around a hook body (spec sections 1, 2 and 8): which
// templates send, where to, and the headers in the order Fineract's OkHttp client sends them.
#include "wire/hook_payload.hpp"

#include <functional>
#include <mifos/hooks/base64.hpp>
#include <string_view>
#include <utility>

#include "wire/java_text.hpp"
#include "wire/url.hpp"

namespace mifos::mock {
namespace {

enum class hook_template { web, elastic_search, sms_bridge, message_gateway };

std::optional<hook_template> template_of(const hook& h) {
  if (hooks::iequals(h.template_name, "Web")) return hook_template::web;
  if (hooks::iequals(h.template_name, "Elastic Search")) return hook_template::elastic_search;
  if (hooks::iequals(h.template_name, "SMS Bridge")) return hook_template::sms_bridge;
  if (hooks::iequals(h.template_name, "Message Gateway")) return hook_template::message_gateway;
  return std::nullopt;
}

std::optional<std::string> config_value(const hook& h, const std::string& field) {
  auto it = h.config.find(field);
  if (it == h.config.end()) return std::nullopt;
  return it->second;
}

// Fineract sends JSON when the setting says json (or is missing) and a form for anything else.
hooks::body_format content_type_setting(const hook& h) {
  auto value = config_value(h, "Content Type");
  if (!value || value->empty()) return hooks::body_format::json;
  std::string lower;
  for (char c : *value) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  return lower.find("json") != std::string::npos ? hooks::body_format::json
                                                 : hooks::body_format::form;
}

std::string_view content_type(hooks::body_format format, hooks::wire_dialect d) {
  if (format == hooks::body_format::json) return hooks::wire::kJsonContentType;
  return d == hooks::wire_dialect::mifos ? hooks::wire::kMifosFormContentType
                                         : hooks::wire::kFineractFormContentType;
}

std::string_view without_trailing_slash(std::string_view url) {
  if (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return url;
}

// Mifos X and Fineract <= 1.4 (Retrofit 1) post to the URL minus one trailing '/' plus "/";
// Fineract 1.7+ (Retrofit 2) posts to the URL itself and refuses a path without a final '/'.
std::optional<http_url> delivery_url(std::string_view payload_url, const payload_settings& s) {
  if (s.dialect == hooks::wire_dialect::mifos)
    return parse_http_url(std::string(without_trailing_slash(payload_url)) + "/");
  auto url = parse_http_url(payload_url);
  if (url && has_path_without_trailing_slash(*url) && !s.lenient_urls) return std::nullopt;
  return url;
}

// The headers OkHttp adds after the application's own, then the whole request.
outgoing_delivery finish(const http_url& url, std::vector<hooks::header_field> headers,
                         std::string_view type, std::string body, hooks::wire_dialect dialect) {
  headers.push_back({"Content-Type", std::string(type)});
  headers.push_back({"Content-Length", std::to_string(body.size())});
  headers.push_back({"Host", url.host_header()});
  headers.push_back({"Connection", "Keep-Alive"});
  headers.push_back({"Accept-Encoding", "gzip"});
  headers.push_back({"User-Agent", std::string(hooks::wire::user_agent_for(dialect))});
  outgoing_delivery out;
  out.origin = url.origin();
  out.message.method = "POST";
  out.message.target = url.target;
  out.message.headers = std::move(headers);
  out.message.body = std::move(body);
  return out;
}

// The URL and headers of a delivery to `h` of `entity`/`action` around `body` (a JSON body for
// SMS Bridge hooks, else as the hook's Content Type says).
std::optional<outgoing_delivery> delivery_of(
    const command_event& e, std::string_view entity, std::string_view action, const hook& h,
    const payload_settings& s,
    const std::function<std::optional<std::string>(hooks::body_format)>& body_in) {
  const auto kind = template_of(h);
  if (!kind || *kind == hook_template::message_gateway) return std::nullopt;
  const auto& names = hooks::wire::header_names_for(s.dialect);

  hooks::body_format format = hooks::body_format::json;
  std::optional<std::string> api_key;
  if (*kind == hook_template::sms_bridge) {
    api_key = config_value(h, "Api Key");
    if (!api_key || api_key->empty()) return std::nullopt;  // registration must come first
  } else {
    format = content_type_setting(h);
  }

  const auto payload_url = config_value(h, "Payload URL");
  if (!payload_url) return std::nullopt;
  const auto url = delivery_url(*payload_url, s);
  if (!url) return std::nullopt;
  auto body = body_in(format);
  if (!body) return std::nullopt;

  std::vector<hooks::header_field> headers;
  headers.push_back({std::string(names.entity), std::string(entity)});
  headers.push_back({std::string(names.action), std::string(action)});
  headers.push_back({std::string(names.tenant), e.tenant});
  if (api_key)
    headers.push_back({std::string(names.api_key), *api_key});
  else if (s.endpoint)
    headers.push_back({std::string(names.endpoint), *s.endpoint});
  return finish(*url, std::move(headers), content_type(format, s.dialect), std::move(*body),
                s.dialect);
}

}  // namespace

std::optional<outgoing_delivery> build_hook_delivery(const command_event& e, const hook& h,
                                                     const payload_settings& s) {
  return delivery_of(e, e.entity, e.action, h, s,
                     [&](hooks::body_format format) { return hook_body(e, format, s); });
}

std::optional<outgoing_delivery> build_sms_send(const command_event& e, const hook& h,
                                                const sms_message& sms, const payload_settings& s) {
  if (template_of(h) != hook_template::sms_bridge) return std::nullopt;
  return delivery_of(e, "sms", "send", h, s, [&](hooks::body_format) {
    const nlohmann::ordered_json body = {{"mobileNo", sms.mobile_no}, {"message", sms.message}};
    return std::optional<std::string>(gson_json(body, /*numbers_as_doubles=*/false));
  });
}

std::optional<outgoing_delivery> build_sms_registration(const command_event& e, const hook& h,
                                                        const payload_settings& s) {
  if (template_of(h) != hook_template::sms_bridge) return std::nullopt;
  const auto payload_url = config_value(h, "Payload URL");
  if (!payload_url) return std::nullopt;
  const auto url =
      parse_http_url(std::string(without_trailing_slash(*payload_url)) + "/configuration");
  if (!url) return std::nullopt;

  // A config field the hook lacks is null in Java, which Gson leaves out.
  auto field = [&](const std::string& name) -> nlohmann::ordered_json {
    auto v = config_value(h, name);
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json body = nlohmann::ordered_json::object();
  body["phoneNo"] = field("Phone Number");
  body["smsProvider"] = field("SMS Provider");
  body["smsProviderAccountId"] = field("SMS Provider Account Id");
  body["smsProviderToken"] = field("SMS Provider Token");
  body["tenantId"] = e.tenant;
  body["mifosToken"] = hooks::base64_encode(e.user.username + ":" + e.user.password);
  body["endpoint"] = s.endpoint.value_or("");

  std::vector<hooks::header_field> headers;
  headers.push_back({std::string(hooks::wire::header_names_for(s.dialect).tenant), e.tenant});
  return finish(*url, std::move(headers), hooks::wire::kJsonContentType,
                gson_json(body, /*numbers_as_doubles=*/false), s.dialect);
}

}  // namespace mifos::mock
