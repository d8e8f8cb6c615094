// forwarder_flags.cpp: one table row per flag; the defaults live in default_forwarder_settings.
#include "forwarder_flags.hpp"

#include <chrono>
#include <limits>

#include "flag_table.hpp"

namespace stream_forwarder {

const char* const kForwarderUsage = R"(usage: stream-forwarder [options]

Takes Mifos X / Apache Fineract hook deliveries and appends each event to a Redis Stream, one
stream per tenant (<prefix><tenant>), for any number of workers to read through consumer groups
(see stream-consumer). Each delivery is written to a journal on disk before it is answered 200,
then forwarded; while Redis is down it is retried with backoff and waits in the journal, across
restarts too. Each delivery lands in its stream exactly once: a Lua script records
<prefix>seen:<replica>:<delivery id> and adds the entry in one atomic step.
Stops cleanly on SIGINT or SIGTERM. Logs go to stderr.

options:
  --port N            TCP port to listen on (default 9300; 0 = any free port, see the log line)
  --address A         interface to listen on (default 127.0.0.1; 0.0.0.0 for other hosts)
  --path P            hook path (default /hooks; /hooks/ matches too)
  --token T           shared secret: deliveries must carry it as the last path segment
                      (/hooks/T), as ?token=T, or in an X-Hook-Token header; else 401
  --journal DIR       the durable journal (default ./forwarder-journal); one per forwarder
  --workers N         threads forwarding to Redis (default 2)
  --queue N           deliveries accepted but not yet in Redis, at most (default 10000); when
                      full a request waits 1 s for room, then gets 503
  --attempts N        tries per delivery before it goes to DIR/dead-letter.jsonl
                      (default 1000000: with the 2 s backoff cap, weeks of Redis outage)
  --redis HOST:PORT   the Redis server (default 127.0.0.1:6379)
  --redis-password P  sent with AUTH on each connection (visible in ps: prefer a local socket
                      or a firewall for production)
  --redis-timeout D   connect and command timeout (default 5s)
  --stream-prefix P   streams are P<tenant> (default mifos:events:)
  --maxlen N          cap each stream at about N entries (MAXLEN ~; default 1000000; 0 = no cap)
  --replica NAME      this forwarder's name in the dedupe keys and the entries' replica field
                      (default HOST:JOURNAL-DIR). It must stay the same across restarts of one
                      journal, and two forwarders with different journals must NEVER share a
                      name: each journal numbers its deliveries 1, 2, ..., so a shared name would
                      make their deliveries look like duplicates and drop them. Give a new name
                      if you delete a journal.
  --dedupe-ttl D      how long a forwarded delivery is remembered (default 24h)
  --admin-port N      serve GET /healthz and GET /metrics (Prometheus) on 127.0.0.1:N
  --help              print this text and exit

Durations: 500ms, 2s, 5m, 24h, 7d (a bare number is seconds). Once it accepts connections it
prints "listening on http://ADDRESS:PORT" on stderr. Exit codes: 0 stopped by a signal, 1 could
not start (journal, address), 2 bad command line.
)";

forwarder_settings default_forwarder_settings() {
  using namespace std::chrono_literals;
  forwarder_settings s;
  s.options.port = 9300;
  s.options.journal_dir = "forwarder-journal";
  // Hours of Redis outage lose nothing: the delivery waits in the journal, retried every 2 s.
  s.options.max_attempts = 1'000'000;
  s.options.retry_backoff = 100ms;
  s.options.retry_backoff_max = 2s;
  return s;
}

namespace {

using row = flag<forwarder_settings>;
using fs = forwarder_settings;

const std::vector<row>& forwarder_flags() {
  using std::chrono::milliseconds;
  static const std::vector<row> table = {
      {"--help", false,
       [](fs& s, std::string_view) {
         s.help = true;
         return std::string();
       }},
      {"--port", true,
       number_value<fs, std::uint16_t>(0, 65535, [](fs& s, auto n) { s.options.port = n; })},
      {"--address", true, text_value<fs>([](fs& s, std::string v) { s.options.address = v; })},
      {"--path", true,
       [](fs& s, std::string_view v) -> std::string {
         if (v.empty() || v.front() != '/') return "must start with /";
         s.options.paths = {std::string(v)};
         return "";
       }},
      {"--token", true, text_value<fs>([](fs& s, std::string v) { s.options.secret = v; })},
      {"--journal", true, text_value<fs>([](fs& s, std::string v) { s.options.journal_dir = v; })},
      {"--workers", true,
       number_value<fs, int>(1, 256, [](fs& s, int n) { s.options.workers = n; })},
      {"--queue", true,
       number_value<fs, std::size_t>(1, 100'000'000,
                                     [](fs& s, std::size_t n) { s.options.queue_capacity = n; })},
      {"--attempts", true,
       number_value<fs, int>(1, std::numeric_limits<int>::max(),
                             [](fs& s, int n) { s.options.max_attempts = n; })},
      {"--redis", true, address_value<fs>([](fs& s, host_port a) { s.redis.address = a; })},
      {"--redis-password", true,
       text_value<fs>([](fs& s, std::string v) { s.redis.password = v; })},
      {"--redis-timeout", true,
       duration_value<fs>(milliseconds(1),
                          [](fs& s, milliseconds d) {
                            s.redis.connect_timeout = d;
                            s.redis.command_timeout = d;
                          })},
      {"--stream-prefix", true, text_value<fs>([](fs& s, std::string v) { s.streams.prefix = v; })},
      {"--maxlen", true,
       number_value<fs, std::uint64_t>(0, std::numeric_limits<std::int64_t>::max(),
                                       [](fs& s, std::uint64_t n) { s.streams.maxlen = n; })},
      {"--replica", true, text_value<fs>([](fs& s, std::string v) { s.streams.replica = v; })},
      // SET ... EX takes whole seconds: at least one.
      {"--dedupe-ttl", true,
       duration_value<fs>(std::chrono::seconds(1),
                          [](fs& s, milliseconds d) {
                            s.streams.dedupe_ttl = std::chrono::ceil<std::chrono::seconds>(d);
                          })},
      {"--admin-port", true,
       number_value<fs, std::uint16_t>(0, 65535, [](fs& s, auto n) { s.options.admin_port = n; })},
  };
  return table;
}

}  // namespace

std::optional<forwarder_settings> read_forwarder_flags(const std::vector<std::string>& args,
                                                       std::string& error) {
  forwarder_settings s = default_forwarder_settings();
  error = apply_flags(forwarder_flags(), args, s);
  if (!error.empty()) return std::nullopt;
  return s;
}

void finish_forwarder_settings(forwarder_settings& s, const std::string& host,
                               const std::string& absolute_journal_dir) {
  if (s.streams.replica.empty()) s.streams.replica = default_replica(host, absolute_journal_dir);
}

}  // namespace stream_forwarder
