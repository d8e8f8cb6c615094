// savings.cpp: POST /savingsaccounts (SAVINGSACCOUNT CREATE), ?command=approve / activate
// (SAVINGSACCOUNT APPROVE / ACTIVATE), POST /savingsaccounts/{id}/transactions?command=deposit /
// withdrawal (SAVINGSACCOUNT DEPOSIT / WITHDRAWAL), the GETs, and the routing of the other
// account commands (savings_lifecycle.cpp, savings_blocks.cpp, savings_interest.cpp,
// savings_transactions.cpp). Charges: savings_charges.cpp; money and statuses: savings_ledger.cpp.
#include "portfolio/savings/savings.hpp"

#include <string>
#include <string_view>
#include <utility>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/supported_parameters.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

const std::string& currency_of(const state& s, const savings_account& a) {
  return s.savings_products.at(a.product_id).currency;
}

// The transactionType value Fineract's GET shows (SavingsEnumerations.transactionType).
const char* transaction_type_name(int type) {
  switch (type) {
    case 1:
      return "Deposit";
    case 2:
      return "Withdrawal";
    case 3:
      return "Interest Posting";
    case 6:
      return "Waive Charge";
    case 7:
      return "Pay Charge";
    case 20:
      return "Amount on hold";
    case 21:
      return "Release Amount";
    default:
      return "";
  }
}

// SavingsAccountTransactionEnumData: id, code, value and the flags a receiver tests.
json transaction_type_json(int type) {
  static constexpr std::pair<int, const char*> kCodes[] = {
      {1, "deposit"},       {2, "withdrawal"}, {3, "interestPosting"},
      {4, "withdrawalFee"}, {5, "annualFee"},  {6, "waiveCharge"},
      {7, "payCharge"},     {20, "onHold"},    {21, "release"}};
  std::string code = "invalid";
  for (const auto& [id, name] : kCodes) {
    if (id == type) code = name;
  }
  return {{"id", type},
          {"code", "savingsAccountTransactionType." + code},
          {"value", transaction_type_name(type)},
          {"deposit", type == 1},
          {"withdrawal", type == 2},
          {"interestPosting", type == 3},
          {"feeDeduction", type == 4 || type == 5 || type == 7},
          {"amountHold", type == 20},
          {"amountRelease", type == 21}};
}

json savings_json(const state& s, const savings_account& a, const rest_call& call) {
  const client& c = s.clients.at(a.client_id);
  const std::string& currency = currency_of(s, a);
  const json timeline = savings_timeline_json(a);
  json j = {{"id", a.id},
            {"accountNo", account_no(a.id)},
            {"clientId", c.id},
            {"clientName", c.display_name()},
            {"savingsProductId", a.product_id},
            {"savingsProductName", s.savings_products.at(a.product_id).name},
            {"status", savings_status_json(a.status)},
            {"subStatus", savings_sub_status_json(a.sub_status)},
            {"timeline", timeline},
            {"currency", currency_json(currency)},
            {"summary",
             {{"currency", currency_json(currency)},
              {"totalDeposits", amount_json(a.deposits)},
              {"totalWithdrawals", amount_json(a.withdrawals)},
              {"totalFeeCharge", amount_json(a.fees)},
              {"totalInterestPosted", amount_json(a.interest_posted)},
              {"accountBalance", amount_json(a.balance)},
              {"availableBalance", amount_json(a.available())}}}};
  if (a.external_id) j["externalId"] = *a.external_id;
  if (a.field_officer_id) {
    if (auto m = s.staff.find(*a.field_officer_id); m != s.staff.end()) {
      j["fieldOfficerId"] = m->second.id;
      j["fieldOfficerName"] = m->second.display_name();
    }
  }
  if (a.nominal_annual_interest_rate > 0) {
    j["nominalAnnualInterestRate"] = a.nominal_annual_interest_rate;
  }
  if (a.on_hold > 0) j["savingsAmountOnHold"] = amount_json(a.on_hold);
  if (a.reason_for_block) j["reasonForBlock"] = *a.reason_for_block;
  auto associations = call.query.find("associations");
  if (associations != call.query.end() &&
      (associations->second.find("transactions") != std::string::npos ||
       associations->second.find("all") != std::string::npos)) {
    json list = json::array();
    for (const auto& t : a.transactions) {
      list.push_back({{"id", t.id},
                      {"transactionType", transaction_type_json(t.type)},
                      {"accountId", a.id},
                      {"accountNo", account_no(a.id)},
                      {"date", date_json(t.date)},
                      {"currency", currency_json(currency)},
                      {"amount", amount_json(t.amount)},
                      {"runningBalance", amount_json(t.running_balance)},
                      {"reversed", t.reversed},
                      {"isReversal", t.is_reversal}});
    }
    j["transactions"] = list;
  }
  return j;
}

answer create_savings(state& s, const json& body) {
  field_reader in(body, "savingsaccount");
  if (!in.only(kSavingsApplicationParameters)) return in.error();
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
  if (!(activate ? in.only(kSavingsActivationParameters) : in.only(kSavingsApprovalParameters))) {
    return in.error();
  }
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
  if (!in.only(kSavingsTransactionParameters)) return in.error();
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
  if (auto refused = deposit ? refuse_credit(*a) : refuse_debit(*a, *amount)) return *refused;
  entity_id t =
      book_savings_transaction(s, *a, deposit ? 1 : 2, *date, deposit ? *amount : -*amount);
  json changes = json::object();
  if (payment_type_id) echo_payment_details(body, *payment_type_id, changes);
  return savings_result(s, *a, t, std::move(changes));
}

}  // namespace

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
  if (p.size() > 4) return std::nullopt;
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
  if (!id || (p.size() >= 3 && p[2] != "transactions")) return std::nullopt;
  const std::string* command = command_of(call);
  const std::string_view name = command != nullptr ? std::string_view(*command) : "";
  auto is = [command](const char* n) { return command != nullptr && *command == n; };
  if (p.size() == 4) {
    auto tid = parse_id(p[3]);
    if (!tid) return std::nullopt;
    if (call.method != "POST") return method_not_allowed(call);
    if (auto out = savings_transaction_command(s, call, *id, tid, name)) return out;
    return unsupported_command(call);
  }
  if (p.size() == 3) {
    if (call.method != "POST") return method_not_allowed(call);
    if (auto out = savings_transaction_command(s, call, *id, std::nullopt, name)) return out;
    if (!is("deposit") && !is("withdrawal")) return unsupported_command(call);
    const bool deposit = is("deposit");
    return run_command(call, "SAVINGSACCOUNT", deposit ? "DEPOSIT" : "WITHDRAWAL",
                       [&](const json& body) { return move_money(s, *id, body, deposit); });
  }
  if (call.method == "PUT") return update_savings_application(s, call, *id);
  if (call.method == "DELETE") return delete_savings_application(s, call, *id);
  if (call.method == "POST") {
    if (auto out = savings_lifecycle_command(s, call, *id, name)) return out;
    if (auto out = savings_block_command(s, call, *id, name)) return out;
    if (auto out = savings_interest_command(s, call, *id, name)) return out;
    if (auto out = savings_officer_command(s, call, *id, name)) return out;
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
