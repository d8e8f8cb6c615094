// consumer_flags.cpp: the flags, defined once for reading and for --help, then the stream name
// from --stream or --tenant.
#include "consumer_flags.hpp"

#include <mifos_cli/command_line.hpp>
#include <mifos_cli/options.hpp>

#include "redis_flags.hpp"
#include "stream_commands.hpp"

namespace stream_forwarder {
namespace {

using namespace std::chrono_literals;

const char* const kConsumerIntro =
    R"(Reads the events stream-forwarder put in a tenant's Redis Stream, through a consumer group, and
prints each event's JSON on one stdout line, then acknowledges it (XACK). Run several with the
same --group: Redis gives each entry to one of them, so they share the work. It first reads
again the entries it was given but did not acknowledge (a crash between the two), then waits for
new ones. Logs go to stderr. Stops on SIGINT or SIGTERM within a second.)";

const char* const kConsumerNotes =
    R"(Durations: 500ms, 2s, 5m, 24h, 7d (a bare number is seconds). Once its group is ready it
prints "reading STREAM as CONSUMER in group GROUP" on stderr.
Exit codes: 0 done or stopped, 1 Redis refused (wrong type of key, ...), 2 bad command line.)";

// What the flags set besides the settings: the stream name is made from them afterwards.
struct stream_naming {
  std::string tenant;
  std::string prefix = "mifos:events:";
};

void define_consumer_flags(CLI::App& app, consumer_settings& s, stream_naming& n) {
  using mifos::cli::add_switch;
  using mifos::cli::add_text_option;
  using mifos::cli::text_rule;
  mifos::cli::set_up(app, {"usage: stream-consumer [options]", kConsumerIntro, kConsumerNotes});
  add_redis_options(app, s.redis);
  add_text_option(app, "--stream", s.stream, "the stream to read, or:", "KEY",
                  text_rule::non_empty);
  add_text_option(app, "--tenant", n.tenant, "read <prefix>T (default tenant: default)", "T",
                  text_rule::non_empty);
  add_text_option(app, "--stream-prefix", n.prefix, "(default mifos:events:, as stream-forwarder)",
                  "P", text_rule::non_empty);
  add_text_option(app, "--group", s.group, "consumer group (default workers); created if missing",
                  "G", text_rule::non_empty);
  add_text_option(app, "--consumer", s.consumer,
                  "this consumer's name in the group (default HOST-PID). A consumer that\n"
                  "restarts under the same name gets its unacknowledged entries again",
                  "NAME", text_rule::non_empty);
  add_switch(app, "--from-start", s.from_start,
             "a group created now starts at the stream's first entry (default: only\n"
             "entries added from now on)");
  mifos::cli::add_number_option<std::uint64_t>(app, "--count", 1, UINT64_MAX, s.count,
                                               "exit 0 after printing N events");
  mifos::cli::add_duration_option(
      app, "--idle-exit",
      [&s](std::chrono::microseconds d) {
        s.idle_exit = std::chrono::duration_cast<std::chrono::milliseconds>(d);
      },
      "exit 0 after D without a new entry (500ms, 2s, 5m, ...)", 1ms);
  mifos::cli::add_number_option<std::size_t>(app, "--batch", 1, 10000, s.batch,
                                             "entries per read (default 10)");
  add_switch(app, "--with-ids", s.with_ids,
             "print {\"id\":ENTRY-ID,\"replica\":...,\"delivery\":N,\"event\":{...}} instead\n"
             "of the bare event; (replica, delivery) identifies a hook delivery");
}

}  // namespace

std::string consumer_help() {
  consumer_settings s;
  stream_naming n;
  CLI::App app;
  define_consumer_flags(app, s, n);
  return app.help();
}

std::optional<consumer_settings> read_consumer_flags(const std::vector<std::string>& args,
                                                     std::string& error) {
  consumer_settings s;
  stream_naming n;
  CLI::App app;
  define_consumer_flags(app, s, n);
  const auto read = mifos::cli::read_command_line(app, args);
  if (read.what == mifos::cli::outcome::usage_error) {
    error = read.error;
    return std::nullopt;
  }
  s.help = read.what == mifos::cli::outcome::help;
  if (!s.stream.empty() && !n.tenant.empty()) {
    error = "--stream and --tenant name the stream two ways: give one";
    return std::nullopt;
  }
  if (s.stream.empty()) s.stream = stream_key(n.prefix, n.tenant);
  return s;
}

void finish_consumer_settings(consumer_settings& s, const std::string& host, long pid) {
  if (s.consumer.empty()) s.consumer = host + "-" + std::to_string(pid);
}

}  // namespace stream_forwarder
