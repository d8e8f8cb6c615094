// portfolio_deposits_test.cpp: fixed and recurring deposits: products, charts, the account
// lifecycle, maturity on the business date, closures and Fineract's refusals.
#include <gtest/gtest.h>

#include <string>

#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

// The calls carry 24 October 2024 (kNow). Client 1 is active from 14 May 2013.
class Deposits : public ::testing::Test {
 protected:
  void SetUp() override { call(p_, post("/clients", client_body())); }

  // A fixed deposit of 5000.00 for 12 months, submitted on `submitted`; returns its id.
  std::int64_t fixed(const char* submitted = "14 May 2013", int months = 12) {
    auto out = call(p_, post("/fixeddepositaccounts", dated({{"clientId", 1},
                                                             {"productId", 2},
                                                             {"submittedOnDate", submitted},
                                                             {"depositAmount", "5000.00"},
                                                             {"depositPeriod", months},
                                                             {"depositPeriodFrequencyId", 2}})));
    EXPECT_EQ(out.status, 200) << out.body.dump();
    return out.body.value("resourceId", std::int64_t{0});
  }

  std::int64_t recurring(const char* submitted, bool allow_withdrawal) {
    auto out = call(p_, post("/recurringdepositaccounts",
                             dated({{"clientId", 1},
                                    {"productId", 3},
                                    {"submittedOnDate", submitted},
                                    {"mandatoryRecommendedDepositAmount", "100.00"},
                                    {"depositPeriod", 12},
                                    {"isCalendarInherited", "false"},
                                    {"recurringFrequency", 1},
                                    {"recurringFrequencyType", 2},
                                    {"allowWithdrawal", allow_withdrawal}})));
    EXPECT_EQ(out.status, 200) << out.body.dump();
    return out.body.value("resourceId", std::int64_t{0});
  }

  rest_outcome command(const std::string& path, const char* name, json body = json::object()) {
    return call(p_, post(path, std::move(body), {{"command", name}}));
  }

  // Approved and activated the day after `on` (given as "dd MMMM yyyy").
  void open(const std::string& path, const char* approved, const char* activated) {
    ASSERT_EQ(command(path, "approve", dated({{"approvedOnDate", approved}})).status, 200);
    auto out = command(path, "activate", dated({{"activatedOnDate", activated}}));
    ASSERT_EQ(out.status, 200) << out.body.dump();
  }

  json account(const std::string& path) {
    return call(p_, get(path, {{"associations", "transactions"}})).body;
  }

  portfolio p_;
};

TEST_F(Deposits, FixedDepositCreateAnswersTheRowsIdsAndSharesTheSavingsSequence) {
  call(p_, post("/savingsaccounts",
                dated({{"clientId", 1}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}})));
  auto out = call(p_, post("/fixeddepositaccounts", dated({{"clientId", 1},
                                                           {"productId", 2},
                                                           {"submittedOnDate", "14 May 2013"},
                                                           {"depositAmount", "5000.00"},
                                                           {"depositPeriod", 12}})));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":2,"resourceId":2})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "FIXEDDEPOSITACCOUNT");
  EXPECT_EQ(out.event->action, "CREATE");
}

TEST_F(Deposits, SubmittedFixedDepositShowsItsTermsAndMaturity) {
  const json a = account("/fixeddepositaccounts/" + std::to_string(fixed()));
  EXPECT_EQ(a["status"]["id"], 100);
  EXPECT_EQ(a["depositType"]["id"], 200);
  EXPECT_EQ(a["depositProductName"], "Fixed Deposit");
  EXPECT_EQ(a["nominalAnnualInterestRate"], 6.0);  // the seeded chart's slab
  EXPECT_EQ(a["depositAmount"], 5000.0);
  EXPECT_EQ(a["maturityDate"], json::parse("[2014,5,14]"));
  EXPECT_EQ(a["maturityAmount"], 5300.0);  // 6% of 5000.00 for 365 days
  EXPECT_EQ(a["depositPeriodFrequency"]["value"], "Months");
}

TEST_F(Deposits, ActivationBooksTheFixedDeposit) {
  const auto id = fixed("01 October 2024");
  const std::string path = "/fixeddepositaccounts/" + std::to_string(id);
  open(path, "01 October 2024", "02 October 2024");
  const json a = account(path);
  EXPECT_EQ(a["status"]["id"], 300);
  EXPECT_EQ(a["summary"]["accountBalance"], 5000.0);
  ASSERT_EQ(a["transactions"].size(), 1u);
  EXPECT_EQ(a["transactions"][0]["transactionType"]["value"], "Deposit");
  EXPECT_EQ(a["transactions"][0]["date"], json::parse("[2024,10,2]"));
  EXPECT_EQ(a["maturityDate"], json::parse("[2025,10,2]"));
}

TEST_F(Deposits, FixedDepositMaturesOnTheBusinessDateWithItsInterestPosted) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed());
  open(path, "15 May 2013", "16 May 2013");
  const json a = account(path);
  EXPECT_EQ(a["status"]["id"], 800);
  EXPECT_EQ(a["status"]["code"], "savingsAccountStatusType.matured");
  EXPECT_TRUE(a["status"]["matured"].get<bool>());
  EXPECT_EQ(a["summary"]["accountBalance"], 5300.0);
  EXPECT_EQ(a["summary"]["totalInterestPosted"], 300.0);
}

TEST_F(Deposits, CloseAtMaturityWithdrawsEverything) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed());
  open(path, "15 May 2013", "16 May 2013");
  auto out =
      command(path, "close", dated({{"closedOnDate", "20 May 2014"}, {"onAccountClosureId", 100}}));
  ASSERT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body["changes"]["status"]["id"], 600);
  EXPECT_EQ(out.body["changes"]["closedOnDate"], "20 May 2014");
  const json a = account(path);
  EXPECT_EQ(a["summary"]["accountBalance"], 0.0);
  EXPECT_EQ(a["onAccountClosure"]["code"], "depositAccountClosureType.withdrawDeposit");
}

TEST_F(Deposits, CloseBeforeMaturityIsRefused) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed("01 October 2024"));
  open(path, "01 October 2024", "02 October 2024");
  auto out = command(path, "close",
                     dated({{"closedOnDate", "20 October 2024"}, {"onAccountClosureId", 100}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "validation.msg.fixeddepositaccount.close.not.in.matured.state");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST_F(Deposits, CloseBeforeTheMaturityDateIsRefused) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed());
  open(path, "15 May 2013", "16 May 2013");
  auto out =
      command(path, "close", dated({{"closedOnDate", "10 May 2014"}, {"onAccountClosureId", 100}}));
  EXPECT_EQ(first_error_code(out),
            "validation.msg.fixeddepositaccount.close.closedOnDate.must.be.after.account.maturity."
            "date");
}

TEST_F(Deposits, PrematureCloseTransfersToSavings) {
  call(p_, post("/savingsaccounts",
                dated({{"clientId", 1}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}})));
  call(p_, post("/savingsaccounts/1", dated({{"approvedOnDate", "15 May 2013"}}),
                {{"command", "approve"}}));
  call(p_, post("/savingsaccounts/1", dated({{"activatedOnDate", "16 May 2013"}}),
                {{"command", "activate"}}));
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed("01 October 2024"));
  open(path, "01 October 2024", "02 October 2024");
  auto out = command(path, "prematureClose",
                     dated({{"closedOnDate", "20 October 2024"},
                            {"onAccountClosureId", 200},
                            {"toSavingsAccountId", 1}}));
  ASSERT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body["changes"]["status"]["id"], 700);
  EXPECT_EQ(out.body["changes"]["status"]["value"], "Premature Closed");
  const json savings = call(p_, get("/savingsaccounts/1")).body;
  // 5000.00 and 18 days at 6%: 14.79.
  EXPECT_EQ(savings["summary"]["accountBalance"], 5014.79);
  EXPECT_EQ(account(path)["transferToSavingsId"], 1);
}

TEST_F(Deposits, PrematureCloseRefusesReinvesting) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed("01 October 2024"));
  open(path, "01 October 2024", "02 October 2024");
  auto out = command(path, "prematureClose",
                     dated({{"closedOnDate", "20 October 2024"}, {"onAccountClosureId", 300}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out),
            "validation.msg.fixeddepositaccount.onAccountClosureId.reinvest.not.allowed");
}

TEST_F(Deposits, PrematureCloseOfAMaturedDepositIsRefused) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed());
  open(path, "15 May 2013", "16 May 2013");
  auto out = command(path, "prematureClose",
                     dated({{"closedOnDate", "20 May 2014"}, {"onAccountClosureId", 100}}));
  EXPECT_EQ(first_error_code(out),
            "validation.msg.fixeddepositaccount.preMatureClose.not.in.active.state");
}

TEST_F(Deposits, FixedDepositTakesNoDepositAfterActivation) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed("01 October 2024"));
  open(path, "01 October 2024", "02 October 2024");
  auto out =
      call(p_, post(path + "/transactions",
                    dated({{"transactionDate", "10 October 2024"}, {"transactionAmount", "10.00"}}),
                    {{"command", "deposit"}}));
  EXPECT_EQ(out.status, 503);
  EXPECT_EQ(first_error_code(out),
            "error.msg.fixeddepositaccount.account.trasaction.deposit.notallowed");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->action, "DEPOSIT");
}

TEST_F(Deposits, FixedDepositRefusesWithdrawals) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed("01 October 2024"));
  open(path, "01 October 2024", "02 October 2024");
  auto out =
      call(p_, post(path + "/transactions",
                    dated({{"transactionDate", "10 October 2024"}, {"transactionAmount", "10.00"}}),
                    {{"command", "withdrawal"}}));
  EXPECT_EQ(out.status, 503);
  EXPECT_EQ(first_error_code(out),
            "error.msg.fixeddepositaccount.account.trasaction.withdraw.notallowed");
}

TEST_F(Deposits, FixedDepositUndoFiresAsASavingsCommand) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed("01 October 2024"));
  open(path, "01 October 2024", "02 October 2024");
  const auto tid = account(path)["transactions"][0]["id"].get<std::int64_t>();
  auto out = call(p_, post(path + "/transactions/" + std::to_string(tid), json::object(),
                           {{"command", "undo"}}));
  ASSERT_EQ(out.status, 200) << out.body.dump();
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "SAVINGSACCOUNT");
  EXPECT_EQ(out.event->action, "UNDOTRANSACTION");
}

TEST_F(Deposits, RecurringDepositTakesInstallmentsAndAWithdrawalWhenAllowed) {
  const std::string path =
      "/recurringdepositaccounts/" + std::to_string(recurring("01 October 2024", true));
  open(path, "01 October 2024", "02 October 2024");
  auto deposit = call(
      p_, post(path + "/transactions",
               dated({{"transactionDate", "10 October 2024"}, {"transactionAmount", "100.00"}}),
               {{"command", "deposit"}}));
  ASSERT_EQ(deposit.status, 200) << deposit.body.dump();
  auto withdrawal =
      call(p_, post(path + "/transactions",
                    dated({{"transactionDate", "11 October 2024"}, {"transactionAmount", "30.00"}}),
                    {{"command", "withdrawal"}}));
  ASSERT_EQ(withdrawal.status, 200) << withdrawal.body.dump();
  const json a = account(path);
  EXPECT_EQ(a["summary"]["accountBalance"], 70.0);
  EXPECT_EQ(a["mandatoryRecommendedDepositAmount"], 100.0);
  EXPECT_EQ(a["depositAmount"], 1200.0);  // twelve monthly installments
}

TEST_F(Deposits, RecurringDepositRefusesWithdrawalsItDoesNotAllow) {
  const std::string path =
      "/recurringdepositaccounts/" + std::to_string(recurring("01 October 2024", false));
  open(path, "01 October 2024", "02 October 2024");
  auto out =
      call(p_, post(path + "/transactions",
                    dated({{"transactionDate", "11 October 2024"}, {"transactionAmount", "30.00"}}),
                    {{"command", "withdrawal"}}));
  EXPECT_EQ(out.status, 503);
  EXPECT_EQ(first_error_code(out),
            "error.msg.recurringdepositaccount.account.trasaction.withdraw.notallowed");
}

TEST_F(Deposits, UpdateDepositAmountNeedsAnActiveAccount) {
  const std::string path =
      "/recurringdepositaccounts/" + std::to_string(recurring("01 October 2024", false));
  auto out = command(path, "updateDepositAmount",
                     dated({{"mandatoryRecommendedDepositAmount", "150.00"},
                            {"effectiveDate", "01 November 2024"}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "error.msg.recurringdepositaccount.is.not.active");
}

TEST_F(Deposits, RecurringDepositOnTheGroupsCalendarNeedsAGroup) {
  auto out = call(
      p_, post("/recurringdepositaccounts", dated({{"clientId", 1},
                                                   {"productId", 3},
                                                   {"submittedOnDate", "14 May 2013"},
                                                   {"mandatoryRecommendedDepositAmount", "100.00"},
                                                   {"isCalendarInherited", true}})));
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(first_error_code(out),
            "error.msg.recurring.deposit.account.cannot.create.not.belongs.to.any.groups.to.follow."
            "meeting.frequency");
}

TEST_F(Deposits, ApplicationStepsFollowTheSavingsRules) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed());
  ASSERT_EQ(command(path, "approve", dated({{"approvedOnDate", "15 May 2013"}})).status, 200);
  auto twice = command(path, "approve", dated({{"approvedOnDate", "15 May 2013"}}));
  EXPECT_EQ(first_error_code(twice),
            "validation.msg.savingsaccount.approval.not.in.submittedandpendingapproval.state");
  auto del = call(p_, make_call("DELETE", path, nullptr, {}));
  EXPECT_EQ(first_error_code(del),
            "validation.msg.fixeddepositaccount.delete.not.in.submittedandpendingapproval.state");
  ASSERT_EQ(command(path, "undoapproval").status, 200);
  EXPECT_EQ(call(p_, make_call("DELETE", path, nullptr, {})).status, 200);
}

TEST_F(Deposits, ActivationBeforeApprovalDateIsRefused) {
  const std::string path = "/fixeddepositaccounts/" + std::to_string(fixed());
  ASSERT_EQ(command(path, "approve", dated({{"approvedOnDate", "15 May 2013"}})).status, 200);
  auto out = command(path, "activate", dated({{"activatedOnDate", "14 May 2013"}}));
  EXPECT_EQ(first_error_code(out),
            "validation.msg.fixeddepositaccount.activate.cannot.be.before.approval.date");
}

TEST_F(Deposits, ASavingsAccountIsNotAFixedDeposit) {
  call(p_, post("/savingsaccounts",
                dated({{"clientId", 1}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}})));
  auto out = call(p_, get("/fixeddepositaccounts/1"));
  EXPECT_EQ(out.status, 404);
  EXPECT_EQ(first_error_code(out), "error.msg.savingsaccount.id.invalid");
}

TEST_F(Deposits, ARecurringProductIsNotAFixedOne) {
  auto out = call(p_, post("/fixeddepositaccounts", dated({{"clientId", 1},
                                                           {"productId", 3},
                                                           {"submittedOnDate", "14 May 2013"},
                                                           {"depositAmount", "5000.00"},
                                                           {"depositPeriod", 12}})));
  EXPECT_EQ(out.status, 404);
  EXPECT_EQ(first_error_code(out), "error.msg.fixeddepositproduct.id.invalid");
}

TEST_F(Deposits, ATermOutsideTheProductsIsRefused) {
  auto out = call(p_, post("/fixeddepositaccounts", dated({{"clientId", 1},
                                                           {"productId", 2},
                                                           {"submittedOnDate", "14 May 2013"},
                                                           {"depositAmount", "5000.00"},
                                                           {"depositPeriod", 72}})));
  EXPECT_EQ(
      first_error_code(out),
      "validation.msg.fixeddepositaccount.deposit.period.not.between.min.and.max.deposit.term");
}

TEST_F(Deposits, ProductsRefuseUnsupportedParameters) {
  auto out = call(p_, post("/fixeddepositproducts", json{{"name", "X"}, {"colour", "blue"}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "error.msg.parameter.unsupported");
}

TEST_F(Deposits, AChartSlabSetsTheRateOfNewAccounts) {
  auto chart = call(
      p_, post("/interestratecharts", dated({{"fromDate", "01 January 2013"}, {"productId", 2}})));
  ASSERT_EQ(chart.status, 200) << chart.body.dump();
  call(p_, make_call("DELETE", "/interestratecharts/1", nullptr, {}));
  auto slab = call(
      p_,
      post(
          "/interestratecharts/" + std::to_string(chart.body["resourceId"].get<int>()) +
              "/chartslabs",
          json{{"periodType", 2}, {"fromPeriod", 1}, {"annualInterestRate", 8}, {"locale", "en"}}));
  ASSERT_EQ(slab.status, 200) << slab.body.dump();
  const json a = account("/fixeddepositaccounts/" + std::to_string(fixed()));
  EXPECT_EQ(a["nominalAnnualInterestRate"], 8.0);
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
