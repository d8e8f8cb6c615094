// deposit_lifecycle.cpp: POST /fixeddepositaccounts/{id} and /recurringdepositaccounts/{id}
// with ?command=approve (APPROVE), undoapproval (APPROVALUNDO), reject (REJECT),
// withdrawnByApplicant (WITHDRAW), activate (ACTIVATE: a fixed deposit takes its deposit then),
// postInterest (POSTINTEREST), calculateInterest (CALCULATEINTEREST, no hook) and, for recurring
// deposits, updateDepositAmount (UPDATEDEPOSITAMOUNT). The application steps are savings'
// (SavingsAccount.approveApplication & co., resource "savingsaccount.<action>"), activation is
// the deposit's ("<deposit resource>.activate").
#include <algorithm>
#include <string>

#include "portfolio/deposits/deposits.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

struct transition {
  const char* resource;  // e.g. "savingsaccount.approval"
  const char* date_param;
  savings_status from, to;
  const char* state_rule;  // when the account is not in `from`
};

constexpr transition kApprove{"savingsaccount.approval", "approvedOnDate",
                              savings_status::submitted, savings_status::approved,
                              "not.in.submittedandpendingapproval.state"};
constexpr transition kReject{"savingsaccount.reject", "rejectedOnDate", savings_status::submitted,
                             savings_status::rejected, "not.in.submittedandpendingapproval.state"};
constexpr transition kWithdraw{"savingsaccount.withdrawnByApplicant", "withdrawnOnDate",
                               savings_status::submitted, savings_status::withdrawn_by_applicant,
                               "not.in.submittedandpendingapproval.state"};

void echo_note(const json& body, json& changes) {
  if (body.contains("note") && !value_text(body["note"]).empty()) {
    changes["note"] = value_text(body["note"]);
  }
}

// approve, reject and withdrawnByApplicant: a dated step from a submitted application, neither
// before its submission nor after the business date.
answer step(state& s, deposits_book& book, entity_id id, deposit_kind kind, const json& body,
            const rest_call& call, const transition& t) {
  field_reader in(body, t.resource);
  auto date = in.date(t.date_param);
  if (!in.ok()) return in.error();
  auto found = deposit_for_command(s, book, id, kind, call);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  if (d.account.status != t.from) return savings_rule(t.resource, t.state_rule, t.date_param);
  const std::string sent = value_text(body.at(t.date_param));
  if (*date < d.account.submitted_on) {
    return savings_rule(t.resource, "cannot.be.before.submittal.date", t.date_param, sent);
  }
  if (*date > date_of(call.now)) {
    return savings_rule(t.resource, "cannot.be.a.future.date", t.date_param, sent);
  }
  d.account.status = t.to;
  json changes = {{"status", savings_status_json(t.to)},
                  {"locale", value_text(body.at("locale"))},
                  {"dateFormat", value_text(body.at("dateFormat"))},
                  {t.date_param, sent}};
  if (t.to == savings_status::approved) {
    d.account.approved_on = date;
  } else {
    d.account.closed_on = date;
    changes["closedOnDate"] = sent;
  }
  echo_note(body, changes);
  return deposit_result(s, d, d.account.id, std::move(changes));
}

answer undo_approval(state& s, deposits_book& book, entity_id id, deposit_kind kind,
                     const json& body, const rest_call& call) {
  auto found = deposit_for_command(s, book, id, kind, call);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  if (d.account.status != savings_status::approved) {
    return savings_rule("savingsaccount.undoApproval", "not.in.approved.state", "approvedOnDate");
  }
  d.account.status = savings_status::submitted;
  d.account.approved_on.reset();
  json changes = {{"status", savings_status_json(d.account.status)}, {"approvedOnDate", ""}};
  echo_note(body, changes);
  return deposit_result(s, d, d.account.id, std::move(changes));
}

// activate: an approved account, on a date not before its approval, the client's activation or
// after the business date. A fixed deposit books its deposit on that date; both count their
// maturity from it.
answer activate(state& s, deposits_book& book, entity_id id, deposit_kind kind, const json& body,
                const rest_call& call) {
  field_reader in(body, "savingsaccount");
  if (!in.only({"locale", "dateFormat", "activatedOnDate"})) return in.error();
  auto date = in.date("activatedOnDate");
  if (!in.ok()) return in.error();
  auto found = deposit_for_command(s, book, id, kind, call);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  const std::string resource = deposit_resource(kind) + ".activate";
  if (d.account.status != savings_status::approved) {
    return savings_rule(resource, "not.in.approved.state", "activatedOnDate");
  }
  const std::string sent = value_text(body.at("activatedOnDate"));
  const client& c = s.clients.at(d.account.client_id);
  if (c.activation_date && *date < *c.activation_date) {
    return savings_rule(resource, "cannot.be.before.client.activation.date", "activatedOnDate",
                        sent);
  }
  if (*date < *d.account.approved_on) {
    return savings_rule(resource, "cannot.be.before.approval.date", "activatedOnDate", sent);
  }
  if (*date > date_of(call.now)) {
    return savings_rule(resource, "cannot.be.a.future.date", "activatedOnDate", sent);
  }
  d.account.status = savings_status::active;
  d.account.activated_on = date;
  if (kind == deposit_kind::fixed) {
    book_savings_transaction(s, d.account, 1, *date, d.deposit_amount);
  }
  update_maturity(d);
  json changes = {{"status", savings_status_json(d.account.status)},
                  {"locale", value_text(body.at("locale"))},
                  {"dateFormat", value_text(body.at("dateFormat"))},
                  {"activatedOnDate", sent}};
  // A deposit whose term is already over matures at once (the nightly job would see it).
  refresh_maturity(s, d, date_of(call.now));
  return deposit_result(s, d, d.account.id, std::move(changes));
}

// postInterest and calculateInterest: the interest earned up to the business date (at most up
// to maturity), less what was posted; calculate books nothing.
answer post_interest(state& s, deposits_book& book, entity_id id, deposit_kind kind,
                     const rest_call& call, bool post) {
  auto found = deposit_for_command(s, book, id, kind, call);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  if (d.account.status != savings_status::active && d.account.status != savings_status::matured) {
    return state_rule("error.msg.savingsaccount.transaction.account.is.not.active",
                      "Transaction is not allowed. Account is not active.");
  }
  local_date upto = date_of(call.now);
  if (d.maturity_date) upto = std::min(upto, *d.maturity_date);
  const cents due = interest_until(d, upto, d.rate) - d.account.interest_posted;
  if (post && due > 0) book_savings_transaction(s, d.account, 3, upto, due);
  return deposit_result(s, d, d.account.id, std::nullopt);
}

// updateDepositAmount: a new installment for an active recurring deposit from `effectiveDate`.
answer update_deposit_amount(state& s, deposits_book& book, entity_id id, const json& body,
                             const rest_call& call) {
  field_reader in(body, "savingsaccount");
  if (!in.only({"locale", "dateFormat", "mandatoryRecommendedDepositAmount", "effectiveDate"})) {
    return in.error();
  }
  // Read for its errors: the mock keeps one installment amount for the whole schedule.
  in.date("effectiveDate");
  auto amount = in.amount("mandatoryRecommendedDepositAmount");
  if (!in.ok()) return in.error();
  auto found = find_deposit(s, book, id, deposit_kind::recurring, date_of(call.now));
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  if (d.account.status != savings_status::active) {
    // ApiParameterError.generalError: a 400 with the code on parameter "id".
    return state_rule("error.msg.recurringdepositaccount.is.not.active",
                      "Updates to the recommended deposit amount are allowed only when the "
                      "underlying account is active.");
  }
  d.recommended_amount = *amount;
  update_maturity(d);
  json changes = {{"mandatoryRecommendedDepositAmount", amount_json(*amount)}};
  return deposit_result(s, d, d.account.id, std::move(changes));
}

}  // namespace

std::optional<rest_outcome> deposit_lifecycle_command(state& s, deposits_book& book,
                                                      const rest_call& call, deposit_kind kind,
                                                      entity_id id, std::string_view command) {
  const std::string entity = deposit_entity(kind);
  auto stepped = [&](const char* action, const transition& t) {
    return run_command(call, entity, action,
                       [&](const json& body) { return step(s, book, id, kind, body, call, t); });
  };
  if (command == "approve") return stepped("APPROVE", kApprove);
  if (command == "reject") return stepped("REJECT", kReject);
  if (command == "withdrawnByApplicant") return stepped("WITHDRAW", kWithdraw);
  if (command == "undoapproval") {
    return run_command(call, entity, "APPROVALUNDO", [&](const json& body) {
      return undo_approval(s, book, id, kind, body, call);
    });
  }
  if (command == "activate") {
    return run_command(call, entity, "ACTIVATE",
                       [&](const json& body) { return activate(s, book, id, kind, body, call); });
  }
  if (command == "postInterest" || command == "calculateInterest") {
    const bool post = command == "postInterest";
    rest_outcome out =
        run_command(call, entity, post ? "POSTINTEREST" : "CALCULATEINTEREST",
                    [&](const json&) { return post_interest(s, book, id, kind, call, post); });
    if (!post) out.event.reset();  // fires = n: Fineract builds it withNoJsonBody()
    return out;
  }
  if (command == "updateDepositAmount" && kind == deposit_kind::recurring) {
    return run_command(call, entity, "UPDATEDEPOSITAMOUNT", [&](const json& body) {
      return update_deposit_amount(s, book, id, body, call);
    });
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
