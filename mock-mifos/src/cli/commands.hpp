// commands.hpp: the mock-mifos subcommands. Each adds itself and its flags to the top-level
// CLI::App and returns what runs it once the command line is read. A runner returns the process
// exit code: 0 done, 1 failed at run time (or, for play, an --expect/--slo broken), 2 bad command
// line. The runner owns the values its flags write, so it must outlive reading the command line.
//
//   CLI::App app;
//   auto serve = add_serve_command(app);
//   ... read the command line ...
//   if (app.got_subcommand("serve")) return serve();
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace mifos::mock::cli {

using command_runner = std::function<int()>;

command_runner add_serve_command(CLI::App& app);
command_runner add_generate_command(CLI::App& app);
command_runner add_record_command(CLI::App& app);
command_runner add_play_command(CLI::App& app);
command_runner add_export_command(CLI::App& app);

// Prints "mock-mifos COMMAND: MESSAGE" and where to find the options on stderr; returns 2, the
// exit code of a bad command line.
int usage_error(const std::string& command, const std::string& message);

}  // namespace mifos::mock::cli
