// twilio_provider.hpp: SMS through Twilio's Messages API (or anything that speaks it: a test's
// capture server, a Twilio-compatible gateway), the one provider the original bridge had.
//
// The request and the reading of the answer are pure functions, so they are tested without a
// network; twilio_provider only sends what twilio_request() builds.
//
//   sms_bridge::twilio_provider twilio({.base_url = "https://api.twilio.com",
//                                       .account_sid = "AC...", .auth_token = "..."});
//   auto r = twilio.send("+15550001111", "+254712345678", "Hello");  // r.provider_id: "SM..."
#pragma once

#include <mifos/hooks/http_client.hpp>
#include <string>
#include <string_view>

#include "sms_provider.hpp"

namespace sms_bridge {

inline constexpr std::string_view kTwilioBaseUrl = "https://api.twilio.com";

struct twilio_settings {
  std::string base_url = std::string(kTwilioBaseUrl);  // a trailing '/' is fine
  std::string account_sid;
  std::string auth_token;
};

// POST {base}/2010-04-01/Accounts/{sid}/Messages.json, form body To, From, Body,
// Authorization: Basic sid:token, Accept: application/json.
mifos::hooks::client_request twilio_request(const twilio_settings& s, std::string_view from,
                                            std::string_view to, std::string_view text);

// 201 with a JSON "sid": sent. Anything else: an error naming the status and Twilio's
// "message" (or the start of the body), or the transport error when there was no answer.
send_result read_twilio_answer(const mifos::hooks::client_response& r);

class twilio_provider final : public sms_provider {
 public:
  twilio_provider(twilio_settings settings, mifos::hooks::http_client_options options = {});
  send_result send(std::string_view from, std::string_view to, std::string_view text) override;

 private:
  twilio_settings settings_;
  mifos::hooks::http_client client_;
};

}  // namespace sms_bridge
