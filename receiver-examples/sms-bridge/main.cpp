// sms-bridge: the Mifos X SMS Bridge (mifos-twilio-bridge) rebuilt on mifos-hooks: welcome SMS
// for new clients, receipts for loan repayments, and any SMS a hook's message template asks for.
//
//   sms-bridge --port 9191 --db /var/lib/sms-bridge/bridge.db
//   # stderr: listening on http://127.0.0.1:9191
//
// Point an "SMS Bridge" hook's Payload URL at http://HOST:9191/modules/sms. Wiring only: the
// protocol is protocol.cpp, the work worker.cpp, the provider twilio_provider.cpp.

#include <cstdio>
#include <exception>
#include <memory>
#include <mifos/hooks/http_server.hpp>
#include <mutex>
#include <string>

#include "compose.hpp"
#include "flags.hpp"
#include "protocol.hpp"
#include "sqlite_store.hpp"
#include "twilio_provider.hpp"
#include "worker.hpp"

namespace {

void log_line(const std::string& line) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::fprintf(stderr, "sms-bridge: %s\n", line.c_str());
  std::fflush(stderr);
}

}  // namespace

int main(int argc, char** argv) {
  // Blocked until wait_for_signal(): a SIGTERM sent as soon as the "listening" line appears is
  // held, not lost, and the worker thread inherits the mask.
  mifos::hooks::block_stop_signals();

  std::string error;
  auto parsed = sms_bridge::read_flags(argc, argv, error);
  if (!parsed) {
    std::fprintf(stderr, "sms-bridge: %s\n\n%s", error.c_str(), sms_bridge::help_text().c_str());
    return 2;
  }
  if (parsed->help) {
    std::fputs(sms_bridge::help_text().c_str(), stdout);
    return 0;
  }
  const sms_bridge::settings s = *parsed;

  try {
    sms_bridge::sqlite_store store(s.db);
    auto providers =
        [&s](const sms_bridge::tenant_config& t) -> std::unique_ptr<sms_bridge::sms_provider> {
      if (t.sms_provider != "twilio") return nullptr;
      return std::make_unique<sms_bridge::twilio_provider>(
          sms_bridge::twilio_settings{s.twilio_base, t.account_id, t.provider_token});
    };
    auto lookups =
        [&s](const sms_bridge::tenant_config& t,
             mifos::hooks::wire_dialect d) -> std::unique_ptr<sms_bridge::fineract_lookup> {
      return std::make_unique<sms_bridge::rest_lookup>(
          sms_bridge::callback_options(t, d, /*verify_tls=*/!s.fineract_insecure));
    };
    sms_bridge::worker work(store, providers, lookups, {}, log_line);
    sms_bridge::protocol bridge(store, [&work](std::int64_t id) { work.enqueue(id); });

    mifos::hooks::http_server_options options;
    options.address = s.address;
    options.port = s.port;
    options.threads = s.threads;
    mifos::hooks::http_server server(
        [&bridge](const mifos::hooks::delivery& request) {
          return bridge.handle(request, std::chrono::system_clock::now());
        },
        options);
    work.start();  // events left pending by the last run first
    server.start();
    log_line("tenants and events in " + s.db + "; SMS through " + s.twilio_base);
    std::fprintf(stderr, "listening on http://%s:%u\n", s.address.c_str(),
                 static_cast<unsigned>(server.port()));
    std::fflush(stderr);

    server.wait_for_signal();  // stops the server: no new events after this
    work.stop();
    log_line("stopped");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sms-bridge: %s\n", e.what());
    return 1;
  }
  return 0;
}
