// record_command.cpp: `mock-mifos record`, a receiver that appends every delivery to a traffic
// file (and optionally passes it on), so real Fineract traffic can be replayed later.
#include <pthread.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "net/http_sender.hpp"
#include "record/recorder.hpp"
#include "record/traffic_writer.hpp"

namespace mifos::mock::cli {
namespace {

constexpr const char* kUsage = R"(usage: mock-mifos record --listen PORT --out FILE [options]

Acts as a hook receiver and appends every request it gets (POST deliveries, GET pings, any
method) to a traffic file (JSON Lines, see the README "Traffic file format"), each with its
arrival time as offset_us (microseconds since the first request), ready for 'mock-mifos play'.
Point a Fineract Web hook's Payload URL at it. Each line is flushed as it is written, so an
interrupted recording keeps everything but at most its last line.

It answers 200 {"status":"recorded"}, or with --forward the downstream's status and body (502
with {"error":...} when the downstream does not answer).

options:
  --listen N       TCP port (0 = any free port, see the log line); required
  --out FILE       the traffic file; created, or emptied unless --append; required
  --append         add to FILE instead of emptying it; offsets go on from its last record
  --forward URL    send each request on to URL and answer what it answers. A URL without a
                   path (or with "/") gets each request's own path and query; a URL with a
                   path gets every request at that path and query. Host is set to URL's;
                   hop-by-hop headers (Connection, Transfer-Encoding, ...) and Expect are not
                   passed on. The file keeps the request as it arrived.
  --path P         record only requests to P (or P/); others get 404 and are not recorded
  --address A      interface to listen on (default 127.0.0.1)
  --threads N      threads serving requests (default 4; each waits for the downstream)
  --quiet          do not print a line per request
  --help           print this text and exit

Once it accepts connections it prints "listening on http://ADDRESS:PORT[P]" on stderr. Each
request prints one line on stdout ("#1 POST /hooks/ CLIENT.CREATE -> 200"). On SIGINT or
SIGTERM it finishes the requests in flight, prints a summary on stderr and exits 0.
)";

int usage_error(const std::string& message) { return cli::usage_error("record", message); }

void print_recorded(const recorded_delivery& r) {
  static std::mutex out;
  std::string line = "#" + std::to_string(r.seq) + " " + r.record.message.method + " " +
                     r.record.message.target + " " + event_name(r.record.message) + " -> " +
                     std::to_string(r.status);
  if (!r.note.empty()) line += " (" + r.note + ")";
  if (r.forward_elapsed.count() > 0) {
    char elapsed[48];
    std::snprintf(elapsed, sizeof elapsed, " in %.1f ms",
                  static_cast<double>(r.forward_elapsed.count()) / 1000.0);
    line += elapsed;
  }
  std::lock_guard lock(out);
  std::cout << line << std::endl;
}

std::int64_t steady_microseconds() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int record_command(int argc, char** argv) {
  flag_spec spec{{"listen", "out", "forward", "path", "address", "threads"},
                 {"append", "quiet", "help"}};
  auto read = read_flags(argc, argv, spec);
  if (auto* error = std::get_if<std::string>(&read)) return usage_error(*error);
  const flag_values& flags = std::get<flag_values>(read);
  if (flags.has("help")) {
    std::cout << kUsage;
    return 0;
  }
  if (!flags.positional.empty()) return usage_error("unexpected argument " + flags.positional[0]);

  hooks::http_server_options server_options;
  server_options.threads = 4;
  const auto listen = flags.last("listen");
  if (!listen) return usage_error("--listen PORT is required");
  auto port = read_number("listen", *listen, 0, 65535);
  if (auto* e = std::get_if<std::string>(&port)) return usage_error(*e);
  server_options.port = static_cast<std::uint16_t>(std::get<std::uint64_t>(port));
  if (auto t = flags.last("threads")) {
    auto n = read_number("threads", *t, 1, 256);
    if (auto* e = std::get_if<std::string>(&n)) return usage_error(*e);
    server_options.threads = static_cast<int>(std::get<std::uint64_t>(n));
  }
  if (auto a = flags.last("address")) server_options.address = *a;
  const auto out_path = flags.last("out");
  if (!out_path || out_path->empty()) return usage_error("--out FILE is required");

  recorder_options options;
  if (auto f = flags.last("forward")) {
    options.forward = parse_http_url(*f);
    if (!options.forward)
      return usage_error("--forward must be an http(s) URL, not \"" + *f + "\"");
  }
  if (auto p = flags.last("path")) {
    if (p->empty() || p->front() != '/') return usage_error("--path must start with '/'");
    options.path = *p;
  }

  std::string error, note;
  auto writer = traffic_writer::open(*out_path, flags.has("append"), error, &note);
  if (!writer) {
    std::cerr << "mock-mifos record: " << error << "\n";
    return 1;
  }
  if (!note.empty()) std::cerr << "mock-mifos record: " << *out_path << ": " << note << "\n";
  options.first_offset_us = writer->last_offset_us();

  recorder rec(
      options, [&writer](const std::string& line) { return writer->write_line(line); },
      [](const std::string& origin, const hooks::delivery& d) { return send_once(origin, d); },
      steady_microseconds, flags.has("quiet") ? recorder::observer() : print_recorded);

  // Block SIGINT and SIGTERM before any thread starts, so they wait for wait_for_signal().
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  hooks::http_server server([&rec](const hooks::delivery& d) { return rec.answer(d); },
                            server_options);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "mock-mifos record: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "listening on http://" << server_options.address << ":" << server.port()
            << options.path << " (recording to " << *out_path
            << (options.forward ? ", forwarding to " + *flags.last("forward") : std::string())
            << ")" << std::endl;
  server.wait_for_signal();

  const recorder_stats s = rec.stats();
  std::cerr << "mock-mifos record: stopped after " << s.recorded
            << (s.recorded == 1 ? " request" : " requests") << " recorded to " << *out_path;
  if (options.forward)
    std::cerr << " (" << s.forwarded << " forwarded, " << s.forward_failed
              << " without an answer from downstream)";
  if (s.refused > 0) std::cerr << ", " << s.refused << " refused (not on " << options.path << ")";
  if (s.write_failed > 0) std::cerr << ", " << s.write_failed << " could not be written";
  std::cerr << std::endl;
  return s.write_failed > 0 ? 1 : 0;
}

}  // namespace mifos::mock::cli
