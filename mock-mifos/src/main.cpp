// mock-mifos: a Fineract-compatible mock server and traffic generator, one command with
// subcommands.
#include <algorithm>
#include <iostream>
#include <mifos_cli/command_line.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.hpp"

namespace {

constexpr const char* kIntro =
    R"(A mock Apache Fineract / Mifos X server that fires real hook traffic, and a generator of
realistic hook traffic files.)";

constexpr const char* kNotes =
    R"(Run 'mock-mifos <command> --help' for a command's options.
Exit codes: 0 done, 1 failed at run time, 2 bad command line.)";

}  // namespace

int main(int argc, char** argv) {
  namespace cli = mifos::mock::cli;
  CLI::App app;
  mifos::cli::set_up(app, {"usage: mock-mifos <command> [options]", kIntro, kNotes});
  const std::vector<std::pair<std::string, cli::command_runner>> commands = {
      {"serve", cli::add_serve_command(app)},
      {"generate", cli::add_generate_command(app)},
      {"record", cli::add_record_command(app)},
      {"play", cli::add_play_command(app)},
      {"export", cli::add_export_command(app)}};
  for (CLI::App* command : app.get_subcommands({})) command->group("commands");

  const std::string first = argc < 2 ? "" : argv[1];
  if (first.empty()) {
    std::cerr << app.help();
    return 2;
  }
  if (first == "help") {
    std::cout << app.help();
    return 0;
  }
  const bool known =
      first.front() == '-' || std::any_of(commands.begin(), commands.end(),
                                          [&](const auto& c) { return c.first == first; });
  if (!known) {
    std::cerr << "mock-mifos: unknown command \"" << first << "\"\n" << app.help();
    return 2;
  }

  const auto read = mifos::cli::read_command_line(app, argc, argv);
  if (read.what == mifos::cli::outcome::help) {
    std::cout << app.help();
    return 0;
  }
  if (read.what == mifos::cli::outcome::usage_error) {
    if (read.command == &app) {
      std::cerr << "mock-mifos: " << read.error << "\n" << app.help();
      return 2;
    }
    return cli::usage_error(read.command->get_name(), read.error);
  }
  for (const auto& [name, run] : commands)
    if (app.got_subcommand(name)) return run();
  std::cerr << app.help();  // only options, no command
  return 2;
}
