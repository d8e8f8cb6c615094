// retarget.hpp: where a recorded request goes when it is sent somewhere else (record --forward,
// export --target). One rule for both, so a user learns it once:
//   - a URL without a path (or with just "/") keeps the request's own target:
//       retarget(parse_http_url("http://app:8080"), "/hooks/?t=1") == "/hooks/?t=1"
//   - a URL with a path sends every request there, its path and query replacing the request's:
//       retarget(parse_http_url("http://app:8080/in/fineract"), "/hooks/?t=1") == "/in/fineract"
#pragma once

#include <string>
#include <string_view>

#include "wire/url.hpp"

namespace mifos::mock {

inline std::string retarget(const http_url& to, std::string_view recorded_target) {
  if (to.target == "/") return std::string(recorded_target);
  return to.target;
}

}  // namespace mifos::mock
