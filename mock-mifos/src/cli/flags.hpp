// flags.hpp: the command-line reading every mock-mifos command shares: "--name value" or
// "--name=value", switches without a value, positional arguments, and number checks that say
// what was wrong.
//
//   flag_spec spec{{"port", "dialect"}, {"quiet", "help"}};
//   auto args = read_flags(argc - 2, argv + 2, spec);     // after "mock-mifos serve"
//   if (auto* error = std::get_if<std::string>(&args)) usage_error(*error);
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace mifos::mock::cli {

struct flag_spec {
  std::set<std::string> with_value;  // names without the leading "--"
  std::set<std::string> switches;
};

struct flag_values {
  std::vector<std::pair<std::string, std::string>> flags;  // in order; switches have ""
  std::vector<std::string> positional;

  bool has(const std::string& name) const;
  std::optional<std::string> last(const std::string& name) const;  // the last one given wins
  std::vector<std::string> all(const std::string& name) const;     // repeatable flags
};

// Prints "mock-mifos COMMAND: MESSAGE" and where to find the options on stderr; returns 2, the
// exit code of a bad command line.
int usage_error(const std::string& command, const std::string& message);

// An error message for an unknown flag or a missing value.
std::variant<flag_values, std::string> read_flags(int argc, char** argv, const flag_spec& spec);

// Whole-string unsigned number within [min, max]; an error message naming the flag otherwise.
std::variant<std::uint64_t, std::string> read_number(const std::string& flag,
                                                     const std::string& text, std::uint64_t min,
                                                     std::uint64_t max);

// A duration: a number with a unit us, ms, s, m or h ("500ms", "10s", "1.5s", "2m"); in
// microseconds, or an error message naming the flag.
std::variant<std::int64_t, std::string> read_duration(const std::string& flag,
                                                      const std::string& text);

// A positive decimal number ("2", "0.5"), or an error message naming the flag.
std::variant<double, std::string> read_positive(const std::string& flag, const std::string& text);

}  // namespace mifos::mock::cli
