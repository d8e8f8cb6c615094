// hello-receiver: takes Mifos X / Fineract hook deliveries and prints each event as one line of
// normalized JSON (design.md) on stdout. Logs go to stderr.
//
//   hello-receiver --port 9000 --path /hooks
//   # stderr: listening on http://127.0.0.1:9000/hooks
//   # stdout: {"entity":"CLIENT","action":"CREATE","tenant":"default",...}
//
// Point a Fineract Web hook's "Payload URL" at http://HOST:9000/hooks/ to try it. With
// --journal DIR --out FILE it never loses an accepted delivery and writes each exactly once.

#include <cstdio>
#include <mifos/hooks.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "event_sink.hpp"
#include "flags.hpp"

namespace {

unsigned long long ull(std::uint64_t n) { return static_cast<unsigned long long>(n); }

void print_summary(const mifos::hooks::receiver_stats& s, std::size_t skipped) {
  std::fprintf(
      stderr,
      "hello-receiver: stopped; %llu accepted, %llu pings, %llu rejected, %llu errors (5xx), "
      "%llu handled, %llu retried, %llu dead-lettered, %llu deduped, %llu recovered, "
      "%zu already written\n",
      ull(s.accepted), ull(s.pings), ull(s.rejected), ull(s.errors), ull(s.handled), ull(s.retried),
      ull(s.dead_lettered), ull(s.deduped), ull(s.recovered), skipped);
}

}  // namespace

int main(int argc, char** argv) {
  // Blocked until wait_for_signal(): a SIGTERM sent as soon as the "listening" line appears is
  // held, not lost (and does not kill the process before it can stop cleanly).
  mifos::hooks::block_stop_signals();

  std::string error;
  auto parsed = hello::read_flags(argc, argv, error);
  if (!parsed) {
    std::fprintf(stderr, "hello-receiver: %s\n\n%s", error.c_str(), hello::help_text().c_str());
    return 2;
  }
  if (parsed->help) {
    std::fputs(hello::help_text().c_str(), stdout);
    return 0;
  }

  try {
    hello::event_sink sink(*parsed);
    const std::string fail_on = parsed->fail_on;
    mifos::hooks::router routes;
    routes
        .on_any([&sink, &fail_on](const mifos::hooks::event& e) {
          if (!fail_on.empty() && e.entity + "." + e.action == fail_on)
            throw std::runtime_error("--fail-on " + fail_on);
          sink.take(e);
        })
        .on_error([](const mifos::hooks::event& e, std::exception_ptr) {
          std::fprintf(stderr, "hello-receiver: a handler failed for %s.%s (attempt %d)\n",
                       e.entity.c_str(), e.action.c_str(), e.attempt);
        });

    // What no status code can say (give-ups, a failed dead-letter write, a failing journal) goes
    // to stderr; the recovery count is printed below, once the receiver has started.
    parsed->options.log = [](mifos::hooks::log_level level, std::string_view message) {
      if (level == mifos::hooks::log_level::info) return;
      std::fprintf(stderr, "hello-receiver: %s: %.*s\n",
                   level == mifos::hooks::log_level::error ? "error" : "warning",
                   static_cast<int>(message.size()), message.data());
    };
    mifos::hooks::receiver server(std::move(routes), parsed->options);
    server.start();
    const auto& o = server.options();
    std::string scheme = o.tls_cert_file.empty() ? "http" : "https";
    if (o.admin_port)
      std::fprintf(stderr, "admin on http://%s:%u\n", o.admin_address.c_str(),
                   static_cast<unsigned>(server.admin_port()));
    if (auto recovered = server.stats().recovered)
      std::fprintf(stderr, "hello-receiver: %llu deliveries recovered from the journal\n",
                   ull(recovered));
    std::fprintf(stderr, "listening on %s://%s:%u%s\n", scheme.c_str(), o.address.c_str(),
                 static_cast<unsigned>(server.port()), o.paths.front().c_str());
    std::fflush(stderr);

    server.wait_for_signal();

    print_summary(server.stats(), sink.skipped());
    if (parsed->quiet) sink.print_counts();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hello-receiver: %s\n", e.what());
    return 1;
  }
  return 0;
}
