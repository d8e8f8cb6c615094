// url.cpp: absolute http(s) URLs split into what the sender needs. Deliberately narrow: no
// user-info (a Payload URL with credentials is refused rather than silently sent without them),
// no relative references, and the fragment is dropped as HTTP clients do.
#include "wire/url.hpp"

#include <cctype>
#include <charconv>

namespace mifos::mock {
namespace {

std::uint16_t default_port(std::string_view scheme) { return scheme == "https" ? 443 : 80; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Spaces, controls and non-ASCII bytes are not allowed unescaped anywhere in a URL.
bool has_forbidden_byte(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F) return true;
  }
  return false;
}

// Splits "host", "host:port", "[v6]" or "[v6]:port". False for anything malformed.
bool split_authority(std::string_view authority, http_url& u) {
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    host = authority.substr(0, close + 1);
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return false;
      port = rest.substr(1);
    }
  } else if (const auto colon = authority.find(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty()) return false;
  if (host.front() != '[' && host.find_first_of("[]") != std::string_view::npos) return false;
  u.host = std::string(host);
  u.port = default_port(u.scheme);
  if (port.empty()) return true;  // "http://h:/" is a valid spelling of the default port
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
    return false;
  u.port = static_cast<std::uint16_t>(value);
  return true;
}

}  // namespace

std::string http_url::origin() const { return scheme + "://" + host + ":" + std::to_string(port); }

std::string http_url::host_header() const {
  if (port == default_port(scheme)) return host;
  return host + ":" + std::to_string(port);
}

std::optional<http_url> parse_http_url(std::string_view url) {
  if (url.empty() || has_forbidden_byte(url)) return std::nullopt;
  const auto sep = url.find("://");
  if (sep == std::string_view::npos) return std::nullopt;
  http_url u;
  u.scheme = lower(url.substr(0, sep));
  if (u.scheme != "http" && u.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(sep + 3);
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const auto authority_end = rest.find_first_of("/?");
  const std::string_view authority = rest.substr(0, authority_end);
  if (authority.find('@') != std::string_view::npos) return std::nullopt;
  if (!split_authority(authority, u)) return std::nullopt;
  const std::string_view target =
      authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  if (target.empty() || target.front() == '?')
    u.target = "/" + std::string(target);
  else
    u.target = std::string(target);
  return u;
}

bool has_path_without_trailing_slash(const http_url& u) {
  const std::string_view path = std::string_view(u.target).substr(0, u.target.find('?'));
  return path.size() > 1 && path.back() != '/';
}

}  // namespace mifos::mock
