// loan_reschedule.cpp: loan reschedule requests: POST /rescheduleloans (RESCHEDULELOAN CREATE),
// POST /rescheduleloans/{id}?command=approve|reject (APPROVE, REJECT), and their GETs. The mock
// records the request and its decision; it does not move the loan's schedule (it has none).
#include <string>

#include "portfolio/loans/loans.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// The default user's id: Fineract records who decided (approvedByUserId, rejectedByUserId).
constexpr entity_id kDeciderId = 1;

// LoanRescheduleRequestDataValidator: 400 validation.msg.loan.reschedule.<code>.
api_error reschedule_rule(const std::string& code, const std::string& message,
                          std::string parameter = "id") {
  return api_error::validation(std::move(parameter), message,
                               "validation.msg.loan.reschedule." + code, nullptr);
}

api_error request_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.loan.reschedule.request.id.invalid",
      "Loan reschedule request with identifier " + std::to_string(id) + " does not exist", id);
}

json request_status_json(int status) {
  if (status == 200)
    return {{"id", 200}, {"code", "loanStatusType.approved"}, {"value", "Approved"}};
  if (status == 500)
    return {{"id", 500}, {"code", "loanStatusType.rejected"}, {"value", "Rejected"}};
  return {{"id", 100},
          {"code", "loanStatusType.submitted.and.pending.approval"},
          {"value", "Submitted and pending approval"}};
}

json request_json(const reschedule_request& r) {
  json j = {{"id", r.id},
            {"loanId", r.loan_id},
            {"statusEnum", request_status_json(r.status)},
            {"rescheduleFromDate", date_json(r.reschedule_from)},
            {"rescheduleReasonCodeValue", {{"id", r.reason_id}}}};
  j["timeline"] = {{"submittedOnDate", date_json(r.submitted_on)}};
  return j;
}

answer create_request(state& s, const json& body) {
  field_reader in(body, "loan.reschedule");
  auto loan_id = in.id("loanId");
  auto from = in.date("rescheduleFromDate");
  auto submitted = in.date("submittedOnDate");
  auto reason = in.id("rescheduleReasonId");
  auto adjusted = in.date("adjustedDueDate", false);
  auto extra_terms = in.whole("extraTerms", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(*loan_id);
  if (l == nullptr) return loan_not_found(*loan_id);
  if (l->status != loan_status::active) {
    return reschedule_rule("loan.is.not.active", "Loan is not active");
  }
  if (*submitted < *l->disbursed_on) {
    return reschedule_rule("submittedOnDate.before.loan.disbursement.date",
                           "Submission date cannot be before the loan disbursement date",
                           "submittedOnDate");
  }
  reschedule_request r;
  r.id = s.reschedule_ids.take();
  r.loan_id = l->id;
  r.reschedule_from = *from;
  r.submitted_on = *submitted;
  r.adjusted_due_date = adjusted;
  if (extra_terms) r.extra_terms = static_cast<int>(*extra_terms);
  r.reason_id = *reason;
  s.reschedule_requests[r.id] = r;
  return loan_result(s, *l, r.id, nullptr);
}

// Approve (200) or reject (500) a request still pending.
answer decide(state& s, entity_id id, const json& body, bool approve) {
  const char* date_key = approve ? "approvedOnDate" : "rejectedOnDate";
  field_reader in(body, "loan.reschedule");
  auto on = in.date(date_key);
  if (!in.ok()) return in.error();
  auto it = s.reschedule_requests.find(id);
  if (it == s.reschedule_requests.end()) return request_not_found(id);
  reschedule_request& r = it->second;
  if (r.status != 100) {
    return reschedule_rule("request.is.not.in.submitted.and.pending.state",
                           "Loan reschedule request is not in submitted and pending state");
  }
  if (*on < r.submitted_on) {
    return reschedule_rule(std::string(date_key) + ".before.submission.date",
                           std::string(approve ? "Approval" : "Rejection") +
                               " date cannot be before the request submission date",
                           date_key);
  }
  r.status = approve ? 200 : 500;
  json changes = {{"locale", value_text(body.at("locale"))},
                  {"dateFormat", value_text(body.at("dateFormat"))},
                  {date_key, value_text(body.at(date_key))},
                  {approve ? "approvedByUserId" : "rejectedByUserId", kDeciderId}};
  return loan_result(s, s.loans.at(r.loan_id), r.id, std::move(changes));
}

}  // namespace

std::optional<rest_outcome> route_reschedule_loans(state& s, const rest_call& call,
                                                   const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      if (command_of(call) != nullptr) return unsupported_command(call);
      return run_command(call, "RESCHEDULELOAN", "CREATE",
                         [&](const json& body) { return create_request(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json items = json::array();
    for (const auto& [id, r] : s.reschedule_requests) items.push_back(request_json(r));
    return read_outcome(items);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    if (command != nullptr && (*command == "approve" || *command == "reject")) {
      const bool approve = *command == "approve";
      return run_command(call, "RESCHEDULELOAN", approve ? "APPROVE" : "REJECT",
                         [&](const json& body) { return decide(s, *id, body, approve); });
    }
    return unsupported_command(call);
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.reschedule_requests.find(*id);
  return read_outcome(it != s.reschedule_requests.end() ? answer(request_json(it->second))
                                                        : answer(request_not_found(*id)));
}

}  // namespace mifos::mock::detail
