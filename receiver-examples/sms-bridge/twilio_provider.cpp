// twilio_provider.cpp: Twilio's Messages API as a request value and an answer reader.
#include "twilio_provider.hpp"

#include <nlohmann/json.hpp>
#include <utility>

namespace sms_bridge {
namespace {

// The account SID goes into the URL path: anything but letters and digits is escaped, so a
// strange SID cannot change the path.
std::string path_segment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
    }
  }
  return out;
}

// One line of at most 200 bytes, for a log line or an event's error.
std::string excerpt(std::string_view text) {
  std::string out(text.substr(0, 200));
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

mifos::hooks::client_request twilio_request(const twilio_settings& s, std::string_view from,
                                            std::string_view to, std::string_view text) {
  std::string base = s.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  mifos::hooks::client_request r;
  r.method = "POST";
  r.url = base + "/2010-04-01/Accounts/" + path_segment(s.account_sid) + "/Messages.json";
  r.headers = {{"Authorization", mifos::hooks::basic_authorization(s.account_sid, s.auth_token)},
               {"Accept", "application/json"}};
  r.body = mifos::hooks::form_encode(
      {{"To", std::string(to)}, {"From", std::string(from)}, {"Body", std::string(text)}});
  r.content_type = "application/x-www-form-urlencoded";
  return r;
}

send_result read_twilio_answer(const mifos::hooks::client_response& r) {
  if (r.status == 0) return {{}, "no answer from the SMS provider: " + r.error};
  const auto json = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (r.status == 201) {
    auto sid = json.is_object() ? json.find("sid") : json.end();
    if (sid != json.end() && sid->is_string() && !sid->get_ref<const std::string&>().empty())
      return {sid->get<std::string>(), {}};
    return {{}, "the SMS provider answered 201 without a message sid: " + excerpt(r.body)};
  }
  std::string why = excerpt(r.body);
  if (json.is_object()) {
    auto message = json.find("message");
    if (message != json.end() && message->is_string()) why = excerpt(message->get<std::string>());
  }
  return {{}, "the SMS provider answered " + std::to_string(r.status) + ": " + why};
}

twilio_provider::twilio_provider(twilio_settings settings,
                                 mifos::hooks::http_client_options options)
    : settings_(std::move(settings)), client_(std::move(options)) {}

send_result twilio_provider::send(std::string_view from, std::string_view to,
                                  std::string_view text) {
  return read_twilio_answer(client_.send(twilio_request(settings_, from, to, text)));
}

}  // namespace sms_bridge
