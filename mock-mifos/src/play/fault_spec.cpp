// fault_spec.cpp: reading a fault flag's value: a probability ("0.05", "5%") or a window of the
// run's time ("10s-20s").
#include <charconv>
#include <cmath>

#include "report/duration_text.hpp"
#include "play/faults.hpp"

namespace mifos::mock {
namespace {

std::string flag_name(const std::string& flag) {
  return flag.rfind("--", 0) == 0 ? flag : "--" + flag;
}

std::optional<double> whole_number(std::string_view text) {
  if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

std::variant<fault_spec, std::string> window(const std::string& flag, std::string_view text,
                                             std::size_t dash) {
  const std::string usage = flag_name(flag) + " window \"" + std::string(text) + "\"";
  auto from = detail::parse_duration_us(text.substr(0, dash));
  auto to = detail::parse_duration_us(text.substr(dash + 1));
  if (!from || !to)
    return usage + " needs a duration with a unit (us, ms, s, m, h) on each side, e.g. 10s-20s";
  if (*to <= *from) return usage + " ends before it starts";
  fault_spec spec;
  spec.from_us = *from;
  spec.to_us = *to;
  return spec;
}

}  // namespace

std::variant<fault_spec, std::string> parse_fault_spec(const std::string& flag,
                                                       const std::string& text) {
  const std::string_view t = text;
  const bool percent = !t.empty() && t.back() == '%';
  auto number = whole_number(percent ? t.substr(0, t.size() - 1) : t);
  // Not a number: a '-' after the first character separates a window's ends ("1e-3" was read as a
  // number above; a leading '-' is a sign, and refused below).
  if (auto dash = t.find('-', 1); !number && !percent && dash != std::string_view::npos)
    return window(flag, t, dash);
  const std::string refused = flag_name(flag) +
                              " takes a probability from 0 to 1 (0.05 or 5%) or a window "
                              "(10s-20s), not \"" +
                              text + "\"";
  if (!number) return refused;
  const double p = percent ? *number / 100.0 : *number;
  if (p < 0 || p > 1) return refused;
  fault_spec spec;
  spec.probability = p;
  return spec;
}

}  // namespace mifos::mock
