// mock-mifos: a Fineract-compatible mock server and traffic generator, one command with
// subcommands.
#include <iostream>
#include <string>

#include "cli/commands.hpp"

namespace {

constexpr const char* kUsage = R"(usage: mock-mifos <command> [options]

A mock Apache Fineract / Mifos X server that fires real hook traffic, and a generator of
realistic hook traffic files.

commands:
  serve      run the mock server (REST API, hooks admin API, hook deliveries)
  generate   write a day of realistic hook deliveries to a traffic file (JSON Lines)
  record     act as a receiver and append every delivery to a traffic file
  play       replay traffic files against a receiver: paced, at a fixed rate or at full load,
             with faults, assertions and a report
  export     turn a traffic file into a k6 script or vegeta targets

Run 'mock-mifos <command> --help' for a command's options.
Exit codes: 0 done, 1 failed at run time, 2 bad command line.
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "serve") return mifos::mock::cli::serve_command(argc - 2, argv + 2);
  if (command == "generate") return mifos::mock::cli::generate_command(argc - 2, argv + 2);
  if (command == "record") return mifos::mock::cli::record_command(argc - 2, argv + 2);
  if (command == "play") return mifos::mock::cli::play_command(argc - 2, argv + 2);
  if (command == "export") return mifos::mock::cli::export_command(argc - 2, argv + 2);
  std::cerr << "mock-mifos: unknown command \"" << command << "\"\n" << kUsage;
  return 2;
}
