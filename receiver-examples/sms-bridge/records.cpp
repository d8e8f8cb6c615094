// records.cpp: the record types' text forms.
#include "records.hpp"

#include <ctime>

namespace sms_bridge {

std::string_view to_string(event_state s) noexcept {
  switch (s) {
    case event_state::pending:
      return "pending";
    case event_state::sent:
      return "sent";
    case event_state::failed:
      return "failed";
    case event_state::skipped:
      return "skipped";
  }
  return "pending";
}

std::optional<event_state> event_state_from(std::string_view text) noexcept {
  for (auto s :
       {event_state::pending, event_state::sent, event_state::failed, event_state::skipped})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

nlohmann::ordered_json to_json(const sms_event& e) {
  nlohmann::ordered_json j = {{"id", e.id}, {"entity", e.entity}, {"action", e.action}};
  if (e.client_id) j["clientId"] = *e.client_id;
  if (e.loan_id) j["loanId"] = *e.loan_id;
  j["state"] = to_string(e.state);
  j["mobileNo"] = e.mobile_no;
  j["message"] = e.message;
  j["providerId"] = e.provider_id;
  j["error"] = e.error;
  j["attempts"] = e.attempts;
  j["receivedAt"] = e.received_at;
  return j;
}

std::string iso_utc(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace sms_bridge
