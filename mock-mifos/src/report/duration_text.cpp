// duration_text.cpp: reading durations (with the shared grammar) and writing latencies in
// milliseconds.
#include "report/duration_text.hpp"

#include <cmath>
#include <cstdio>
#include <mifos_cli/grammar.hpp>

namespace mifos::mock::detail {

std::optional<std::int64_t> parse_duration_us(std::string_view text) {
  auto d = mifos::cli::parse_duration(text);
  if (!d) return std::nullopt;
  return d->count();
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
