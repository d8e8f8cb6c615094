// fault_spec.cpp: reading a fault flag's value: a probability ("0.05", "5%") or a window of the
// run's time ("10s-20s").
#include <mifos_cli/grammar.hpp>

#include "play/faults.hpp"
#include "report/duration_text.hpp"

namespace mifos::mock {
namespace {

std::string flag_name(const std::string& flag) {
  return flag.rfind("--", 0) == 0 ? flag : "--" + flag;
}

std::variant<fault_spec, std::string> window(const std::string& flag, std::string_view text,
                                             std::size_t dash) {
  const std::string usage = flag_name(flag) + " window \"" + std::string(text) + "\"";
  auto from = detail::parse_duration_us(text.substr(0, dash));
  auto to = detail::parse_duration_us(text.substr(dash + 1));
  if (!from || !to)
    return usage +
           " needs a duration on each side (us, ms, s, m, h, d; a bare number is seconds), e.g. "
           "10s-20s";
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
  auto probability = mifos::cli::parse_percentage(t);
  // Not a probability: a '-' after the first character separates a window's ends ("1e-3" was
  // read as a probability above; a leading '-' is a sign, and refused below).
  if (auto dash = t.find('-', 1); dash != std::string_view::npos && !probability && t.back() != '%')
    return window(flag, t, dash);
  const std::string refused = flag_name(flag) +
                              " takes a probability from 0 to 1 (0.05 or 5%) or a window "
                              "(10s-20s), not \"" +
                              text + "\"";
  if (!probability) return refused;
  fault_spec spec;
  spec.probability = *probability;
  return spec;
}

}  // namespace mifos::mock
