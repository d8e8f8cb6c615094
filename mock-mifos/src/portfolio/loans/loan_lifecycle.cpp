// loan_lifecycle.cpp: the loan commands that move an application or an account between states
// without booking money: POST /loans/{id}?command=undoapproval (LOAN APPROVALUNDO), reject,
// withdrawnByApplicant, undodisbursal, assignloanofficer (UPDATELOANOFFICER),
// unassignloanofficer (REMOVELOANOFFICER); PUT /loans/{id} (UPDATE) and DELETE /loans/{id}.
#include <string>

#include "portfolio/loans/loan_money.hpp"
#include "portfolio/loans/loans.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/supported_parameters.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// The date checks reject and withdraw share (LoanApplicationTransitionValidator): not before
// the submittal date, not in the future.
std::optional<api_error> check_application_closing_date(const rest_call& call, const loan& l,
                                                        const std::string& action,
                                                        const std::string& verb, local_date on) {
  if (on < l.submitted_on) {
    return loan_transition_rule(
        action, "cannot.be.before.submittal.date",
        "The date on which a loan is " + verb +
            " cannot be before its submittal date: " + iso_date(l.submitted_on));
  }
  if (on > date_of(call.now)) {
    return loan_transition_rule(
        action, "cannot.be.a.future.date",
        "The date on which a loan is " + verb + " cannot be in the future.");
  }
  return std::nullopt;
}

answer undo_approval(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan");
  in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::approved) {
    return loan_state_rule("undo.approval.account.is.not.approved",
                           "Loan Account Undo Approval is not allowed. Loan Account is not in "
                           "approved state.");
  }
  l->status = loan_status::submitted;
  l->approved_on.reset();
  json changes = {{"status", loan_status_json(l->status)}};
  // An approved amount below the one applied for goes back to the application's.
  if (l->principal != l->proposed_principal) {
    l->principal = l->proposed_principal;
    changes["approvedLoanAmount"] = amount_json(l->principal);
    changes["principal"] = amount_json(l->principal);
  }
  changes["approvedOnDate"] = "";
  return loan_result(s, *l, l->id, std::move(changes));
}

// Reject (500) and withdraw (400) end an application; Fineract echoes the date twice, as the
// action's date and as closedOnDate.
answer end_application(state& s, const rest_call& call, entity_id id, const json& body,
                       bool reject) {
  const char* date_key = reject ? "rejectedOnDate" : "withdrawnOnDate";
  field_reader in(body, "loanapplication");
  auto on = in.date(date_key);
  in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::submitted) {
    // Reject checks the account status first (a 400); withdraw only has the transition's 403.
    if (reject) {
      return loan_state_rule("reject.account.is.not.submitted.pending.approval.state",
                             "Loan application cannot be rejected. Loan Account is not in "
                             "Submitted and Pending approval state.");
    }
    return loan_transition_rule("withdraw", "cannot.withdraw",
                                "Only the loan applications with status 'Submitted and pending "
                                "approval' are allowed to be withdrawn by applicant.");
  }
  if (auto e = check_application_closing_date(call, *l, reject ? "reject" : "withdraw",
                                              reject ? "rejected" : "withdrawn", *on)) {
    return *e;
  }
  l->status = reject ? loan_status::rejected : loan_status::withdrawn;
  (reject ? l->rejected_on : l->withdrawn_on) = on;
  l->closed_on = on;
  return loan_result(s, *l, l->id,
                     {{"status", loan_status_json(l->status)},
                      {"locale", echoed(body, "locale")},
                      {"dateFormat", echoed(body, "dateFormat")},
                      {date_key, echoed(body, date_key)},
                      {"closedOnDate", echoed(body, date_key)}});
}

answer undo_disbursal(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan");
  auto note = in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::active) {
    return loan_state_rule("undo.disbursal.account.is.not.active",
                           "Loan Undo disbursal is not allowed. Loan Account is not active.");
  }
  // Every transaction is reversed; the loan is approved again, for its approved amount.
  for (auto& t : l->transactions) t.reversed = true;
  l->status = loan_status::approved;
  l->disbursed_on.reset();
  l->interest_charged = 0;
  replay_transactions(*l);
  json changes = {{"status", loan_status_json(l->status)}, {"actualDisbursementDate", ""}};
  if (note) changes["note"] = *note;
  return loan_result(s, *l, l->id, std::move(changes));
}

// The loan officer commands answer ids only (no `changes`). The mock has no staff register, so
// any positive id is taken as a loan officer's.
answer assign_officer(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan");
  auto from = in.id("fromLoanOfficerId", false);
  auto to = in.id("toLoanOfficerId");
  in.date("assignmentDate");
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (from && l->loan_officer_id != from) {
    return api_error::domain_rule("error.msg.loan.not.assigned.to.loan.officer",
                                  "Loan with identifier " + std::to_string(id) +
                                      " is not assigned to Loan Officer with identifier " +
                                      std::to_string(*from) + ".");
  }
  l->loan_officer_id = to;
  return loan_result(s, *l, l->id, nullptr);
}

answer unassign_officer(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan");
  in.date("unassignedDate");
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (!l->loan_officer_id) {
    return api_error::domain_rule(
        "error.msg.loan.not.assigned.to.loan.officer",
        "Loan with identifier " + std::to_string(id) + " is not assigned to any loan officer.");
  }
  l->loan_officer_id.reset();
  return loan_result(s, *l, l->id, nullptr);
}

// PUT /loans/{id}: modifies an application still pending approval. `changes` lists the
// parameters whose value differs, as sent (amounts as numbers), then locale and dateFormat.
answer modify_application(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan");
  if (!in.only(kLoanApplicationParameters)) return in.error();
  auto principal = in.amount("principal", false);
  auto repayments = in.id("numberOfRepayments", false);
  auto expected = in.date("expectedDisbursementDate", false);
  auto submitted = in.date("submittedOnDate", false);
  auto external_id = in.text("externalId", false);
  auto officer = in.id("loanOfficerId", false);
  if (repayments && *repayments > 1000) {
    in.fail_rule("numberOfRepayments", "is.greater.than.max",
                 "The parameter `numberOfRepayments` must be less than or equal to 1000.",
                 *repayments);
  }
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::submitted) {
    return api_error::domain_rule("error.msg.loan.cannot.modify.loan.in.its.present.state",
                                  "Loan application with identifier " + std::to_string(id) +
                                      " cannot be modified in its current state.");
  }
  json changes = json::object();
  if (principal && *principal != l->principal) {
    l->principal = l->proposed_principal = *principal;
    changes["principal"] = amount_json(*principal);
  }
  if (repayments && *repayments != l->number_of_repayments) {
    l->number_of_repayments = static_cast<int>(*repayments);
    changes["numberOfRepayments"] = *repayments;
  }
  if (expected && *expected != l->expected_disbursement) {
    l->expected_disbursement = *expected;
    changes["expectedDisbursementDate"] = echoed(body, "expectedDisbursementDate");
  }
  if (submitted && *submitted != l->submitted_on) {
    l->submitted_on = *submitted;
    changes["submittedOnDate"] = echoed(body, "submittedOnDate");
  }
  if (external_id && external_id != l->external_id) {
    l->external_id = external_id;
    changes["externalId"] = *external_id;
  }
  if (officer && officer != l->loan_officer_id) {
    l->loan_officer_id = officer;
    changes["loanOfficerId"] = *officer;
  }
  if (!changes.empty()) {
    if (body.contains("locale")) changes["locale"] = echoed(body, "locale");
    if (body.contains("dateFormat")) changes["dateFormat"] = echoed(body, "dateFormat");
  }
  json result = loan_result(s, *l, l->id, std::move(changes));
  if (l->external_id) result["resourceExternalId"] = *l->external_id;
  return result;
}

// DELETE /loans/{id}: only an application pending approval. No `changes`.
answer delete_application(state& s, entity_id id) {
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::submitted) {
    return api_error::domain_rule(
        "error.msg.loan.cannot.delete.loan.in.its.present.state",
        "Loan with identifier " + std::to_string(id) + " cannot be deleted in its current state.");
  }
  json result = loan_result(s, *l, l->id, nullptr);
  if (l->external_id) result["resourceExternalId"] = *l->external_id;
  s.loans.erase(id);
  return result;
}

}  // namespace

api_error loan_state_rule(const std::string& code, const std::string& message) {
  return state_rule("error.msg.loan." + code, message);
}

rest_outcome route_loan_lifecycle(state& s, const rest_call& call, entity_id id) {
  if (call.method == "PUT") {
    if (command_of(call) != nullptr) return unsupported_command(call);
    return run_command(call, "LOAN", "UPDATE",
                       [&](const json& body) { return modify_application(s, id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "LOAN", "DELETE",
                       [&](const json&) { return delete_application(s, id); });
  }
  const std::string* command = command_of(call);
  const std::string name = command != nullptr ? *command : "";
  if (name == "undoapproval") {
    return run_command(call, "LOAN", "APPROVALUNDO",
                       [&](const json& body) { return undo_approval(s, id, body); });
  }
  if (name == "reject" || name == "withdrawnByApplicant") {
    return run_command(
        call, "LOAN", name == "reject" ? "REJECT" : "WITHDRAW",
        [&](const json& body) { return end_application(s, call, id, body, name == "reject"); });
  }
  if (name == "undodisbursal") {
    return run_command(call, "LOAN", "DISBURSALUNDO",
                       [&](const json& body) { return undo_disbursal(s, id, body); });
  }
  if (name == "assignloanofficer") {
    return run_command(call, "LOAN", "UPDATELOANOFFICER",
                       [&](const json& body) { return assign_officer(s, id, body); });
  }
  if (name == "unassignloanofficer") {
    return run_command(call, "LOAN", "REMOVELOANOFFICER",
                       [&](const json& body) { return unassign_officer(s, id, body); });
  }
  return unsupported_command(call);
}

}  // namespace mifos::mock::detail
