// portfolio_loan_money_test.cpp: the loan commands of issue 15 that book money: write-off and
// its undo, recovery, interest waiver, close, close as rescheduled, foreclosure, adjust, refunds,
// goodwill credit, disbursal to savings, loan charges, guarantors, collateral and reschedule
// requests; results, state rules, and that the summary still adds up.
#include <gtest/gtest.h>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

// Loan 1 is disbursed: 1000.00 principal + 240.00 flat interest.
rest_outcome transaction(portfolio& p, const char* name, json body) {
  return call(p, post("/loans/1/transactions", dated(std::move(body)), {{"command", name}}));
}

json on(const char* date) { return {{"transactionDate", date}}; }
json paid(const char* date, const char* amount) {
  return {{"transactionDate", date}, {"transactionAmount", amount}};
}

json summary(portfolio& p) { return call(p, get("/loans/1")).body["summary"]; }

void expect_failed(const rest_outcome& out, int status, const char* code) {
  EXPECT_EQ(out.status, status) << out.body.dump();
  EXPECT_EQ(first_error_code(out), code) << out.body.dump();
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST(PortfolioLoanMoney, WriteOffBooksWhatIsLeftAndClosesAs601) {
  portfolio p;
  disbursed_loan(p);
  repay_loan(p, 1, "300.00");
  auto out = transaction(p, "writeoff", on("20 June 2013"));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body["resourceId"], 3);
  EXPECT_EQ(out.body["changes"]["status"]["id"], 601);
  EXPECT_EQ(out.body["changes"]["status"]["closedWrittenOff"], true);
  json changes = out.body["changes"];
  changes.erase("status");
  EXPECT_EQ(changes.dump(),
            R"({"transactionDate":"20 June 2013","locale":"en","dateFormat":"dd MMMM yyyy",)"
            R"("closedOnDate":"20 June 2013","writtenOffOnDate":"20 June 2013"})");
  auto s = summary(p);
  EXPECT_EQ(s["principalWrittenOff"], 940.0);  // 300 paid 240 interest first, then 60 principal
  EXPECT_EQ(s["interestWrittenOff"], 0.0);
  EXPECT_EQ(s["totalWrittenOff"], 940.0);
  EXPECT_EQ(s["totalOutstanding"], 0.0);
  EXPECT_EQ(call(p, get("/loans/1/transactions/3")).body["amount"], 940.0);
  expect_failed(transaction(p, "writeoff", on("21 June 2013")), 400,
                "error.msg.loan.writtenoff.account.is.not.active");
}

TEST(PortfolioLoanMoney, WriteOffDateRules) {
  portfolio p;
  disbursed_loan(p);
  expect_failed(transaction(p, "writeoff", on("19 May 2013")), 403,
                "error.msg.loan.writeoff.cannot.be.before.submittal.date");
  repay_loan(p, 1, "100.00");
  expect_failed(transaction(p, "writeoff", on("13 June 2013")), 403,
                "error.msg.loan.writeoff.must.occur.on.or.after.other.transaction.dates");
}

TEST(PortfolioLoanMoney, UndoWriteOffReopensTheLoanWithItsBalance) {
  portfolio p;
  disbursed_loan(p);
  expect_failed(transaction(p, "undowriteoff", json::object()), 503,
                "error.msg.loan.status.not.written.off.update.not.allowed");
  transaction(p, "writeoff", on("14 June 2013"));
  auto out = call(p, post("/loans/1/transactions", json::object(), {{"command", "undowriteoff"}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":2})");
  EXPECT_EQ(call(p, get("/loans/1")).body["status"]["id"], 300);
  EXPECT_EQ(summary(p)["totalOutstanding"], 1240.0);
}

TEST(PortfolioLoanMoney, RecoveryPaymentOnlyAfterAWriteOff) {
  portfolio p;
  disbursed_loan(p);
  expect_failed(transaction(p, "recoverypayment", paid("20 June 2013", "50.00")), 400,
                "error.msg.loan.account.is.not.written.off");
  transaction(p, "writeoff", on("14 June 2013"));
  auto out = transaction(p, "recoverypayment", paid("20 June 2013", "50.00"));
  EXPECT_EQ(out.event->action, "RECOVERYPAYMENT");
  EXPECT_EQ(out.body["resourceId"], 3);
  EXPECT_EQ(summary(p)["totalRecovered"], 50.0);
  EXPECT_EQ(call(p, get("/loans/1")).body["status"]["id"], 601);
}

TEST(PortfolioLoanMoney, WaiveInterestReducesWhatIsOwed) {
  portfolio p;
  disbursed_loan(p);
  auto out = transaction(p, "waiveinterest", paid("14 June 2013", "40.00"));
  EXPECT_EQ(
      out.body.dump(),
      R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":2,"changes":{"transactionDate":)"
      R"("14 June 2013","transactionAmount":"40.00","locale":"en","dateFormat":"dd MMMM yyyy"}})");
  auto s = summary(p);
  EXPECT_EQ(s["interestWaived"], 40.0);
  EXPECT_EQ(s["interestOutstanding"], 200.0);
  EXPECT_EQ(s["totalOutstanding"], 1200.0);
}

TEST(PortfolioLoanMoney, CloseWritesOffWhatTheToleranceAllows) {
  portfolio p;
  call(p, post("/clients", client_body()));
  json body = loan_body(1);
  body["inArrearsTolerance"] = "10.00";
  call(p, post("/loans", body));
  approve_loan(p, 1);
  disburse_loan(p, 1);
  repay_loan(p, 1, "1200.00");
  expect_failed(transaction(p, "close", on("15 June 2013")), 403,
                "error.msg.loan.close.loan.has.money.outstanding");
  repay_loan(p, 1, "35.00");
  auto out = transaction(p, "close", on("15 June 2013"));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body["resourceId"], 4);
  EXPECT_EQ(out.body["changes"]["closedOnDate"], "15 June 2013");
  EXPECT_EQ(out.body["changes"]["status"]["id"], 600);
  EXPECT_EQ(summary(p)["totalWrittenOff"], 5.0);
  expect_failed(transaction(p, "close", on("16 June 2013")), 400,
                "error.msg.loan.close.account.is.not.active");
}

TEST(PortfolioLoanMoney, CloseAsRescheduledAnswersTheLoanId) {
  portfolio p;
  disbursed_loan(p);
  auto out = transaction(p, "close-rescheduled", on("14 June 2013"));
  EXPECT_EQ(out.body["resourceId"], 1);
  EXPECT_EQ(out.body["changes"]["status"]["id"], 602);
  EXPECT_EQ(out.body["changes"]["rescheduledOnDate"], "14 June 2013");
  EXPECT_EQ(call(p, get("/loans/1")).body["status"]["closedRescheduled"], true);
}

TEST(PortfolioLoanMoney, ForeclosurePaysEverythingAndAnswersLoanAndTransactionOnly) {
  portfolio p;
  disbursed_loan(p);
  auto out = transaction(p, "foreclosure", on("14 June 2013"));
  EXPECT_EQ(out.body.dump(),
            R"({"loanId":1,"resourceId":2,"changes":{"dateFormat":"dd MMMM yyyy",)"
            R"("transactionDate":"14 June 2013","transactions":[2],"eventAmount":-1000.0}})");
  EXPECT_EQ(call(p, get("/loans/1")).body["status"]["id"], 600);
  expect_failed(transaction(p, "foreclosure", on("15 June 2013")), 400,
                "error.msg.loan.foreclosure.account.is.not.active");
}

TEST(PortfolioLoanMoney, AdjustReplacesARepaymentAndZeroUndoesIt) {
  portfolio p;
  disbursed_loan(p);
  repay_loan(p, 1, "100.00");
  auto out = call(p, post("/loans/1/transactions/2", dated(paid("15 June 2013", "80.00"))));
  EXPECT_EQ(out.event->action, "ADJUST");
  EXPECT_EQ(out.body["resourceId"], 3);
  EXPECT_EQ(summary(p)["totalRepayment"], 80.0);
  out = call(p, post("/loans/1/transactions/3", dated(paid("15 June 2013", "0"))));
  EXPECT_EQ(out.body["resourceId"], 3);
  EXPECT_EQ(summary(p)["totalRepayment"], 0.0);
  EXPECT_EQ(summary(p)["totalOutstanding"], 1240.0);
  expect_failed(call(p, post("/loans/1/transactions/1", dated(paid("15 June 2013", "5.00")))), 403,
                "error.msg.loan.transaction.update.not.allowed");
  EXPECT_EQ(call(p, post("/loans/1/transactions/9", dated(paid("15 June 2013", "5.00")))).status,
            404);
}

TEST(PortfolioLoanMoney, AdjustingTheLastRepaymentReopensAClosedLoan) {
  portfolio p;
  disbursed_loan(p);
  repay_loan(p, 1, "1240.00");
  EXPECT_EQ(call(p, get("/loans/1")).body["status"]["id"], 600);
  call(p, post("/loans/1/transactions/2", dated(paid("14 June 2013", "1000.00"))));
  EXPECT_EQ(call(p, get("/loans/1")).body["status"]["id"], 300);
  EXPECT_EQ(summary(p)["totalOutstanding"], 240.0);
}

TEST(PortfolioLoanMoney, RefundByCashGivesPaidMoneyBack) {
  portfolio p;
  disbursed_loan(p);
  expect_failed(transaction(p, "refundByCash", paid("15 June 2013", "30.00")), 403,
                "error.msg.loan.refund.amount.invalid");
  repay_loan(p, 1, "300.00");
  auto out = transaction(p, "refundByCash", paid("15 June 2013", "30.00"));
  EXPECT_EQ(out.body["resourceId"], 3);
  EXPECT_EQ(summary(p)["totalOutstanding"], 970.0);
}

TEST(PortfolioLoanMoney, GoodwillCreditPaysLikeARepayment) {
  portfolio p;
  disbursed_loan(p);
  auto out = transaction(p, "goodwillCredit", paid("14 June 2013", "25.00"));
  EXPECT_EQ(out.event->action, "GOODWILLCREDIT");
  EXPECT_EQ(summary(p)["interestPaid"], 25.0);
  EXPECT_EQ(call(p, get("/loans/1/transactions/2")).body["type"]["value"], "Goodwill Credit");
}

TEST(PortfolioLoanMoney, CreditBalanceRefundPaysOutTheOverpaymentWithoutLoanId) {
  portfolio p;
  disbursed_loan(p);
  expect_failed(transaction(p, "creditBalanceRefund", paid("15 June 2013", "10.00")), 400,
                "error.msg.loan.credit.balance.refund.account.is.not.overpaid");
  repay_loan(p, 1, "1300.00");
  EXPECT_EQ(call(p, get("/loans/1")).body["status"]["id"], 700);
  expect_failed(transaction(p, "creditBalanceRefund", paid("15 June 2013", "70.00")), 400,
                "error.msg.transactionAmount.invalid.must.be.>zero.and<=overpaidamount");
  auto out = transaction(p, "creditBalanceRefund", paid("15 June 2013", "60.00"));
  EXPECT_EQ(
      out.body.dump(),
      R"({"officeId":1,"clientId":1,"resourceId":3,"changes":{"transactionDate":"15 June 2013",)"
      R"("transactionAmount":"60.00","locale":"en","dateFormat":"dd MMMM yyyy"}})");
  EXPECT_EQ(call(p, get("/loans/1")).body["status"]["id"], 600);
  EXPECT_EQ(summary(p)["totalOverpaid"], 0.0);
}

TEST(PortfolioLoanMoney, DisburseToSavingsDepositsThePrincipal) {
  portfolio p;
  active_savings(p);
  json body = loan_body(1);
  body["linkAccountId"] = 1;
  call(p, post("/loans", body));
  approve_loan(p, 1);
  auto out = call(p, post("/loans/1", dated({{"actualDisbursementDate", "20 May 2013"}}),
                          {{"command", "disburseToSavings"}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.event->action, "DISBURSETOSAVINGS");
  EXPECT_EQ(out.body["subResourceId"], 1);
  EXPECT_EQ(call(p, get("/savingsaccounts/1")).body["summary"]["accountBalance"], 1000.0);
  call(p, post("/loans", loan_body(1)));
  approve_loan(p, 2);
  expect_failed(call(p, post("/loans/2", dated({{"actualDisbursementDate", "20 May 2013"}}),
                             {{"command", "disburseToSavings"}})),
                403, "error.msg.loan.disburse.to.savings.requires.linked.account");
}

TEST(PortfolioLoanMoney, ChargesAddToWhatIsOwedAndCanBeWaived) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  auto out = call(p, post("/loans/1/charges", dated({{"chargeId", 1}, {"amount", "10.00"}})));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1})");
  out =
      call(p, make_call("PUT", "/loans/1/charges/1", {{"amount", "12.50"}, {"locale", "en"}}, {}));
  EXPECT_EQ(out.body["changes"].dump(), R"({"amount":12.5,"locale":"en"})");
  approve_loan(p, 1);
  disburse_loan(p, 1);
  EXPECT_EQ(summary(p)["totalOutstanding"], 1252.5);
  expect_failed(
      call(p, make_call("DELETE", "/loans/1/charges/1", nullptr, {})), 403,
      "error.msg.loan.charge.associated.loan.not.in.submitted.and.pending.approval.stage");
  out = call(p, post("/loans/1/charges/1", json::object(), {{"command", "waive"}}));
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1,"subResourceId":2,)"
            R"("changes":{"amount":12.5}})");
  EXPECT_EQ(summary(p)["feeChargesWaived"], 12.5);
  EXPECT_EQ(summary(p)["totalOutstanding"], 1240.0);
  expect_failed(call(p, post("/loans/1/charges/1", json::object(), {{"command", "waive"}})), 403,
                "error.msg.loan.charge.already.waived");
}

TEST(PortfolioLoanMoney, ChargePaidFromTheLinkedSavingsAccount) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "100.00");
  json body = loan_body(1);
  body["linkAccountId"] = 1;
  call(p, post("/loans", body));
  call(p, post("/loans/1/charges",
               dated({{"chargeId", 1}, {"amount", "10.00"}, {"chargePaymentMode", 1}})));
  approve_loan(p, 1);
  disburse_loan(p, 1);
  auto out = call(p, post("/loans/1/charges/1", dated(on("25 May 2013")), {{"command", "pay"}}));
  EXPECT_EQ(
      out.body.dump(),
      R"({"officeId":1,"clientId":1,"loanId":1,"savingsId":1,"resourceId":1,"subResourceId":2})");
  EXPECT_EQ(summary(p)["feeChargesPaid"], 10.0);
  EXPECT_EQ(call(p, get("/savingsaccounts/1")).body["summary"]["accountBalance"], 90.0);
}

TEST(PortfolioLoanMoney, GuarantorsAndCollateral) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  auto out = call(p, post("/loans/1/guarantors", {{"guarantorTypeId", 1}, {"entityId", 2}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"loanId":1,"resourceId":1})");
  EXPECT_EQ(call(p, post("/loans/1/guarantors", {{"guarantorTypeId", 1}, {"entityId", 9}})).status,
            404);
  out = call(p, make_call("PUT", "/loans/1/guarantors/1",
                          {{"guarantorTypeId", 3}, {"firstname", "Ann"}, {"lastname", "Bo"}}, {}));
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"resourceId":1,"changes":{"guarantorTypeId":3,"firstname":"Ann",)"
            R"("lastname":"Bo"}})");
  EXPECT_EQ(call(p, get("/loans/1/guarantors/1")).body["firstname"], "Ann");
  out = call(p, make_call("DELETE", "/loans/1/guarantors/1", nullptr, {}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"loanId":1,"resourceId":1})");
  out = call(p, post("/loans/1/collaterals",
                     {{"collateralTypeId", 1}, {"value", "500.00"}, {"locale", "en"}}));
  EXPECT_EQ(out.body.dump(), R"({"loanId":1,"resourceId":1})");
  out = call(
      p, make_call("PUT", "/loans/1/collaterals/1", {{"value", "650.00"}, {"locale", "en"}}, {}));
  EXPECT_EQ(out.body.dump(), R"({"loanId":1,"resourceId":1,"changes":{"value":650.0}})");
  EXPECT_EQ(call(p, get("/loans/1/collaterals")).body[0]["value"], 650.0);
  EXPECT_EQ(call(p, make_call("DELETE", "/loans/1/collaterals/1", nullptr, {})).event->action,
            "DELETE");
  EXPECT_EQ(call(p, get("/loans/1/collaterals/1")).status, 404);
}

TEST(PortfolioLoanMoney, RescheduleRequestsAreDecidedOnce) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  json request = dated({{"loanId", 1},
                        {"rescheduleFromDate", "20 July 2013"},
                        {"submittedOnDate", "14 June 2013"},
                        {"rescheduleReasonId", 1}});
  expect_failed(call(p, post("/rescheduleloans", request)), 400,
                "validation.msg.loan.reschedule.loan.is.not.active");
  approve_loan(p, 1);
  disburse_loan(p, 1);
  auto out = call(p, post("/rescheduleloans", request));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"loanId":1,"resourceId":1})");
  EXPECT_EQ(out.event->entity, "RESCHEDULELOAN");
  out = call(p, post("/rescheduleloans/1", dated({{"approvedOnDate", "15 June 2013"}}),
                     {{"command", "approve"}}));
  EXPECT_EQ(out.body["changes"].dump(),
            R"({"locale":"en","dateFormat":"dd MMMM yyyy","approvedOnDate":"15 June 2013",)"
            R"("approvedByUserId":1})");
  expect_failed(call(p, post("/rescheduleloans/1", dated({{"rejectedOnDate", "15 June 2013"}}),
                             {{"command", "reject"}})),
                400,
                "validation.msg.loan.reschedule.request.is.not.in.submitted.and.pending.state");
  EXPECT_EQ(call(p, get("/rescheduleloans/1")).body["statusEnum"]["id"], 200);
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
