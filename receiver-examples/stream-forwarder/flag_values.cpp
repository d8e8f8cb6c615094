// flag_values.cpp: see flag_values.hpp.
#include "flag_values.hpp"

#include <unistd.h>

#include <array>

namespace stream_forwarder {

std::optional<host_port> parse_host_port(std::string_view text) {
  host_port out;
  std::string_view host = text;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = text.substr(1, close - 1);
    std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
      if (port.empty()) return std::nullopt;
    }
  } else if (auto colon = text.rfind(':'); colon != std::string_view::npos) {
    // A bare IPv6 address has several colons and cannot carry a port without brackets.
    if (text.find(':') != colon) return std::nullopt;
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (port.empty()) return std::nullopt;
  }
  if (host.empty()) return std::nullopt;
  out.host = std::string(host);
  if (!port.empty()) {
    auto n = parse_number<std::uint16_t>(port, 1, 65535);
    if (!n) return std::nullopt;
    out.port = *n;
  }
  return out;
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  struct unit {
    std::string_view suffix;
    std::int64_t ms;
  };
  // "ms" before "m" and "s": the longest suffix that matches wins.
  static constexpr std::array<unit, 5> kUnits = {
      {{"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}, {"d", 86'400'000}}};
  constexpr std::int64_t kMaxMs = 365LL * 86'400'000;
  std::int64_t scale = 1000;  // a bare number is seconds
  std::string_view digits = text;
  for (const unit& u : kUnits) {
    if (text.size() > u.suffix.size() && text.ends_with(u.suffix)) {
      digits = text.substr(0, text.size() - u.suffix.size());
      scale = u.ms;
      break;
    }
  }
  auto n = parse_number<std::int64_t>(digits, 0, kMaxMs);
  if (!n || *n > kMaxMs / scale) return std::nullopt;
  return std::chrono::milliseconds(*n * scale);
}

std::string host_name() {
  std::array<char, 256> buf{};
  if (::gethostname(buf.data(), buf.size() - 1) != 0 || buf[0] == '\0') return "localhost";
  return std::string(buf.data());
}

}  // namespace stream_forwarder
