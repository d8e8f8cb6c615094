// ugd_sms.cpp: TwilioHookProcessor.processUgdTemplate and TemplateMergeService.compile, in their
// order: the client's mobile number first, then each mapper (its URL itself a template over the
// scope built so far), then the arrays indexed, then the text.
#include "server/ugd_sms.hpp"

#include "wire/sms_message.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

std::string text_of(const json& row, const char* key) {
  auto it = row.find(key);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

ugd_template ugd_template_of(const json& row) {
  ugd_template t;
  t.name = text_of(row, "name");
  t.text = text_of(row, "text");
  if (auto it = row.find("mappers"); it != row.end() && it->is_array()) {
    for (const json& m : *it)
      t.mappers.emplace_back(text_of(m, "mapperkey"), text_of(m, "mappervalue"));
  }
  return t;
}

std::optional<sms_message> ugd_sms(const ugd_template& t, const std::string& payload,
                                   const sms_lookups& lookups) {
  json scope = json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (!scope.is_object()) return std::nullopt;
  // Jackson's (int) cast: a clientId that is not a whole number fails the processor.
  auto client = scope.find("clientId");
  if (client == scope.end() || !client->is_number_integer()) return std::nullopt;
  const auto mobile = lookups.mobile_of ? lookups.mobile_of(client->get<std::int64_t>())
                                        : std::optional<std::string>();
  if (!mobile || mobile->empty()) return std::nullopt;

  scope["BASE_URI"] = lookups.base_uri.empty() ? json(nullptr) : json(lookups.base_uri);
  scope["static"] = {{"now", lookups.now_text}};
  for (const auto& [key, value] : t.mappers) {
    auto url = render_mustache(value, scope);
    if (!url) return std::nullopt;
    // Fineract prefixes "null" when it has no baseUrl yet: the URL is malformed and the
    // processor fails.
    if (url->rfind("http", 0) != 0) {
      if (lookups.base_uri.empty()) return std::nullopt;
      *url = lookups.base_uri + *url;
    }
    if (auto fetched = lookups.get ? lookups.get(*url) : std::nullopt) scope[key] = *fetched;
  }
  auto message = sms_message_text(t.text, scope);
  if (!message) return std::nullopt;
  return sms_message{*mobile, *message};
}

}  // namespace mifos::mock
