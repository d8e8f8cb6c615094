// recorder.hpp: what `mock-mifos record` does with one request, without a socket: append it to
// the traffic file with its arrival offset, then answer 200 or forward it and answer what the
// downstream answered. The file, the clock and the sender are injected, so tests drive it
// directly.
//
//   recorder rec({.forward = parse_http_url("http://127.0.0.1:9000")},
//                [&](const std::string& line) { return writer.write_line(line); },
//                [](const std::string& origin, const hooks::delivery& d) {
//                  return send_once(origin, d);
//                },
//                steady_microseconds);
//   hooks::http_server server([&](const hooks::delivery& d) { return rec.answer(d); }, {...});
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mifos/hooks/http_server.hpp>
#include <mifos/hooks/traffic.hpp>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "net/http_sender.hpp"
#include "wire/url.hpp"

namespace mifos::mock {

struct recorder_options {
  // Send each request on to this URL (see retarget.hpp for where its path goes) and answer
  // what it answers; nothing: answer 200 {"status":"recorded"}.
  std::optional<http_url> forward;
  // Record only requests to this path (also with or without a trailing '/'); others get 404 and
  // are not recorded. Empty: every path.
  std::string path;
  // The offset of the first request: 0 for a new file, the last offset of the file when
  // appending, so offsets never go back.
  std::int64_t first_offset_us = 0;
};

// One request as the recorder saw it, for the per-delivery log line.
struct recorded_delivery {
  std::uint64_t seq = 0;  // 1, 2, ... in file order
  hooks::traffic_record record;
  int status = 0;    // what the recorder answered
  std::string note;  // "", or why the status is not the downstream's (502, 500)
  std::chrono::microseconds forward_elapsed{0};
};

struct recorder_stats {
  std::uint64_t recorded = 0;
  std::uint64_t forwarded = 0;       // the downstream answered (any status)
  std::uint64_t forward_failed = 0;  // it did not: answered 502
  std::uint64_t refused = 0;         // not on --path: 404, not recorded
  std::uint64_t write_failed = 0;    // the file could not be written: 500
};

class recorder {
 public:
  // Writes one traffic line; the writer adds the '\n' and flushes. False when it failed.
  using line_writer = std::function<bool(const std::string& line)>;
  using send_function =
      std::function<send_result(const std::string& origin, const hooks::delivery& d)>;
  // Monotonic microseconds (any epoch).
  using clock_function = std::function<std::int64_t()>;
  using observer = std::function<void(const recorded_delivery&)>;

  recorder(recorder_options options, line_writer write, send_function send, clock_function now,
           observer on_recorded = {});

  // The answer to `request`. Thread-safe: the server calls it from several threads at once;
  // offsets and file lines are assigned under one lock, so the file is in offset order.
  hooks::http_answer answer(const hooks::delivery& request);

  recorder_stats stats() const;
  const recorder_options& options() const noexcept { return options_; }

 private:
  recorder_options options_;
  line_writer write_;
  send_function send_;
  clock_function now_;
  observer on_recorded_;

  mutable std::mutex mutex_;  // guards everything below
  std::optional<std::int64_t> started_us_;
  recorder_stats stats_;
};

// The request as it goes into the file: as received, except that a Transfer-Encoding header
// (the server has already decoded the chunks) becomes a Content-Length of the body at its
// place, so the record replays with the framing every sender uses.
hooks::delivery as_recorded(const hooks::delivery& request);

// The recorded request as sent to `to`: target by retarget(), Host set to `to`'s (in place),
// hop-by-hop headers (Connection, Keep-Alive, Proxy-Connection, TE, Trailer,
// Transfer-Encoding, Upgrade) and Expect left out, as a proxy does.
hooks::delivery as_forwarded(const hooks::delivery& recorded, const http_url& to);

// Whether `request` is on `path` ("/hooks" takes "/hooks" and "/hooks/", with any query).
bool on_path(std::string_view path, const hooks::delivery& request);

// "CLIENT.CREATE" from the X-Fineract-* or X-Mifos-* headers; "-" when there are none.
std::string event_name(const hooks::delivery& d);

}  // namespace mifos::mock
