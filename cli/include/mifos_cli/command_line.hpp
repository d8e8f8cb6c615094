// command_line.hpp: how every program here sets up its CLI::App and reads its command line, so
// they all print help and word their errors alike.
//
//   CLI::App app;
//   mifos::cli::set_up(app, {"usage: hello-receiver [options]", "Takes Mifos X ..."});
//   add_number_option<int>(app, "--threads", 1, 256, threads, "threads serving connections");
//   auto read = mifos::cli::read_command_line(app, argc, argv);
//   if (read.what == mifos::cli::outcome::help) std::cout << app.help();
//   if (read.what == mifos::cli::outcome::usage_error) ...  // read.error, exit code 2
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace mifos::cli {

struct help_text {
  std::string usage;  // the first line of --help: "usage: mock-mifos play FILE... [options]"
  std::string intro;  // what the program does; printed after the usage line
  std::string notes;  // printed after the options (exit codes, what goes to stderr, ...)
};

// Help as: usage line, intro, the options by group, notes. -h and --help; a flag given twice
// takes its last value; words that are no flag are kept for read_command_line to name. Call it
// before adding options (and on each subcommand; a subcommand's description is its one line in
// the parent's list of commands).
void set_up(CLI::App& app, help_text text);

struct outcome {
  enum kind { run, help, usage_error };
  kind what = run;
  std::string error;  // for usage_error: "unknown option --x", "--port needs a value"
  const CLI::App* command = nullptr;  // the (sub)command that was read last
};

// `args` without the program name.
outcome read_command_line(CLI::App& app, const std::vector<std::string>& args);
outcome read_command_line(CLI::App& app, int argc, char** argv);

// A program's whole command line in one call: `define(app, settings)` adds its flags to a fresh
// CLI::App, writing into `settings` (whose values are the defaults --help shows). Settings has a
// `bool help`, set when --help was asked. nullopt, and the message in `error`, on a usage error.
//
//   auto s = mifos::cli::read_settings(settings{}, define, args, error);
//   std::string text = mifos::cli::help_of(settings{}, define);
template <typename Settings, typename Define>
std::optional<Settings> read_settings(Settings s, Define define,
                                      const std::vector<std::string>& args, std::string& error) {
  CLI::App app;
  define(app, s);
  const outcome read = read_command_line(app, args);
  if (read.what == outcome::usage_error) {
    error = read.error;
    return std::nullopt;
  }
  s.help = read.what == outcome::help;
  return s;
}

template <typename Settings, typename Define>
std::string help_of(Settings s, Define define) {
  CLI::App app;
  define(app, s);
  return app.help();
}

}  // namespace mifos::cli
