// url.hpp: the small part of URL handling the mock needs: split an http(s) URL into origin and
// request target, and Fineract's rule for Payload URLs.
//
//   auto u = parse_http_url("http://127.0.0.1:9000/hooks/?a=1");
//   // u->scheme "http", u->host "127.0.0.1", u->port 9000, u->target "/hooks/?a=1"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mifos::mock {

struct http_url {
  std::string scheme;      // "http" or "https", lower case
  std::string host;        // as written; IPv6 literals keep their brackets
  std::uint16_t port = 0;  // the explicit port, else 80 / 443
  std::string target;      // path and query; "/" when the URL has no path

  std::string origin() const;       // "http://127.0.0.1:9000"
  std::string host_header() const;  // "127.0.0.1:9000" (port omitted when it is the default)
};

// Nothing for anything but an absolute http(s) URL with a host.
std::optional<http_url> parse_http_url(std::string_view url);

// Fineract 1.7+ (Retrofit) refuses a base URL whose path does not end in '/'
// ("http://h/hooks" is refused, "http://h/hooks/" and "http://h" are fine).
bool has_path_without_trailing_slash(const http_url& u);

}  // namespace mifos::mock
