// record_command.cpp: `mock-mifos record`, a receiver that appends every delivery to a traffic
// file (and optionally passes it on), so real Fineract traffic can be replayed later.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/options.hpp>
#include <mutex>

#include "cli/commands.hpp"
#include "net/http_sender.hpp"
#include "record/recorder.hpp"
#include "record/traffic_writer.hpp"

namespace mifos::mock::cli {
namespace {

constexpr const char* kRecordIntro =
    R"(Acts as a hook receiver and appends every request it gets (POST deliveries, GET pings, any
method) to a traffic file (JSON Lines, see mock-mifos/README.md, "Traffic file format"), each
with its arrival time as offset_us (microseconds since the first request), ready for 'mock-mifos
play'. Point a Fineract Web hook's Payload URL at it. Each line is flushed as it is written, so
an interrupted recording keeps everything but at most its last line.

It answers 200 {"status":"recorded"}, or with --forward the downstream's status and body (502
with {"error":...} when the downstream does not answer).)";

constexpr const char* kRecordNotes =
    R"(Once it accepts connections it prints "listening on http://ADDRESS:PORT[P]" on stderr. Each
request prints one line on stdout ("#1 POST /hooks/ CLIENT.CREATE -> 200"). On SIGINT or
SIGTERM it finishes the requests in flight, prints a summary on stderr and exits 0.)";

struct record_flags {
  hooks::http_server_options server;
  std::optional<std::uint16_t> listen;
  std::string out_path;
  std::optional<std::string> forward;
  std::optional<std::string> path;
  bool append = false;
  bool quiet = false;
};

int record_usage_error(const std::string& message) { return cli::usage_error("record", message); }

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

void define(CLI::App& cmd, record_flags& f) {
  using mifos::cli::add_text_option;
  mifos::cli::set_up(cmd, {"usage: mock-mifos record --listen PORT --out FILE [options]",
                           kRecordIntro, kRecordNotes});
  f.server.threads = 4;
  mifos::cli::add_number_option<std::uint16_t>(
      cmd, "--listen", 0, 65535, [&f](std::uint16_t port) { f.listen = port; },
      "TCP port (0 = any free port, see the log line); required");
  add_text_option(cmd, "--out", f.out_path,
                  "the traffic file; created, or emptied unless --append; required", "FILE");
  mifos::cli::add_switch(cmd, "--append", f.append,
                         "add to FILE instead of emptying it; offsets go on from its last record");
  mifos::cli::add_value_option(
      cmd, "--forward",
      [&f](const std::string& url) -> std::string {
        f.forward = url;
        return "";
      },
      "send each request on to URL and answer what it answers. A URL without a\n"
      "path (or with \"/\") gets each request's own path and query; a URL with a\n"
      "path gets every request at that path and query. Host is set to URL's;\n"
      "hop-by-hop headers (Connection, Transfer-Encoding, ...) and Expect are not\n"
      "passed on. The file keeps the request as it arrived.",
      "URL");
  mifos::cli::add_value_option(
      cmd, "--path",
      [&f](const std::string& p) -> std::string {
        f.path = p;
        return "";
      },
      "record only requests to P (or P/); others get 404 and are not recorded", "P");
  add_text_option(cmd, "--address", f.server.address, "interface to listen on (default 127.0.0.1)",
                  "A");
  mifos::cli::add_number_option<int>(
      cmd, "--threads", 1, 256, f.server.threads,
      "threads serving requests (default 4; each waits for the downstream)");
  mifos::cli::add_switch(cmd, "--quiet", f.quiet, "do not print a line per request");
}

int run(record_flags& f) {
  hooks::http_server_options& server_options = f.server;
  if (!f.listen) return record_usage_error("--listen PORT is required");
  server_options.port = *f.listen;
  if (f.out_path.empty()) return record_usage_error("--out FILE is required");
  const std::string* out_path = &f.out_path;

  recorder_options options;
  if (f.forward) {
    options.forward = parse_http_url(*f.forward);
    if (!options.forward)
      return record_usage_error("--forward must be an http(s) URL, not \"" + *f.forward + "\"");
  }
  if (f.path) {
    if (f.path->empty() || f.path->front() != '/')
      return record_usage_error("--path must start with '/'");
    options.path = *f.path;
  }

  std::string error, note;
  auto writer = traffic_writer::open(*out_path, f.append, error, &note);
  if (!writer) {
    std::cerr << "mock-mifos record: " << error << "\n";
    return 1;
  }
  if (!note.empty()) std::cerr << "mock-mifos record: " << *out_path << ": " << note << "\n";
  options.first_offset_us = writer->last_offset_us();

  recorder rec(
      options, [&writer](const std::string& line) { return writer->write_line(line); },
      [](const std::string& origin, const hooks::delivery& d) { return send_once(origin, d); },
      steady_microseconds, f.quiet ? recorder::observer() : print_recorded);

  // Block SIGINT and SIGTERM before any thread starts, so they wait for wait_for_signal().
  mifos::hooks::block_stop_signals();

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
            << (options.forward ? ", forwarding to " + *f.forward : std::string()) << ")"
            << std::endl;
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

}  // namespace

command_runner add_record_command(CLI::App& app) {
  auto flags = std::make_shared<record_flags>();
  define(*app.add_subcommand("record",
                             "act as a receiver and append every delivery to a traffic file"),
         *flags);
  return [flags] { return run(*flags); };
}

}  // namespace mifos::mock::cli
