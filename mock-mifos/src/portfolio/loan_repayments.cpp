// loan_repayments.cpp: POST /loans/{id}/transactions?command=repayment (LOAN REPAYMENT), the
// loan transactions' GETs, and the loan's GET JSON.
#include <string>

#include "request/json_read.hpp"
#include "portfolio/loan_money.hpp"
#include "portfolio/loans.hpp"
#include "portfolio/routing.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json transaction_json(const loan& l, const loan_transaction& t, const std::string& currency) {
  json type =
      t.disbursement
          ? json{{"id", 1}, {"code", "loanTransactionType.disbursement"}, {"value", "Disbursement"}}
          : json{{"id", 2}, {"code", "loanTransactionType.repayment"}, {"value", "Repayment"}};
  type["disbursement"] = t.disbursement;
  type["repayment"] = !t.disbursement;
  return {{"id", t.id},
          {"loanId", l.id},
          {"type", type},
          {"date", date_json(t.date)},
          {"currency", currency_json(currency)},
          {"amount", amount_json(t.amount)},
          {"principalPortion", amount_json(t.principal_portion)},
          {"interestPortion", amount_json(t.interest_portion)},
          {"overpaymentPortion", amount_json(t.overpayment_portion)}};
}

answer make_repayment(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan.transaction");
  auto date = in.date("transactionDate");
  auto amount = in.amount("transactionAmount");
  auto payment_type_id = in.id("paymentTypeId", false);
  auto note = in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::active) {
    return state_rule("error.msg.loan.repayment.or.waiver.account.is.not.active",
                      "Loan Repayment (or its types) or Waiver is not allowed. Loan Account is "
                      "not active.");
  }
  const repayment_split split = apply_repayment(*l, *amount);
  loan_transaction t;
  t.id = s.loan_transaction_ids.take();
  t.date = *date;
  t.amount = *amount;
  t.principal_portion = split.principal;
  t.interest_portion = split.interest;
  t.overpayment_portion = split.overpayment;
  l->transactions.push_back(t);
  if (l->status != loan_status::active) l->closed_on = *date;

  // Fineract echoes the request's strings, then the payment details, then the note.
  json changes = {{"transactionDate", value_text(body.at("transactionDate"))},
                  {"transactionAmount", value_text(body.at("transactionAmount"))},
                  {"locale", value_text(body.at("locale"))},
                  {"dateFormat", value_text(body.at("dateFormat"))}};
  if (payment_type_id) echo_payment_details(body, *payment_type_id, changes);
  if (note) changes["note"] = *note;
  return loan_result(s, *l, t.id, std::move(changes));
}

const std::string& currency_of(const state& s, const loan& l) {
  return s.loan_products.at(l.product_id).currency;
}

}  // namespace

json loan_json(const state& s, const loan& l, const rest_call& call) {
  const client& c = s.clients.at(l.client_id);
  const std::string& currency = currency_of(s, l);
  json j = {{"id", l.id}, {"accountNo", account_no(l.id)}};
  if (l.external_id) j["externalId"] = *l.external_id;
  j["status"] = loan_status_json(l.status);
  j["clientId"] = c.id;
  j["clientAccountNo"] = account_no(c.id);
  j["clientName"] = c.display_name();
  j["clientOfficeId"] = c.office_id;
  j["loanProductId"] = l.product_id;
  j["loanProductName"] = s.loan_products.at(l.product_id).name;
  j["loanType"] = {{"id", 1}, {"code", "accountType.individual"}, {"value", "Individual"}};
  j["currency"] = currency_json(currency);
  j["principal"] = amount_json(l.principal);
  j["numberOfRepayments"] = l.number_of_repayments;
  j["interestRatePerPeriod"] = l.rate_per_period;
  json timeline = {{"submittedOnDate", date_json(l.submitted_on)},
                   {"expectedDisbursementDate", date_json(l.expected_disbursement)}};
  if (l.approved_on) timeline["approvedOnDate"] = date_json(*l.approved_on);
  if (l.disbursed_on) timeline["actualDisbursementDate"] = date_json(*l.disbursed_on);
  if (l.closed_on) timeline["closedOnDate"] = date_json(*l.closed_on);
  j["timeline"] = timeline;
  j["summary"] = loan_summary_json(l, currency);
  auto associations = call.query.find("associations");
  if (associations != call.query.end() &&
      (associations->second.find("transactions") != std::string::npos ||
       associations->second == "all")) {
    json list = json::array();
    for (const auto& t : l.transactions) list.push_back(transaction_json(l, t, currency));
    j["transactions"] = list;
  }
  return j;
}

std::optional<rest_outcome> route_loan_transactions(state& s, const rest_call& call,
                                                    const segments& p) {
  if (p.size() > 4 || p[2] != "transactions") return std::nullopt;
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (p.size() == 3) {
    if (call.method != "POST") return method_not_allowed(call);
    const std::string* command = command_of(call);
    if (command == nullptr || *command != "repayment") return unsupported_command(call);
    return run_command(call, "LOAN", "REPAYMENT",
                       [&](const json& body) { return make_repayment(s, *id, body); });
  }
  auto transaction_id = parse_id(p[3]);
  if (!transaction_id) return std::nullopt;
  if (call.method != "GET") return method_not_allowed(call);
  const loan* l = s.find_loan(*id);
  if (l == nullptr) return read_outcome(loan_not_found(*id));
  for (const auto& t : l->transactions) {
    if (t.id == *transaction_id) return read_outcome(transaction_json(*l, t, currency_of(s, *l)));
  }
  return read_outcome(api_error::not_found(
      "error.msg.loan.transaction.id.invalid",
      "Transaction with identifier " + std::to_string(*transaction_id) + " does not exist",
      *transaction_id));
}

}  // namespace mifos::mock::detail
