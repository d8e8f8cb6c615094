// The GETs a receiver calls back after a hook (fineract_client, the SMS bridge), one test per
// entity: the keys and shapes Fineract answers (ids, accountNo, status {id, code, value}, dates as
// [y, m, d], currency, summary), not the whole body byte for byte.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

void expect_date(const json& value, const char* dumped) {
  ASSERT_TRUE(value.is_array()) << value.dump();
  EXPECT_EQ(value.size(), 3U);
  EXPECT_EQ(value.dump(), dumped);
}

void expect_status(const json& status, int id, const char* code) {
  EXPECT_EQ(status["id"], id) << status.dump();
  EXPECT_EQ(status["code"], code);
  EXPECT_TRUE(status["value"].is_string());
}

// Fineract's CurrencyData, as every account, product and charge shows it.
void expect_usd(const json& currency) {
  EXPECT_EQ(currency["code"], "USD") << currency.dump();
  EXPECT_EQ(currency["name"], "US Dollar");
  EXPECT_EQ(currency["decimalPlaces"], 2);
  EXPECT_EQ(currency["inMultiplesOf"], 0);
  EXPECT_EQ(currency["displaySymbol"], "$");
  EXPECT_EQ(currency["nameCode"], "currency.USD");
  EXPECT_EQ(currency["displayLabel"], "US Dollar ($)");
}

TEST(PortfolioGetShapes, ClientHasTheKeysASmsReceiverReads) {
  portfolio p;
  const auto id = new_client(p, true);
  auto c = call(p, get(client_path(id))).body;
  EXPECT_EQ(c["id"], id);
  EXPECT_EQ(c["accountNo"], "000000001");
  expect_status(c["status"], 300, "clientStatusType.active");
  EXPECT_EQ(c["active"], true);
  EXPECT_EQ(c["displayName"], "Petra Yton");
  EXPECT_EQ(c["mobileNo"], "+254700000001");
  EXPECT_EQ(c["officeId"], 1);
  EXPECT_EQ(c["officeName"], "Head Office");
  expect_date(c["activationDate"], "[2013,5,14]");
  expect_date(c["timeline"]["activatedOnDate"], "[2013,5,14]");
}

TEST(PortfolioGetShapes, LoanHasStatusCurrencySummaryAndFrequency) {
  portfolio p;
  disbursed_loan(p);
  auto l = call(p, get("/loans/1")).body;
  EXPECT_EQ(l["accountNo"], "000000001");
  expect_status(l["status"], 300, "loanStatusType.active");
  EXPECT_EQ(l["clientId"], 1);
  EXPECT_EQ(l["clientName"], "Petra Yton");
  EXPECT_TRUE(l["loanProductName"].is_string());
  expect_usd(l["currency"]);
  EXPECT_EQ(l["repaymentEvery"], 1);
  EXPECT_EQ(l["repaymentFrequencyType"]["code"], "repaymentFrequency.periodFrequencyType.months");
  expect_date(l["timeline"]["actualDisbursementDate"], "[2013,5,20]");
  expect_usd(l["summary"]["currency"]);
  EXPECT_EQ(l["summary"]["totalOutstanding"], 1240.0);
  EXPECT_FALSE(l.contains("repaymentSchedule"));
}

TEST(PortfolioGetShapes, LoanRepaymentScheduleHasDatedPeriods) {
  portfolio p;
  disbursed_loan(p);
  repay_loan(p, 1, "103.33");
  auto s =
      call(p, get("/loans/1", {{"associations", "repaymentSchedule"}})).body["repaymentSchedule"];
  expect_usd(s["currency"]);
  EXPECT_EQ(s["totalPrincipalExpected"], 1000.0);
  EXPECT_EQ(s["totalInterestCharged"], 240.0);
  const json& periods = s["periods"];
  ASSERT_EQ(periods.size(), 13U);  // the disbursement, then 12 repayments
  expect_date(periods[0]["dueDate"], "[2013,5,20]");
  EXPECT_EQ(periods[0]["principalDisbursed"], 1000.0);
  const json& first = periods[1];
  EXPECT_EQ(first["period"], 1);
  expect_date(first["fromDate"], "[2013,5,20]");
  expect_date(first["dueDate"], "[2013,6,20]");
  EXPECT_EQ(first["daysInPeriod"], 31);
  EXPECT_EQ(first["principalDue"], 83.33);
  EXPECT_EQ(first["interestDue"], 20.0);
  EXPECT_EQ(first["totalDueForPeriod"], 103.33);
  EXPECT_EQ(first["complete"], true);
  EXPECT_EQ(periods[2]["complete"], false);
  expect_date(periods[12]["dueDate"], "[2014,5,20]");
  EXPECT_EQ(periods[12]["principalDue"], 83.37);  // the last period takes what is left
  EXPECT_EQ(periods[12]["principalLoanBalanceOutstanding"], 0.0);
}

TEST(PortfolioGetShapes, WeeklyDecliningScheduleAddsUpToTheLoansInterest) {
  portfolio p;
  call(p, post("/clients", client_body()));
  json body = loan_body(1);
  body["repaymentFrequencyType"] = 1;
  body["loanTermFrequencyType"] = 1;
  body["interestType"] = 0;
  body["interestRatePerPeriod"] = 1;
  call(p, post("/loans", body));
  approve_loan(p, 1);
  disburse_loan(p, 1);
  auto l = call(p, get("/loans/1", {{"associations", "all"}})).body;
  const json& periods = l["repaymentSchedule"]["periods"];
  ASSERT_EQ(periods.size(), 13U);
  expect_date(periods[1]["dueDate"], "[2013,5,27]");
  EXPECT_EQ(periods[1]["daysInPeriod"], 7);
  long interest_cents = 0;
  for (const auto& period : periods) {
    interest_cents += std::lround(period.value("interestDue", 0.0) * 100);
  }
  EXPECT_EQ(interest_cents, std::lround(l["summary"]["interestCharged"].get<double>() * 100));
  EXPECT_EQ(periods[12]["principalLoanBalanceOutstanding"], 0.0);
}

TEST(PortfolioGetShapes, LoanTransactionsHaveTypeDateAndCurrency) {
  portfolio p;
  disbursed_loan(p);
  repay_loan(p, 1, "100");
  auto list = call(p, get("/loans/1", {{"associations", "transactions"}})).body["transactions"];
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(list[1]["type"]["code"], "loanTransactionType.repayment");
  EXPECT_EQ(list[1]["type"]["repayment"], true);
  expect_date(list[1]["date"], "[2013,6,14]");
  expect_usd(list[1]["currency"]);
  EXPECT_EQ(list[1]["amount"], 100.0);
  EXPECT_EQ(list[0]["outstandingLoanBalance"], 1000.0);
  EXPECT_EQ(list[1]["outstandingLoanBalance"], 1000.0 - list[1]["principalPortion"].get<double>());
}

TEST(PortfolioGetShapes, SavingsHasStatusSummaryAndTypedTransactions) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "500");
  auto a = call(p, get("/savingsaccounts/1", {{"associations", "all"}})).body;
  EXPECT_EQ(a["accountNo"], "000000001");
  expect_status(a["status"], 300, "savingsAccountStatusType.active");
  EXPECT_EQ(a["clientId"], 1);
  expect_usd(a["currency"]);
  expect_usd(a["summary"]["currency"]);
  EXPECT_EQ(a["summary"]["accountBalance"], 500.0);
  ASSERT_EQ(a["transactions"].size(), 1U);
  const json& t = a["transactions"][0];
  EXPECT_EQ(t["transactionType"]["code"], "savingsAccountTransactionType.deposit");
  EXPECT_EQ(t["transactionType"]["deposit"], true);
  EXPECT_EQ(t["accountNo"], "000000001");
  expect_date(t["date"], "[2013,5,20]");
  expect_usd(t["currency"]);
  EXPECT_EQ(t["runningBalance"], 500.0);
}

TEST(PortfolioGetShapes, OfficeHasNameHierarchyAndOpeningDate) {
  portfolio p;
  auto o = call(p, get("/offices/1")).body;
  EXPECT_EQ(o["id"], 1);
  EXPECT_EQ(o["name"], "Head Office");
  EXPECT_EQ(o["hierarchy"], ".");
  EXPECT_TRUE(o["openingDate"].is_array());
}

TEST(PortfolioGetShapes, StaffHasDisplayNameOfficeAndJoiningDate) {
  portfolio p;
  const auto id = new_staff(p);
  auto m = call(p, get("/staff/" + std::to_string(id))).body;
  EXPECT_EQ(m["id"], id);
  EXPECT_EQ(m["displayName"], "Okafor, Lena");
  EXPECT_EQ(m["officeId"], 1);
  EXPECT_EQ(m["officeName"], "Head Office");
  EXPECT_EQ(m["isLoanOfficer"], true);
  expect_date(m["joiningDate"], "[2013,1,1]");
}

TEST(PortfolioGetShapes, GroupHasAccountNoStatusAndOffice) {
  portfolio p;
  auto out = call(p, post("/groups", dated({{"name", "Umoja"},
                                            {"officeId", 1},
                                            {"active", true},
                                            {"activationDate", "14 May 2013"}})));
  ASSERT_EQ(out.status, 200) << out.body.dump();
  auto g = call(p, get("/groups/" + out.body["resourceId"].dump())).body;
  EXPECT_EQ(g["accountNo"].get<std::string>().size(), 9U);
  expect_status(g["status"], 300, "groupingStatusType.active");
  EXPECT_EQ(g["name"], "Umoja");
  EXPECT_EQ(g["officeId"], 1);
  expect_date(g["activationDate"], "[2013,5,14]");
}

TEST(PortfolioGetShapes, JournalEntryNamesItsAccountAndCurrency) {
  portfolio p;
  auto out = call(
      p, post("/journalentries", dated({{"officeId", 1},
                                        {"transactionDate", "14 May 2013"},
                                        {"currencyCode", "USD"},
                                        {"credits", {{{"glAccountId", 4}, {"amount", 100}}}},
                                        {"debits", {{{"glAccountId", 9}, {"amount", 100}}}}})));
  ASSERT_EQ(out.status, 200) << out.body.dump();
  auto list = call(p, get("/journalentries",
                          {{"transactionId", out.body["transactionId"].get<std::string>()}}))
                  .body["pageItems"];
  ASSERT_EQ(list.size(), 2U);
  const json& e = list[0];
  EXPECT_EQ(e["officeName"], "Head Office");
  EXPECT_TRUE(e["glAccountName"].is_string());
  EXPECT_TRUE(e["glAccountCode"].is_string());
  EXPECT_TRUE(e["glAccountType"]["code"].get<std::string>().starts_with("accountType."));
  EXPECT_TRUE(e["entryType"]["code"].get<std::string>().starts_with("journalEntryType."));
  expect_date(e["transactionDate"], "[2013,5,14]");
  expect_usd(e["currency"]);
  EXPECT_EQ(e["amount"], 100.0);
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
