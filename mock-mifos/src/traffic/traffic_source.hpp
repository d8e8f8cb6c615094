// traffic_source.hpp: reads the deliveries of a traffic file one at a time, so a 1 GB file
// plays in constant memory: JSON Lines (traffic.hpp) streamed line by line, or a HAR file (as
// browsers and proxies save them: every POST entry becomes a delivery, offsets from
// startedDateTime).
//
//   std::string error;
//   auto source = open_traffic_file("day.jsonl", error);   // or "capture.har"
//   if (!source) die(error);
//   while (auto r = source->next(error)) play(*r);
//   if (!error.empty()) die(error);                       // a bad line: "day.jsonl:17: not JSON"
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <mifos/hooks/traffic.hpp>

namespace mifos::mock {

class traffic_source {
 public:
  virtual ~traffic_source() = default;
  // The next delivery; nothing at the end, or on an error (then `error` says where and why).
  virtual std::optional<hooks::traffic_record> next(std::string& error) = 0;
  // Back to the first delivery (for --loop).
  virtual void rewind() = 0;
};

// By content: a file whose first non-blank byte starts a JSON object with a "log" key is HAR,
// anything else JSON Lines. nullptr (and `error`) when it cannot be opened or is not HAR/JSONL.
std::unique_ptr<traffic_source> open_traffic_file(const std::string& path, std::string& error);

}  // namespace mifos::mock
