// wire_flags.hpp: the flags serve and generate share: --dialect and --failure-shape.
#pragma once

#include <mifos/hooks/wire.hpp>
#include <optional>
#include <string>

#include "cli/flags.hpp"
#include "wire/hook_payload.hpp"

namespace mifos::mock::cli {

// Sets `dialect` and `failures` from --dialect and --failure-shape when given; an error message
// for a value that is not one of the choices.
std::optional<std::string> read_wire_flags(const flag_values& flags, hooks::wire_dialect& dialect,
                                           failure_shape& failures);

}  // namespace mifos::mock::cli
