// savings_lifecycle.cpp: the application's life after submission: ?command=undoapproval
// (SAVINGSACCOUNT APPROVALUNDO), reject (REJECT), withdrawnByApplicant (WITHDRAW), close (CLOSE),
// PUT /savingsaccounts/{id} (UPDATE) and DELETE /savingsaccounts/{id} (DELETE), with Fineract's
// 400 state rules (SavingsAccount.java: "validation.msg.savingsaccount.<action>.<rule>").
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"
#include "portfolio/supported_parameters.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// The account, or its 404.
std::variant<savings_account*, api_error> account_of(state& s, entity_id id) {
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  return a;
}

answer undo_approval(state& s, entity_id id, const json& body) {
  auto found = account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  savings_account& a = *std::get<savings_account*>(found);
  if (a.status != savings_status::approved) {
    return savings_rule("savingsaccount.undoApproval", "not.in.approved.state", "approvedOnDate");
  }
  a.status = savings_status::submitted;
  a.approved_on.reset();
  json changes = {{"status", savings_status_json(a.status)}, {"approvedOnDate", ""}};
  echo_note(body, changes);
  return savings_result(s, a, a.id, std::move(changes));
}

// reject and withdrawnByApplicant: a pending application ends (500 / 400) on a date that is
// neither before its submittal nor in the future.
answer end_application(state& s, entity_id id, const json& body, const rest_call& call,
                       bool reject) {
  const char* date_param = reject ? "rejectedOnDate" : "withdrawnOnDate";
  const std::string resource =
      std::string("savingsaccount.") + (reject ? "reject" : "withdrawnByApplicant");
  field_reader in(body, resource);
  auto date = in.date(date_param);
  if (!in.ok()) return in.error();
  auto found = account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  savings_account& a = *std::get<savings_account*>(found);
  if (a.status != savings_status::submitted) {
    return savings_rule(resource, "not.in.submittedandpendingapproval.state", date_param);
  }
  const std::string sent = value_text(body.at(date_param));
  if (*date < a.submitted_on) {
    return savings_rule(resource, "cannot.be.before.submittal.date", date_param, sent);
  }
  if (*date > date_of(call.now)) {
    return savings_rule(resource, "cannot.be.a.future.date", date_param, sent);
  }
  a.status = reject ? savings_status::rejected : savings_status::withdrawn_by_applicant;
  a.closed_on = date;
  json changes = {{"status", savings_status_json(a.status)},
                  {"locale", value_text(body.at("locale"))},
                  {"dateFormat", value_text(body.at("dateFormat"))},
                  {date_param, sent},
                  {"closedOnDate", sent}};
  echo_note(body, changes);
  return savings_result(s, a, a.id, std::move(changes));
}

// close: an active account whose balance is zero (or is withdrawn first with withdrawBalance).
answer close_account(state& s, entity_id id, const json& body, const rest_call& call) {
  field_reader in(body, "savingsaccount.close");
  if (!in.only(kSavingsCloseParameters)) return in.error();
  auto date = in.date("closedOnDate");
  auto withdraw_balance = in.flag("withdrawBalance", false);
  auto payment_type_id = in.id("paymentTypeId", false);
  if (!in.ok()) return in.error();
  auto found = account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  savings_account& a = *std::get<savings_account*>(found);
  const std::string resource = "savingsaccount.close";
  if (a.status != savings_status::active) return savings_rule(resource, "not.in.active.state");
  const std::string sent = value_text(body.at("closedOnDate"));
  // These three use failWithCode, which puts the parameter into the code.
  if (a.activated_on && *date < *a.activated_on) {
    return savings_rule(resource, "closedOnDate.must.be.after.activation.date", "closedOnDate",
                        sent);
  }
  if (*date > date_of(call.now)) {
    return savings_rule(resource, "closedOnDate.cannot.be.a.future.date", "closedOnDate", sent);
  }
  for (const auto& t : a.transactions) {
    if (!t.reversed && t.date > *date) {
      return savings_rule(resource, "closedOnDate.must.be.after.last.transaction.date",
                          "closedOnDate", sent);
    }
  }
  json changes = json::object();
  if (withdraw_balance.value_or(false) && a.balance > 0) {
    if (auto refused = refuse_debit(a, a.balance)) return *refused;
    if (payment_type_id) echo_payment_details(body, *payment_type_id, changes);
    book_savings_transaction(s, a, 2, *date, -a.balance);
  }
  if (a.balance != 0) return savings_rule(resource, "results.in.balance.not.zero");
  a.status = savings_status::closed;
  a.closed_on = date;
  changes["status"] = savings_status_json(a.status);
  changes["locale"] = value_text(body.at("locale"));
  changes["dateFormat"] = value_text(body.at("dateFormat"));
  changes["closedOnDate"] = sent;
  echo_note(body, changes);
  // Fineract also disables the standing instructions that draw on the account.
  for (auto& [si_id, si] : s.standing_instructions) {
    if (si.from_account_type == 2 && si.from_account_id == a.id && si.status == 1) si.status = 2;
  }
  return savings_result(s, a, a.id, std::move(changes));
}

// PUT: the fields of a pending application, with `changes` listing those that differ, in
// Fineract's order (SavingsAccount.modifyApplication).
answer modify_application(state& s, entity_id id, const json& body) {
  field_reader in(body, "savingsaccount");
  auto submitted_on = in.date("submittedOnDate", false);
  auto external_id = in.text("externalId", false);
  auto product_id = in.id("productId", false);
  auto rate = in.decimal("nominalAnnualInterestRate", false);
  if (!in.ok()) return in.error();
  auto found = account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  savings_account& a = *std::get<savings_account*>(found);
  if (a.status != savings_status::submitted) {
    return savings_rule("savingsaccount.modify", "not.in.submittedandpendingapproval.state");
  }
  if (product_id && !s.savings_products.contains(*product_id)) {
    return product_not_found(*product_id, true);
  }
  json changes = json::object();
  if (submitted_on && *submitted_on != a.submitted_on) {
    changes["submittedOnDate"] = value_text(body.at("submittedOnDate"));
    changes["locale"] = value_text(body.at("locale"));
    changes["dateFormat"] = value_text(body.at("dateFormat"));
    a.submitted_on = *submitted_on;
  }
  if (external_id && external_id != a.external_id) {
    changes["externalId"] = *external_id;
    a.external_id = external_id;
  }
  if (product_id && *product_id != a.product_id) {
    changes["productId"] = *product_id;
    a.product_id = *product_id;
  }
  if (rate && *rate != a.nominal_annual_interest_rate) {
    changes["nominalAnnualInterestRate"] = *rate;
    if (!changes.contains("locale") && body.contains("locale")) {
      changes["locale"] = value_text(body.at("locale"));
    }
    a.nominal_annual_interest_rate = *rate;
  }
  return savings_result(s, a, a.id, std::move(changes));
}

answer delete_application(state& s, entity_id id) {
  auto found = account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  savings_account& a = *std::get<savings_account*>(found);
  if (a.status != savings_status::submitted) {
    return savings_rule("savingsaccount.delete", "not.in.submittedandpendingapproval.state",
                        "activatedOnDate");
  }
  json result = savings_result(s, a, a.id, std::nullopt);
  std::erase_if(s.savings_notes, [id](const auto& n) { return n.second.savings_id == id; });
  s.savings.erase(id);
  return result;
}

}  // namespace

void echo_note(const json& body, json& changes) {
  if (body.contains("note") && !value_text(body["note"]).empty()) {
    changes["note"] = value_text(body["note"]);
  }
}

std::optional<rest_outcome> savings_lifecycle_command(state& s, const rest_call& call, entity_id id,
                                                      std::string_view command) {
  if (command == "undoapproval") {
    return run_command(call, "SAVINGSACCOUNT", "APPROVALUNDO",
                       [&](const json& body) { return undo_approval(s, id, body); });
  }
  if (command == "reject" || command == "withdrawnByApplicant") {
    const bool reject = command == "reject";
    return run_command(
        call, "SAVINGSACCOUNT", reject ? "REJECT" : "WITHDRAW",
        [&](const json& body) { return end_application(s, id, body, call, reject); });
  }
  if (command == "close") {
    return run_command(call, "SAVINGSACCOUNT", "CLOSE",
                       [&](const json& body) { return close_account(s, id, body, call); });
  }
  return std::nullopt;
}

rest_outcome update_savings_application(state& s, const rest_call& call, entity_id id) {
  if (command_of(call) != nullptr) return unsupported_command(call);
  return run_command(call, "SAVINGSACCOUNT", "UPDATE",
                     [&](const json& body) { return modify_application(s, id, body); });
}

rest_outcome delete_savings_application(state& s, const rest_call& call, entity_id id) {
  return run_command(call, "SAVINGSACCOUNT", "DELETE",
                     [&](const json&) { return delete_application(s, id); });
}

}  // namespace mifos::mock::detail
