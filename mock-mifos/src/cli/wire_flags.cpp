// wire_flags.cpp: see wire_flags.hpp; also usage_error, which every command shares.
#include "cli/wire_flags.hpp"

#include <iostream>
#include <mifos_cli/options.hpp>

#include "cli/commands.hpp"

namespace mifos::mock::cli {

int usage_error(const std::string& command, const std::string& message) {
  std::cerr << "mock-mifos " << command << ": " << message << "\n"
            << "Run 'mock-mifos " << command << " --help' for the options.\n";
  return 2;
}

void add_wire_options(CLI::App& command, hooks::wire_dialect& dialect, failure_shape& failures,
                      const std::string& dialect_help, const std::string& failure_help) {
  mifos::cli::add_value_option(
      command, "--dialect",
      [&dialect](const std::string& d) -> std::string {
        if (d == "fineract") {
          dialect = hooks::wire_dialect::fineract;
        } else if (d == "mifos") {
          dialect = hooks::wire_dialect::mifos;
        } else {
          return "must be fineract or mifos, not \"" + d + "\"";
        }
        return "";
      },
      dialect_help, "D");
  mifos::cli::add_value_option(
      command, "--failure-shape",
      [&failures](const std::string& s) -> std::string {
        if (s == "stripped") {
          failures = failure_shape::stripped;
        } else if (s == "exception") {
          failures = failure_shape::exception;
        } else {
          return "must be stripped or exception, not \"" + s + "\"";
        }
        return "";
      },
      failure_help, "S");
}

}  // namespace mifos::mock::cli
