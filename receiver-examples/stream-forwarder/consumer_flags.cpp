// consumer_flags.cpp: one table row per flag, then the stream name from --stream or --tenant.
#include "consumer_flags.hpp"

#include "flag_table.hpp"
#include "stream_commands.hpp"

namespace stream_forwarder {

const char* const kConsumerUsage = R"(usage: stream-consumer [options]

Reads the events stream-forwarder put in a tenant's Redis Stream, through a consumer group, and
prints each event's JSON on one stdout line, then acknowledges it (XACK). Run several with the
same --group: Redis gives each entry to one of them, so they share the work. It first reads
again the entries it was given but did not acknowledge (a crash between the two), then waits for
new ones. Logs go to stderr. Stops on SIGINT or SIGTERM within a second.

options:
  --redis HOST:PORT   the Redis server (default 127.0.0.1:6379)
  --redis-password P  sent with AUTH on each connection
  --stream KEY        the stream to read, or:
  --tenant T          read <prefix>T (default tenant: default)
  --stream-prefix P   (default mifos:events:, as stream-forwarder)
  --group G           consumer group (default workers); created if missing
  --consumer NAME     this consumer's name in the group (default HOST-PID). A consumer that
                      restarts under the same name gets its unacknowledged entries again
  --from-start        a group created now starts at the stream's first entry (default: only
                      entries added from now on)
  --count N           exit 0 after printing N events
  --idle-exit D       exit 0 after D without a new entry (500ms, 2s, 5m, ...)
  --batch N           entries per read (default 10)
  --with-ids          print {"id":ENTRY-ID,"replica":...,"delivery":N,"event":{...}} instead
                      of the bare event; (replica, delivery) identifies a hook delivery
  --help              print this text and exit

Once its group is ready it prints "reading STREAM as CONSUMER in group GROUP" on stderr.
Exit codes: 0 done or stopped, 1 Redis refused (wrong type of key, ...), 2 bad command line.
)";

namespace {

using row = flag<consumer_settings>;
using cs = consumer_settings;

}  // namespace

std::optional<consumer_settings> read_consumer_flags(const std::vector<std::string>& args,
                                                     std::string& error) {
  using std::chrono::milliseconds;
  std::string tenant;
  std::string prefix = "mifos:events:";
  const std::vector<row> table = {
      {"--help", false,
       [](cs& s, std::string_view) {
         s.help = true;
         return std::string();
       }},
      {"--redis", true, address_value<cs>([](cs& s, host_port a) { s.redis.address = a; })},
      {"--redis-password", true,
       text_value<cs>([](cs& s, std::string v) { s.redis.password = v; })},
      {"--stream", true, text_value<cs>([](cs& s, std::string v) { s.stream = v; })},
      {"--tenant", true, text_value<cs>([&tenant](cs&, std::string v) { tenant = v; })},
      {"--stream-prefix", true, text_value<cs>([&prefix](cs&, std::string v) { prefix = v; })},
      {"--group", true, text_value<cs>([](cs& s, std::string v) { s.group = v; })},
      {"--consumer", true, text_value<cs>([](cs& s, std::string v) { s.consumer = v; })},
      {"--from-start", false,
       [](cs& s, std::string_view) {
         s.from_start = true;
         return std::string();
       }},
      {"--with-ids", false,
       [](cs& s, std::string_view) {
         s.with_ids = true;
         return std::string();
       }},
      {"--count", true,
       number_value<cs, std::uint64_t>(1, UINT64_MAX, [](cs& s, std::uint64_t n) { s.count = n; })},
      {"--idle-exit", true,
       duration_value<cs>(milliseconds(1), [](cs& s, milliseconds d) { s.idle_exit = d; })},
      {"--batch", true,
       number_value<cs, std::size_t>(1, 10000, [](cs& s, std::size_t n) { s.batch = n; })},
  };
  consumer_settings s;
  error = apply_flags(table, args, s);
  if (!error.empty()) return std::nullopt;
  if (!s.stream.empty() && !tenant.empty()) {
    error = "--stream and --tenant name the stream two ways: give one";
    return std::nullopt;
  }
  if (s.stream.empty()) s.stream = stream_key(prefix, tenant);
  return s;
}

void finish_consumer_settings(consumer_settings& s, const std::string& host, long pid) {
  if (s.consumer.empty()) s.consumer = host + "-" + std::to_string(pid);
}

}  // namespace stream_forwarder
