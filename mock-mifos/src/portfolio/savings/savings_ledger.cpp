// savings_ledger.cpp: a savings account's money (booking, recomputing after an undo, what a
// debit or credit must pass), its status objects, and the savings errors the command files share.
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// A transaction's effect on accountBalance: holds and releases only move availableBalance.
cents balance_effect(const savings_transaction& t) {
  switch (t.type) {
    case 1:
    case 3:
      return t.amount;
    case 2:
    case 7:
      return -t.amount;
    default:
      return 0;
  }
}

}  // namespace

json savings_status_json(savings_status st) {
  struct row {
    savings_status status;
    const char* code;
    const char* value;
  };
  static const row kRows[] = {
      {savings_status::submitted, "savingsAccountStatusType.submitted.and.pending.approval",
       "Submitted and pending approval"},
      {savings_status::approved, "savingsAccountStatusType.approved", "Approved"},
      {savings_status::active, "savingsAccountStatusType.active", "Active"},
      {savings_status::withdrawn_by_applicant, "savingsAccountStatusType.withdrawn.by.applicant",
       "Withdrawn by applicant"},
      {savings_status::rejected, "savingsAccountStatusType.rejected", "Rejected"},
      {savings_status::closed, "savingsAccountStatusType.closed", "Closed"},
      {savings_status::premature_closed, "savingsAccountStatusType.pre.mature.closure",
       "Premature Closed"},
      {savings_status::matured, "savingsAccountStatusType.matured", "Matured"},
  };
  const row* r = &kRows[0];
  for (const row& candidate : kRows) {
    if (candidate.status == st) r = &candidate;
  }
  // Fineract's `closed` flag (SavingsAccountStatusType.isClosed) covers rejected and withdrawn.
  const bool closed = st == savings_status::closed || st == savings_status::rejected ||
                      st == savings_status::withdrawn_by_applicant;
  return {{"id", static_cast<int>(st)},
          {"code", r->code},
          {"value", r->value},
          {"submittedAndPendingApproval", st == savings_status::submitted},
          {"approved", st == savings_status::approved},
          {"rejected", st == savings_status::rejected},
          {"withdrawnByApplicant", st == savings_status::withdrawn_by_applicant},
          {"active", st == savings_status::active},
          {"closed", closed},
          {"prematureClosed", st == savings_status::premature_closed},
          {"transferInProgress", false},
          {"transferOnHold", false},
          {"matured", st == savings_status::matured}};
}

json savings_timeline_json(const savings_account& a) {
  json timeline = {{"submittedOnDate", date_json(a.submitted_on)}};
  if (a.approved_on) timeline["approvedOnDate"] = date_json(*a.approved_on);
  if (a.activated_on) timeline["activatedOnDate"] = date_json(*a.activated_on);
  if (a.closed_on) {
    const char* key = a.status == savings_status::rejected                 ? "rejectedOnDate"
                      : a.status == savings_status::withdrawn_by_applicant ? "withdrawnOnDate"
                                                                           : "closedOnDate";
    timeline[key] = date_json(*a.closed_on);
  }
  return timeline;
}

json savings_sub_status_json(savings_sub_status st) {
  const char* code = st == savings_sub_status::block          ? "block"
                     : st == savings_sub_status::block_credit ? "blockCredit"
                     : st == savings_sub_status::block_debit  ? "blockDebit"
                                                              : "none";
  const char* value = st == savings_sub_status::block          ? "Block"
                      : st == savings_sub_status::block_credit ? "BlockCredit"
                      : st == savings_sub_status::block_debit  ? "BlockDebit"
                                                               : "None";
  return {{"id", static_cast<int>(st)},
          {"code", std::string("SavingsAccountSubStatusEnum.") + code},
          {"value", value},
          {"none", st == savings_sub_status::none},
          {"inactive", false},
          {"dormant", false},
          {"escheat", false},
          {"block", st == savings_sub_status::block},
          {"blockCredit", st == savings_sub_status::block_credit},
          {"blockDebit", st == savings_sub_status::block_debit}};
}

json savings_result(const state& s, const savings_account& a, entity_id resource_id,
                    std::optional<json> changes) {
  return result_fields{.office_id = s.clients.at(a.client_id).office_id,
                       .client_id = a.client_id,
                       .savings_id = a.id,
                       .resource_id = resource_id,
                       .changes = std::move(changes)}
      .to_json();
}

entity_id book_savings_transaction(state& s, savings_account& a, int type, local_date date,
                                   cents amount) {
  a.balance += amount;
  if (type == 1) a.deposits += amount;
  if (type == 2) a.withdrawals -= amount;
  if (type == 3) a.interest_posted += amount;
  if (type == 7) a.fees -= amount;
  savings_transaction t;
  t.id = s.savings_transaction_ids.take();
  t.type = type;
  t.date = date;
  t.amount = amount < 0 ? -amount : amount;
  t.running_balance = a.balance;
  a.transactions.push_back(t);
  return t.id;
}

void recompute_savings_totals(savings_account& a) {
  a.balance = a.deposits = a.withdrawals = a.fees = a.interest_posted = a.on_hold = 0;
  for (savings_transaction& t : a.transactions) {
    if (t.reversed || t.is_reversal) continue;
    a.balance += balance_effect(t);
    if (t.type == 1) a.deposits += t.amount;
    if (t.type == 2) a.withdrawals += t.amount;
    if (t.type == 3) a.interest_posted += t.amount;
    if (t.type == 7) a.fees += t.amount;
    if (t.type == 20 && !t.released_by) a.on_hold += t.amount;
    t.running_balance = a.balance;
  }
}

api_error savings_rule(std::string_view resource, std::string_view rule, std::string parameter,
                       json value) {
  return state_rule("validation.msg." + std::string(resource) + "." + std::string(rule),
                    "Failed data validation due to: " + std::string(rule) + ".",
                    std::move(parameter), std::move(value));
}

std::optional<api_error> refuse_debit(const savings_account& a, cents amount) {
  const std::string id = std::to_string(a.id);
  if (a.sub_status == savings_sub_status::block) {
    return api_error::domain_rule(
        "error.msg.saving.account.blocked.transaction.not.allowed",
        "Any transaction to " + id + " is not allowed, since the account is blocked");
  }
  if (a.sub_status == savings_sub_status::block_debit) {
    return api_error::domain_rule("error.msg.savings.account.debit.transaction.not.allowed",
                                  "Any debit transactions from " + id +
                                      " is not allowed, since the account is blocked for debits");
  }
  if (amount > a.available()) {
    return api_error::domain_rule(
        "error.msg.savingsaccount.transaction.insufficient.account.balance",
        "Insufficient account balance.");
  }
  return std::nullopt;
}

std::optional<api_error> refuse_credit(const savings_account& a) {
  const std::string id = std::to_string(a.id);
  if (a.sub_status == savings_sub_status::block) {
    return api_error::domain_rule(
        "error.msg.saving.account.blocked.transaction.not.allowed",
        "Any transaction to " + id + " is not allowed, since the account is blocked");
  }
  if (a.sub_status == savings_sub_status::block_credit) {
    return api_error::domain_rule("error.msg.savings.account.credit.transaction.not.allowed",
                                  "Any Credit transactions to " + id +
                                      " is not allowed, since the account is blocked for credits");
  }
  return std::nullopt;
}

savings_transaction* find_savings_transaction(savings_account& a, entity_id tid) {
  for (auto& t : a.transactions) {
    if (t.id == tid) return &t;
  }
  return nullptr;
}

api_error savings_transaction_not_found(entity_id savings_id, entity_id tid) {
  return api_error::not_found("error.msg.saving.account.trasaction.id.invalid",
                              "Savings account with savings identifier " +
                                  std::to_string(savings_id) + " and trasaction identifier " +
                                  std::to_string(tid) + " does not exist",
                              tid);
}

}  // namespace mifos::mock::detail
