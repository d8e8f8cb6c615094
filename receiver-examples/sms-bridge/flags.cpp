// flags.cpp: one table row per value flag: its name and how it sets the settings.
#include "flags.hpp"

#include <charconv>
#include <functional>
#include <string_view>
#include <vector>

namespace sms_bridge {

const char* const kUsage = R"(usage: sms-bridge [options]

The Mifos X SMS Bridge (mifos-twilio-bridge) rebuilt on mifos-hooks. Point an "SMS Bridge"
hook's Payload URL at http://HOST:PORT/modules/sms. On the hook's first event the server
registers itself (POST /modules/sms/configuration) and gets an API key; from then on each
CLIENT CREATE sends the new client a welcome SMS, each LOAN REPAYMENT a receipt, each SMS SEND
its message. The bridge answers the delivery at once and does the work on a worker thread:
it calls the server back (GET clients/{id}, loans/{id}) with the credentials the registration
carried, then sends through Twilio. Tenants and events are kept in an SQLite file; events not
sent yet are taken up again after a restart. Logs go to stderr. Stops cleanly on SIGINT or
SIGTERM and exits 0.

options:
  --port N             TCP port to listen on (default 9191; 0 = any free port, see the log line)
  --address A          interface to listen on (default 127.0.0.1; 0.0.0.0 for other hosts)
  --db FILE            the SQLite file for tenants and events (default sms-bridge.db)
  --twilio-base URL    the Twilio API base URL (default https://api.twilio.com); a compatible
                       gateway or a test server
  --fineract-insecure  do not verify the server's TLS certificate when calling it back (a
                       Fineract on https://localhost:8443 has a self-signed one)
  --threads N          threads serving connections (default 2)
  --help               print this text and exit

endpoints (all but the registration need the tenant's key in X-Mifos-API-Key or
X-Fineract-API-Key; the server sends it with each event):
  POST   /modules/sms/configuration              register a tenant: 201 and the key
  POST   /modules/sms                            a hook event: 200, then the SMS
  GET    /modules/sms/configuration/{tenant}     the configuration, tokens masked
  DELETE /modules/sms/configuration/{tenant}     forget the tenant and its events
  GET    /modules/sms/events/{tenant}?limit=N    the newest N events (default 100)
  POST   /modules/sms/events/{tenant}/_resend    queue every failed event again

Once it accepts connections it prints "listening on http://ADDRESS:PORT" on stderr.
)";

namespace {

template <typename Int>
std::optional<Int> to_number(std::string_view text) {
  Int value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Sets one setting from a flag's value; returns an error message, or "" when it is fine.
using setter = std::function<std::string(settings&, std::string_view)>;

template <typename Int, typename Apply>
setter number_in(Int low, Int high, std::string message, Apply apply) {
  return [=](settings& s, std::string_view v) -> std::string {
    auto n = to_number<Int>(v);
    if (!n || *n < low || *n > high) return message;
    apply(s, *n);
    return "";
  };
}

template <typename Apply>
setter text(Apply apply) {
  return [=](settings& s, std::string_view v) -> std::string {
    if (v.empty()) return "needs a non-empty value";
    apply(s, std::string(v));
    return "";
  };
}

struct value_flag {
  std::string_view name;
  setter set;
};

const std::vector<value_flag>& value_flags() {
  static const std::vector<value_flag> flags = {
      {"--port", number_in<std::uint16_t>(0, 65535, "takes a number from 0 to 65535",
                                          [](settings& s, auto n) { s.port = n; })},
      {"--address", text([](settings& s, std::string v) { s.address = std::move(v); })},
      {"--db", text([](settings& s, std::string v) { s.db = std::move(v); })},
      {"--twilio-base",
       [](settings& s, std::string_view v) -> std::string {
         if (v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0)
           return "takes an http:// or https:// URL";
         s.twilio_base = std::string(v);
         return "";
       }},
      {"--threads", number_in<int>(1, 256, "takes a number from 1 to 256",
                                   [](settings& s, int n) { s.threads = n; })},
  };
  return flags;
}

}  // namespace

std::optional<settings> read_flags(int argc, char** argv, std::string& error) {
  settings s;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::optional<std::string_view> inline_value;
    if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string_view::npos) {
      inline_value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    if ((arg == "--help" || arg == "-h") && !inline_value) {
      s.help = true;
      return s;
    }
    if (arg == "--fineract-insecure" && !inline_value) {
      s.fineract_insecure = true;
      continue;
    }
    const value_flag* flag = nullptr;
    for (const auto& f : value_flags())
      if (f.name == arg) flag = &f;
    if (!flag) {
      error = "unknown option " + std::string(argv[i]);
      return std::nullopt;
    }
    if (!inline_value && i + 1 >= argc) {
      error = std::string(arg) + " needs a value";
      return std::nullopt;
    }
    std::string_view value = inline_value ? *inline_value : std::string_view(argv[++i]);
    if (std::string why = flag->set(s, value); !why.empty()) {
      error = std::string(arg) + " " + why;
      return std::nullopt;
    }
  }
  return s;
}

}  // namespace sms_bridge
