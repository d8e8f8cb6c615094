// commands.hpp: the mock-mifos subcommands. Each takes the arguments after its name and returns
// the process exit code: 0 done, 1 failed at run time (or, for play, an --expect/--slo broken),
// 2 bad command line.
#pragma once

namespace mifos::mock::cli {

int serve_command(int argc, char** argv);
int generate_command(int argc, char** argv);
int record_command(int argc, char** argv);
int play_command(int argc, char** argv);
int export_command(int argc, char** argv);

}  // namespace mifos::mock::cli
