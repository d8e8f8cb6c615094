// flags.cpp: the flags, defined once for reading and for --help.
#include "flags.hpp"

#include <algorithm>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/listen_options.hpp>
#include <mifos_cli/options.hpp>

namespace sms_bridge {
namespace {

const char* const kIntro =
    R"(The Mifos X SMS Bridge (mifos-twilio-bridge) rebuilt on mifos-hooks. Point an "SMS Bridge"
hook's Payload URL at http://HOST:PORT/modules/sms. On the hook's first event the server
registers itself (POST /modules/sms/configuration) and gets an API key; from then on each
CLIENT CREATE sends the new client a welcome SMS, each LOAN REPAYMENT a receipt, each SMS SEND
its message. The bridge answers the delivery at once and does the work on a worker thread:
it calls the server back (GET clients/{id}, loans/{id}) with the credentials the registration
carried, then sends through Twilio. Tenants and events are kept in an SQLite file; events not
sent yet are taken up again after a restart. Logs go to stderr. Stops cleanly on SIGINT or
SIGTERM and exits 0.)";

const char* const kNotes =
    R"(endpoints (all but the registration need the tenant's key in X-Mifos-API-Key or
X-Fineract-API-Key; the server sends it with each event):
  POST   /modules/sms/configuration              register a tenant: 201 and the key
  POST   /modules/sms                            a hook event: 200, then the SMS
  GET    /modules/sms/configuration/{tenant}     the configuration, tokens masked
  DELETE /modules/sms/configuration/{tenant}     forget the tenant and its events
  GET    /modules/sms/events/{tenant}?limit=N    the newest N events (default 100)
  POST   /modules/sms/events/{tenant}/_resend    queue every failed event again

Once it accepts connections it prints "listening on http://ADDRESS:PORT" on stderr.
Exit codes: 0 stopped by a signal, 1 could not start, 2 bad command line.)";

void define(CLI::App& app, settings& s) {
  mifos::cli::set_up(app, {"usage: sms-bridge [options]", kIntro, kNotes});
  mifos::cli::add_listen_options(app, {s.address, s.port, s.threads});
  mifos::cli::add_text_option(app, "--db", s.db,
                              "the SQLite file for tenants and events (default sms-bridge.db)",
                              "FILE", mifos::cli::text_rule::non_empty);
  mifos::cli::add_value_option(
      app, "--twilio-base",
      [&s](const std::string& v) -> std::string {
        if (!v.starts_with("http://") && !v.starts_with("https://"))
          return "takes an http:// or https:// URL";
        s.twilio_base = v;
        return "";
      },
      "the Twilio API base URL (default https://api.twilio.com); a compatible\n"
      "gateway or a test server",
      "URL");
  mifos::cli::add_switch(app, "--fineract-insecure", s.fineract_insecure,
                         "do not verify the server's TLS certificate when calling it back (a\n"
                         "Fineract on https://localhost:8443 has a self-signed one)");
}

}  // namespace

std::string help_text() { return mifos::cli::help_of(settings{}, define); }

std::optional<settings> read_flags(int argc, char** argv, std::string& error) {
  return mifos::cli::read_settings(settings{}, define, {argv + std::min(argc, 1), argv + argc},
                                   error);
}

}  // namespace sms_bridge
