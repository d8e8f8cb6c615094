// base64.hpp: RFC 4648 base64 (standard alphabet, '=' padding), for HTTP Basic credentials and
// the traffic file's `body_base64`.
//
//   std::string b = mifos::hooks::base64_encode("mifos:password");  // "bWlmb3M6cGFzc3dvcmQ="
//   auto raw = mifos::hooks::base64_decode(b);                       // nullopt if malformed
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mifos::hooks {

std::string base64_encode(std::string_view bytes);
// Nothing for text with characters outside the alphabet, a bad length or misplaced padding.
// Whitespace is not allowed.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace mifos::hooks
