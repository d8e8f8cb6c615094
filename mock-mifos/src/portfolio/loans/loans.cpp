// loans.cpp: POST /loans (LOAN CREATE), ?command=approve (LOAN APPROVE), ?command=disburse
// (LOAN DISBURSE), and GET /loans, /loans/{id}. Repayments are in loan_repayments.cpp.
#include "portfolio/loans/loans.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <variant>

#include "portfolio/handlers.hpp"
#include "portfolio/loans/loan_money.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/supported_parameters.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kMaxRepayments = 1000;

// Who a loan belongs to: an individual loan names a client; a group loan names a group (and no
// client); a JLG loan names both (the client must be a member). Fineract's loanType.
struct loan_owner {
  std::string type = "individual";
  const client* c = nullptr;
  const group* g = nullptr;
};

std::variant<loan_owner, api_error> find_owner(state& s, std::optional<std::string> type,
                                               std::optional<entity_id> client_id,
                                               std::optional<entity_id> group_id) {
  loan_owner owner;
  owner.type = type.value_or(group_id && !client_id ? "group" : "individual");
  if (client_id) {
    owner.c = s.find_client(*client_id);
    if (owner.c == nullptr) return client_not_found(*client_id);
  }
  if (group_id) {
    owner.g = s.find_group(*group_id, false);
    if (owner.g == nullptr) return group_not_found(*group_id, false);
  }
  if (owner.c != nullptr && !owner.c->is_active()) {
    return api_error::domain_rule(
        "error.msg.client.not.active",
        "Client with identifier " + std::to_string(owner.c->id) + " is not active");
  }
  if (owner.c == nullptr && owner.g != nullptr && !owner.g->active) {
    return api_error::domain_rule(
        "error.msg.group.not.active.exception",
        "Group with identifier " + std::to_string(owner.g->id) + " is not active");
  }
  return owner;
}

answer create_loan(state& s, const json& body) {
  field_reader in(body, "loan");
  if (!in.only(kLoanApplicationParameters)) return in.error();
  auto loan_type = in.text("loanType", false);
  const bool group_loan = loan_type && *loan_type == "group";
  auto client_id = in.id("clientId", !group_loan);
  auto group_id = in.id("groupId", group_loan || (loan_type && *loan_type == "jlg"));
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
  auto tolerance = in.find("inArrearsTolerance") ? in.amount("inArrearsTolerance", false)
                                                 : std::optional<cents>();
  auto link_account_id = in.id("linkAccountId", false);
  auto loan_officer_id = in.id("loanOfficerId", false);
  // The schedule is walked period by period: bound it (Fineract bounds it by the product).
  if (repayments && *repayments > kMaxRepayments) {
    in.fail_rule("numberOfRepayments", "is.greater.than.max",
                 "The parameter `numberOfRepayments` must be less than or equal to " +
                     std::to_string(kMaxRepayments) + ".",
                 *repayments);
  }
  if (!in.ok()) return in.error();

  auto found = find_owner(s, loan_type, client_id, group_id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  const loan_owner owner = std::get<loan_owner>(found);
  auto product = s.loan_products.find(*product_id);
  if (product == s.loan_products.end()) return product_not_found(*product_id, false);
  if (link_account_id && s.find_savings(*link_account_id) == nullptr) {
    return savings_not_found(*link_account_id);
  }

  loan l;
  l.id = s.loan_ids.take();
  l.client_id = owner.c != nullptr ? owner.c->id : 0;
  if (owner.g != nullptr) l.group_id = owner.g->id;
  l.loan_type = owner.type;
  l.product_id = *product_id;
  l.external_id = external_id;
  l.principal = *principal;
  l.proposed_principal = *principal;
  l.in_arrears_tolerance = tolerance.value_or(0);
  l.linked_savings_id = link_account_id;
  l.loan_officer_id = loan_officer_id;
  l.number_of_repayments =
      static_cast<int>(repayments.value_or(product->second.number_of_repayments));
  // Without a rate the product's annual rate applies (rate frequency 3: per year).
  l.rate_per_period = rate_per_period(rate.value_or(product->second.annual_interest_rate),
                                      rate ? static_cast<int>(rate_frequency_type.value_or(2)) : 3,
                                      static_cast<int>(every.value_or(1)),
                                      static_cast<int>(frequency_type.value_or(2)));
  l.interest_type = static_cast<int>(interest_type.value_or(0));
  l.amortization_type = static_cast<int>(amortization_type.value_or(1));
  l.repayment_every = static_cast<int>(every.value_or(1));
  l.repayment_frequency_type = static_cast<int>(frequency_type.value_or(2));
  l.submitted_on = *submitted_on;
  l.expected_disbursement = *expected_disbursement;
  s.loans[l.id] = l;
  return result_fields{.office_id = loan_office_id(s, l),
                       .group_id = l.group_id,
                       .client_id = owner.c != nullptr ? std::optional(owner.c->id) : std::nullopt,
                       .loan_id = l.id,
                       .resource_id = l.id,
                       .resource_external_id = l.external_id}
      .to_json();
}

answer approve_loan(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan");
  if (!in.only(kLoanApprovalParameters)) return in.error();
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

// Pays the disbursed principal into the loan's linked savings account (disburseToSavings), as
// the account transfer Fineract makes; the account must be active.
std::optional<api_error> deposit_to_linked_savings(state& s, const loan& l, local_date on) {
  savings_account* a = l.linked_savings_id ? s.find_savings(*l.linked_savings_id) : nullptr;
  if (a == nullptr) {
    return api_error::domain_rule("error.msg.loan.disburse.to.savings.requires.linked.account",
                                  "Disburse Loan with id:" + std::to_string(l.id) +
                                      " requires linked savings account for payment");
  }
  if (a->status != savings_status::active) {
    return state_rule("error.msg.savingsaccount.transaction.account.is.not.active",
                      "Transaction is not allowed. Account is not active.");
  }
  a->balance += l.principal;
  a->deposits += l.principal;
  savings_transaction deposit;
  deposit.id = s.savings_transaction_ids.take();
  deposit.type = 1;
  deposit.date = on;
  deposit.amount = l.principal;
  deposit.running_balance = a->balance;
  a->transactions.push_back(deposit);
  return std::nullopt;
}

answer disburse_loan(state& s, entity_id id, const json& body, bool to_savings) {
  field_reader in(body, "loan");
  if (!in.only(to_savings ? std::span<const std::string_view>(kLoanDisbursementToSavingsParameters)
                          : std::span<const std::string_view>(kLoanDisbursementParameters))) {
    return in.error();
  }
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
  if (to_savings) {
    loan with_amount = *l;
    if (amount) with_amount.principal = *amount;
    if (auto e = deposit_to_linked_savings(s, with_amount, *disbursed_on)) return *e;
  }
  if (amount) l->principal = *amount;
  l->status = loan_status::active;
  l->disbursed_on = disbursed_on;
  l->interest_charged = scheduled_interest(*l);
  loan_transaction t;
  t.id = s.loan_transaction_ids.take();
  t.type = loan_transaction_type::disbursement;
  t.date = *disbursed_on;
  t.amount = l->principal;
  l->transactions.push_back(t);
  replay_transactions(*l);
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
    case loan_status::withdrawn:
      code = "loanStatusType.withdrawn.by.client", value = "Withdrawn by applicant";
      break;
    case loan_status::rejected:
      code = "loanStatusType.rejected", value = "Rejected";
      break;
    case loan_status::closed:
      code = "loanStatusType.closed.obligations.met", value = "Closed (obligations met)";
      break;
    case loan_status::written_off:
      code = "loanStatusType.closed.written.off", value = "Closed (written off)";
      break;
    case loan_status::rescheduled:
      code = "loanStatusType.closed.reschedule.outstanding.amount", value = "Closed (rescheduled)";
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
          {"closedWrittenOff", st == loan_status::written_off},
          {"closedRescheduled", st == loan_status::rescheduled},
          {"closed", st == loan_status::closed || st == loan_status::written_off ||
                         st == loan_status::rescheduled},
          {"overpaid", st == loan_status::overpaid}};
}

entity_id loan_office_id(const state& s, const loan& l) {
  if (l.client_id != 0) return s.clients.at(l.client_id).office_id;
  return l.group_id ? s.groups.at(*l.group_id).office_id : 1;
}

json loan_result(const state& s, const loan& l, entity_id resource_id, json changes,
                 std::optional<entity_id> sub_resource_id) {
  return result_fields{
      .office_id = loan_office_id(s, l),
      .group_id = l.group_id,
      .client_id = l.client_id != 0 ? std::optional(l.client_id) : std::nullopt,
      .loan_id = l.id,
      .resource_id = resource_id,
      .sub_resource_id = sub_resource_id,
      .changes = changes.is_null() ? std::nullopt : std::optional<json>(std::move(changes))}
      .to_json();
}

std::string iso_date(const local_date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<rest_outcome> route_loans(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 2) {
    return p[2] == "transactions" ? route_loan_transactions(s, call, p)
                                  : route_loan_parts(s, call, p);
  }
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
                         [&](const json& body) { return disburse_loan(s, *id, body, false); });
    }
    if (command != nullptr && *command == "disburseToSavings") {
      return run_command(call, "LOAN", "DISBURSETOSAVINGS",
                         [&](const json& body) { return disburse_loan(s, *id, body, true); });
    }
    return route_loan_lifecycle(s, call, *id);
  }
  if (call.method == "PUT" || call.method == "DELETE") return route_loan_lifecycle(s, call, *id);
  if (call.method != "GET") return method_not_allowed(call);
  const loan* l = s.find_loan(*id);
  return read_outcome(l != nullptr ? answer(loan_json(s, *l, call)) : answer(loan_not_found(*id)));
}

api_error loan_transition_rule(const std::string& action, const std::string& postfix,
                               const std::string& message) {
  return api_error::domain_rule("error.msg.loan." + action + "." + postfix, message);
}

}  // namespace mifos::mock::detail
