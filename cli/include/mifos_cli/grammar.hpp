// grammar.hpp: the one way every program reads durations, sizes, rates and percentages from a
// command line, as pure functions. An error says what was expected and quotes the value; the
// CLI11 glue (options.hpp) puts the flag's name in front of it.
//
//   parse_duration("1.5s");    // 1500 ms;  "30" is 30 s, "7d" a week
//   parse_size("64KiB");       // 65536 bytes; "1048576" is bytes
//   parse_rate("500/m");       // 8.33 per second; "max" is +infinity
//   parse_percentage("5%");    // 0.05; "0.05" too
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mifos::cli {

// A value, or why the text is not one ("takes a duration such as ..., not \"x\"").
template <typename T>
struct parsed {
  std::optional<T> value;
  std::string error;

  explicit operator bool() const { return value.has_value(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
};

// A non-negative number (decimals allowed) with a unit us, ms, s, m, h or d; a bare number is
// seconds. At most 365 days.
parsed<std::chrono::microseconds> parse_duration(std::string_view text);

// The shortest exact spelling parse_duration reads back: 1500ms, 90s, 7d, 0s.
std::string format_duration(std::chrono::microseconds d);

// A whole number of bytes, or a number (decimals allowed) with a unit B, kB, MB, GB (powers of
// 1000) or KiB, MiB, GiB (powers of 1024). At most 2^62 bytes.
parsed<std::uint64_t> parse_size(std::string_view text);

// Per second: a positive number, optionally followed by /s, /m or /h; "max" is +infinity (as
// fast as the program can).
parsed<double> parse_rate(std::string_view text);

// A fraction from 0 to 1: "0.05", "1", or a percentage "5%", "100%".
parsed<double> parse_percentage(std::string_view text);

}  // namespace mifos::cli
