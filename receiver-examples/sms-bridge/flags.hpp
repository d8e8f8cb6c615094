// flags.hpp: sms-bridge's command line.
//
//   std::string error;
//   auto s = sms_bridge::read_flags(argc, argv, error);  // nullopt: error says why (exit 2)
//   if (s && s->help) { std::fputs(sms_bridge::help_text().c_str(), stdout); return 0; }
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sms_bridge {

// The --help text, generated from the flag definitions.
std::string help_text();

struct settings {
  std::string address = "127.0.0.1";
  std::uint16_t port = 9191;
  std::string db = "sms-bridge.db";
  std::string twilio_base = "https://api.twilio.com";
  bool fineract_insecure = false;  // do not verify the server's TLS certificate on callbacks
  int threads = 2;
  bool help = false;
};

// Accepts "--flag value" and "--flag=value".
std::optional<settings> read_flags(int argc, char** argv, std::string& error);

}  // namespace sms_bridge
