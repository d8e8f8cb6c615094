// savings_blocks.cpp: ?command=block|unblock|blockDebit|unblockDebit|blockCredit|unblockCredit
// (SAVINGSACCOUNT BLOCK, UNBLOCK, BLOCKDEBIT, ...): the sub-status that makes deposits or
// withdrawals fail with 403 (savings_ledger.cpp: refuse_debit, refuse_credit). Each answers
// `changes` = {subStatus}, as SavingsAccount.block() and its siblings do.
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;
using sub = savings_sub_status;

// Fineract's PlatformDataIntegrityException("Reason For Block is Mandatory",
// "error.msg.reason.for.block.mandatory"): the arguments are swapped in Fineract's source, so
// the code is the English sentence and the message is the code. Reproduced as sent.
api_error reason_for_block_missing() {
  api_error e;
  e.http_status = 403;
  e.developer_message = "The request caused a data integrity issue to be fired by the database.";
  e.default_user_message = "error.msg.reason.for.block.mandatory";
  e.user_message_globalisation_code = "Reason For Block is Mandatory";
  e.errors.push_back({.developer_message = "error.msg.reason.for.block.mandatory",
                      .default_user_message = "error.msg.reason.for.block.mandatory",
                      .user_message_globalisation_code = "Reason For Block is Mandatory",
                      .parameter_name = "id",
                      .value = nullptr});
  return e;
}

struct block_step {
  std::string_view command, action, resource;
  bool needs_reason;  // the block commands read reasonForBlock; the unblocks clear it
};

constexpr block_step kSteps[] = {
    {"block", "BLOCK", "savingsaccount.block", true},
    {"unblock", "UNBLOCK", "savingsaccount.unblock", false},
    {"blockCredit", "BLOCKCREDIT", "savingsaccount.blockCredits", true},
    {"unblockCredit", "UNBLOCKCREDIT", "savingsaccount.unblockCredits", false},
    {"blockDebit", "BLOCKDEBIT", "savingsaccount.blockDebits", true},
    {"unblockDebit", "UNBLOCKDEBIT", "savingsaccount.unblockDebits", false},
};

// The sub-status after `command`, or the rule it breaks (SavingsAccount.block() and siblings:
// a block of credits on an account with blocked debits blocks everything, and so on).
std::variant<sub, api_error> next_sub_status(std::string_view command, std::string_view resource,
                                             sub now) {
  if (command == "block") return sub::block;
  if (command == "unblock") {
    if (now != sub::block) return savings_rule(resource, "not.in.blocked.state", "subStatus");
    return sub::none;
  }
  if (command == "blockCredit" || command == "blockDebit") {
    if (now == sub::block) return savings_rule(resource, "currently.set", "subStatus");
    const bool credit = command == "blockCredit";
    const sub other = credit ? sub::block_debit : sub::block_credit;
    return now == other ? sub::block : (credit ? sub::block_credit : sub::block_debit);
  }
  const bool credit = command == "unblockCredit";
  const sub own = credit ? sub::block_credit : sub::block_debit;
  if (now != own && now != sub::block) {
    return savings_rule(resource, credit ? "credits.are.not.blocked" : "debits.are.not.blocked",
                        credit ? "status" : "subStatus");
  }
  return now == sub::block ? (credit ? sub::block_debit : sub::block_credit) : sub::none;
}

answer change_block(state& s, entity_id id, const json& body, const block_step& step) {
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  const std::string reason =
      body.contains("reasonForBlock") ? value_text(body["reasonForBlock"]) : std::string();
  // Fineract checks the reason before the state for blockCredit/blockDebit, after it for block.
  if (step.needs_reason && step.command != "block" && reason.empty()) {
    return reason_for_block_missing();
  }
  if (a->status != savings_status::active) {
    return savings_rule(step.resource, "not.in.active.state", "status");
  }
  auto next = next_sub_status(step.command, step.resource, a->sub_status);
  if (auto* e = std::get_if<api_error>(&next)) return *e;
  if (step.needs_reason && reason.empty()) return reason_for_block_missing();
  a->sub_status = std::get<sub>(next);
  if (step.needs_reason) {
    a->reason_for_block = reason;
  } else {
    a->reason_for_block.reset();
  }
  return savings_result(s, *a, a->id, json{{"subStatus", savings_sub_status_json(a->sub_status)}});
}

}  // namespace

std::optional<rest_outcome> savings_block_command(state& s, const rest_call& call, entity_id id,
                                                  std::string_view command) {
  for (const block_step& step : kSteps) {
    if (step.command != command) continue;
    return run_command(call, "SAVINGSACCOUNT", step.action,
                       [&](const json& body) { return change_block(s, id, body, step); });
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
