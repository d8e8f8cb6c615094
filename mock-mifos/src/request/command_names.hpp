// command_names.hpp: the `?command=` values of Fineract's API, and the spelling a value given in
// another case or with spaces around it stands for: Fineract compares them trimmed and ignoring
// case ("APPROVE " runs approve), the mock's handlers compare them exactly.
//
//   canonical_command(" UndoApproval")   // "undoapproval"
//   canonical_command("frobnicate")      // "frobnicate": unknown values stay as given
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mifos::mock::detail {

// Every `?command=` value of sdk/data/fineract-commands.tsv, plus the commands that fire no hook
// (calculateLoanSchedule, executeJob).
const std::vector<std::string_view>& command_names();

std::string canonical_command(std::string_view given);

}  // namespace mifos::mock::detail
