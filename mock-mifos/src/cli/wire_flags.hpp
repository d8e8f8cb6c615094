// wire_flags.hpp: the flags serve and generate share: --dialect and --failure-shape.
#pragma once

#include <CLI/CLI.hpp>
#include <mifos/hooks/wire.hpp>

#include "wire/hook_payload.hpp"

namespace mifos::mock::cli {

// --dialect sets `dialect`, --failure-shape sets `failures`, when given.
void add_wire_options(CLI::App& command, hooks::wire_dialect& dialect, failure_shape& failures,
                      const std::string& dialect_help, const std::string& failure_help);

}  // namespace mifos::mock::cli
