// savings_transactions.cpp: commands on a savings account's transactions:
// POST /savingsaccounts/{id}/transactions?command=holdAmount (SAVINGSACCOUNT HOLDAMOUNT) and
// /transactions/{tid}?command=releaseAmount (RELEASEAMOUNT), undo (UNDOTRANSACTION), reverse
// (REVERSETRANSACTION) and modify (ADJUSTTRANSACTION).
//
// The mock undoes, reverses and adjusts deposits, withdrawals and interest postings; Fineract
// also undoes charge payments (restoring the charge), which the mock refuses as an update that is
// not allowed.
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// Fineract's TransactionUpdateNotAllowedException: a 503 (a PlatformServiceUnavailable).
api_error update_not_allowed(entity_id savings_id, entity_id tid) {
  return api_error::service_unavailable(
      "error.msg.saving.account.trasaction.update.notallowed",
      "Savings Account transaction update not allowed with savings identifier " +
          std::to_string(savings_id) + " and trasaction identifier " + std::to_string(tid));
}

bool undoable(const savings_transaction& t) { return t.type == 1 || t.type == 2 || t.type == 3; }

// Marks `t` reversed and recomputes; when the balance would go below what is held or below
// zero, puts everything back and answers Fineract's 403.
std::optional<api_error> take_back(savings_account& a, savings_transaction& t) {
  t.reversed = true;
  recompute_savings_totals(a);
  if (a.available() < 0) {
    t.reversed = false;
    recompute_savings_totals(a);
    return api_error::domain_rule(
        "error.msg.savingsaccount.transaction.insufficient.account.balance",
        "Insufficient account balance.");
  }
  return std::nullopt;
}

answer hold_amount(state& s, entity_id id, const json& body) {
  field_reader in(body, "savingsaccount");
  auto amount = in.amount("transactionAmount");
  auto date = in.date("transactionDate");
  auto reason = in.text("reasonForBlock");
  if (reason && reason->size() > 100) {
    in.fail_rule("reasonForBlock", "exceeds.max.length",
                 "The parameter `reasonForBlock` exceeds max length of 100.", *reason);
  }
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  if (a->status != savings_status::active) {
    return savings_rule("savingsaccount", "not.in.active.state", "status");
  }
  if (*amount > a->available()) return savings_rule("savingsaccount", "insufficient.balance");
  savings_transaction t;
  t.id = s.savings_transaction_ids.take();
  t.type = 20;
  t.date = *date;
  t.amount = *amount;
  a->on_hold += *amount;
  t.running_balance = a->available();
  a->transactions.push_back(t);
  return savings_result(s, *a, t.id, std::nullopt);
}

answer release_amount(state& s, entity_id id, entity_id tid, const rest_call& call) {
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  savings_transaction* hold = find_savings_transaction(*a, tid);
  if (hold == nullptr || hold->type != 20) return savings_transaction_not_found(id, tid);
  if (hold->released_by) {
    // failWithCode with parameter "amount": the parameter lands inside the code.
    return state_rule("validation.msg.savingsaccount.amount.validation.msg.amount.is.not.on.hold",
                      "Failed data validation due to: validation.msg.amount.is.not.on.hold.",
                      "amount", amount_json(hold->amount));
  }
  if (a->status != savings_status::active) {
    return savings_rule("savingsaccount", "not.in.active.state", "status");
  }
  savings_transaction release;
  release.id = s.savings_transaction_ids.take();
  release.type = 21;
  release.date = date_of(call.now);
  release.amount = hold->amount;
  hold->released_by = release.id;
  a->on_hold -= hold->amount;
  release.running_balance = a->available();
  a->transactions.push_back(release);
  return savings_result(s, *a, release.id, std::nullopt);
}

}  // namespace

// undo: the transaction is marked reversed (resourceId = the account). reverse: the same, plus
// a reversal transaction (resourceId = the reversal).
answer undo_savings_transaction(state& s, savings_account& a, entity_id tid, bool reverse) {
  savings_transaction* t = find_savings_transaction(a, tid);
  if (t == nullptr || t->reversed || t->is_reversal)
    return savings_transaction_not_found(a.id, tid);
  if (a.status != savings_status::active) {
    return savings_rule("savingsaccount.undotransaction", "account.is.not.active");
  }
  if (!undoable(*t)) return update_not_allowed(a.id, tid);
  if (auto refused = take_back(a, *t)) return *refused;
  if (!reverse) return savings_result(s, a, a.id, std::nullopt);
  savings_transaction reversal = *t;
  reversal.id = s.savings_transaction_ids.take();
  reversal.reversed = false;
  reversal.is_reversal = true;
  reversal.running_balance = a.balance;
  a.transactions.push_back(reversal);
  return savings_result(s, a, reversal.id, std::nullopt);
}

answer adjust_savings_transaction(state& s, savings_account& a, entity_id tid, const json& body,
                                  std::string_view resource) {
  savings_transaction* t = find_savings_transaction(a, tid);
  if (t == nullptr) return savings_transaction_not_found(a.id, tid);
  if ((t->type != 1 && t->type != 2) || t->reversed || t->is_reversal) {
    return update_not_allowed(a.id, tid);
  }
  field_reader in(body, std::string(resource));
  auto date = in.date("transactionDate");
  auto amount = in.amount("transactionAmount");
  auto payment_type_id = in.id("paymentTypeId", false);
  if (!in.ok()) return in.error();
  if (a.status != savings_status::active) {
    return savings_rule("savingsaccount.adjusttransaction", "account.is.not.active");
  }
  const int type = t->type;
  if (auto refused = take_back(a, *t)) return *refused;
  savings_transaction replacement;
  replacement.id = s.savings_transaction_ids.take();
  replacement.type = type;
  replacement.date = *date;
  replacement.amount = *amount;
  a.transactions.push_back(replacement);
  recompute_savings_totals(a);
  if (a.available() < 0) {
    a.transactions.pop_back();
    find_savings_transaction(a, tid)->reversed = false;
    recompute_savings_totals(a);
    return api_error::domain_rule(
        "error.msg.savingsaccount.transaction.insufficient.account.balance",
        "Insufficient account balance.");
  }
  json changes = json::object();
  if (payment_type_id) echo_payment_details(body, *payment_type_id, changes);
  return savings_result(s, a, replacement.id, std::move(changes));
}

namespace {

answer undo_or_reverse(state& s, entity_id id, entity_id tid, bool reverse) {
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  return undo_savings_transaction(s, *a, tid, reverse);
}

answer adjust(state& s, entity_id id, entity_id tid, const json& body) {
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  return adjust_savings_transaction(s, *a, tid, body, "savingsaccount.transaction");
}

}  // namespace

std::optional<rest_outcome> savings_transaction_command(state& s, const rest_call& call,
                                                        entity_id id, std::optional<entity_id> tid,
                                                        std::string_view command) {
  if (!tid) {
    if (command != "holdAmount") return std::nullopt;
    return run_command(call, "SAVINGSACCOUNT", "HOLDAMOUNT",
                       [&](const json& body) { return hold_amount(s, id, body); });
  }
  if (command == "releaseAmount") {
    return run_command(call, "SAVINGSACCOUNT", "RELEASEAMOUNT",
                       [&](const json&) { return release_amount(s, id, *tid, call); });
  }
  if (command == "undo" || command == "reverse") {
    const bool reverse = command == "reverse";
    return run_command(call, "SAVINGSACCOUNT", reverse ? "REVERSETRANSACTION" : "UNDOTRANSACTION",
                       [&](const json&) { return undo_or_reverse(s, id, *tid, reverse); });
  }
  if (command == "modify") {
    return run_command(call, "SAVINGSACCOUNT", "ADJUSTTRANSACTION",
                       [&](const json& body) { return adjust(s, id, *tid, body); });
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
