// player.hpp: `mock-mifos play` without its command line: reads traffic files, paces them,
// rewrites them, injects faults, sends them over the load sender and fills a report.
//
//   play_options o;
//   o.files = {"day.jsonl"};
//   o.target = "http://127.0.0.1:9000/hooks/";
//   o.pacing = pacing_options::at_rate(500);
//   o.duration_us = 10'000'000;
//   play_report report = play(o, [](const play_report& r, std::int64_t now) { show(r, now); });
#pragma once

#include <cstddef>
#include <cstdint>
#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "play/faults.hpp"
#include "play/pacing.hpp"
#include "report/report.hpp"
#include "play/rewrite.hpp"

namespace mifos::mock {

struct play_options {
  std::vector<std::string> files;  // played one after the other
  // Where to send: scheme http, host, port. A path other than "/" replaces every delivery's
  // path (as rewrite.path does), since a recording usually comes from another receiver's URL.
  std::string target;
  pacing_options pacing;
  std::size_t connections = 32;
  std::optional<std::int64_t> duration_us;  // stop sending after this long
  std::optional<std::uint64_t> count;       // stop after this many deliveries were sent
  bool loop = false;                        // start the files over until duration or count
  rewrite_options rewrite;
  fault_options faults;
  std::chrono::milliseconds request_timeout{10'000};
  // When set, one JSON line per answer (or failure) is written here: answer_log.hpp.
  std::string log_file;
};

// A file that cannot be read, a bad line, a bad target: what the user must fix.
struct play_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Runs the whole play; `progress` (optional) is called about once a second with the report so
// far and the run's clock. Throws play_error.
play_report play(const play_options& o,
                 const std::function<void(const play_report&, std::int64_t)>& progress = {});

}  // namespace mifos::mock
