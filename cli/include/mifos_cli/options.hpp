// options.hpp: adding flags to a CLI::App so that each reads its value with the shared grammar
// and a bad value is refused as "--flag takes ..., not \"value\"" (exit code 2 in every program).
//
//   add_duration_option(app, "--timeout", [&](auto d) { o.timeout = d; }, "per request");
//   add_number_option<int>(app, "--threads", 1, 64, [&](int n) { o.threads = n; }, "threads");
//   add_switch(app, "--quiet", quiet, "no report on stdout");
//
// A flag given twice takes its last value, as the hand-written parsers did (command_line.hpp sets
// that up); add_repeated_option keeps every value.
#pragma once

#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mifos::cli {

// The general form: `set` stores the value or returns why it is refused (the text after the
// flag's name, e.g. "must start with /"); "" when it is fine.
CLI::Option* add_value_option(CLI::App& app, const std::string& name,
                              std::function<std::string(const std::string&)> set,
                              const std::string& help, const std::string& value_name);

enum class text_rule { any, non_empty };

CLI::Option* add_text_option(CLI::App& app, const std::string& name, std::string& target,
                             const std::string& help, const std::string& value_name,
                             text_rule rule = text_rule::any);

// Every value, in order, for flags such as --tenant that may be given more than once.
CLI::Option* add_repeated_option(CLI::App& app, const std::string& name,
                                 std::vector<std::string>& target, const std::string& help,
                                 const std::string& value_name);

// One of `choices`, e.g. "fineract" or "mifos".
CLI::Option* add_choice_option(CLI::App& app, const std::string& name,
                               std::vector<std::string> choices, std::string& target,
                               const std::string& help, const std::string& value_name);

// A switch: no value ("--quiet=yes" is refused).
CLI::Option* add_switch(CLI::App& app, const std::string& name, bool& target,
                        const std::string& help);

CLI::Option* add_duration_option(CLI::App& app, const std::string& name,
                                 std::function<void(std::chrono::microseconds)> set,
                                 const std::string& help, std::chrono::microseconds at_least = {});

CLI::Option* add_size_option(CLI::App& app, const std::string& name,
                             std::function<void(std::uint64_t)> set, const std::string& help,
                             std::uint64_t at_least, std::uint64_t at_most);

// Per second; +infinity for "max".
CLI::Option* add_rate_option(CLI::App& app, const std::string& name,
                             std::function<void(double)> set, const std::string& help);

// A whole number from `low` to `high`.
template <typename Int>
CLI::Option* add_number_option(CLI::App& app, const std::string& name, Int low, Int high,
                               std::function<void(Int)> set, const std::string& help,
                               const std::string& value_name = "N") {
  auto read = [=](const std::string& text) -> std::string {
    Int value{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < low ||
        value > high)
      return "takes a number from " + std::to_string(low) + " to " + std::to_string(high) +
             ", not \"" + text + "\"";
    set(value);
    return "";
  };
  return add_value_option(app, name, read, help, value_name);
}

template <typename Int>
CLI::Option* add_number_option(CLI::App& app, const std::string& name, Int low, Int high,
                               Int& target, const std::string& help,
                               const std::string& value_name = "N") {
  return add_number_option<Int>(
      app, name, low, high, [&target](Int n) { target = n; }, help, value_name);
}

}  // namespace mifos::cli
