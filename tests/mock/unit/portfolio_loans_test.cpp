// portfolio_loans_test.cpp: loans through the portfolio: create, approve, disburse,
// repayment, with the exact command results of docs/wire-format.md section 10 and the state rules.
#include <gtest/gtest.h>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

constexpr const char* kApproved =
    R"({"id":200,"code":"loanStatusType.approved","value":"Approved","pendingApproval":false,)"
    R"("waitingForDisbursal":true,"active":false,"closedObligationsMet":false,)"
    R"("closedWrittenOff":false,"closedRescheduled":false,"closed":false,"overpaid":false})";
constexpr const char* kActive =
    R"({"id":300,"code":"loanStatusType.active","value":"Active","pendingApproval":false,)"
    R"("waitingForDisbursal":false,"active":true,"closedObligationsMet":false,)"
    R"("closedWrittenOff":false,"closedRescheduled":false,"closed":false,"overpaid":false})";

TEST(PortfolioLoans, CreateAnswersOfficeClientLoanAndResourceId) {
  portfolio p;
  call(p, post("/clients", client_body()));
  auto out = call(p, post("/loans", loan_body(1)));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1})");
  EXPECT_EQ(out.event->entity, "LOAN");
  EXPECT_EQ(out.event->action, "CREATE");
}

TEST(PortfolioLoans, ApproveAnswersIdsAndChangesInFineractOrder) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  auto out = approve_loan(p, 1);
  EXPECT_EQ(
      out.body.dump(),
      std::string(R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1,"changes":{"status":)") +
          kApproved +
          R"(,"locale":"en","dateFormat":"dd MMMM yyyy","approvedOnDate":"15 May 2013"}})");
  EXPECT_EQ(out.event->action, "APPROVE");
}

TEST(PortfolioLoans, ApproveWithNoteAddsItLast) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  auto out = call(p, post("/loans/1", dated({{"approvedOnDate", "15 May 2013"}, {"note", "ok"}}),
                          {{"command", "approve"}}));
  EXPECT_EQ(out.body["changes"].back(), "ok");
}

TEST(PortfolioLoans, DisburseAnswersSubResourceIdAndActiveStatus) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  approve_loan(p, 1);
  auto out = disburse_loan(p, 1);
  EXPECT_EQ(
      out.body.dump(),
      std::string(
          R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1,"subResourceId":1,"changes":{"status":)") +
          kActive +
          R"(,"locale":"en","dateFormat":"dd MMMM yyyy","actualDisbursementDate":"20 May 2013"}})");
  EXPECT_EQ(out.event->action, "DISBURSE");
}

TEST(PortfolioLoans, RepaymentAnswersLikeTheSpecExample) {
  portfolio p;
  disbursed_loan(p);
  auto out = call(p, post("/loans/1/transactions",
                          dated({{"transactionDate", "14 May 2013"},
                                 {"transactionAmount", "500.00"},
                                 {"paymentTypeId", "12"},
                                 {"note", "check payment"}}),
                          {{"command", "repayment"}}));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(
      out.body.dump(),
      R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":2,"changes":{"transactionDate":"14 May 2013",)"
      R"("transactionAmount":"500.00","locale":"en","dateFormat":"dd MMMM yyyy","paymentTypeId":12,)"
      R"("note":"check payment"}})");
  EXPECT_EQ(out.event->entity, "LOAN");
  EXPECT_EQ(out.event->action, "REPAYMENT");
}

TEST(PortfolioLoans, RepaymentAmountAsNumberIsEchoedAsItsText) {
  portfolio p;
  disbursed_loan(p);
  auto out = repay_loan(p, 1, 125);
  EXPECT_EQ(out.body["changes"]["transactionAmount"], "125");
  EXPECT_FALSE(out.body["changes"].contains("paymentTypeId"));
}

TEST(PortfolioLoans, IdsStayConsistentFromClientToRepaymentAndGet) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/clients", client_body()));
  auto created = call(p, post("/loans", loan_body(2)));
  EXPECT_EQ(created.body["clientId"], 2);
  EXPECT_EQ(created.body["loanId"], 1);
  approve_loan(p, 1);
  EXPECT_EQ(disburse_loan(p, 1).body["subResourceId"], 1);
  auto repaid = repay_loan(p, 1, "500.00");
  EXPECT_EQ(repaid.body["loanId"], 1);
  EXPECT_EQ(repaid.body["clientId"], 2);
  EXPECT_EQ(repaid.body["resourceId"], 2);

  auto loan = call(p, get("/loans/1", {{"associations", "transactions"}})).body;
  EXPECT_EQ(loan["clientId"], 2);
  EXPECT_EQ(loan["clientAccountNo"], "000000002");
  EXPECT_EQ(loan["clientName"], "Petra Yton");
  EXPECT_EQ(loan["accountNo"], "000000001");
  EXPECT_EQ(loan["loanProductName"], "Starter Loan");
  EXPECT_EQ(loan["status"]["id"], 300);
  EXPECT_EQ(loan["summary"]["totalRepayment"], 500.0);
  // Flat 2% a month for 12 months on 1000: 240 interest, paid first.
  EXPECT_EQ(loan["summary"]["interestCharged"], 240.0);
  EXPECT_EQ(loan["summary"]["principalOutstanding"], 740.0);
  EXPECT_EQ(loan["summary"]["totalOutstanding"], 740.0);
  ASSERT_EQ(loan["transactions"].size(), 2u);
  EXPECT_EQ(loan["transactions"][1]["id"], 2);
  EXPECT_EQ(loan["transactions"][1]["type"]["value"], "Repayment");
  EXPECT_EQ(call(p, get("/loans/1/transactions/2")).body["amount"], 500.0);
}

TEST(PortfolioLoans, LoanAndTransactionIdsAreSeparateSequences) {
  portfolio p;
  disbursed_loan(p);
  repay_loan(p, 1, "10.00");
  auto second = call(p, post("/loans", loan_body(1)));
  EXPECT_EQ(second.body["loanId"], 2);
  approve_loan(p, 2);
  EXPECT_EQ(disburse_loan(p, 2).body["subResourceId"], 3);
}

TEST(PortfolioLoans, DecliningBalanceInterestFollowsTheSchedule) {
  portfolio p;
  call(p, post("/clients", client_body()));
  json body = loan_body(1);
  body["interestType"] = 0;  // declining balance, equal installments of 94.56
  call(p, post("/loans", body));
  approve_loan(p, 1);
  disburse_loan(p, 1);
  EXPECT_EQ(call(p, get("/loans/1")).body["summary"]["interestCharged"], 134.7);
}

TEST(PortfolioLoans, RepayingEverythingClosesTheLoan) {
  portfolio p;
  disbursed_loan(p);
  repay_loan(p, 1, "1240.00");
  auto loan = call(p, get("/loans/1")).body;
  EXPECT_EQ(loan["status"]["id"], 600);
  EXPECT_EQ(loan["status"]["closedObligationsMet"], true);
  EXPECT_EQ(loan["timeline"]["closedOnDate"].dump(), "[2013,6,14]");
  EXPECT_EQ(repay_loan(p, 1, "1.00").status, 400);
}

TEST(PortfolioLoans, ApprovingTwiceFailsWithAStateErrorAndEvent) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  approve_loan(p, 1);
  auto out = approve_loan(p, 1);
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out),
            "error.msg.loan.approve.account.is.not.submitted.and.pending.state");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
  EXPECT_EQ(out.event->action, "APPROVE");
}

TEST(PortfolioLoans, DisbursingAnUnapprovedLoanFails) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  auto out = disburse_loan(p, 1);
  EXPECT_EQ(first_error_code(out),
            "error.msg.loan.disbursal.account.is.not.approve.not.disbursed.state");
}

TEST(PortfolioLoans, RepayingALoanThatIsNotActiveFails) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  approve_loan(p, 1);
  auto out = repay_loan(p, 1, "10.00");
  EXPECT_EQ(first_error_code(out), "error.msg.loan.repayment.or.waiver.account.is.not.active");
  EXPECT_EQ(out.event->action, "REPAYMENT");
}

TEST(PortfolioLoans, ApprovalBeforeSubmittalIsADomainRule) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  auto out = call(
      p, post("/loans/1", dated({{"approvedOnDate", "01 May 2013"}}), {{"command", "approve"}}));
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(first_error_code(out), "error.msg.loan.approval.cannot.be.before.submittal.date");
}

TEST(PortfolioLoans, RepaymentAmountMustBePositive) {
  portfolio p;
  disbursed_loan(p);
  auto out = repay_loan(p, 1, "0");
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out),
            "validation.msg.loan.transaction.transactionAmount.not.greater.than.zero");
}

TEST(PortfolioLoans, UnknownLoanIs404ForCommandsAndReads) {
  portfolio p;
  auto read = call(p, get("/loans/7"));
  EXPECT_EQ(read.status, 404);
  EXPECT_EQ(first_error_code(read), "error.msg.loan.id.invalid");
  EXPECT_EQ(read.body["errors"][0]["defaultUserMessage"], "Loan with identifier 7 does not exist");
  auto repay = repay_loan(p, 7, "10.00");
  EXPECT_EQ(repay.status, 404);
  ASSERT_TRUE(repay.event.has_value());
  EXPECT_EQ(repay.event->http_status, 404);
}

TEST(PortfolioLoans, CreateRequiresClientProductPrincipalAndDates) {
  portfolio p;
  auto out = call(p, post("/loans", dated({{"principal", "-5"}})));
  EXPECT_EQ(out.status, 400);
  std::vector<std::string> parameters;
  for (const auto& e : out.body["errors"]) parameters.push_back(e["parameterName"]);
  EXPECT_EQ(parameters, (std::vector<std::string>{"clientId", "productId", "principal",
                                                  "expectedDisbursementDate", "submittedOnDate"}));
}

TEST(PortfolioLoans, UnknownProductIs404) {
  portfolio p;
  call(p, post("/clients", client_body()));
  json body = loan_body(1);
  body["productId"] = 3;
  EXPECT_EQ(first_error_code(call(p, post("/loans", body))), "error.msg.loanproduct.id.invalid");
}

TEST(PortfolioLoans, LoanForAPendingClientIsRefused) {
  portfolio p;
  call(p, post("/clients", client_body(false)));
  auto out = call(p, post("/loans", loan_body(1)));
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(first_error_code(out), "error.msg.client.not.active");
}

TEST(PortfolioLoans, UnknownLoanCommandIsUnsupported) {
  portfolio p;
  auto out = call(p, post("/loans/1", dated({}), {{"command", "writeoff"}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_FALSE(out.event.has_value());
}

TEST(PortfolioLoans, AbsurdNumberOfRepaymentsIsRefused) {
  portfolio p;
  call(p, post("/clients", client_body()));
  json body = loan_body(1);
  body["numberOfRepayments"] = 2000000000;
  auto out = call(p, post("/loans", body));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "validation.msg.loan.numberOfRepayments.is.greater.than.max");
}

TEST(PortfolioLoans, HugeRateKeepsAmountsBounded) {
  portfolio p;
  call(p, post("/clients", client_body()));
  json body = loan_body(1);
  body["interestRatePerPeriod"] = 1e300;
  body["interestType"] = 0;
  call(p, post("/loans", body));
  approve_loan(p, 1);
  EXPECT_EQ(disburse_loan(p, 1).status, 200);
  EXPECT_LE(call(p, get("/loans/1")).body["summary"]["interestCharged"].get<double>(), 1e13);
}

TEST(PortfolioLoans, SchedulePreviewCommandCreatesNoLoan) {
  portfolio p;
  call(p, post("/clients", client_body()));
  auto out = call(p, post("/loans", loan_body(1), {{"command", "calculateLoanSchedule"}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_FALSE(out.event.has_value());
  EXPECT_EQ(call(p, get("/loans")).body["totalFilteredRecords"], 0);
}

TEST(PortfolioLoans, SeededLoanProductIsReadable) {
  portfolio p;
  auto product = call(p, get("/loanproducts/1")).body;
  EXPECT_EQ(product["name"], "Starter Loan");
  EXPECT_EQ(product["principal"], 1000.0);
  EXPECT_EQ(product["numberOfRepayments"], 12);
  EXPECT_EQ(product["annualInterestRate"], 24.0);
  EXPECT_EQ(product["currency"]["code"], "USD");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
