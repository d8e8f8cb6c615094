// flag_table.hpp: the command-line reader both programs share: a table with one row per flag,
// each row saying how its value sets the settings.
//
//   std::vector<flag<my_settings>> table = {
//       {"--count", true, [](my_settings& s, std::string_view v) -> std::string {
//          auto n = parse_number<int>(v, 1, 100);
//          if (!n) return "takes a number from 1 to 100";
//          s.count = *n;
//          return "";
//        }},
//       {"--verbose", false, [](my_settings& s, std::string_view) { s.verbose = true; return
//       std::string(); }},
//   };
//   std::string error = apply_flags(table, {"--count=3", "--verbose"}, settings);  // "" when fine
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "flag_values.hpp"

namespace stream_forwarder {

template <typename Settings>
struct flag {
  std::string_view name;
  bool takes_value = true;
  // Sets the settings from the value ("" for a switch); returns "" or why the value is bad.
  std::function<std::string(Settings&, std::string_view)> set;
};

// Reads "--flag value", "--flag=value" and switches, in order. Returns "" or the first error,
// e.g. "unknown option --nope" or "--port takes a number from 0 to 65535".
template <typename Settings>
std::string apply_flags(const std::vector<flag<Settings>>& table,
                        const std::vector<std::string>& args, Settings& s) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    std::string_view value;
    bool inline_value = false;
    if (auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      inline_value = true;
    }
    const flag<Settings>* row = nullptr;
    for (const auto& f : table)
      if (f.name == arg) row = &f;
    if (!row) return "unknown option " + args[i];
    if (!row->takes_value) {
      if (inline_value) return std::string(arg) + " takes no value";
    } else if (!inline_value) {
      if (i + 1 >= args.size()) return std::string(arg) + " needs a value";
      value = args[++i];
    }
    if (std::string why = row->set(s, value); !why.empty()) return std::string(arg) + " " + why;
  }
  return "";
}

// Row setters for the common kinds of value; `apply(settings, value)` stores the parsed value.
template <typename Settings, typename Apply>
auto text_value(Apply apply) {
  return [apply](Settings& s, std::string_view v) -> std::string {
    if (v.empty()) return "needs a non-empty value";
    apply(s, std::string(v));
    return "";
  };
}

template <typename Settings, typename Int, typename Apply>
auto number_value(Int low, Int high, Apply apply) {
  return [=](Settings& s, std::string_view v) -> std::string {
    auto n = parse_number<Int>(v, low, high);
    if (!n) return "takes a number from " + std::to_string(low) + " to " + std::to_string(high);
    apply(s, *n);
    return "";
  };
}

template <typename Settings, typename Apply>
auto duration_value(std::chrono::milliseconds low, Apply apply) {
  return [=](Settings& s, std::string_view v) -> std::string {
    auto d = parse_duration(v);
    if (!d || *d < low)
      return "takes a duration of at least " + std::to_string(low.count()) +
             "ms such as 500ms, 2s, 5m, 24h";
    apply(s, *d);
    return "";
  };
}

template <typename Settings, typename Apply>
auto address_value(Apply apply) {
  return [apply](Settings& s, std::string_view v) -> std::string {
    auto a = parse_host_port(v);
    if (!a) return "takes HOST:PORT, e.g. 127.0.0.1:6379";
    apply(s, *a);
    return "";
  };
}

}  // namespace stream_forwarder
