// records.hpp: what the SMS bridge keeps: one configuration per tenant (what the SMS Bridge hook
// registered) and one record per hook event it accepted, with the SMS it led to.
//
//   sms_bridge::sms_event e;
//   e.tenant = "default";
//   e.entity = "CLIENT";
//   e.action = "CREATE";
//   e.client_id = 4;
//   std::cout << sms_bridge::to_json(e).dump();  // {"id":0,"entity":"CLIENT",...}
#pragma once

#include <chrono>
#include <cstdint>
#include <mifos/hooks/wire.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace sms_bridge {

// One tenant's registration (POST /modules/sms/configuration). The tokens are secrets: they are
// stored as received (the bridge needs them to call back and to send), and never shown.
struct tenant_config {
  std::string tenant_id;
  std::string api_key;         // md5 hex, what the server sends as X-*-API-Key
  std::string phone_no;        // the sender number SMS go out from
  std::string sms_provider;    // lower case: "twilio"
  std::string account_id;      // the provider account (Twilio's account SID)
  std::string provider_token;  // the provider secret (Twilio's auth token)
  std::string mifos_token;     // base64 "user:password", sent back as HTTP Basic
  std::string endpoint;        // the server's API base, for the callbacks
  std::string created_at;      // ISO-8601 UTC
};

enum class event_state { pending, sent, failed, skipped };

std::string_view to_string(event_state s) noexcept;
std::optional<event_state> event_state_from(std::string_view text) noexcept;

// One accepted hook event and what became of it.
struct sms_event {
  std::int64_t id = 0;  // assigned by the store
  std::string tenant;
  std::string entity;  // upper case: CLIENT, LOAN, SMS
  std::string action;  // upper case: CREATE, REPAYMENT, SEND
  // Which tenant header the callbacks to the server use.
  mifos::hooks::wire_dialect dialect = mifos::hooks::wire_dialect::fineract;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> loan_id;
  std::optional<std::string> amount;  // a repayment's transactionAmount, as sent
  event_state state = event_state::pending;
  std::string mobile_no;    // known at once for SMS SEND, else after the callbacks
  std::string message;      // likewise
  std::string provider_id;  // the provider's message id (Twilio's sid) once sent
  std::string error;        // why the last attempt failed, or why the event was skipped
  int attempts = 0;         // sends (or callbacks) tried so far
  std::string received_at;  // ISO-8601 UTC
};

// {"id","entity","action","state","mobileNo","message","providerId","error","attempts",
//  "receivedAt"}, with "clientId" and "loanId" when the event has them.
nlohmann::ordered_json to_json(const sms_event& e);

// "2024-10-24T09:52:59Z"
std::string iso_utc(std::chrono::system_clock::time_point t);

}  // namespace sms_bridge
