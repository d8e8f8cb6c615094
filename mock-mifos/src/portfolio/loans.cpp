// loans.cpp: POST /loans (LOAN CREATE), ?command=approve (LOAN APPROVE), ?command=disburse
// (LOAN DISBURSE), and GET /loans, /loans/{id}. Repayments are in loan_repayments.cpp.
#include "portfolio/loans.hpp"

#include <cstdint>
#include <cstdio>
#include <string>

#include "portfolio/handlers.hpp"
#include "request/json_read.hpp"
#include "portfolio/loan_money.hpp"
#include "portfolio/routing.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kMaxRepayments = 1000;

// The date as the caller wrote it, for `changes` (Fineract echoes the request's strings).
json echoed(const json& body, const char* key) { return value_text(body.at(key)); }

answer create_loan(state& s, const json& body) {
  field_reader in(body, "loan");
  auto client_id = in.id("clientId");
  auto product_id = in.id("productId");
  auto principal = in.amount("principal");
  auto repayments = in.id("numberOfRepayments", false);
  auto every = in.id("repaymentEvery", false);
  auto frequency_type = in.whole("repaymentFrequencyType", false);
  auto rate = in.decimal("interestRatePerPeriod", false);
  auto rate_frequency_type = in.whole("interestRateFrequencyType", false);
  auto amortization_type = in.whole("amortizationType", false);
  auto interest_type = in.whole("interestType", false);
  in.whole("loanTermFrequency", false);
  in.whole("loanTermFrequencyType", false);
  in.whole("interestCalculationPeriodType", false);
  auto expected_disbursement = in.date("expectedDisbursementDate");
  auto submitted_on = in.date("submittedOnDate");
  auto external_id = in.text("externalId", false);
  // The schedule is walked period by period: bound it (Fineract bounds it by the product).
  if (repayments && *repayments > kMaxRepayments) {
    in.fail_rule("numberOfRepayments", "is.greater.than.max",
                 "The parameter `numberOfRepayments` must be less than or equal to " +
                     std::to_string(kMaxRepayments) + ".",
                 *repayments);
  }
  if (!in.ok()) return in.error();

  const client* c = s.find_client(*client_id);
  if (c == nullptr) return client_not_found(*client_id);
  auto product = s.loan_products.find(*product_id);
  if (product == s.loan_products.end()) return product_not_found(*product_id, false);
  if (!c->is_active()) {
    return api_error::domain_rule(
        "error.msg.client.not.active",
        "Client with identifier " + std::to_string(c->id) + " is not active");
  }

  loan l;
  l.id = s.loan_ids.take();
  l.client_id = c->id;
  l.product_id = *product_id;
  l.external_id = external_id;
  l.principal = *principal;
  l.number_of_repayments =
      static_cast<int>(repayments.value_or(product->second.number_of_repayments));
  // Without a rate the product's annual rate applies (rate frequency 3: per year).
  l.rate_per_period = rate_per_period(rate.value_or(product->second.annual_interest_rate),
                                      rate ? static_cast<int>(rate_frequency_type.value_or(2)) : 3,
                                      static_cast<int>(every.value_or(1)),
                                      static_cast<int>(frequency_type.value_or(2)));
  l.interest_type = static_cast<int>(interest_type.value_or(0));
  l.amortization_type = static_cast<int>(amortization_type.value_or(1));
  l.submitted_on = *submitted_on;
  l.expected_disbursement = *expected_disbursement;
  s.loans[l.id] = l;
  return result_fields{.office_id = c->office_id,
                       .client_id = c->id,
                       .loan_id = l.id,
                       .resource_id = l.id,
                       .resource_external_id = l.external_id}
      .to_json();
}

answer approve_loan(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan");
  auto approved_on = in.date("approvedOnDate");
  auto approved_amount = in.amount("approvedLoanAmount", false);
  auto note = in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::submitted) {
    return state_rule("error.msg.loan.approve.account.is.not.submitted.and.pending.state",
                      "Loan Account Approval is not allowed. Loan Account is not in submitted "
                      "and pending approval state.");
  }
  if (*approved_on < l->submitted_on) {
    return api_error::domain_rule(
        "error.msg.loan.approval.cannot.be.before.submittal.date",
        "The date on which a loan is approved cannot be before its submittal date: " +
            iso_date(l->submitted_on));
  }
  if (approved_amount && *approved_amount > l->principal) {
    return api_error::domain_rule(
        "error.msg.loan.approval.amount.can't.be.greater.than.loan.amount.demanded",
        "Loan approved amount can't be greater than loan amount demanded.");
  }
  if (approved_amount) l->principal = *approved_amount;
  l->status = loan_status::approved;
  l->approved_on = approved_on;
  json changes = {{"status", loan_status_json(l->status)},
                  {"locale", echoed(body, "locale")},
                  {"dateFormat", echoed(body, "dateFormat")},
                  {"approvedOnDate", echoed(body, "approvedOnDate")}};
  if (note) changes["note"] = *note;
  return loan_result(s, *l, l->id, std::move(changes));
}

answer disburse_loan(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan");
  auto disbursed_on = in.date("actualDisbursementDate");
  auto amount = in.amount("transactionAmount", false);
  in.id("paymentTypeId", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::approved) {
    return state_rule("error.msg.loan.disbursal.account.is.not.approve.not.disbursed.state",
                      "Loan Disbursal is not allowed. Loan Account is not in approved and not "
                      "disbursed state.");
  }
  if (*disbursed_on < *l->approved_on) {
    return api_error::domain_rule(
        "error.msg.loan.disbursal.cannot.be.before.approval.date",
        "The date on which a loan is disbursed cannot be before its approval date: " +
            iso_date(*l->approved_on));
  }
  if (amount) l->principal = *amount;
  l->status = loan_status::active;
  l->disbursed_on = disbursed_on;
  l->interest_charged = scheduled_interest(*l);
  loan_transaction t;
  t.id = s.loan_transaction_ids.take();
  t.disbursement = true;
  t.date = *disbursed_on;
  t.amount = l->principal;
  t.principal_portion = l->principal;
  l->transactions.push_back(t);
  json changes = {{"status", loan_status_json(l->status)},
                  {"locale", echoed(body, "locale")},
                  {"dateFormat", echoed(body, "dateFormat")},
                  {"actualDisbursementDate", echoed(body, "actualDisbursementDate")}};
  return loan_result(s, *l, l->id, std::move(changes), t.id);
}

}  // namespace

json loan_status_json(loan_status st) {
  const char* code = "loanStatusType.submitted.and.pending.approval";
  const char* value = "Submitted and pending approval";
  switch (st) {
    case loan_status::submitted:
      break;
    case loan_status::approved:
      code = "loanStatusType.approved", value = "Approved";
      break;
    case loan_status::active:
      code = "loanStatusType.active", value = "Active";
      break;
    case loan_status::closed:
      code = "loanStatusType.closed.obligations.met", value = "Closed (obligations met)";
      break;
    case loan_status::overpaid:
      code = "loanStatusType.overpaid", value = "Overpaid";
      break;
  }
  return {{"id", static_cast<int>(st)},
          {"code", code},
          {"value", value},
          {"pendingApproval", st == loan_status::submitted},
          {"waitingForDisbursal", st == loan_status::approved},
          {"active", st == loan_status::active},
          {"closedObligationsMet", st == loan_status::closed},
          {"closedWrittenOff", false},
          {"closedRescheduled", false},
          {"closed", st == loan_status::closed},
          {"overpaid", st == loan_status::overpaid}};
}

json loan_result(const state& s, const loan& l, entity_id resource_id, json changes,
                 std::optional<entity_id> sub_resource_id) {
  return result_fields{.office_id = s.clients.at(l.client_id).office_id,
                       .client_id = l.client_id,
                       .loan_id = l.id,
                       .resource_id = resource_id,
                       .sub_resource_id = sub_resource_id,
                       .changes = std::move(changes)}
      .to_json();
}

std::string iso_date(const local_date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<rest_outcome> route_loans(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 2) return route_loan_transactions(s, call, p);
  if (p.size() == 1) {
    if (call.method == "POST") {
      // POST /loans?command=calculateLoanSchedule previews a schedule; the mock has none.
      if (command_of(call) != nullptr) return unsupported_command(call);
      return run_command(call, "LOAN", "CREATE",
                         [&](const json& body) { return create_loan(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json items = json::array();
    for (const auto& [id, l] : s.loans) items.push_back(loan_json(s, l, call));
    return read_outcome(page(call, std::move(items)));
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    if (command != nullptr && *command == "approve") {
      return run_command(call, "LOAN", "APPROVE",
                         [&](const json& body) { return approve_loan(s, *id, body); });
    }
    if (command != nullptr && *command == "disburse") {
      return run_command(call, "LOAN", "DISBURSE",
                         [&](const json& body) { return disburse_loan(s, *id, body); });
    }
    return unsupported_command(call);
  }
  if (call.method != "GET") return method_not_allowed(call);
  const loan* l = s.find_loan(*id);
  return read_outcome(l != nullptr ? answer(loan_json(s, *l, call)) : answer(loan_not_found(*id)));
}

}  // namespace mifos::mock::detail
