// configuration.cpp: registration checks, the key (OpenSSL's EVP md5) and the masked view.
#include "configuration.hpp"

#include <openssl/evp.h>

#include <cctype>
#include <mifos/hooks/delivery.hpp>
#include <utility>

namespace sms_bridge {
namespace {

constexpr const char* kMasked = "********";

struct registration_field {
  const char* name;
  std::string tenant_config::*target;
};

// The wire names of the registration body and where each goes.
constexpr registration_field kFields[] = {
    {"tenantId", &tenant_config::tenant_id},
    {"phoneNo", &tenant_config::phone_no},
    {"smsProvider", &tenant_config::sms_provider},
    {"smsProviderAccountId", &tenant_config::account_id},
    {"smsProviderToken", &tenant_config::provider_token},
    {"mifosToken", &tenant_config::mifos_token},
    {"endpoint", &tenant_config::endpoint},
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return text.size() > prefix.size() &&
         mifos::hooks::iequals(text.substr(0, prefix.size()), prefix);
}

}  // namespace

bool supported_provider(std::string_view name) noexcept {
  return mifos::hooks::iequals(name, "twilio");
}

std::string derive_key(std::string_view tenant_id, std::string_view mifos_token,
                       std::string_view account_id, std::string_view provider_token) {
  std::string input;
  input.append(tenant_id).append(":").append(mifos_token).append(":");
  input.append(account_id).append(":").append(provider_token);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(input.data(), input.size(), digest, &length, EVP_md5(), nullptr) != 1)
    return {};  // no md5 in this OpenSSL (a FIPS-only build): callers refuse an empty key
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  for (unsigned int i = 0; i < length; ++i) {
    key.push_back(kHex[digest[i] >> 4]);
    key.push_back(kHex[digest[i] & 0x0f]);
  }
  return key;
}

std::variant<tenant_config, std::string> read_registration(
    std::string_view body, std::chrono::system_clock::time_point now) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return std::string("the configuration body is not JSON");
  if (!json.is_object()) return std::string("the configuration body is not a JSON object");
  tenant_config t;
  for (const auto& field : kFields) {
    auto it = json.find(field.name);
    if (it == json.end() || it->is_null())
      return std::string("the configuration has no \"") + field.name + "\"";
    if (!it->is_string() || it->get_ref<const std::string&>().empty())
      return std::string("\"") + field.name + "\" must be a non-empty string";
    t.*field.target = it->get<std::string>();
  }
  if (!supported_provider(t.sms_provider))
    return "smsProvider \"" + t.sms_provider + "\" is not one the bridge has (twilio)";
  t.sms_provider = lower(t.sms_provider);
  if (!starts_with_nocase(t.endpoint, "http://") && !starts_with_nocase(t.endpoint, "https://"))
    return std::string("\"endpoint\" must be an http:// or https:// URL");
  t.api_key = derive_key(t.tenant_id, t.mifos_token, t.account_id, t.provider_token);
  if (t.api_key.empty()) return std::string("this OpenSSL cannot compute md5 keys");
  t.created_at = iso_utc(now);
  return t;
}

nlohmann::ordered_json configuration_json(const tenant_config& t) {
  return {{"tenantId", t.tenant_id},       {"phoneNo", t.phone_no},
          {"smsProvider", t.sms_provider}, {"smsProviderAccountId", t.account_id},
          {"smsProviderToken", kMasked},   {"mifosToken", kMasked},
          {"endpoint", t.endpoint},        {"createdAt", t.created_at}};
}

}  // namespace sms_bridge
