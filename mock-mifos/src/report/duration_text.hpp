// duration_text.hpp: durations as people type and read them, for the play flags (fault windows,
// SLOs) and the report. Internal to play/.
//
//   detail::parse_duration_us("500ms");  // 500000
//   detail::parse_duration_us("1.5s");   // 1500000
//   detail::format_ms(12345);            // "12.3 ms"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mifos::mock::detail {

// A duration in the grammar every program shares (cli/README.md): "750us", "2.5s", "1m", "7d",
// or a bare number of seconds ("10"). Nothing for anything else.
std::optional<std::int64_t> parse_duration_us(std::string_view text);

// Microseconds as milliseconds with 1 to 3 decimals, fewer as the value grows:
// 45 -> "0.045 ms", 1234 -> "1.23 ms", 12345 -> "12.3 ms", 1234567 -> "1234.6 ms".
std::string format_ms(std::int64_t us);
// The number only, as format_ms writes it ("12.3").
std::string format_ms_number(std::int64_t us);

// A limit as the user would have typed it: "50 ms", "1 s", "750 us", "1.5 ms".
std::string format_limit(std::int64_t us);

// A double with `decimals` decimals, never in scientific notation.
std::string fixed(double v, int decimals);

}  // namespace mifos::mock::detail
