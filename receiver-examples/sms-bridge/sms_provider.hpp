// sms_provider.hpp: what the bridge needs from an SMS provider: send one text, get the
// provider's message id or the reason it was not sent. One provider object per tenant, since
// each tenant registers its own account. twilio_provider.hpp is the one the bridge has.
//
//   std::unique_ptr<sms_bridge::sms_provider> p = make_provider(tenant);
//   sms_bridge::send_result r = p->send("+15550001111", "+254712345678", "Hello");
//   if (r.ok()) store(r.provider_id); else log(r.error);
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace sms_bridge {

struct send_result {
  std::string provider_id;  // the provider's id for the message (Twilio: "SM..."), when sent
  std::string error;        // why it was not sent, one line

  bool ok() const noexcept { return error.empty(); }
};

class sms_provider {
 public:
  virtual ~sms_provider() = default;
  // Blocking; may take up to the provider's timeout. Never throws for a refusal or a network
  // error: those come back as send_result::error.
  virtual send_result send(std::string_view from, std::string_view to, std::string_view text) = 0;
};

}  // namespace sms_bridge
