// flags.cpp: one table row per value flag: its name and how it sets the settings.
#include "flags.hpp"

#include <charconv>
#include <functional>
#include <string_view>
#include <vector>

namespace hello {

const char* const kUsage = R"(usage: hello-receiver [options]

Takes Mifos X / Apache Fineract hook deliveries and prints each event as one line of
normalized JSON on stdout (flushed per line). Logs go to stderr. Stops cleanly on SIGINT or
SIGTERM, finishing requests in flight, and exits 0.

options:
  --port N             TCP port to listen on (default 8080; 0 = any free port, see the log line)
  --address A          interface to listen on (default 127.0.0.1; 0.0.0.0 for other hosts)
  --path P             hook path (default /hooks; /hooks/ matches too)
  --token T            shared secret: deliveries must carry it as the last path segment
                       (/hooks/T), as ?token=T, or in an X-Hook-Token header; else 401
  --tenant T           accept only this tenant (repeat for more); others get 403
  --threads N          threads serving connections (default 2)
  --max-bytes N        largest request accepted, headers included (default 1048576); else 413
  --max-connections N  connections open at once (default 10000); one more gets 503
  --tls-cert FILE      serve HTTPS with this PEM certificate (chain)...
  --tls-key FILE       ...and this PEM private key
  --quiet              count events instead of printing them; on stop, print one line per
                       ENTITY.ACTION with its count ("CLIENT.CREATE 3"), sorted, on stdout

delivery guarantees (README, "Delivery guarantees"):
  --workers N          run handlers on N workers after answering (default 0: before answering)
  --queue N            deliveries waiting for a worker, at most (default 10000); when full a
                       request waits 1 s for room, then gets 503
  --journal DIR        answer 200 only once the delivery is on disk in DIR (fsync shared by
                       concurrent requests); after a crash, handle what was not handled
  --attempts N         dispatches of a failing delivery before it is dead-lettered (default 5)
  --dead-letter FILE   where given-up deliveries go, replayable with mock-mifos play
                       (default DIR/dead-letter.jsonl with --journal)
  --dedupe N           answer 200 to a repeat of one of the last N deliveries without handling
                       it again (default 0: off)
  --out FILE           append event lines to FILE instead of stdout, each with its
                       "deliveryId"; ids already in FILE are skipped, so with --journal every
                       accepted delivery appears exactly once, across crashes and restarts
  --fail-on E.A        the handler throws for ENTITY.ACTION E.A (to try retries and dead letters)
  --admin-port N       serve GET /healthz and GET /metrics (Prometheus) on 127.0.0.1:N
                       (0 = any free port, see the log line)
  --help               print this text and exit

Once it accepts connections it prints "listening on http(s)://ADDRESS:PORT/PATH" on stderr
(and "admin on http://127.0.0.1:PORT" with --admin-port). The token is never printed.
)";

namespace {

template <typename Int>
std::optional<Int> to_number(std::string_view text) {
  Int value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Sets one setting from a flag's value; returns an error message, or "" when it is fine.
using setter = std::function<std::string(settings&, std::string_view)>;

template <typename Int, typename Apply>
setter number_in(Int low, Int high, std::string message, Apply apply) {
  return [=](settings& s, std::string_view v) -> std::string {
    auto n = to_number<Int>(v);
    if (!n || *n < low || *n > high) return message;
    apply(s, *n);
    return "";
  };
}

template <typename Apply>
setter text(Apply apply) {
  return [=](settings& s, std::string_view v) -> std::string {
    if (v.empty()) return "needs a non-empty value";
    apply(s, std::string(v));
    return "";
  };
}

struct value_flag {
  std::string_view name;
  setter set;
};

const std::vector<value_flag>& value_flags() {
  using mifos::hooks::receiver_options;
  static const std::vector<value_flag> flags = {
      {"--port", number_in<std::uint16_t>(0, 65535, "takes a number from 0 to 65535",
                                          [](settings& s, auto n) { s.options.port = n; })},
      {"--address", text([](settings& s, std::string v) { s.options.address = std::move(v); })},
      {"--path",
       [](settings& s, std::string_view v) -> std::string {
         if (v.empty() || v.front() != '/') return "must start with /";
         s.options.paths = {std::string(v)};
         return "";
       }},
      {"--token", text([](settings& s, std::string v) { s.options.secret = std::move(v); })},
      {"--tenant",
       text([](settings& s, std::string v) { s.options.tenants.push_back(std::move(v)); })},
      {"--threads", number_in<int>(1, 256, "takes a number from 1 to 256",
                                   [](settings& s, int n) { s.options.threads = n; })},
      {"--max-bytes",
       number_in<std::size_t>(1024, std::size_t(1) << 32, "takes a number of at least 1024",
                              [](settings& s, std::size_t n) { s.options.max_request_bytes = n; })},
      {"--max-connections",
       number_in<std::size_t>(1, 1000000, "takes a number from 1 to 1000000",
                              [](settings& s, std::size_t n) { s.options.max_connections = n; })},
      {"--tls-cert",
       text([](settings& s, std::string v) { s.options.tls_cert_file = std::move(v); })},
      {"--tls-key", text([](settings& s, std::string v) { s.options.tls_key_file = std::move(v); })},
      {"--workers", number_in<int>(0, 256, "takes a number from 0 to 256",
                                   [](settings& s, int n) { s.options.workers = n; })},
      {"--queue",
       number_in<std::size_t>(1, 100000000, "takes a number from 1 to 100000000",
                              [](settings& s, std::size_t n) { s.options.queue_capacity = n; })},
      {"--journal",
       text([](settings& s, std::string v) { s.options.journal_dir = std::move(v); })},
      {"--attempts", number_in<int>(1, 100, "takes a number from 1 to 100",
                                    [](settings& s, int n) { s.options.max_attempts = n; })},
      {"--dead-letter",
       text([](settings& s, std::string v) { s.options.dead_letter_file = std::move(v); })},
      {"--dedupe",
       number_in<std::size_t>(0, 10000000, "takes a number from 0 to 10000000",
                              [](settings& s, std::size_t n) { s.options.dedupe_window = n; })},
      {"--out", text([](settings& s, std::string v) { s.out_file = std::move(v); })},
      {"--fail-on",
       [](settings& s, std::string_view v) -> std::string {
         if (v.find('.') == std::string_view::npos) return "takes ENTITY.ACTION";
         s.fail_on = std::string(v);
         return "";
       }},
      {"--admin-port",
       number_in<std::uint16_t>(0, 65535, "takes a number from 0 to 65535",
                                [](settings& s, auto n) { s.options.admin_port = n; })},
  };
  return flags;
}

}  // namespace

std::optional<settings> read_flags(int argc, char** argv, std::string& error) {
  settings s;
  s.options.port = 8080;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::optional<std::string_view> inline_value;
    if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string_view::npos) {
      inline_value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    if ((arg == "--help" || arg == "-h") && !inline_value) {
      s.help = true;
      return s;
    }
    if (arg == "--quiet" && !inline_value) {
      s.quiet = true;
      continue;
    }
    const value_flag* flag = nullptr;
    for (const auto& f : value_flags())
      if (f.name == arg) flag = &f;
    if (!flag) {
      error = "unknown option " + std::string(argv[i]);
      return std::nullopt;
    }
    if (!inline_value && i + 1 >= argc) {
      error = std::string(arg) + " needs a value";
      return std::nullopt;
    }
    std::string_view value = inline_value ? *inline_value : std::string_view(argv[++i]);
    if (std::string why = flag->set(s, value); !why.empty()) {
      error = std::string(arg) + " " + why;
      return std::nullopt;
    }
  }
  if (s.options.tls_cert_file.empty() != s.options.tls_key_file.empty()) {
    error = "--tls-cert and --tls-key go together";
    return std::nullopt;
  }
  return s;
}

}  // namespace hello
