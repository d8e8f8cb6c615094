// result_fields.hpp: the typed fields of a command result and of an envelope, read from the
// parsed body in one pass over the members it has (not one lookup per field it might have).
#pragma once

#include <nlohmann/json.hpp>

#include "mifos/hooks/event.hpp"

namespace mifos::hooks::detail {

// Reads the command-result fields of `object` into `r`; unknown members are left alone.
void read_command_result(const nlohmann::json& object, command_result& r);

// Reads a body as a bare command result in the same pass that tells whether it is one: false
// (with `r` left partly filled, to be reset) when the body has `entityName`, i.e. is an envelope.
bool read_if_bare_result(const nlohmann::json& body, command_result& r);

// Reads the envelope fields of e.payload into `e`, marks failures (a `response` missing, or
// "status":"Exception"), and reads the command result from `response`.
void read_envelope(event& e);

}  // namespace mifos::hooks::detail
