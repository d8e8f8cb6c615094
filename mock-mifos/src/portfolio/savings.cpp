// savings.cpp: POST /savingsaccounts (SAVINGSACCOUNT CREATE), ?command=approve / activate
// (SAVINGSACCOUNT APPROVE / ACTIVATE), POST /savingsaccounts/{id}/transactions?command=deposit /
// withdrawal (SAVINGSACCOUNT DEPOSIT / WITHDRAWAL), and the GETs. Charges: savings_charges.cpp.
#include "portfolio/savings.hpp"

#include <string>

#include "portfolio/handlers.hpp"
#include "request/json_read.hpp"
#include "portfolio/routing.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

const std::string& currency_of(const state& s, const savings_account& a) {
  return s.savings_products.at(a.product_id).currency;
}

json savings_json(const state& s, const savings_account& a, const rest_call& call) {
  const client& c = s.clients.at(a.client_id);
  const std::string& currency = currency_of(s, a);
  json timeline = {{"submittedOnDate", date_json(a.submitted_on)}};
  if (a.approved_on) timeline["approvedOnDate"] = date_json(*a.approved_on);
  if (a.activated_on) timeline["activatedOnDate"] = date_json(*a.activated_on);
  json j = {{"id", a.id},
            {"accountNo", account_no(a.id)},
            {"clientId", c.id},
            {"clientName", c.display_name()},
            {"savingsProductId", a.product_id},
            {"savingsProductName", s.savings_products.at(a.product_id).name},
            {"status", savings_status_json(a.status)},
            {"timeline", timeline},
            {"currency", currency_json(currency)},
            {"summary",
             {{"currency", currency_json(currency)},
              {"totalDeposits", amount_json(a.deposits)},
              {"totalWithdrawals", amount_json(a.withdrawals)},
              {"totalFeeCharge", amount_json(a.fees)},
              {"accountBalance", amount_json(a.balance)},
              {"availableBalance", amount_json(a.balance)}}}};
  auto associations = call.query.find("associations");
  if (associations != call.query.end() &&
      associations->second.find("transactions") != std::string::npos) {
    static const char* const kTypes[] = {"", "Deposit", "Withdrawal", "", "", "", "", "Pay Charge"};
    json list = json::array();
    for (const auto& t : a.transactions) {
      list.push_back({{"id", t.id},
                      {"transactionType", {{"id", t.type}, {"value", kTypes[t.type]}}},
                      {"date", date_json(t.date)},
                      {"amount", amount_json(t.amount)},
                      {"runningBalance", amount_json(t.running_balance)}});
    }
    j["transactions"] = list;
  }
  return j;
}

answer create_savings(state& s, const json& body) {
  field_reader in(body, "savingsaccount");
  auto client_id = in.id("clientId");
  auto product_id = in.id("productId");
  auto submitted_on = in.date("submittedOnDate");
  if (!in.ok()) return in.error();
  client* c = s.find_client(*client_id);
  if (c == nullptr) return client_not_found(*client_id);
  if (!s.savings_products.contains(*product_id)) return product_not_found(*product_id, true);
  if (!c->is_active()) {
    return api_error::domain_rule(
        "error.msg.client.not.active",
        "Client with identifier " + std::to_string(c->id) + " is not active");
  }
  savings_account a;
  a.id = s.savings_ids.take();
  a.client_id = c->id;
  a.product_id = *product_id;
  a.submitted_on = *submitted_on;
  s.savings[a.id] = a;
  return savings_result(s, a, a.id, std::nullopt);
}

// ?command=approve and ?command=activate: one state step each.
answer change_state(state& s, entity_id id, const json& body, bool activate) {
  const char* date_param = activate ? "activatedOnDate" : "approvedOnDate";
  field_reader in(body, "savingsaccount");
  auto date = in.date(date_param);
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  const savings_status from = activate ? savings_status::approved : savings_status::submitted;
  if (a->status != from) {
    const std::string rule =
        activate ? "not.in.approved.state" : "not.in.submittedandpendingapproval.state";
    return state_rule(std::string("validation.msg.savingsaccount.") +
                          (activate ? "activate." : "approval.") + rule,
                      "Failed data validation due to: " + rule + ".", date_param);
  }
  const local_date after = activate ? *a->approved_on : a->submitted_on;
  if (*date < after) {
    return state_rule(std::string("validation.msg.savingsaccount.") +
                          (activate ? "activate.cannot.be.before.approval.date"
                                    : "approval.cannot.be.before.submittal.date"),
                      "Failed data validation due to: cannot.be.before." +
                          std::string(activate ? "approval" : "submittal") + ".date.",
                      date_param, value_text(body.at(date_param)));
  }
  a->status = activate ? savings_status::active : savings_status::approved;
  (activate ? a->activated_on : a->approved_on) = date;
  // Fineract's order: status, locale, dateFormat, then the date as sent.
  json changes = {{"status", savings_status_json(a->status)},
                  {"locale", value_text(body.at("locale"))},
                  {"dateFormat", value_text(body.at("dateFormat"))},
                  {date_param, value_text(body.at(date_param))}};
  return savings_result(s, *a, a->id, std::move(changes));
}

answer move_money(state& s, entity_id id, const json& body, bool deposit) {
  field_reader in(body, "savingsaccount.transaction");
  auto date = in.date("transactionDate");
  auto amount = in.amount("transactionAmount");
  auto payment_type_id = in.id("paymentTypeId", false);
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  if (a->status != savings_status::active) {
    return state_rule("error.msg.savingsaccount.transaction.account.is.not.active",
                      "Transaction is not allowed. Account is not active.", "transactionDate",
                      value_text(body.at("transactionDate")));
  }
  cents room = a->deposits;
  if (deposit && !add_cents(room, *amount)) {
    return api_error::domain_rule("error.msg.savingsaccount.transaction.amount.too.large",
                                  "The account cannot hold that much.");
  }
  if (!deposit && *amount > a->balance) {
    return api_error::domain_rule(
        "error.msg.savingsaccount.transaction.insufficient.account.balance",
        "Insufficient account balance.");
  }
  entity_id t =
      book_savings_transaction(s, *a, deposit ? 1 : 2, *date, deposit ? *amount : -*amount);
  json changes = json::object();
  if (payment_type_id) echo_payment_details(body, *payment_type_id, changes);
  return savings_result(s, *a, t, std::move(changes));
}

}  // namespace

json savings_status_json(savings_status st) {
  const char* code = st == savings_status::active ? "savingsAccountStatusType.active"
                     : st == savings_status::approved
                         ? "savingsAccountStatusType.approved"
                         : "savingsAccountStatusType.submitted.and.pending.approval";
  const char* value = st == savings_status::active     ? "Active"
                      : st == savings_status::approved ? "Approved"
                                                       : "Submitted and pending approval";
  return {{"id", static_cast<int>(st)},
          {"code", code},
          {"value", value},
          {"submittedAndPendingApproval", st == savings_status::submitted},
          {"approved", st == savings_status::approved},
          {"rejected", false},
          {"withdrawnByApplicant", false},
          {"active", st == savings_status::active},
          {"closed", false},
          {"prematureClosed", false},
          {"transferInProgress", false},
          {"transferOnHold", false},
          {"matured", false}};
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
  if (type == 7) a.fees -= amount;
  savings_transaction t{s.savings_transaction_ids.take(), type, date, amount < 0 ? -amount : amount,
                        a.balance};
  a.transactions.push_back(t);
  return t.id;
}

entity_id open_savings_account(state& s, client& c, entity_id product_id, local_date on) {
  savings_account a;
  a.id = s.savings_ids.take();
  a.client_id = c.id;
  a.product_id = product_id;
  a.submitted_on = on;
  if (c.is_active()) {
    a.status = savings_status::active;
    a.approved_on = a.activated_on = on;
  }
  s.savings[a.id] = a;
  return a.id;
}

std::optional<rest_outcome> route_savings(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 3) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "SAVINGSACCOUNT", "CREATE",
                         [&](const json& body) { return create_savings(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json items = json::array();
    for (const auto& [id, a] : s.savings) items.push_back(savings_json(s, a, call));
    return read_outcome(page(call, std::move(items)));
  }
  auto id = parse_id(p[1]);
  if (!id || (p.size() == 3 && p[2] != "transactions")) return std::nullopt;
  const std::string* command = command_of(call);
  auto is = [command](const char* name) { return command != nullptr && *command == name; };
  if (p.size() == 3) {
    if (call.method != "POST") return method_not_allowed(call);
    if (!is("deposit") && !is("withdrawal")) return unsupported_command(call);
    const bool deposit = is("deposit");
    return run_command(call, "SAVINGSACCOUNT", deposit ? "DEPOSIT" : "WITHDRAWAL",
                       [&](const json& body) { return move_money(s, *id, body, deposit); });
  }
  if (call.method == "POST") {
    if (!is("approve") && !is("activate")) return unsupported_command(call);
    const bool activate = is("activate");
    return run_command(call, "SAVINGSACCOUNT", activate ? "ACTIVATE" : "APPROVE",
                       [&](const json& body) { return change_state(s, *id, body, activate); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  const savings_account* a = s.find_savings(*id);
  return read_outcome(a != nullptr ? answer(savings_json(s, *a, call))
                                   : answer(savings_not_found(*id)));
}

}  // namespace mifos::mock::detail
