#include "cli/flags.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "report/duration_text.hpp"

namespace mifos::mock::cli {

int usage_error(const std::string& command, const std::string& message) {
  std::cerr << "mock-mifos " << command << ": " << message << "\n"
            << "Run 'mock-mifos " << command << " --help' for the options.\n";
  return 2;
}

bool flag_values::has(const std::string& name) const {
  for (const auto& f : flags)
    if (f.first == name) return true;
  return false;
}

std::optional<std::string> flag_values::last(const std::string& name) const {
  std::optional<std::string> value;
  for (const auto& f : flags)
    if (f.first == name) value = f.second;
  return value;
}

std::vector<std::string> flag_values::all(const std::string& name) const {
  std::vector<std::string> values;
  for (const auto& f : flags)
    if (f.first == name) values.push_back(f.second);
  return values;
}

std::variant<flag_values, std::string> read_flags(int argc, char** argv, const flag_spec& spec) {
  flag_values out;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      out.positional.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (spec.switches.count(name)) {
      if (inline_value) return "--" + name + " takes no value";
      out.flags.emplace_back(name, "");
    } else if (spec.with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argc) return "--" + name + " needs a value";
        inline_value = argv[++i];
      }
      out.flags.emplace_back(name, *inline_value);
    } else {
      return "unknown option --" + name;
    }
  }
  return out;
}

std::variant<std::uint64_t, std::string> read_number(const std::string& flag,
                                                     const std::string& text, std::uint64_t min,
                                                     std::uint64_t max) {
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value < min ||
      value > max)
    return "--" + flag + " must be a whole number from " + std::to_string(min) + " to " +
           std::to_string(max) + ", not \"" + text + "\"";
  return value;
}

std::variant<double, std::string> read_positive(const std::string& flag, const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value) || value <= 0)
    return "--" + flag + " must be a positive number, not \"" + text + "\"";
  return value;
}

std::variant<std::int64_t, std::string> read_duration(const std::string& flag,
                                                      const std::string& text) {
  if (auto us = detail::parse_duration_us(text)) return *us;
  return "--" + flag + " must be a duration such as 500ms, 10s or 2m, not \"" + text + "\"";
}

}  // namespace mifos::mock::cli
