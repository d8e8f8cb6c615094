// flags.cpp: the flags, defined once for reading and for --help.
#include "flags.hpp"

#include <algorithm>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/listen_options.hpp>
#include <mifos_cli/options.hpp>

namespace hello {
namespace {

const char* const kIntro =
    R"(Takes Mifos X / Apache Fineract hook deliveries and prints each event as one line of
normalized JSON on stdout (flushed per line). Logs go to stderr. Stops cleanly on SIGINT or
SIGTERM, finishing requests in flight, and exits 0.)";

const char* const kNotes =
    R"(Once it accepts connections it prints "listening on http(s)://ADDRESS:PORT/PATH" on stderr
(and "admin on http://127.0.0.1:PORT" with --admin-port). The token is never printed.
Sizes: 1048576, 64KiB, 1MiB. Exit codes: 0 stopped by a signal, 1 could not start, 2 bad
command line.)";

void define_receiving(CLI::App& app, settings& s) {
  using mifos::cli::add_text_option;
  using mifos::cli::text_rule;
  auto& o = s.options;
  o.threads = 2;  // what 0 means; shown as the default
  mifos::cli::add_listen_options(app, {o.address, o.port, o.threads});
  mifos::cli::add_hook_options(app, {o.paths, o.secret, o.tenants});
  mifos::cli::add_size_option(
      app, "--max-bytes", [&o](std::uint64_t n) { o.max_request_bytes = n; },
      "largest request accepted, headers included (default 1048576); else 413", 1024,
      std::uint64_t{1} << 32);
  mifos::cli::add_number_option<std::size_t>(
      app, "--max-connections", 1, 1'000'000, o.max_connections,
      "connections open at once (default 10000); one more gets 503");
  add_text_option(app, "--tls-cert", o.tls_cert_file,
                  "serve HTTPS with this PEM certificate (chain)...", "FILE", text_rule::non_empty);
  add_text_option(app, "--tls-key", o.tls_key_file, "...and this PEM private key", "FILE",
                  text_rule::non_empty);
  mifos::cli::add_switch(app, "--quiet", s.quiet,
                         "count events instead of printing them; on stop, print one line per\n"
                         "ENTITY.ACTION with its count (\"CLIENT.CREATE 3\"), sorted, on stdout");
}

void define_guarantees(CLI::App& app, settings& s) {
  using mifos::cli::add_number_option;
  using mifos::cli::add_text_option;
  using mifos::cli::text_rule;
  const std::string group = "delivery guarantees (docs/receiver.md, \"Delivery guarantees\")";
  auto& o = s.options;
  add_number_option<int>(app, "--workers", 0, 256, o.workers,
                         "run handlers on N workers after answering (default 0: before answering)")
      ->group(group);
  add_number_option<std::size_t>(
      app, "--queue", 1, 100'000'000, o.queue_capacity,
      "deliveries waiting for a worker, at most (default 10000); when full a\n"
      "request waits 1 s for room, then gets 503")
      ->group(group);
  add_text_option(app, "--journal", o.journal_dir,
                  "answer 200 only once the delivery is on disk in DIR (fsync shared by\n"
                  "concurrent requests); after a crash, handle what was not handled",
                  "DIR", text_rule::non_empty)
      ->group(group);
  add_number_option<int>(app, "--attempts", 1, 100, o.max_attempts,
                         "dispatches of a failing delivery before it is dead-lettered (default 5)")
      ->group(group);
  add_text_option(app, "--dead-letter", o.dead_letter_file,
                  "where given-up deliveries go, replayable with mock-mifos play\n"
                  "(default DIR/dead-letter.jsonl with --journal)",
                  "FILE", text_rule::non_empty)
      ->group(group);
  add_number_option<std::size_t>(
      app, "--dedupe", 0, 10'000'000, o.dedupe_window,
      "answer 200 to a repeat of one of the last N deliveries without handling\n"
      "it again (default 0: off)")
      ->group(group);
  add_text_option(app, "--out", s.out_file,
                  "append event lines to FILE instead of stdout, each with its\n"
                  "\"deliveryId\"; ids already in FILE are skipped, so with --journal every\n"
                  "accepted delivery appears exactly once, across crashes and restarts",
                  "FILE", text_rule::non_empty)
      ->group(group);
  mifos::cli::add_value_option(
      app, "--fail-on",
      [&s](const std::string& v) -> std::string {
        if (v.find('.') == std::string::npos) return "takes ENTITY.ACTION";
        s.fail_on = v;
        return "";
      },
      "the handler throws for ENTITY.ACTION E.A (to try retries and dead letters)", "E.A")
      ->group(group);
  add_number_option<std::uint16_t>(
      app, "--admin-port", 0, 65535, [&o](std::uint16_t n) { o.admin_port = n; },
      "serve GET /healthz and GET /metrics (Prometheus) on 127.0.0.1:N\n"
      "(0 = any free port, see the log line)")
      ->group(group);
}

void define(CLI::App& app, settings& s) {
  mifos::cli::set_up(app, {"usage: hello-receiver [options]", kIntro, kNotes});
  define_receiving(app, s);
  define_guarantees(app, s);
}

}  // namespace

std::string help_text() { return mifos::cli::help_of(settings{}, define); }

std::optional<settings> read_flags(int argc, char** argv, std::string& error) {
  error.clear();
  auto s =
      mifos::cli::read_settings(settings{}, define, {argv + std::min(argc, 1), argv + argc}, error);
  if (!s) return std::nullopt;
  for (const auto& tenant : s->options.tenants)
    if (tenant.empty()) error = "--tenant needs a non-empty value";
  if (!s->help && s->options.tls_cert_file.empty() != s->options.tls_key_file.empty())
    error = "--tls-cert and --tls-key go together";
  if (!s->help && !error.empty()) return std::nullopt;
  return s;
}

}  // namespace hello
