// portfolio_gl_test.cpp: the chart of accounts, accounting closures, accounting rules,
// financial activity accounts, journal entry reversal and opening balances, and accruals.
#include <gtest/gtest.h>

#include <string>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

rest_call put(std::string path, json body) {
  return make_call("PUT", std::move(path), std::move(body), {});
}
rest_call del(std::string path) { return make_call("DELETE", std::move(path), nullptr, {}); }

json account(const char* code, int usage, json parent = nullptr) {
  json b = {{"name", "Other assets"},
            {"glCode", code},
            {"type", 1},
            {"usage", usage},
            {"manualEntriesAllowed", true}};
  if (!parent.is_null()) b["parentId"] = parent;
  return b;
}

json entry(const char* date, int credit = 9, int debit = 1) {
  return dated({{"officeId", 1},
                {"transactionDate", date},
                {"currencyCode", "USD"},
                {"credits", {{{"glAccountId", credit}, {"amount", "100.00"}}}},
                {"debits", {{{"glAccountId", debit}, {"amount", "100.00"}}}}});
}

void expect_failed(const rest_outcome& out, int status, const std::string& code) {
  EXPECT_EQ(out.status, status) << out.body.dump();
  EXPECT_EQ(first_error_code(out), code) << out.body.dump();
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

// --- GL accounts ---------------------------------------------------------------------------

TEST(PortfolioGlAccounts, SeededChartHoldsTheAccountsJournalEntriesUse) {
  portfolio p;
  auto out = call(p, get("/glaccounts/9"));
  EXPECT_EQ(out.body.dump(),
            R"({"id":9,"name":"Fee income","glCode":"42000","disabled":false,)"
            R"("manualEntriesAllowed":true,"type":{"id":4,"code":"accountType.income",)"
            R"("value":"INCOME"},"usage":{"id":1,"code":"accountUsage.detail","value":"DETAIL"},)"
            R"("nameDecorated":"Fee income","tagId":{"id":0}})");
}

TEST(PortfolioGlAccounts, CreateAnswersResourceIdAndTheGetShowsTheAccount) {
  portfolio p;
  auto out = call(p, post("/glaccounts", account("19000", 2)));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":13})");
  EXPECT_EQ(out.event->entity, "GLACCOUNT");
  EXPECT_EQ(out.event->action, "CREATE");
  auto child = call(p, post("/glaccounts", account("19100", 1, 13)));
  EXPECT_EQ(child.status, 200);
  EXPECT_EQ(call(p, get("/glaccounts/14")).body["parentId"], 13);
  EXPECT_EQ(call(p, get("/glaccounts/13")).body["usage"]["value"], "HEADER");
}

TEST(PortfolioGlAccounts, DuplicateGlCodeIsRefused) {
  portfolio p;
  expect_failed(call(p, post("/glaccounts", account("42000", 1))), 403,
                "error.msg.glaccount.glcode.duplicate");
}

TEST(PortfolioGlAccounts, ParentMustBeAHeaderAccount) {
  portfolio p;
  expect_failed(call(p, post("/glaccounts", account("19100", 1, 9))), 403,
                "error.msg.glaccount.parent.invalid");
}

TEST(PortfolioGlAccounts, MissingFieldsAreValidationErrors) {
  portfolio p;
  auto out = call(p, post("/glaccounts", {{"name", "x"}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "validation.msg.GLAccount.glCode.cannot.be.blank");
}

TEST(PortfolioGlAccounts, UpdateAnswersOnlyWhatChanged) {
  portfolio p;
  auto out = call(p, put("/glaccounts/9", {{"name", "Fees"}, {"glCode", "42000"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":9,"changes":{"name":"Fees"}})");
  EXPECT_EQ(call(p, get("/glaccounts/9")).body["name"], "Fees");
}

TEST(PortfolioGlAccounts, DeleteIsRefusedWithChildrenOrEntries) {
  portfolio p;
  call(p, post("/glaccounts", account("19000", 2)));
  call(p, post("/glaccounts", account("19100", 1, 13)));
  expect_failed(call(p, del("/glaccounts/13")), 403,
                "error.msg.glaccount.glcode.invalid.delete.has.children");
  call(p, post("/journalentries", entry("14 May 2013")));
  expect_failed(call(p, del("/glaccounts/9")), 403,
                "error.msg.glaccount.glcode.invalid.delete.transactions.logged");
  auto out = call(p, del("/glaccounts/14"));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":14})");
  EXPECT_EQ(call(p, get("/glaccounts/14")).status, 404);
}

TEST(PortfolioGlAccounts, JournalEntriesNeedAnExistingAccountThatTakesManualEntries) {
  portfolio p;
  expect_failed(call(p, post("/journalentries", entry("14 May 2013", 99))), 404,
                "error.msg.glaccount.id.invalid");
  call(p, put("/glaccounts/9", {{"manualEntriesAllowed", false}}));
  expect_failed(call(p, post("/journalentries", entry("14 May 2013"))), 403,
                "error.msg.glJournalEntry.invalid.account.manual.adjustments.not.permitted");
}

// --- closures ------------------------------------------------------------------------------

TEST(PortfolioGlClosures, CreateLocksTheOfficesBooksOnAndBeforeTheDate) {
  portfolio p;
  auto out = call(p, post("/glclosures", dated({{"officeId", 1}, {"closingDate", "31 May 2013"}})));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"resourceId":1})");
  EXPECT_EQ(out.event->entity, "GLCLOSURE");
  expect_failed(call(p, post("/journalentries", entry("31 May 2013"))), 403,
                "error.msg.glJournalEntry.invalid.accounting.closed");
  EXPECT_EQ(call(p, post("/journalentries", entry("01 June 2013"))).status, 200);
  auto read = call(p, get("/glclosures/1"));
  EXPECT_EQ(read.body["closingDate"].dump(), "[2013,5,31]");
}

TEST(PortfolioGlClosures, FutureAndEarlierDatesAreRefused) {
  portfolio p;
  expect_failed(
      call(p, post("/glclosures", dated({{"officeId", 1}, {"closingDate", "01 January 2030"}}))),
      403, "error.msg.glclosure.invalid.future.date");
  call(p, post("/glclosures", dated({{"officeId", 1}, {"closingDate", "31 May 2013"}})));
  expect_failed(
      call(p, post("/glclosures", dated({{"officeId", 1}, {"closingDate", "30 April 2013"}}))), 403,
      "error.msg.glclosure.invalid.accounting.closed");
}

TEST(PortfolioGlClosures, UpdateChangesCommentsAndDeleteTakesOnlyTheLatest) {
  portfolio p;
  call(p, post("/glclosures", dated({{"officeId", 1}, {"closingDate", "30 April 2013"}})));
  call(p, post("/glclosures", dated({{"officeId", 1}, {"closingDate", "31 May 2013"}})));
  auto out = call(p, put("/glclosures/1", {{"comments", "month end"}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"resourceId":1,"changes":{"comments":"month end"}})");
  expect_failed(call(p, del("/glclosures/1")), 403, "error.msg.glclosure.invalid.delete");
  EXPECT_EQ(call(p, del("/glclosures/2")).body.dump(), R"({"officeId":1,"resourceId":2})");
  EXPECT_EQ(call(p, del("/glclosures/1")).status, 200);
}

// --- journal entry commands ----------------------------------------------------------------

TEST(PortfolioJournalReversal, ReversalSwapsDebitsAndCreditsAndMarksTheOriginal) {
  portfolio p;
  const std::string id =
      call(p, post("/journalentries", entry("14 May 2013"))).body["transactionId"];
  auto out = call(p, post("/journalentries/" + id, json::object(), {{"command", "reverse"}}));
  ASSERT_EQ(out.status, 200) << out.body.dump();
  ASSERT_EQ(out.body.size(), 1u);
  const std::string reversal = out.body["transactionId"];
  EXPECT_NE(reversal, id);
  EXPECT_EQ(out.event->action, "REVERSE");
  auto lines = call(p, get("/journalentries", {{"transactionId", reversal}})).body["pageItems"];
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["glAccountId"], 9);
  EXPECT_EQ(lines[0]["entryType"]["value"], "DEBIT");
  EXPECT_EQ(lines[1]["entryType"]["value"], "CREDIT");
  EXPECT_EQ(lines[0]["comments"],
            "Reversal entry for Journal Entry with Entry Id  :1 and transaction Id " + id);
  EXPECT_EQ(call(p, get("/journalentries/1")).body["reversed"], true);
  expect_failed(call(p, post("/journalentries/" + id, json::object(), {{"command", "reverse"}})),
                404, "error.msg.journalEntries.transactionId.invalid");
}

TEST(PortfolioJournalReversal, ClosedBooksRefuseTheReversal) {
  portfolio p;
  const std::string id =
      call(p, post("/journalentries", entry("14 May 2013"))).body["transactionId"];
  call(p, post("/glclosures", dated({{"officeId", 1}, {"closingDate", "31 May 2013"}})));
  expect_failed(call(p, post("/journalentries/" + id, json::object(), {{"command", "reverse"}})),
                403, "error.msg.glJournalEntry.invalid.accounting.closed");
}

TEST(PortfolioJournalOpeningBalance, NeedsTheContraMappingAndBooksAgainstIt) {
  portfolio p;
  json body = entry("01 May 2013");
  body.erase("credits");
  const query q = {{"command", "defineOpeningBalance"}};
  expect_failed(call(p, post("/journalentries", body, q)), 404,
                "error.msg.financialActivityAccount.not.found");
  call(p, post("/financialactivityaccounts", {{"financialActivityId", 300}, {"glAccountId", 7}}));
  auto out = call(p, post("/journalentries", body, q));
  ASSERT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.begin().key(), "officeId");
  auto lines = call(p, get("/journalentries", {{"transactionId", out.body["transactionId"]}})).body;
  ASSERT_EQ(lines["totalFilteredRecords"], 2);
  EXPECT_EQ(lines["pageItems"][1]["glAccountId"], 7);
  EXPECT_EQ(lines["pageItems"][1]["entryType"]["value"], "CREDIT");
  // A second definition reverses the first.
  call(p, post("/journalentries", body, q));
  EXPECT_EQ(call(p, get("/journalentries/1")).body["reversed"], true);
}

TEST(PortfolioJournalCommands, RunningBalanceAndAccruals) {
  portfolio p;
  auto rb =
      call(p, post("/journalentries", {{"officeId", 1}}, {{"command", "updateRunningBalance"}}));
  EXPECT_EQ(rb.body.dump(), R"({"officeId":1})");
  EXPECT_EQ(rb.event->action, "UPDATERUNNINGBALANCE");
  auto acc = call(p, post("/runaccruals", dated({{"tillDate", "31 May 2013"}})));
  EXPECT_EQ(acc.body.dump(), "{}");
  EXPECT_EQ(acc.event->entity, "PERIODICACCRUALACCOUNTING");
  auto future = call(p, post("/runaccruals", dated({{"tillDate", "01 January 2030"}})));
  expect_failed(future, 400, "validation.msg.periodicaccrual.tillDate.is.greater.than.date");
  EXPECT_EQ(call(p, post("/journalentries", {}, {{"command", "bogus"}})).status, 400);
}

// --- accounting rules and financial activity accounts --------------------------------------

TEST(PortfolioAccountingRules, CreateUpdateDeleteWithTheirRules) {
  portfolio p;
  json rule = {
      {"name", "Cash count"}, {"officeId", 1}, {"accountToDebit", 1}, {"accountToCredit", 9}};
  auto out = call(p, post("/accountingrules", rule));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"resourceId":1})");
  expect_failed(call(p, post("/accountingrules", rule)), 403,
                "error.msg.accounting.rule.duplicate");
  expect_failed(call(p, post("/accountingrules", {{"name", "x"}, {"accountToCredit", 9}})), 403,
                "error.msg.accounting.rule.accountToDebit.or.debitTags.required");
  auto upd = call(p, put("/accountingrules/1", {{"accountToCredit", 8}, {"name", "Cash count"}}));
  EXPECT_EQ(upd.body.dump(), R"({"resourceId":1,"changes":{"accountToCredit":8}})");
  EXPECT_EQ(call(p, get("/accountingrules/1")).body["creditAccounts"][0]["id"], 8);
  EXPECT_EQ(call(p, del("/accountingrules/1")).body.dump(), R"({"resourceId":1})");
  expect_failed(call(p, del("/accountingrules/1")), 404, "error.msg.accounting.rule.id.invalid");
}

TEST(PortfolioFinancialActivityAccounts, OneMappingPerActivityOfTheRightType) {
  portfolio p;
  auto out = call(
      p, post("/financialactivityaccounts", {{"financialActivityId", 100}, {"glAccountId", 4}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  expect_failed(call(p, post("/financialactivityaccounts",
                             {{"financialActivityId", 100}, {"glAccountId", 2}})),
                403, "error.msg.financialActivityAccount.exists");
  expect_failed(call(p, post("/financialactivityaccounts",
                             {{"financialActivityId", 200}, {"glAccountId", 2}})),
                403, "error.msg.financialActivityAccount.invalid");
  auto upd = call(p, put("/financialactivityaccounts/1", {{"glAccountId", 2}}));
  EXPECT_EQ(upd.body.dump(), R"({"resourceId":1,"changes":{"glAccountId":2}})");
  EXPECT_EQ(call(p, get("/financialactivityaccounts/1")).body["glAccountData"]["id"], 2);
  EXPECT_EQ(call(p, del("/financialactivityaccounts/1")).status, 200);
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
