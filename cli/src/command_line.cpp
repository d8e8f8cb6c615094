// command_line.cpp: see command_line.hpp. CLI11's own messages are reworded into the ones these
// programs printed before CLI11 ("unknown option --x", "--port needs a value"), which their
// tests and users' scripts read.
#include "mifos_cli/command_line.hpp"

#include <algorithm>
#include <memory>
#include <sstream>
#include <utility>

namespace mifos::cli {
namespace {

class help_formatter : public CLI::Formatter {
 public:
  explicit help_formatter(help_text text) : text_(std::move(text)) { column_width(23); }

  std::string make_help(const CLI::App* app, std::string, CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
    std::ostringstream out;
    out << text_.usage << "\n";
    const std::string& intro = text_.intro.empty() ? app->get_description() : text_.intro;
    if (!intro.empty()) out << "\n" << intro << "\n";
    out << make_positionals(app) << make_groups(app, mode) << make_subcommands(app, mode);
    if (!text_.notes.empty()) out << "\n" << text_.notes << "\n";
    // CLI11 ends each group with a blank line and starts the next with one: keep one.
    std::string help = out.str();
    for (auto at = help.find("\n\n\n"); at != std::string::npos; at = help.find("\n\n\n", at))
      help.erase(at, 1);
    return help;
  }

  std::string make_positionals(const CLI::App* app) const override {
    auto positionals = app->get_options(
        [](const CLI::Option* o) { return !o->get_group().empty() && o->get_positional(); });
    if (positionals.empty()) return "";
    return make_group("arguments", true, positionals);
  }

 private:
  help_text text_;
};

// The deepest subcommand on the command line, or `app`.
const CLI::App* last_command(const CLI::App& app) {
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  return at;
}

std::string as_flag(std::string name) { return name.rfind("-", 0) == 0 ? name : "--" + name; }

std::string reworded(const CLI::ParseError& e) {
  const std::string what = e.what();
  if (auto at = what.find(" was given a disallowed flag override"); at != std::string::npos)
    return as_flag(what.substr(0, at)) + " takes no value";
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && what.ends_with(" missing"))
    return what.substr(0, what.find(':')) + " needs a value";
  return what;
}

}  // namespace

void set_up(CLI::App& app, help_text text) {
  app.formatter(std::make_shared<help_formatter>(std::move(text)));
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)->group("options");
  app.set_help_flag("-h,--help", "print this text and exit")->disable_flag_override();
  app.allow_extras();
}

outcome read_command_line(CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them backwards
  outcome out;
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out.what = outcome::help;
  } catch (const CLI::ParseError& e) {
    out.what = outcome::usage_error;
    out.error = reworded(e);
  }
  out.command = last_command(app);
  if (out.what != outcome::run) return out;
  if (const auto extras = app.remaining(true); !extras.empty()) {
    const std::string& first = extras.front();
    out.what = outcome::usage_error;
    out.error = first.size() > 1 && first.front() == '-' ? "unknown option " + first
                                                         : "unexpected argument " + first;
  }
  return out;
}

outcome read_command_line(CLI::App& app, int argc, char** argv) {
  return read_command_line(app, std::vector<std::string>(argv + std::min(argc, 1), argv + argc));
}

}  // namespace mifos::cli
