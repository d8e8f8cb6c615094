// host_port.cpp: see host_port.hpp.
#include "host_port.hpp"

#include <unistd.h>

#include <array>
#include <charconv>

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
    unsigned n = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
    if (ec != std::errc() || end != port.data() + port.size() || n < 1 || n > 65535)
      return std::nullopt;
    out.port = static_cast<std::uint16_t>(n);
  }
  return out;
}

std::string host_name() {
  std::array<char, 256> buf{};
  if (::gethostname(buf.data(), buf.size() - 1) != 0 || buf[0] == '\0') return "localhost";
  return std::string(buf.data());
}

}  // namespace stream_forwarder
