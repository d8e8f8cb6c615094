// portfolio_savings_test.cpp: savings accounts through the portfolio: create, approve,
// activate, deposits, withdrawals and charges, with the exact command results and the rules.
#include <gtest/gtest.h>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

json savings_body() {
  return dated({{"clientId", 1}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}});
}

TEST(PortfolioSavings, CreateAnswersOfficeClientSavingsAndResourceId) {
  portfolio p;
  call(p, post("/clients", client_body()));
  auto out = call(p, post("/savingsaccounts", savings_body()));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1})");
  EXPECT_EQ(out.event->entity, "SAVINGSACCOUNT");
  EXPECT_EQ(out.event->action, "CREATE");
}

TEST(PortfolioSavings, ApproveAnswersStatusThenLocaleFormatAndDate) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/savingsaccounts", savings_body()));
  auto out = call(p, post("/savingsaccounts/1", dated({{"approvedOnDate", "15 May 2013"}}),
                          {{"command", "approve"}}));
  EXPECT_EQ(
      out.body.dump(),
      R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1,"changes":{"status":{"id":200,)"
      R"("code":"savingsAccountStatusType.approved","value":"Approved",)"
      R"("submittedAndPendingApproval":false,"approved":true,"rejected":false,)"
      R"("withdrawnByApplicant":false,"active":false,"closed":false,"prematureClosed":false,)"
      R"("transferInProgress":false,"transferOnHold":false,"matured":false},"locale":"en",)"
      R"("dateFormat":"dd MMMM yyyy","approvedOnDate":"15 May 2013"}})");
  EXPECT_EQ(out.event->action, "APPROVE");
}

TEST(PortfolioSavings, ActivateAnswersActiveStatusAndDate) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/savingsaccounts", savings_body()));
  call(p, post("/savingsaccounts/1", dated({{"approvedOnDate", "15 May 2013"}}),
               {{"command", "approve"}}));
  auto out = call(p, post("/savingsaccounts/1", dated({{"activatedOnDate", "16 May 2013"}}),
                          {{"command", "activate"}}));
  const json& changes = out.body["changes"];
  EXPECT_EQ(changes["status"]["id"], 300);
  EXPECT_EQ(changes["status"]["code"], "savingsAccountStatusType.active");
  EXPECT_EQ(changes["status"]["active"], true);
  EXPECT_EQ(changes["activatedOnDate"], "16 May 2013");
  EXPECT_EQ(out.event->action, "ACTIVATE");
}

TEST(PortfolioSavings, ActivatingBeforeApprovalFails) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/savingsaccounts", savings_body()));
  auto out = call(p, post("/savingsaccounts/1", dated({{"activatedOnDate", "16 May 2013"}}),
                          {{"command", "activate"}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "validation.msg.savingsaccount.activate.not.in.approved.state");
}

TEST(PortfolioSavings, DepositAnswersTransactionIdAndEmptyChanges) {
  portfolio p;
  active_savings(p);
  auto out = savings_transaction(p, "deposit", "250.00");
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1,"changes":{}})");
  EXPECT_EQ(out.event->action, "DEPOSIT");
}

TEST(PortfolioSavings, DepositWithPaymentTypeEchoesItInChanges) {
  portfolio p;
  active_savings(p);
  auto out = call(p, post("/savingsaccounts/1/transactions",
                          dated({{"transactionDate", "20 May 2013"},
                                 {"transactionAmount", 40},
                                 {"paymentTypeId", 3},
                                 {"receiptNumber", "R-9"}}),
                          {{"command", "deposit"}}));
  EXPECT_EQ(out.body["changes"].dump(), R"({"paymentTypeId":3,"receiptNumber":"R-9"})");
}

TEST(PortfolioSavings, WithdrawalAnswersLikeADepositAndLowersTheBalance) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "250.00");
  auto out = savings_transaction(p, "withdrawal", 100.5);
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":2,"changes":{}})");
  EXPECT_EQ(out.event->action, "WITHDRAWAL");
  auto account = call(p, get("/savingsaccounts/1")).body;
  EXPECT_EQ(account["summary"]["accountBalance"], 149.5);
  EXPECT_EQ(account["clientName"], "Petra Yton");
  EXPECT_EQ(account["accountNo"], "000000001");
  EXPECT_EQ(account["savingsProductId"], 1);
}

TEST(PortfolioSavings, WithdrawingMoreThanTheBalanceIsRefused) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "10.00");
  auto out = savings_transaction(p, "withdrawal", "10.01");
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(first_error_code(out),
            "error.msg.savingsaccount.transaction.insufficient.account.balance");
  EXPECT_TRUE(out.event->failed());
  EXPECT_EQ(call(p, get("/savingsaccounts/1")).body["summary"]["accountBalance"], 10.0);
}

TEST(PortfolioSavings, WithdrawingTheWholeBalanceIsAllowed) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "0.30");
  savings_transaction(p, "deposit", "0.10");
  EXPECT_EQ(savings_transaction(p, "withdrawal", "0.40").status, 200);
}

TEST(PortfolioSavings, DepositNeedsAnActiveAccount) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/savingsaccounts", savings_body()));
  auto out = savings_transaction(p, "deposit", "10.00");
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "error.msg.savingsaccount.transaction.account.is.not.active");
}

TEST(PortfolioSavings, UnknownAccountIs404) {
  portfolio p;
  auto out = call(p, get("/savingsaccounts/4"));
  EXPECT_EQ(out.status, 404);
  EXPECT_EQ(first_error_code(out), "error.msg.savingsaccount.id.invalid");
  EXPECT_EQ(savings_transaction(p, "deposit", "1.00").status, 404);
}

TEST(PortfolioSavings, AddChargeAnswersSavingsChargeId) {
  portfolio p;
  active_savings(p);
  auto out =
      call(p, post("/savingsaccounts/1/charges",
                   dated({{"chargeId", 1}, {"amount", "2.00"}, {"dueDate", "30 May 2013"}})));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1})");
  EXPECT_EQ(out.event->entity, "SAVINGSACCOUNTCHARGE");
  EXPECT_EQ(out.event->action, "CREATE");
}

TEST(PortfolioSavings, PayChargeAnswersChargeIdAndLowersTheBalance) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "50.00");
  call(p, post("/savingsaccounts/1/charges", dated({{"chargeId", 1}, {"dueDate", "30 May 2013"}})));
  auto out = call(
      p, post("/savingsaccounts/1/charges/1",
              dated({{"amount", "2.00"}, {"dueDate", "30 May 2013"}}), {{"command", "paycharge"}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1})");
  EXPECT_EQ(out.event->action, "PAY");
  auto account = call(p, get("/savingsaccounts/1")).body;
  EXPECT_EQ(account["summary"]["accountBalance"], 48.0);
  EXPECT_EQ(account["summary"]["totalFeeCharge"], 2.0);
}

TEST(PortfolioSavings, PayingAChargeTwiceFails) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "50.00");
  call(p, post("/savingsaccounts/1/charges", dated({{"chargeId", 1}, {"dueDate", "30 May 2013"}})));
  auto pay =
      post("/savingsaccounts/1/charges/1", dated({{"amount", "2.00"}, {"dueDate", "30 May 2013"}}),
           {{"command", "paycharge"}});
  call(p, pay);
  auto out = call(p, pay);
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out),
            "validation.msg.savingsaccount.transaction.invalid.account.charge.is.paid");
  EXPECT_TRUE(out.event->failed());
}

TEST(PortfolioSavings, UnknownChargeDefinitionAndAccountChargeAre404) {
  portfolio p;
  active_savings(p);
  auto add = call(p, post("/savingsaccounts/1/charges", dated({{"chargeId", 9}})));
  EXPECT_EQ(first_error_code(add), "error.msg.charge.id.invalid");
  auto pay = call(
      p, post("/savingsaccounts/1/charges/4",
              dated({{"amount", "2.00"}, {"dueDate", "30 May 2013"}}), {{"command", "paycharge"}}));
  EXPECT_EQ(pay.status, 404);
  EXPECT_EQ(first_error_code(pay), "error.msg.savings.account.charge.id.invalid");
}

TEST(PortfolioSavings, SeededChargeIsATwoDollarSavingsFee) {
  portfolio p;
  auto charge = call(p, get("/charges/1")).body;
  EXPECT_EQ(charge["name"], "Monthly fee");
  EXPECT_EQ(charge["amount"], 2.0);
  EXPECT_EQ(charge["chargeAppliesTo"]["value"], "Savings");
  EXPECT_EQ(call(p, get("/savingsproducts/1")).body["name"], "Voluntary Savings");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
