// configuration.hpp: the SMS Bridge registration (docs/wire-format.md section 8): the JSON body
// Mifos X / Fineract <= 1.4 posts to <Payload URL>/configuration on a hook's first event, the API
// key the bridge answers with, and the configuration as the bridge shows it back (secrets masked).
//
//   auto read = sms_bridge::read_registration(request.body, now);
//   if (auto* why = std::get_if<std::string>(&read)) return error_answer(400, *why);
//   const sms_bridge::tenant_config& config = std::get<sms_bridge::tenant_config>(read);
//   // config.api_key: md5 hex of "tenantId:mifosToken:accountId:token"
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "records.hpp"

namespace sms_bridge {

// The SMS providers the bridge can send with, lower case.
bool supported_provider(std::string_view name) noexcept;  // "twilio", any case

// 32 lower-case hex characters: md5 of "tenantId:mifosToken:accountId:token", the key the
// original mifos-twilio-bridge derives (so a server that kept its key keeps working).
std::string derive_key(std::string_view tenant_id, std::string_view mifos_token,
                       std::string_view account_id, std::string_view provider_token);

// The registration body, checked: a JSON object with the seven string fields, none empty, a
// provider the bridge has, an http(s) endpoint. The tenant, with its key derived, or why not.
std::variant<tenant_config, std::string> read_registration(
    std::string_view body, std::chrono::system_clock::time_point now);

// {"tenantId","phoneNo","smsProvider","smsProviderAccountId","smsProviderToken","mifosToken",
//  "endpoint","createdAt"}: both tokens masked as "********", never shown.
nlohmann::ordered_json configuration_json(const tenant_config& t);

}  // namespace sms_bridge
