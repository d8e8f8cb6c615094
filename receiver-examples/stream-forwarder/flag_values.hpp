// flag_values.hpp: the values both stream-forwarder and stream-consumer read from their
// command lines (HOST:PORT, durations, bounded numbers), as pure functions that return nullopt
// on bad text instead of throwing.
//
//   auto where = parse_host_port("redis.local:6380");   // {"redis.local", 6380}
//   auto ttl = parse_duration("24h");                   // 86400000 ms
//   auto n = parse_number<int>("42", 1, 100);           // 42; "0" or "x" give nullopt
#pragma once

#include <charconv>
#include <chrono>
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

// A number with a unit: "250ms", "2s", "5m", "24h", "7d"; a bare number is seconds. Whole
// numbers only, at most 365 days; nullopt for anything else.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

// A whole decimal number within [low, high], nothing else in the text.
template <typename Int>
std::optional<Int> parse_number(std::string_view text, Int low, Int high) {
  Int value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < low || value > high) return std::nullopt;
  return value;
}

// This machine's host name ("localhost" if it has none), for default replica/consumer names.
std::string host_name();

}  // namespace stream_forwarder
