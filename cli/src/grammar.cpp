// grammar.cpp: see grammar.hpp. Every parser splits the text into a number and a unit and looks
// the unit up in a small table, so the four grammars read alike.
#include "mifos_cli/grammar.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace mifos::cli {
namespace {

struct unit {
  std::string_view name;
  double scale;
};

// A plain decimal number: digits with at most one '.', no sign, no exponent, no spaces.
std::optional<double> decimal(std::string_view text) {
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string_view::npos ||
      text.find_first_of("0123456789") == std::string_view::npos)
    return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Any unsigned decimal floating-point text from_chars reads, exponents included ("1e-3"): the
// probabilities and rates of mock-mifos play took those before this grammar existed.
std::optional<double> number(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// The number before the unit: the text up to the first character that is not part of one.
template <std::size_t N>
std::optional<double> scaled(std::string_view text, const std::array<unit, N>& units,
                             double bare_scale) {
  const auto at = text.find_first_not_of("0123456789.");
  const std::string_view suffix = at == std::string_view::npos ? "" : text.substr(at);
  auto value = decimal(text.substr(0, at == std::string_view::npos ? text.size() : at));
  if (!value) return std::nullopt;
  if (suffix.empty()) return *value * bare_scale;
  for (const unit& u : units)
    if (u.name == suffix) return *value * u.scale;
  return std::nullopt;
}

template <typename T>
parsed<T> refuse(std::string_view what, std::string_view text) {
  return {std::nullopt, "takes " + std::string(what) + ", not \"" + std::string(text) + "\""};
}

}  // namespace

parsed<std::chrono::microseconds> parse_duration(std::string_view text) {
  static constexpr std::array<unit, 6> kUnits = {
      {{"us", 1}, {"ms", 1e3}, {"s", 1e6}, {"m", 60e6}, {"h", 3600e6}, {"d", 86400e6}}};
  constexpr double kMaxUs = 365 * 86400e6;
  constexpr std::string_view kWhat =
      "a duration such as 250ms, 1.5s, 2m or 7d (us, ms, s, m, h, d; a bare number is seconds)";
  auto us = scaled(text, kUnits, 1e6);
  if (!us) return refuse<std::chrono::microseconds>(kWhat, text);
  if (*us > kMaxUs)
    return {std::nullopt, "takes a duration of at most 365d, not \"" + std::string(text) + "\""};
  return {std::chrono::microseconds(std::llround(*us)), ""};
}

std::string format_duration(std::chrono::microseconds d) {
  static constexpr std::array<std::pair<std::int64_t, std::string_view>, 5> kUnits = {
      {{86'400'000'000, "d"},
       {3'600'000'000, "h"},
       {60'000'000, "m"},
       {1'000'000, "s"},
       {1'000, "ms"}}};
  const std::int64_t us = d.count();
  if (us == 0) return "0s";
  for (const auto& [scale, name] : kUnits)
    if (us % scale == 0) return std::to_string(us / scale) + std::string(name);
  return std::to_string(us) + "us";
}

parsed<std::uint64_t> parse_size(std::string_view text) {
  static constexpr std::array<unit, 7> kUnits = {{{"B", 1},
                                                  {"kB", 1e3},
                                                  {"MB", 1e6},
                                                  {"GB", 1e9},
                                                  {"KiB", 1024.0},
                                                  {"MiB", 1024.0 * 1024},
                                                  {"GiB", 1024.0 * 1024 * 1024}}};
  constexpr std::string_view kWhat = "a size such as 1048576, 64KiB, 1MiB or 1.5MB";
  // A bare number is bytes and whole: "1.5" bytes means nothing.
  const bool bare = text.find_first_not_of("0123456789") == std::string_view::npos;
  std::optional<double> bytes;
  if (bare && !text.empty()) {
    std::uint64_t whole = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), whole);
    if (ec == std::errc() && end == text.data() + text.size() && whole <= (1ULL << 62))
      return {whole, ""};
  } else if (text.find_first_not_of("0123456789.") != std::string_view::npos) {
    bytes = scaled(text, kUnits, 1);  // decimals only with a unit
  }
  if (!bytes || *bytes > static_cast<double>(1ULL << 62)) return refuse<std::uint64_t>(kWhat, text);
  return {static_cast<std::uint64_t>(std::llround(*bytes)), ""};
}

parsed<double> parse_rate(std::string_view text) {
  constexpr std::string_view kWhat =
      "a rate such as 200, 0.5, 500/s, 30/m or 100/h (per second unless /m or /h), or max";
  if (text == "max") return {HUGE_VAL, ""};
  double per = 1;
  std::string_view digits = text;
  if (const auto slash = text.rfind('/'); slash != std::string_view::npos) {
    const std::string_view unit = text.substr(slash + 1);
    per = unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 0;
    digits = text.substr(0, slash);
  }
  auto value = number(digits);
  if (per == 0 || !value || *value <= 0) return refuse<double>(kWhat, text);
  return {*value / per, ""};
}

parsed<double> parse_percentage(std::string_view text) {
  constexpr std::string_view kWhat = "a fraction from 0 to 1 such as 0.05, or a percentage: 5%";
  const bool percent = !text.empty() && text.back() == '%';
  auto value = number(percent ? text.substr(0, text.size() - 1) : text);
  if (!value) return refuse<double>(kWhat, text);
  const double fraction = percent ? *value / 100 : *value;
  if (fraction > 1) return refuse<double>(kWhat, text);
  return {fraction, ""};
}

}  // namespace mifos::cli
