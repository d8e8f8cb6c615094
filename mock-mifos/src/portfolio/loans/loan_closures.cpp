// loan_closures.cpp: the commands under POST /loans/{id}/transactions?command= that close an
// active loan or undo that: writeoff (LOAN WRITEOFF), undowriteoff (UNDOWRITEOFF), close
// (CLOSE), close-rescheduled (CLOSEASRESCHEDULED) and foreclosure (FORECLOSURE).
#include <string>

#include "portfolio/loans/loan_money.hpp"
#include "portfolio/loans/loans.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// transactionDate, locale, dateFormat: how the commands without an amount start `changes`.
json dated_changes(const json& body) {
  return {{"transactionDate", echoed(body, "transactionDate")},
          {"locale", echoed(body, "locale")},
          {"dateFormat", echoed(body, "dateFormat")}};
}

// The date rules a closing date shares: not before the disbursal, not in the future.
std::optional<api_error> check_closing_date_after_disbursal(const rest_call& call, const loan& l,
                                                            const std::string& action,
                                                            const std::string& verb,
                                                            local_date on) {
  if (l.disbursed_on && on < *l.disbursed_on) {
    return loan_transition_rule(
        action, "cannot.be.before.submittal.date",
        "The date on which a loan is " + verb +
            " cannot be before the loan disbursement date: " + iso_date(*l.disbursed_on));
  }
  if (on > date_of(call.now)) {
    return loan_transition_rule(
        action, "cannot.be.a.future.date",
        "The date on which a loan is " + verb + " cannot be in the future.");
  }
  return std::nullopt;
}

std::optional<local_date> last_transaction_date(const loan& l) {
  std::optional<local_date> last;
  for (const auto& t : l.transactions)
    if (!t.reversed && (!last || t.date > *last)) last = t.date;
  return last;
}

// Writes off everything outstanding (601); resourceId = the write-off transaction.
answer write_off(state& s, const rest_call& call, entity_id id, const json& body) {
  field_reader in(body, "loan.transaction");
  auto date = in.date("transactionDate");
  auto reason_id = in.id("writeoffReasonId", false);
  auto note = in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::active) {
    return loan_state_rule("writtenoff.account.is.not.active",
                           "Loan Written off is not allowed. Loan Account is not active.");
  }
  if (auto e = check_closing_date_after_disbursal(call, *l, "writeoff", "written off", *date))
    return *e;
  if (auto last = last_transaction_date(*l); last && *last > *date) {
    return loan_transition_rule("writeoff", "must.occur.on.or.after.other.transaction.dates",
                                "The date of the writeoff transaction must occur on or before "
                                "previous transactions.");
  }
  const entity_id tid = add_loan_transaction(s, *l, loan_transaction_type::write_off, *date, 0).id;
  l->status = loan_status::written_off;
  l->closed_on = l->written_off_on = date;
  json changes = dated_changes(body);
  if (reason_id) changes["writeoffReasonId"] = *reason_id;
  changes["status"] = loan_status_json(l->status);
  changes["closedOnDate"] = echoed(body, "transactionDate");
  changes["writtenOffOnDate"] = echoed(body, "transactionDate");
  if (note) changes["note"] = *note;
  return loan_result(s, *l, tid, std::move(changes));
}

// Reverses the write-off: the loan is active again. Ids only, resourceId = the write-off.
answer undo_write_off(state& s, entity_id id) {
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  loan_transaction* write_off = nullptr;
  for (auto& t : l->transactions)
    if (t.type == loan_transaction_type::write_off && !t.reversed) write_off = &t;
  if (l->status != loan_status::written_off || write_off == nullptr) {
    // PlatformServiceUnavailableException: Fineract answers 503 here.
    api_error e = api_error::domain_rule(
        "error.msg.loan.status.not.written.off.update.not.allowed",
        "Loan :" + std::to_string(id) + " update not allowed as loan status is not written off");
    e.http_status = 503;
    return e;
  }
  write_off->reversed = true;
  const entity_id tid = write_off->id;
  l->status = loan_status::active;
  l->closed_on.reset();
  l->written_off_on.reset();
  replay_transactions(*l);
  return loan_result(s, *l, tid, nullptr);
}

// Closes a loan whose outstanding balance is within its arrears tolerance, writing that off;
// resourceId = the closing (write-off) transaction.
answer close_loan(state& s, const rest_call& call, entity_id id, const json& body) {
  field_reader in(body, "loan.transaction");
  auto date = in.date("transactionDate");
  auto note = in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::active) {
    return loan_state_rule("close.account.is.not.active",
                           "Closing Loan Account is not allowed. Loan Account is not Active.");
  }
  if (auto e = check_closing_date_after_disbursal(call, *l, "close", "closed", *date)) return *e;
  const cents outstanding = total_outstanding(*l);
  if (outstanding > l->in_arrears_tolerance) {
    return loan_transition_rule("close", "loan.has.money.outstanding",
                                "A loan with money outstanding cannot be closed");
  }
  if (auto last = last_transaction_date(*l); last && *last > *date) {
    return loan_transition_rule(
        "close.loan", "must.occur.on.or.after.latest.transaction.date",
        "The closing date of the loan must be on or after latest transaction "
        "date.");
  }
  json changes = dated_changes(body);
  changes["closedOnDate"] = echoed(body, "transactionDate");
  const entity_id tid = add_loan_transaction(s, *l, loan_transaction_type::write_off, *date, 0).id;
  l->status = loan_status::closed;
  l->closed_on = date;
  changes["status"] = loan_status_json(l->status);
  if (note) changes["note"] = *note;
  return loan_result(s, *l, tid, std::move(changes));
}

// Marks the loan closed as rescheduled (602); resourceId = the loan. Fineract changes the
// status only from active, and still answers success otherwise.
answer close_as_rescheduled(state& s, const rest_call& call, entity_id id, const json& body) {
  field_reader in(body, "loan.transaction");
  auto date = in.date("transactionDate");
  auto note = in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  json changes = dated_changes(body);
  if (l->status == loan_status::active) {
    if (auto e = check_closing_date_after_disbursal(call, *l, "close.reschedule", "rescheduled",
                                                    *date)) {
      return *e;
    }
    l->status = loan_status::rescheduled;
    changes["status"] = loan_status_json(l->status);
  }
  l->closed_on = l->rescheduled_on = date;
  changes["closedOnDate"] = echoed(body, "transactionDate");
  changes["rescheduledOnDate"] = echoed(body, "transactionDate");
  if (note) changes["note"] = *note;
  json result = loan_result(s, *l, l->id, std::move(changes));
  if (l->external_id) result["resourceExternalId"] = *l->external_id;
  return result;
}

// Pays off everything outstanding in one repayment (the mock charges no interest beyond the
// schedule's, so nothing is left to waive). Result: loanId and resourceId only.
answer foreclose(state& s, entity_id id, const json& body) {
  field_reader in(body, "loan.transaction");
  auto date = in.date("transactionDate");
  auto note = in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != loan_status::active) {
    return loan_state_rule("foreclosure.account.is.not.active",
                           "Loan foreclosure is not allowed. Loan Account is not active.");
  }
  const cents principal = principal_outstanding(*l);
  const entity_id tid =
      add_loan_transaction(s, *l, loan_transaction_type::repayment, *date, total_outstanding(*l))
          .id;
  json changes = {{"dateFormat", echoed(body, "dateFormat")},
                  {"transactionDate", echoed(body, "transactionDate")},
                  {"transactions", json::array({tid})},
                  {"eventAmount", amount_json(-principal)}};
  if (note) changes["note"] = *note;
  return result_fields{.loan_id = l->id, .resource_id = tid, .changes = std::move(changes)}
      .to_json();
}

}  // namespace

std::optional<rest_outcome> route_loan_closures(state& s, const rest_call& call, entity_id id,
                                                const std::string& command) {
  if (command == "writeoff") {
    return run_command(call, "LOAN", "WRITEOFF",
                       [&](const json& body) { return write_off(s, call, id, body); });
  }
  if (command == "undowriteoff") {
    return run_command(call, "LOAN", "UNDOWRITEOFF",
                       [&](const json&) { return undo_write_off(s, id); });
  }
  if (command == "close") {
    return run_command(call, "LOAN", "CLOSE",
                       [&](const json& body) { return close_loan(s, call, id, body); });
  }
  if (command == "close-rescheduled") {
    return run_command(call, "LOAN", "CLOSEASRESCHEDULED",
                       [&](const json& body) { return close_as_rescheduled(s, call, id, body); });
  }
  if (command == "foreclosure") {
    return run_command(call, "LOAN", "FORECLOSURE",
                       [&](const json& body) { return foreclose(s, id, body); });
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
