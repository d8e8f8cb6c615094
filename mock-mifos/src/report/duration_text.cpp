// duration_text.cpp: reading "500ms"-style durations and writing latencies in milliseconds.
#include "report/duration_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace mifos::mock::detail {
namespace {

// A year: longer than any run, and far below int64 overflow.
constexpr double kMaxUs = 1e6 * 3600 * 24 * 365;

std::optional<double> unit_us(std::string_view unit) {
  if (unit == "us") return 1.0;
  if (unit == "ms") return 1e3;
  if (unit == "s") return 1e6;
  if (unit == "m") return 60e6;
  if (unit == "h") return 3600e6;
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_duration_us(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() &&
         ((text[digits] >= '0' && text[digits] <= '9') || text[digits] == '.'))
    ++digits;
  if (digits == 0 || digits == text.size()) return std::nullopt;
  double number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + digits, number);
  if (ec != std::errc() || end != text.data() + digits) return std::nullopt;
  auto scale = unit_us(text.substr(digits));
  if (!scale) return std::nullopt;
  const double us = number * *scale;
  if (!std::isfinite(us) || us > kMaxUs) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(us));
}

std::string fixed(double v, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

std::string format_ms_number(std::int64_t us) {
  const double ms = static_cast<double>(us) / 1000.0;
  const double magnitude = std::fabs(ms);
  return fixed(ms, magnitude < 1 ? 3 : magnitude < 10 ? 2 : 1);
}

std::string format_ms(std::int64_t us) { return format_ms_number(us) + " ms"; }

std::string format_limit(std::int64_t us) {
  if (us != 0 && us % 1'000'000 == 0) return std::to_string(us / 1'000'000) + " s";
  if (us != 0 && us % 1'000 == 0) return std::to_string(us / 1'000) + " ms";
  if (us < 1'000) return std::to_string(us) + " us";
  // Shortest of 1-3 decimals that is exact (1.5 ms, 1.25 ms); microseconds are whole, so 3 is.
  for (int decimals = 1; decimals <= 3; ++decimals) {
    const double scale = std::pow(10.0, decimals);
    const double ms = static_cast<double>(us) / 1000.0;
    if (std::fabs(std::round(ms * scale) - ms * scale) < 1e-6) return fixed(ms, decimals) + " ms";
  }
  return fixed(static_cast<double>(us) / 1000.0, 3) + " ms";
}

}  // namespace mifos::mock::detail
