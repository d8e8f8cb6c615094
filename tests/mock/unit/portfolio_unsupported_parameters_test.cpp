// Fineract refuses a body with a parameter its validator does not support, before any other
// check: 400 error.msg.parameter.unsupported with one error per unknown key, naming it in args.
#include <gtest/gtest.h>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

// The body with an extra "bogus" key is refused as Fineract refuses it, and fires a failure.
void expect_unsupported(const rest_outcome& out) {
  expect_refused(out, 400, "error.msg.parameter.unsupported");
  ASSERT_EQ(out.body["errors"].size(), 1u) << out.body.dump();
  EXPECT_EQ(out.body["errors"][0]["parameterName"], "bogus");
  EXPECT_EQ(out.body["errors"][0]["args"].dump(), R"([{"value":"bogus"}])");
}

json with_bogus(json body) {
  body["bogus"] = 1;
  return body;
}

TEST(PortfolioUnsupportedParameters, GroupAndCenterCreateAndActivate) {
  portfolio p;
  const json group = {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}};
  expect_unsupported(call(p, post("/groups", with_bogus(group))));
  expect_unsupported(call(p, post("/centers", with_bogus(group))));
  // clientMembers is a group's, not a center's.
  json center = group;
  center["clientMembers"] = json::array();
  auto out = call(p, post("/centers", center));
  EXPECT_EQ(out.body["errors"][0]["parameterName"], "clientMembers") << out.body.dump();
  ASSERT_EQ(call(p, post("/groups", group)).status, 200);
  expect_unsupported(
      call(p, post("/groups/1", with_bogus(dated({{"activationDate", "15 May 2013"}})),
                   {{"command", "activate"}})));
}

TEST(PortfolioUnsupportedParameters, LoanApplicationModifyApproveDisburseAndRepay) {
  portfolio p;
  call(p, post("/clients", client_body()));
  expect_unsupported(call(p, post("/loans", with_bogus(loan_body(1)))));
  ASSERT_EQ(call(p, post("/loans", loan_body(1))).status, 200);
  expect_unsupported(
      put_call(p, "/loans/1", with_bogus({{"principal", "900.00"}, {"locale", "en"}})));
  expect_unsupported(
      call(p, post("/loans/1", with_bogus(dated({{"approvedOnDate", "15 May 2013"}})),
                   {{"command", "approve"}})));
  approve_loan(p, 1);
  expect_unsupported(
      call(p, post("/loans/1", with_bogus(dated({{"actualDisbursementDate", "20 May 2013"}})),
                   {{"command", "disburse"}})));
  disburse_loan(p, 1);
  expect_unsupported(call(p, post("/loans/1/transactions",
                                  with_bogus(dated({{"transactionDate", "14 June 2013"},
                                                    {"transactionAmount", "100.00"}})),
                                  {{"command", "repayment"}})));
  // The loan is unchanged by the refused repayment.
  EXPECT_EQ(repay_loan(p, 1, "100.00").status, 200);
}

TEST(PortfolioUnsupportedParameters, SavingsApplicationApproveActivateMoneyAndClose) {
  portfolio p;
  call(p, post("/clients", client_body()));
  const json application =
      dated({{"clientId", 1}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}});
  expect_unsupported(call(p, post("/savingsaccounts", with_bogus(application))));
  call(p, post("/savingsaccounts", application));
  expect_unsupported(
      call(p, post("/savingsaccounts/1", with_bogus(dated({{"approvedOnDate", "15 May 2013"}})),
                   {{"command", "approve"}})));
  call(p, post("/savingsaccounts/1", dated({{"approvedOnDate", "15 May 2013"}}),
               {{"command", "approve"}}));
  expect_unsupported(
      call(p, post("/savingsaccounts/1", with_bogus(dated({{"activatedOnDate", "16 May 2013"}})),
                   {{"command", "activate"}})));
  call(p, post("/savingsaccounts/1", dated({{"activatedOnDate", "16 May 2013"}}),
               {{"command", "activate"}}));
  for (const char* command : {"deposit", "withdrawal"}) {
    expect_unsupported(call(p, post("/savingsaccounts/1/transactions",
                                    with_bogus(dated({{"transactionDate", "20 May 2013"},
                                                      {"transactionAmount", "10.00"}})),
                                    {{"command", command}})));
  }
  expect_unsupported(
      call(p, post("/savingsaccounts/1", with_bogus(dated({{"closedOnDate", "21 May 2013"}})),
                   {{"command", "close"}})));
}

TEST(PortfolioUnsupportedParameters, TheNewCommandsRefuseThemToo) {
  portfolio p;
  const auto client = new_client(p, true);
  call(p, post("/groups", dated({{"officeId", 1},
                                 {"name", "Sunrise"},
                                 {"active", true},
                                 {"activationDate", "15 May 2013"},
                                 {"clientMembers", json::array({client})}})));
  expect_unsupported(call(p, post("/groups/1", with_bogus({{"role", 8}, {"clientId", client}}),
                                  {{"command", "assignRole"}})));
  expect_unsupported(call(p, post("/groups/1", with_bogus({{"destinationGroupId", 1}}),
                                  {{"command", "transferClients"}})));
  expect_unsupported(call(p, post("/groups/1/calendars", with_bogus({{"title", "Monday"}}))));
  expect_unsupported(call(p, post("/groups/1/meetings", with_bogus({{"calendarId", 1}}))));
  expect_unsupported(call(p, post("/clients/1/charges", with_bogus({{"chargeId", 1}}))));
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
