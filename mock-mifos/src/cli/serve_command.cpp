// serve_command.cpp: `mock-mifos serve`, the Fineract-compatible mock server.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/wire_flags.hpp"
#include "server/mock_server.hpp"

namespace mifos::mock::cli {
namespace {

constexpr const char* kUsage = R"(usage: mock-mifos serve [options]

Runs a mock Apache Fineract (or Mifos X) server on 127.0.0.1: the REST API of a small
in-memory portfolio (offices, clients, groups, centers, loans, savings, journal entries), the
hooks admin API, and hook deliveries sent exactly as the real server sends them: one POST per
active hook, asynchronously, no retries, 10 s timeouts.

options:
  --port N              TCP port (default 8443; 0 = any free port, see the log line)
  --address A           interface to listen on (default 127.0.0.1)
  --dialect D           fineract (X-Fineract-* headers, envelope bodies, API root
                        /fineract-provider/api/v1) or mifos (X-Mifos-* headers, bare command
                        results, /mifosng-provider/api/v1). Default fineract.
  --failure-shape S     how failed commands are delivered in the fineract dialect:
                        stripped (Fineract 1.9+, no response; default) or exception (1.5-1.8,
                        "status":"Exception" with the error body)
  --lenient-urls        accept Payload URLs with a path and no trailing '/' (Fineract 1.7+
                        refuses them)
  --user NAME:PASSWORD  another API user besides mifos:password (repeatable)
  --tenant ID           a tenant (repeatable; default: default)
  --threads N           threads serving the API (default 2)
  --senders N           threads sending hook deliveries (default 8)
  --log-size N          deliveries kept for GET /mock/deliveries (default 1000)
  --quiet               do not print a line per delivery
  --help                print this text and exit

Once it accepts connections it prints "listening on http://ADDRESS:PORT/<api root>" on stderr.
Each delivery prints one line on stdout. On SIGINT or SIGTERM it finishes sending what was
fired, prints a summary on stderr and exits 0.

Mock-only endpoints (no tenant or credentials): GET /mock/deliveries?limit=N&after=SEQ,
DELETE /mock/deliveries, GET /mock/health.
)";

int usage_error(const std::string& message) { return cli::usage_error("serve", message); }

void print_delivery(const logged_delivery& d) {
  static std::mutex out;
  if (!d.result) return;  // called once the answer is in; kept safe anyway
  std::string status = d.result->answered() ? std::to_string(d.result->status)
                                            : "no answer (" + d.result->error + ")";
  double ms = static_cast<double>(d.result->elapsed.count()) / 1000.0;
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.1f ms", ms);
  std::lock_guard lock(out);
  std::cout << "#" << d.seq << " " << d.entity << "." << d.action << " -> hook " << d.hook_id
            << " \"" << d.hook_name << "\" " << (d.kind == "event" ? "" : d.kind + " ") << d.url
            << ": " << status << " in " << elapsed << std::endl;
}

}  // namespace

int serve_command(int argc, char** argv) {
  flag_spec spec{{"port", "address", "dialect", "failure-shape", "user", "tenant", "threads",
                  "senders", "log-size"},
                 {"lenient-urls", "quiet", "help"}};
  auto read = read_flags(argc, argv, spec);
  if (auto* error = std::get_if<std::string>(&read)) return usage_error(*error);
  const flag_values& flags = std::get<flag_values>(read);
  if (flags.has("help")) {
    std::cout << kUsage;
    return 0;
  }
  if (!flags.positional.empty()) return usage_error("unexpected argument " + flags.positional[0]);

  serve_options o;
  auto number = [&](const char* name, std::uint64_t min, std::uint64_t max,
                    auto& target) -> std::optional<std::string> {
    auto text = flags.last(name);
    if (!text) return std::nullopt;
    auto n = read_number(name, *text, min, max);
    if (auto* e = std::get_if<std::string>(&n)) return *e;
    target = static_cast<std::remove_reference_t<decltype(target)>>(std::get<std::uint64_t>(n));
    return std::nullopt;
  };
  if (auto e = number("port", 0, 65535, o.port)) return usage_error(*e);
  if (auto e = number("threads", 1, 64, o.threads)) return usage_error(*e);
  if (auto e = number("senders", 1, 256, o.senders)) return usage_error(*e);
  if (auto e = number("log-size", 1, 1'000'000, o.log_capacity)) return usage_error(*e);
  if (auto a = flags.last("address")) o.address = *a;
  if (auto e = read_wire_flags(flags, o.mock.dialect, o.mock.failures)) return usage_error(*e);
  o.mock.lenient_urls = flags.has("lenient-urls");
  for (const auto& u : flags.all("user")) {
    auto credentials = user_directory::parse_credentials(u);
    if (!credentials) return usage_error("--user must be NAME:PASSWORD, not \"" + u + "\"");
    o.mock.users.push_back(*credentials);
  }
  if (auto tenants = flags.all("tenant"); !tenants.empty()) {
    for (const auto& t : tenants)
      if (t.empty()) return usage_error("--tenant must not be empty");
    o.mock.tenants = tenants;
  }

  // Block SIGINT and SIGTERM before any thread starts, so they wait for wait_for_signal().
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::function<void(const logged_delivery&)> on_delivery;
  if (!flags.has("quiet")) on_delivery = print_delivery;
  mock_server server(o, on_delivery);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "mock-mifos serve: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "listening on " << server.api_url() << " (dialect "
            << hooks::to_string(o.mock.dialect) << ", failures "
            << (o.mock.failures == failure_shape::stripped ? "stripped" : "exception") << ")"
            << std::endl;
  server.wait_for_signal();
  const delivery_log& log = server.log();
  std::cerr << "mock-mifos serve: stopped after " << log.total() << " deliveries ("
            << log.answered_2xx() << " answered 2xx, " << log.unanswered() << " unanswered)"
            << std::endl;
  return 0;
}

}  // namespace mifos::mock::cli
