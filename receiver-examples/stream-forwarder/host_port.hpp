// host_port.hpp: where Redis is, as stream-forwarder and stream-consumer read it from --redis
// (a pure function that returns nullopt on bad text), and this machine's name for the default
// replica and consumer names. Durations and numbers are read by the shared grammar in cli/.
//
//   auto where = parse_host_port("redis.local:6380");   // {"redis.local", 6380}
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stream_forwarder {

struct host_port {
  std::string host;
  std::uint16_t port = 6379;
  bool operator==(const host_port&) const = default;
};

// "HOST:PORT", "HOST" (port 6379), "[IPv6]:PORT" or "[IPv6]". Port 1-65535; host not empty.
std::optional<host_port> parse_host_port(std::string_view text);

// This machine's host name ("localhost" if it has none), for default replica/consumer names.
std::string host_name();

}  // namespace stream_forwarder
