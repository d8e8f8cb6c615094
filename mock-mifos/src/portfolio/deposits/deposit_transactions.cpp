// deposit_transactions.cpp: POST /{fixed|recurring}depositaccounts/{id}/transactions with
// ?command=deposit|withdrawal, and /transactions/{tid}?command=undo|modify.
//
// As in Fineract 2024-10: a recurring deposit takes installments (DEPOSIT) and, when its
// allowWithdrawal is set, withdrawals; a fixed deposit takes its money at activation only, so its
// DEPOSIT always fails (503 ...deposit.notallowed, with no validation first) and so does a
// WITHDRAWAL (503 ...withdraw.notallowed, after the body's validation). A fixed deposit's undo and
// modify run the savings commands and fire SAVINGSACCOUNT UNDOTRANSACTION / ADJUSTTRANSACTION.
#include <string>

#include "portfolio/deposits/deposits.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// DepositAccountTransactionNotAllowedException: a 503 with Fineract's spelling ("trasaction",
// and no space after the deposit type's name).
api_error not_allowed(entity_id id, const char* action, deposit_kind kind) {
  const bool fixed = kind == deposit_kind::fixed;
  return api_error::service_unavailable(
      "error.msg." + deposit_resource(kind) + ".account.trasaction." + action + ".notallowed",
      std::string(fixed ? "Fixed Deposit" : "Recurring Deposit") + "account " + action +
          " transaction not allowed with account identifier " + std::to_string(id));
}

answer move_money(state& s, deposits_book& book, entity_id id, deposit_kind kind, const json& body,
                  const rest_call& call, bool deposit) {
  field_reader in(body, deposit_resource(kind));
  if (!in.only({"locale", "dateFormat", "transactionDate", "transactionAmount", "paymentTypeId",
                "accountNumber", "checkNumber", "routingCode", "receiptNumber", "bankNumber"})) {
    return in.error();
  }
  auto date = in.date("transactionDate");
  auto amount = in.amount("transactionAmount");
  auto payment_type_id = in.id("paymentTypeId", false);
  if (!in.ok()) return in.error();
  auto found = deposit_for_command(s, book, id, kind, call);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  if (!deposit && (kind == deposit_kind::fixed || !d.allow_withdrawal)) {
    return not_allowed(id, "withdraw", kind);
  }
  if (d.account.status != savings_status::active) {
    return state_rule("error.msg.savingsaccount.transaction.account.is.not.active",
                      "Transaction is not allowed. Account is not active.", "transactionDate",
                      value_text(body.at("transactionDate")));
  }
  if (d.account.activated_on && *date < *d.account.activated_on) {
    return state_rule("error.msg.savingsaccount.transaction.before.activation.date",
                      "You cannot make a transaction before activation date.", "transactionDate",
                      value_text(body.at("transactionDate")));
  }
  if (*date > date_of(call.now)) {
    return state_rule("error.msg.savingsaccount.transaction.in.the.future",
                      "Transaction date cannot be in the future.", "transactionDate",
                      value_text(body.at("transactionDate")));
  }
  cents room = d.account.deposits;
  if (deposit && !add_cents(room, *amount)) {
    return api_error::domain_rule("error.msg.savingsaccount.transaction.amount.too.large",
                                  "The account cannot hold that much.");
  }
  if (auto refused = deposit ? refuse_credit(d.account) : refuse_debit(d.account, *amount)) {
    return *refused;
  }
  const entity_id t =
      book_savings_transaction(s, d.account, deposit ? 1 : 2, *date, deposit ? *amount : -*amount);
  json changes = json::object();
  if (payment_type_id) echo_payment_details(body, *payment_type_id, changes);
  return deposit_result(s, d, t, std::move(changes));
}

// undo and modify of a recurring deposit's transaction: the savings rules, the deposit's result.
answer change_transaction(state& s, deposits_book& book, entity_id id, entity_id tid,
                          deposit_kind kind, const json& body, const rest_call& call, bool undo) {
  auto found = find_deposit(s, book, id, kind, date_of(call.now));
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  answer a = undo ? undo_savings_transaction(s, d.account, tid, false)
                  : adjust_savings_transaction(s, d.account, tid, body, deposit_resource(kind));
  auto* result = std::get_if<json>(&a);
  if (result == nullptr) return a;
  std::optional<json> changes;
  if (result->contains("changes")) changes = (*result)["changes"];
  return deposit_result(s, d, (*result)["resourceId"].get<entity_id>(), std::move(changes));
}

}  // namespace

std::optional<rest_outcome> deposit_transaction_command(state& s, deposits_book& book,
                                                        const rest_call& call, deposit_kind kind,
                                                        entity_id id, std::optional<entity_id> tid,
                                                        std::string_view command) {
  const std::string entity = deposit_entity(kind);
  if (!tid) {
    if (command == "deposit" && kind == deposit_kind::fixed) {
      return run_command(call, entity, "DEPOSIT",
                         [&](const json&) { return not_allowed(id, "deposit", kind); });
    }
    if (command != "deposit" && command != "withdrawal") return std::nullopt;
    const bool deposit = command == "deposit";
    return run_command(call, entity, deposit ? "DEPOSIT" : "WITHDRAWAL", [&](const json& body) {
      return move_money(s, book, id, kind, body, call, deposit);
    });
  }
  if (command != "undo" && command != "modify") return std::nullopt;
  const bool undo = command == "undo";
  // Fineract 2024-10 sends a fixed deposit's undo and modify to the savings handlers.
  const std::string event_entity = kind == deposit_kind::fixed ? "SAVINGSACCOUNT" : entity;
  return run_command(call, event_entity, undo ? "UNDOTRANSACTION" : "ADJUSTTRANSACTION",
                     [&](const json& body) {
                       return change_transaction(s, book, id, *tid, kind, body, call, undo);
                     });
}

}  // namespace mifos::mock::detail
