// money.cpp: exact decimal parsing of amounts into cents.
#include "request/money.hpp"

#include <cctype>
#include <cmath>
#include <string>

namespace mifos::mock::detail {
namespace {

constexpr std::size_t kMaxIntegerDigits = 13;

std::optional<cents> parse_decimal_text(const std::string& text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  cents whole = 0;
  std::size_t digits = 0;
  for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ',');
       ++i) {
    if (text[i] == ',') continue;
    if (++digits > kMaxIntegerDigits) return std::nullopt;
    whole = whole * 10 + (text[i] - '0');
  }
  int fraction[3] = {0, 0, 0};
  std::size_t fraction_digits = 0;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      if (fraction_digits < 3) fraction[fraction_digits] = text[i] - '0';
      ++fraction_digits;
    }
  }
  if (i != text.size() || digits + fraction_digits == 0) return std::nullopt;
  cents c = whole * 100 + fraction[0] * 10 + fraction[1] + (fraction[2] >= 5 ? 1 : 0);
  return negative ? -c : c;
}

}  // namespace

std::optional<cents> parse_amount(const nlohmann::ordered_json& value) {
  if (value.is_string()) return parse_decimal_text(value.get<std::string>());
  if (value.is_number_integer()) {
    // Unsigned values above int64 and values that overflow cents are not amounts.
    constexpr std::int64_t kMaxUnits = kMaxCents / 100 - 1;
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > kMaxUnits) return std::nullopt;
    std::int64_t v = value.get<std::int64_t>();
    if (v > kMaxUnits || v < -kMaxUnits) return std::nullopt;
    return v * 100;
  }
  if (value.is_number_float()) {
    double v = value.get<double>();
    if (!std::isfinite(v) || std::fabs(v) * 100.0 >= static_cast<double>(kMaxCents)) {
      return std::nullopt;
    }
    return round_cents(v);
  }
  return std::nullopt;
}

cents round_cents(double amount) {
  const double c = amount * 100.0;
  if (std::isnan(c)) return 0;
  if (c >= static_cast<double>(kMaxCents)) return kMaxCents;
  if (c <= -static_cast<double>(kMaxCents)) return -kMaxCents;
  return static_cast<cents>(std::llround(c));
}

}  // namespace mifos::mock::detail
