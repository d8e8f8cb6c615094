// portfolio_loan_lifecycle_test.cpp: the loan commands of issue 15 through the portfolio:
// undo approval, reject, withdraw, undo disbursal, loan officer, modify and delete, with their
// exact results, Fineract's state rules (status, code, failed event) and the GET after.
#include <gtest/gtest.h>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

rest_call loan_command(const char* name, json body) {
  return post("/loans/1", std::move(body), {{"command", name}});
}

// Client 1 with loan 1 submitted on 14 May 2013.
void submitted_loan(portfolio& p) {
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
}

void expect_failed(const rest_outcome& out, int status, const char* code) {
  EXPECT_EQ(out.status, status) << out.body.dump();
  EXPECT_EQ(first_error_code(out), code) << out.body.dump();
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST(PortfolioLoanLifecycle, UndoApprovalReturnsToSubmittedAndClearsTheDate) {
  portfolio p;
  submitted_loan(p);
  approve_loan(p, 1);
  auto out = call(p, loan_command("undoapproval", json::object()));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(
      out.body.dump(),
      R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1,"changes":{"status":{"id":100,)"
      R"("code":"loanStatusType.submitted.and.pending.approval","value":"Submitted and pending )"
      R"(approval","pendingApproval":true,"waitingForDisbursal":false,"active":false,)"
      R"("closedObligationsMet":false,"closedWrittenOff":false,"closedRescheduled":false,)"
      R"("closed":false,"overpaid":false},"approvedOnDate":""}})");
  EXPECT_EQ(out.event->action, "APPROVALUNDO");
  auto loan = call(p, get("/loans/1")).body;
  EXPECT_EQ(loan["status"]["id"], 100);
  EXPECT_FALSE(loan["timeline"].contains("approvedOnDate"));
}

TEST(PortfolioLoanLifecycle, UndoApprovalRestoresTheAmountAppliedFor) {
  portfolio p;
  submitted_loan(p);
  call(p, loan_command("approve", dated({{"approvedOnDate", "15 May 2013"},
                                         {"approvedLoanAmount", "800.00"}})));
  auto out = call(p, loan_command("undoapproval", json::object()));
  EXPECT_EQ(out.body["changes"]["approvedLoanAmount"], 1000.0);
  EXPECT_EQ(call(p, get("/loans/1")).body["principal"], 1000.0);
}

TEST(PortfolioLoanLifecycle, UndoApprovalOfASubmittedLoanIsA400) {
  portfolio p;
  submitted_loan(p);
  expect_failed(call(p, loan_command("undoapproval", json::object())), 400,
                "error.msg.loan.undo.approval.account.is.not.approved");
}

TEST(PortfolioLoanLifecycle, RejectEchoesTheDateAsRejectedAndClosedOn) {
  portfolio p;
  submitted_loan(p);
  auto out = call(p, loan_command("reject", dated({{"rejectedOnDate", "16 May 2013"}})));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body["changes"]["status"]["code"], "loanStatusType.rejected");
  EXPECT_EQ(out.body["changes"].dump().substr(out.body["changes"].dump().find("\"locale\"")),
            R"("locale":"en","dateFormat":"dd MMMM yyyy","rejectedOnDate":"16 May 2013",)"
            R"("closedOnDate":"16 May 2013"})");
  auto loan = call(p, get("/loans/1")).body;
  EXPECT_EQ(loan["status"]["id"], 500);
  EXPECT_EQ(loan["timeline"]["rejectedOnDate"], json::parse("[2013,5,16]"));
  EXPECT_EQ(loan["timeline"]["closedOnDate"], json::parse("[2013,5,16]"));
}

TEST(PortfolioLoanLifecycle, RejectRules) {
  portfolio p;
  submitted_loan(p);
  expect_failed(call(p, loan_command("reject", dated({{"rejectedOnDate", "13 May 2013"}}))), 403,
                "error.msg.loan.reject.cannot.be.before.submittal.date");
  expect_failed(call(p, loan_command("reject", dated({{"rejectedOnDate", "13 May 2099"}}))), 403,
                "error.msg.loan.reject.cannot.be.a.future.date");
  expect_failed(call(p, loan_command("reject", dated(json::object()))), 400,
                "validation.msg.loanapplication.rejectedOnDate.cannot.be.blank");
  approve_loan(p, 1);
  expect_failed(call(p, loan_command("reject", dated({{"rejectedOnDate", "16 May 2013"}}))), 400,
                "error.msg.loan.reject.account.is.not.submitted.pending.approval.state");
}

TEST(PortfolioLoanLifecycle, WithdrawEndsTheApplicationAndOnlyOnce) {
  portfolio p;
  submitted_loan(p);
  auto out =
      call(p, loan_command("withdrawnByApplicant", dated({{"withdrawnOnDate", "16 May 2013"}})));
  EXPECT_EQ(out.event->action, "WITHDRAW");
  EXPECT_EQ(out.body["changes"]["status"]["value"], "Withdrawn by applicant");
  EXPECT_EQ(out.body["changes"]["withdrawnOnDate"], "16 May 2013");
  EXPECT_EQ(call(p, get("/loans/1")).body["status"]["id"], 400);
  expect_failed(
      call(p, loan_command("withdrawnByApplicant", dated({{"withdrawnOnDate", "16 May 2013"}}))),
      403, "error.msg.loan.withdraw.cannot.withdraw");
}

TEST(PortfolioLoanLifecycle, UndoDisbursalReversesTransactionsAndReturnsToApproved) {
  portfolio p;
  disbursed_loan(p);
  repay_loan(p, 1, "100.00");
  auto out = call(p, loan_command("undodisbursal", {{"note", "wrong client"}}));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body["changes"]["status"]["id"], 200);
  EXPECT_EQ(out.body["changes"]["actualDisbursementDate"], "");
  EXPECT_EQ(out.body["changes"]["note"], "wrong client");
  auto loan = call(p, get("/loans/1", {{"associations", "transactions"}})).body;
  EXPECT_EQ(loan["status"]["id"], 200);
  EXPECT_EQ(loan["summary"]["principalDisbursed"], 0.0);
  EXPECT_EQ(loan["summary"]["totalOutstanding"], 0.0);
  EXPECT_EQ(loan["transactions"][0]["manuallyReversed"], true);
  EXPECT_EQ(loan["transactions"][1]["manuallyReversed"], true);
  // Disbursed again, the loan starts afresh.
  disburse_loan(p, 1);
  EXPECT_EQ(call(p, get("/loans/1")).body["summary"]["totalOutstanding"], 1240.0);
}

TEST(PortfolioLoanLifecycle, UndoDisbursalOfAnApprovedLoanIsA400) {
  portfolio p;
  submitted_loan(p);
  approve_loan(p, 1);
  expect_failed(call(p, loan_command("undodisbursal", json::object())), 400,
                "error.msg.loan.undo.disbursal.account.is.not.active");
}

TEST(PortfolioLoanLifecycle, LoanOfficerAssignAndUnassignAnswerIdsOnly) {
  portfolio p;
  submitted_loan(p);
  expect_failed(
      call(p, loan_command("unassignloanofficer", dated({{"unassignedDate", "16 May 2013"}}))), 403,
      "error.msg.loan.not.assigned.to.loan.officer");
  auto out =
      call(p, loan_command("assignloanofficer",
                           dated({{"toLoanOfficerId", 3}, {"assignmentDate", "15 May 2013"}})));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1})");
  EXPECT_EQ(out.event->action, "UPDATELOANOFFICER");
  EXPECT_EQ(call(p, get("/loans/1")).body["loanOfficerId"], 3);
  out = call(p, loan_command("unassignloanofficer", dated({{"unassignedDate", "16 May 2013"}})));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1})");
  EXPECT_FALSE(call(p, get("/loans/1")).body.contains("loanOfficerId"));
}

TEST(PortfolioLoanLifecycle, ModifyListsWhatChangedAndOnlyWhilePending) {
  portfolio p;
  submitted_loan(p);
  rest_call modify =
      make_call("PUT", "/loans/1",
                {{"principal", "1500.00"}, {"numberOfRepayments", 12}, {"locale", "en"}}, {});
  auto out = call(p, modify);
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1,)"
                             R"("changes":{"principal":1500.0,"locale":"en"}})");
  EXPECT_EQ(out.event->action, "UPDATE");
  EXPECT_EQ(call(p, get("/loans/1")).body["principal"], 1500.0);
  approve_loan(p, 1);
  expect_failed(call(p, modify), 403, "error.msg.loan.cannot.modify.loan.in.its.present.state");
}

TEST(PortfolioLoanLifecycle, DeleteRemovesAPendingApplicationOnly) {
  portfolio p;
  submitted_loan(p);
  call(p, post("/loans", loan_body(1)));
  approve_loan(p, 2);
  expect_failed(call(p, make_call("DELETE", "/loans/2", nullptr, {})), 403,
                "error.msg.loan.cannot.delete.loan.in.its.present.state");
  auto out = call(p, make_call("DELETE", "/loans/1", nullptr, {}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1})");
  EXPECT_EQ(out.event->action, "DELETE");
  EXPECT_EQ(call(p, get("/loans/1")).status, 404);
}

TEST(PortfolioLoanLifecycle, GroupLoanResultsCarryTheGroupAndNoClient) {
  portfolio p;
  call(p, post("/groups", dated({{"officeId", 1},
                                 {"name", "Sunrise"},
                                 {"active", true},
                                 {"activationDate", "14 May 2013"}})));
  json body = loan_body(1);
  body.erase("clientId");
  body["groupId"] = 1;
  body["loanType"] = "group";
  auto out = call(p, post("/loans", body));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"groupId":1,"loanId":1,"resourceId":1})");
  out = approve_loan(p, 1);
  EXPECT_EQ(out.body["groupId"], 1);
  EXPECT_FALSE(out.body.contains("clientId"));
  EXPECT_EQ(call(p, get("/loans/1")).body["loanType"]["value"], "Group");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
