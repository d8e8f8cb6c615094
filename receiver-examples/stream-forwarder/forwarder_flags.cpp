// forwarder_flags.cpp: the flags, defined once for reading and for --help; the defaults live in
// default_forwarder_settings.
#include "forwarder_flags.hpp"

#include <chrono>
#include <limits>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/listen_options.hpp>
#include <mifos_cli/options.hpp>

#include "redis_flags.hpp"

namespace stream_forwarder {
namespace {

using namespace std::chrono_literals;

const char* const kUsage = "usage: stream-forwarder [options]";

const char* const kForwarderIntro =
    R"(Takes Mifos X / Apache Fineract hook deliveries and appends each event to a Redis Stream, one
stream per tenant (<prefix><tenant>), for any number of workers to read through consumer groups
(see stream-consumer). Each delivery is written to a journal on disk before it is answered 200,
then forwarded; while Redis is down it is retried with backoff and waits in the journal, across
restarts too. Each delivery lands in its stream exactly once: a Lua script records
<prefix>seen:<replica>:<delivery id> and adds the entry in one atomic step.
Stops cleanly on SIGINT or SIGTERM. Logs go to stderr.)";

const char* const kForwarderNotes =
    R"(Durations: 500ms, 2s, 5m, 24h, 7d (a bare number is seconds). Once it accepts connections it
prints "listening on http://ADDRESS:PORT" on stderr. Exit codes: 0 stopped by a signal, 1 could
not start (journal, address), 2 bad command line.)";

void define_receiver_flags(CLI::App& app, mifos::hooks::receiver_options& o) {
  using mifos::cli::add_number_option;
  using mifos::cli::text_rule;
  mifos::cli::add_address_options(app, o.address, o.port);
  mifos::cli::add_hook_options(app, {o.paths, o.secret, o.tenants});
  mifos::cli::add_text_option(
      app, "--journal", o.journal_dir,
      "the durable journal (default ./forwarder-journal); one per forwarder", "DIR",
      text_rule::non_empty);
  add_number_option<int>(app, "--workers", 1, 256, o.workers,
                         "threads forwarding to Redis (default 2)");
  add_number_option<std::size_t>(
      app, "--queue", 1, 100'000'000, o.queue_capacity,
      "deliveries accepted but not yet in Redis, at most (default 10000); when\n"
      "full a request waits 1 s for room, then gets 503");
  add_number_option<int>(app, "--attempts", 1, std::numeric_limits<int>::max(), o.max_attempts,
                         "tries per delivery before it goes to DIR/dead-letter.jsonl\n"
                         "(default 1000000: with the 2 s backoff cap, weeks of Redis outage)");
}

void define_forwarder_flags(CLI::App& app, forwarder_settings& s) {
  using mifos::cli::text_rule;
  mifos::cli::set_up(app, {kUsage, kForwarderIntro, kForwarderNotes});
  define_receiver_flags(app, s.options);
  add_redis_options(app, s.redis);
  mifos::cli::add_duration_option(
      app, "--redis-timeout",
      [&s](std::chrono::microseconds d) {
        s.redis.connect_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(d);
        s.redis.command_timeout = s.redis.connect_timeout;
      },
      "connect and command timeout (default 5s)", 1ms);
  mifos::cli::add_text_option(app, "--stream-prefix", s.streams.prefix,
                              "streams are P<tenant> (default mifos:events:)", "P",
                              text_rule::non_empty);
  mifos::cli::add_number_option<std::uint64_t>(
      app, "--maxlen", 0, std::numeric_limits<std::int64_t>::max(), s.streams.maxlen,
      "cap each stream at about N entries (MAXLEN ~; default 1000000; 0 = no cap)");
  mifos::cli::add_text_option(
      app, "--replica", s.streams.replica,
      "this forwarder's name in the dedupe keys and the entries' replica field\n"
      "(default HOST:JOURNAL-DIR). It must stay the same across restarts of one\n"
      "journal, and two forwarders with different journals must NEVER share a\n"
      "name: each journal numbers its deliveries 1, 2, ..., so a shared name would\n"
      "make their deliveries look like duplicates and drop them. Give a new name\n"
      "if you delete a journal.",
      "NAME", text_rule::non_empty);
  // SET ... EX takes whole seconds: at least one.
  mifos::cli::add_duration_option(
      app, "--dedupe-ttl",
      [&s](std::chrono::microseconds d) {
        s.streams.dedupe_ttl = std::chrono::ceil<std::chrono::seconds>(d);
      },
      "how long a forwarded delivery is remembered (default 24h)", 1s);
  mifos::cli::add_number_option<std::uint16_t>(
      app, "--admin-port", 0, 65535, [&s](std::uint16_t n) { s.options.admin_port = n; },
      "serve GET /healthz and GET /metrics (Prometheus) on 127.0.0.1:N");
}

}  // namespace

forwarder_settings default_forwarder_settings() {
  forwarder_settings s;
  s.options.port = 9300;
  s.options.journal_dir = "forwarder-journal";
  // Hours of Redis outage lose nothing: the delivery waits in the journal, retried every 2 s.
  s.options.max_attempts = 1'000'000;
  s.options.retry_backoff = 100ms;
  s.options.retry_backoff_max = 2s;
  return s;
}

std::string forwarder_help() {
  return mifos::cli::help_of(default_forwarder_settings(), define_forwarder_flags);
}

std::optional<forwarder_settings> read_forwarder_flags(const std::vector<std::string>& args,
                                                       std::string& error) {
  return mifos::cli::read_settings(default_forwarder_settings(), define_forwarder_flags, args,
                                   error);
}

void finish_forwarder_settings(forwarder_settings& s, const std::string& host,
                               const std::string& absolute_journal_dir) {
  if (s.streams.replica.empty()) s.streams.replica = default_replica(host, absolute_journal_dir);
}

}  // namespace stream_forwarder
