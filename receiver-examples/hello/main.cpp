// hello-receiver: takes Mifos X / Fineract hook deliveries and prints each event as one line of
// normalized JSON (design.md) on stdout. Logs go to stderr.
//
//   hello-receiver --port 9000 --path /hooks
//   # stderr: listening on http://127.0.0.1:9000/hooks
//   # stdout: {"entity":"CLIENT","action":"CREATE","tenant":"default",...}
//
// Point a Fineract Web hook's "Payload URL" at http://HOST:9000/hooks/ to try it.
#include <pthread.h>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <mifos/hooks.hpp>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr const char* kUsage = R"(usage: hello-receiver [options]

Takes Mifos X / Apache Fineract hook deliveries and prints each event as one line of
normalized JSON on stdout (flushed per line). Logs go to stderr. Stops cleanly on SIGINT or
SIGTERM, finishing requests in flight, and exits 0.

options:
  --port N        TCP port to listen on (default 8080; 0 = any free port, see the log line)
  --address A     interface to listen on (default 127.0.0.1; 0.0.0.0 for other hosts)
  --path P        hook path (default /hooks; /hooks/ matches too)
  --token T       shared secret: deliveries must carry it as the last path segment
                  (/hooks/T), as ?token=T, or in an X-Hook-Token header; else 401
  --threads N     worker threads (default 2)
  --max-bytes N   largest request accepted, headers included (default 1048576); else 413
  --quiet         count events instead of printing them; on stop, print one line per
                  ENTITY.ACTION with its count ("CLIENT.CREATE 3"), sorted, on stdout
  --help          print this text and exit

Once it accepts connections it prints "listening on http://ADDRESS:PORT/PATH" on stderr.
)";

struct settings {
  mifos::hooks::receiver_options options;
  bool quiet = false;
};

template <typename Int>
std::optional<Int> to_number(std::string_view text) {
  Int value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Returns the settings, or an error message for a bad command line. Accepts "--flag value" and
// "--flag=value".
std::optional<settings> parse_flags(int argc, char** argv, std::string& error, bool& help) {
  settings s;
  s.options.port = 8080;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::optional<std::string_view> inline_value;
    if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string_view::npos) {
      inline_value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    if (arg == "--help" || arg == "-h") {
      help = true;
      return s;
    }
    if (arg == "--quiet" && !inline_value) {
      s.quiet = true;
      continue;
    }
    auto value = [&]() -> std::optional<std::string_view> {
      if (inline_value) return inline_value;
      if (i + 1 < argc) return std::string_view(argv[++i]);
      return std::nullopt;
    };
    std::optional<std::string_view> v;
    if (arg == "--port" || arg == "--address" || arg == "--path" || arg == "--token" ||
        arg == "--threads" || arg == "--max-bytes") {
      v = value();
      if (!v) {
        error = std::string(arg) + " needs a value";
        return std::nullopt;
      }
    } else {
      error = "unknown option " + std::string(argv[i]);
      return std::nullopt;
    }
    if (arg == "--port") {
      auto port = to_number<std::uint16_t>(*v);
      if (!port) {
        error = "--port takes a number from 0 to 65535";
        return std::nullopt;
      }
      s.options.port = *port;
    } else if (arg == "--address") {
      s.options.address = std::string(*v);
    } else if (arg == "--path") {
      if (v->empty() || v->front() != '/') {
        error = "--path must start with /";
        return std::nullopt;
      }
      s.options.paths = {std::string(*v)};
    } else if (arg == "--token") {
      s.options.secret = std::string(*v);
    } else if (arg == "--threads") {
      auto threads = to_number<int>(*v);
      if (!threads || *threads < 1 || *threads > 256) {
        error = "--threads takes a number from 1 to 256";
        return std::nullopt;
      }
      s.options.threads = *threads;
    } else {
      auto bytes = to_number<std::size_t>(*v);
      if (!bytes || *bytes < 1024) {
        error = "--max-bytes takes a number of at least 1024";
        return std::nullopt;
      }
      s.options.max_request_bytes = *bytes;
    }
  }
  return s;
}

// Events arrive on several worker threads at once: one lock keeps each line whole.
class event_sink {
 public:
  explicit event_sink(bool quiet) : quiet_(quiet) {}

  void take(const mifos::hooks::event& e) {
    if (quiet_) {
      std::lock_guard lock(mutex_);
      ++counts_[e.entity + "." + e.action];
      return;
    }
    std::string line = mifos::hooks::to_json(e).dump();
    line += '\n';
    std::lock_guard lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
  }

  void print_counts() {
    std::lock_guard lock(mutex_);
    for (const auto& [pair, n] : counts_) std::printf("%s %llu\n", pair.c_str(), n);
    std::fflush(stdout);
  }

 private:
  bool quiet_;
  std::mutex mutex_;
  std::map<std::string, unsigned long long> counts_;  // sorted by ENTITY.ACTION
};

}  // namespace

int main(int argc, char** argv) {
  // Blocked until wait_for_signal(): a SIGTERM sent as soon as the "listening" line appears is
  // held, not lost (and does not kill the process before it can stop cleanly).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::string error;
  bool help = false;
  auto parsed = parse_flags(argc, argv, error, help);
  if (help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (!parsed) {
    std::fprintf(stderr, "hello-receiver: %s\n\n%s", error.c_str(), kUsage);
    return 2;
  }

  event_sink sink(parsed->quiet);
  mifos::hooks::router routes;
  routes.on_any([&sink](const mifos::hooks::event& e) { sink.take(e); })
      .on_error([](const mifos::hooks::event& e, std::exception_ptr) {
        std::fprintf(stderr, "hello-receiver: a handler failed for %s.%s\n", e.entity.c_str(),
                     e.action.c_str());
      });

  mifos::hooks::receiver server(std::move(routes), parsed->options);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hello-receiver: %s\n", e.what());
    return 1;
  }
  const auto& o = server.options();
  std::fprintf(stderr, "listening on http://%s:%u%s\n", o.address.c_str(),
               static_cast<unsigned>(server.port()), o.paths.front().c_str());
  std::fflush(stderr);

  server.wait_for_signal();

  auto stats = server.stats();
  std::fprintf(
      stderr, "hello-receiver: stopped; %llu accepted, %llu pings, %llu rejected, %llu failed\n",
      static_cast<unsigned long long>(stats.accepted), static_cast<unsigned long long>(stats.pings),
      static_cast<unsigned long long>(stats.rejected),
      static_cast<unsigned long long>(stats.failed));
  if (parsed->quiet) sink.print_counts();
  return 0;
}
