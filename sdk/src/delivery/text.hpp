// text.hpp: small byte-level helpers shared by the parsers.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>

namespace mifos::hooks::detail {

// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// True when `s` is well-formed UTF-8: no stray, overlong or surrogate sequences. Every string an
// event holds must be, or dumping it as JSON (to_json(e).dump()) would throw.
bool valid_utf8_slow(std::string_view s) noexcept;
// Plain ASCII, the usual case, is settled here eight bytes at a time.
inline bool valid_utf8(std::string_view s) noexcept {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if ((w & kHighBits) != 0) return valid_utf8_slow(s);
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80) return valid_utf8_slow(s);
  return true;
}

// valid_utf8 of each, with one ASCII pass over all of them first.
inline bool all_valid_utf8(std::initializer_list<std::string_view> values) noexcept {
  unsigned char high = 0;
  for (std::string_view v : values)
    for (char c : v) high |= static_cast<unsigned char>(c);
  if (high < 0x80) return true;
  for (std::string_view v : values)
    if (!valid_utf8_slow(v)) return false;
  return true;
}

}  // namespace mifos::hooks::detail
