// consumer_flags.hpp: stream-consumer's command line.
//
//   std::string error;
//   auto s = read_consumer_flags({"--tenant", "default", "--count", "10"}, error);
//   if (!s) { print(error); return 2; }
//   s->stream;   // "mifos:events:default"
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "redis_connection.hpp"

namespace stream_forwarder {

// The --help text, generated from the flag definitions.
std::string consumer_help();

struct consumer_settings {
  redis_settings redis;
  std::string stream;  // --stream, else <--stream-prefix><--tenant>
  std::string group = "workers";
  std::string consumer;     // empty until finish_consumer_settings(): HOST-PID by default
  std::uint64_t count = 0;  // exit 0 after this many events; 0: no limit
  std::optional<std::chrono::milliseconds> idle_exit;  // exit 0 after this long without an entry
  std::size_t batch = 10;                              // entries per XREADGROUP
  bool from_start = false;  // a new group starts at the stream's first entry, not its end
  bool with_ids = false;
  bool help = false;
};

// `args` without the program name. nullopt: `error` says why (exit code 2).
std::optional<consumer_settings> read_consumer_flags(const std::vector<std::string>& args,
                                                     std::string& error);

// The default consumer name, unless --consumer gave one: "<host>-<pid>".
void finish_consumer_settings(consumer_settings& s, const std::string& host, long pid);

}  // namespace stream_forwarder
