// options.cpp: see options.hpp. Values are read in CLI11 option callbacks, which throw
// ValidationError with the whole message, so every program words its errors the same way.
#include "mifos_cli/options.hpp"

#include <algorithm>

#include "mifos_cli/grammar.hpp"

namespace mifos::cli {

CLI::Option* add_value_option(CLI::App& app, const std::string& name,
                              std::function<std::string(const std::string&)> set,
                              const std::string& help, const std::string& value_name) {
  auto callback = [name, set = std::move(set)](const CLI::results_t& values) {
    if (std::string why = set(values.back()); !why.empty())
      throw CLI::ValidationError(name + " " + why);
    return true;
  };
  return app.add_option(name, CLI::callback_t(std::move(callback)), help)->type_name(value_name);
}

CLI::Option* add_text_option(CLI::App& app, const std::string& name, std::string& target,
                             const std::string& help, const std::string& value_name,
                             text_rule rule) {
  auto set = [&target, rule](const std::string& text) -> std::string {
    if (rule == text_rule::non_empty && text.empty()) return "needs a non-empty value";
    target = text;
    return "";
  };
  return add_value_option(app, name, set, help, value_name);
}

CLI::Option* add_repeated_option(CLI::App& app, const std::string& name,
                                 std::vector<std::string>& target, const std::string& help,
                                 const std::string& value_name) {
  auto callback = [&target](const CLI::results_t& values) {
    target = values;
    return true;
  };
  return app.add_option(name, CLI::callback_t(std::move(callback)), help)
      ->type_name(value_name)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

CLI::Option* add_choice_option(CLI::App& app, const std::string& name,
                               std::vector<std::string> choices, std::string& target,
                               const std::string& help, const std::string& value_name) {
  auto set = [&target, choices = std::move(choices)](const std::string& text) -> std::string {
    if (std::find(choices.begin(), choices.end(), text) != choices.end()) {
      target = text;
      return "";
    }
    std::string listed;
    for (std::size_t i = 0; i < choices.size(); ++i)
      listed += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    return "takes " + listed + ", not \"" + text + "\"";
  };
  return add_value_option(app, name, set, help, value_name);
}

CLI::Option* add_switch(CLI::App& app, const std::string& name, bool& target,
                        const std::string& help) {
  return app.add_flag(name, target, help)->disable_flag_override();
}

CLI::Option* add_duration_option(CLI::App& app, const std::string& name,
                                 std::function<void(std::chrono::microseconds)> set,
                                 const std::string& help, std::chrono::microseconds at_least) {
  auto read = [set = std::move(set), at_least](const std::string& text) -> std::string {
    auto d = parse_duration(text);
    if (!d) return d.error;
    if (*d < at_least)
      return "takes a duration of at least " + format_duration(at_least) + ", not \"" + text + "\"";
    set(*d);
    return "";
  };
  return add_value_option(app, name, read, help, "D");
}

CLI::Option* add_size_option(CLI::App& app, const std::string& name,
                             std::function<void(std::uint64_t)> set, const std::string& help,
                             std::uint64_t at_least, std::uint64_t at_most) {
  auto read = [=](const std::string& text) -> std::string {
    auto bytes = parse_size(text);
    if (!bytes) return bytes.error;
    if (*bytes < at_least || *bytes > at_most)
      return "takes a size from " + std::to_string(at_least) + " to " + std::to_string(at_most) +
             " bytes, not \"" + text + "\"";
    set(*bytes);
    return "";
  };
  return add_value_option(app, name, read, help, "SIZE");
}

CLI::Option* add_rate_option(CLI::App& app, const std::string& name,
                             std::function<void(double)> set, const std::string& help) {
  auto read = [set = std::move(set)](const std::string& text) -> std::string {
    auto rate = parse_rate(text);
    if (!rate) return rate.error;
    set(*rate);
    return "";
  };
  return add_value_option(app, name, read, help, "N");
}

}  // namespace mifos::cli
