// serve_command.cpp: `mock-mifos serve`, the Fineract-compatible mock server.
#include <cstdio>
#include <iostream>
#include <mifos/hooks/http_server.hpp>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/options.hpp>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/wire_flags.hpp"
#include "server/mock_server.hpp"

namespace mifos::mock::cli {
namespace {

constexpr const char* kServeIntro =
    R"(Runs a mock Apache Fineract (or Mifos X) server on 127.0.0.1: the REST API of a small
in-memory portfolio (offices, clients, groups, centers, loans, savings, journal entries), the
hooks admin API, and hook deliveries sent exactly as the real server sends them: one POST per
active hook, asynchronously, no retries, 10 s timeouts.)";

constexpr const char* kServeNotes =
    R"(Once it accepts connections it prints "listening on http://ADDRESS:PORT/<api root>" on stderr.
Each delivery prints one line on stdout. On SIGINT or SIGTERM it finishes sending what was
fired, prints a summary on stderr and exits 0.

Mock-only endpoints (no tenant or credentials): GET /mock/deliveries?limit=N&after=SEQ,
DELETE /mock/deliveries, GET /mock/health.)";

struct serve_flags {
  serve_options o;
  std::vector<std::string> users;
  std::vector<std::string> tenants;
  bool quiet = false;
};

int serve_usage_error(const std::string& message) { return cli::usage_error("serve", message); }

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

void define(CLI::App& cmd, serve_flags& f) {
  using mifos::cli::add_number_option;
  mifos::cli::set_up(cmd, {"usage: mock-mifos serve [options]", kServeIntro, kServeNotes});
  serve_options& o = f.o;
  add_number_option<std::uint16_t>(cmd, "--port", 0, 65535, o.port,
                                   "TCP port (default 8443; 0 = any free port, see the log line)");
  mifos::cli::add_text_option(cmd, "--address", o.address,
                              "interface to listen on (default 127.0.0.1)", "A");
  add_wire_options(cmd, o.mock.dialect, o.mock.failures,
                   "fineract (X-Fineract-* headers, envelope bodies, API root\n"
                   "/fineract-provider/api/v1) or mifos (X-Mifos-* headers, bare command\n"
                   "results, /mifosng-provider/api/v1). Default fineract.",
                   "how failed commands are delivered in the fineract dialect:\n"
                   "stripped (Fineract 1.9+, no response; default) or exception (1.5-1.8,\n"
                   "\"status\":\"Exception\" with the error body)");
  mifos::cli::add_switch(cmd, "--lenient-urls", o.mock.lenient_urls,
                         "accept Payload URLs with a path and no trailing '/' (Fineract 1.7+\n"
                         "refuses them)");
  mifos::cli::add_repeated_option(cmd, "--user", f.users,
                                  "another API user besides mifos:password (repeatable)",
                                  "NAME:PASSWORD");
  mifos::cli::add_repeated_option(cmd, "--tenant", f.tenants,
                                  "a tenant (repeatable; default: default)", "ID");
  add_number_option<int>(cmd, "--threads", 1, 64, o.threads, "threads serving the API (default 2)");
  add_number_option<std::size_t>(cmd, "--senders", 1, 256, o.senders,
                                 "threads sending hook deliveries (default 8)");
  add_number_option<std::size_t>(cmd, "--log-size", 1, 1'000'000, o.log_capacity,
                                 "deliveries kept for GET /mock/deliveries (default 1000)");
  mifos::cli::add_switch(cmd, "--quiet", f.quiet, "do not print a line per delivery");
}

int run(serve_flags& f) {
  serve_options& o = f.o;
  for (const auto& u : f.users) {
    auto credentials = user_directory::parse_credentials(u);
    if (!credentials) return serve_usage_error("--user must be NAME:PASSWORD, not \"" + u + "\"");
    o.mock.users.push_back(*credentials);
  }
  if (!f.tenants.empty()) {
    for (const auto& t : f.tenants)
      if (t.empty()) return serve_usage_error("--tenant must not be empty");
    o.mock.tenants = f.tenants;
  }

  // Block SIGINT and SIGTERM before any thread starts, so they wait for wait_for_signal().
  mifos::hooks::block_stop_signals();

  std::function<void(const logged_delivery&)> on_delivery;
  if (!f.quiet) on_delivery = print_delivery;
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

}  // namespace

command_runner add_serve_command(CLI::App& app) {
  auto flags = std::make_shared<serve_flags>();
  define(*app.add_subcommand("serve",
                             "run the mock server (REST API, hooks admin API, hook deliveries)"),
         *flags);
  return [flags] { return run(*flags); };
}

}  // namespace mifos::mock::cli
