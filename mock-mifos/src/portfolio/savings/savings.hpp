// savings.hpp: what the savings files share: the command result of a command on an account,
// the ledger every money movement books, Fineract's savings errors, and the per-family command
// handlers route_savings dispatches to.
//
//   return savings_result(s, account, transaction_id, nlohmann::ordered_json::object());
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "model/rest_call.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// {officeId, clientId, savingsId, resourceId, [changes]} for a command on `a`.
nlohmann::ordered_json savings_result(const state& s, const savings_account& a,
                                      entity_id resource_id,
                                      std::optional<nlohmann::ordered_json> changes);

// Books a transaction of `type` (1 deposit, 2 withdrawal, 3 interest, 7 charge payment)
// moving `amount` (negative for money out) and returns its id.
entity_id book_savings_transaction(state& s, savings_account& a, int type, local_date date,
                                   cents amount);

// Recomputes balance, totals, holds and running balances from the transactions that stand
// (not reversed, not reversals): after an undo, a reversal or an adjustment.
void recompute_savings_totals(savings_account& a);

// Adds the optional `note` to `changes` as Fineract does after a transition (savings and share
// accounts; savings_lifecycle.cpp).
void echo_note(const nlohmann::ordered_json& body, nlohmann::ordered_json& changes);

// Fineract's 400 for a savings rule (DataValidatorBuilder.failWithCodeNoParameterAddedToErrorCode):
// "validation.msg.<resource>.<rule>", "Failed data validation due to: <rule>.", e.g.
// savings_rule("savingsaccount.close", "not.in.active.state").
api_error savings_rule(std::string_view resource, std::string_view rule,
                       std::string parameter = "id", nlohmann::ordered_json value = nullptr);

// What Fineract's domain service refuses before money leaves (a block or a debit block: 403;
// more than the available balance, holds deducted: 403) or enters (a block or a credit block:
// 403) an active account. nullopt: allowed.
std::optional<api_error> refuse_debit(const savings_account& a, cents amount);
std::optional<api_error> refuse_credit(const savings_account& a);

// The transaction `tid` of `a`, or nullptr; its 404 as Fineract spells it ("trasaction").
savings_transaction* find_savings_transaction(savings_account& a, entity_id tid);
api_error savings_transaction_not_found(entity_id savings_id, entity_id tid);

// {"submittedOnDate":[y,m,d], "approvedOnDate", "activatedOnDate", and the closing date under
// its key (rejectedOnDate, withdrawnOnDate or closedOnDate)}: the GET's timeline.
nlohmann::ordered_json savings_timeline_json(const savings_account& a);

// {"id":400,"code":"SavingsAccountSubStatusEnum.block","value":"Block","none":false,...}
nlohmann::ordered_json savings_sub_status_json(savings_sub_status st);

// POST /savingsaccounts/{id}?command=undoapproval|reject|withdrawnByApplicant|close|block|
// unblock|blockDebit|unblockDebit|blockCredit|unblockCredit|postInterest|calculateInterest, PUT
// and DELETE /savingsaccounts/{id} (savings_lifecycle.cpp, savings_blocks.cpp,
// savings_interest.cpp). nullopt: not a command of that file.
std::optional<rest_outcome> savings_lifecycle_command(state& s, const rest_call& call, entity_id id,
                                                      std::string_view command);
std::optional<rest_outcome> savings_block_command(state& s, const rest_call& call, entity_id id,
                                                  std::string_view command);
std::optional<rest_outcome> savings_interest_command(state& s, const rest_call& call, entity_id id,
                                                     std::string_view command);
// ?command=assignSavingsOfficer|unassignSavingsOfficer (savings_officers.cpp).
std::optional<rest_outcome> savings_officer_command(state& s, const rest_call& call, entity_id id,
                                                    std::string_view command);
rest_outcome update_savings_application(state& s, const rest_call& call, entity_id id);
rest_outcome delete_savings_application(state& s, const rest_call& call, entity_id id);

// POST /savingsaccounts/{id}/transactions?command=holdAmount and
// /transactions/{tid}?command=releaseAmount|undo|reverse|modify (savings_transactions.cpp).
std::optional<rest_outcome> savings_transaction_command(state& s, const rest_call& call,
                                                        entity_id id, std::optional<entity_id> tid,
                                                        std::string_view command);

// The undo / reverse and the adjustment (?command=modify) of transaction `tid` of `a`, with
// Fineract's savings rules; deposit accounts share them (field errors name `resource`).
answer undo_savings_transaction(state& s, savings_account& a, entity_id tid, bool reverse);
answer adjust_savings_transaction(state& s, savings_account& a, entity_id tid,
                                  const nlohmann::ordered_json& body, std::string_view resource);

}  // namespace mifos::mock::detail
