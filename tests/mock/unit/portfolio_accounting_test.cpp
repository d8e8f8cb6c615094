// portfolio_accounting_test.cpp: journal entries through the portfolio, and the date and
// amount parsing every command relies on.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "request/dates.hpp"
#include "request/money.hpp"
#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

json entry_body(json credit_amount, json debit_amount) {
  return dated({{"officeId", 1},
                {"transactionDate", "14 May 2013"},
                {"currencyCode", "USD"},
                {"credits", {{{"glAccountId", 4}, {"amount", credit_amount}}}},
                {"debits", {{{"glAccountId", 9}, {"amount", debit_amount}}}},
                {"comments", "cash count"}});
}

// --- journal entries ---------------------------------------------------------------------

TEST(PortfolioJournalEntries, CreateAnswersOfficeAndA12HexTransactionId) {
  portfolio p;
  auto out = call(p, post("/journalentries", entry_body("100.00", 100)));
  EXPECT_EQ(out.status, 200);
  ASSERT_EQ(out.body.size(), 2u);
  EXPECT_EQ(out.body.begin().key(), "officeId");
  EXPECT_EQ(out.body["officeId"], 1);
  const std::string id = out.body["transactionId"];
  EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{12}"))) << id;
  EXPECT_EQ(out.event->entity, "JOURNALENTRY");
  EXPECT_EQ(out.event->action, "CREATE");
}

TEST(PortfolioJournalEntries, TransactionIdsRepeatAcrossRunsAndDifferWithinOne) {
  portfolio a, b;
  auto a1 = call(a, post("/journalentries", entry_body(5, 5))).body["transactionId"];
  auto a2 = call(a, post("/journalentries", entry_body(5, 5))).body["transactionId"];
  auto b1 = call(b, post("/journalentries", entry_body(5, 5))).body["transactionId"];
  EXPECT_EQ(a1, b1);
  EXPECT_NE(a1, a2);
}

TEST(PortfolioJournalEntries, UnbalancedEntryIsRefused) {
  portfolio p;
  auto out = call(p, post("/journalentries", entry_body("100.00", "99.99")));
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(first_error_code(out), "error.msg.glJournalEntry.invalid.mismatch.debits.credits");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST(PortfolioJournalEntries, LegWithoutAmountNamesItsPosition) {
  portfolio p;
  json body = entry_body(1, 1);
  body["credits"][0].erase("amount");
  auto out = call(p, post("/journalentries", body));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(out.body["errors"][0]["parameterName"], "credits[0].amount");
  EXPECT_EQ(first_error_code(out),
            "validation.msg.GLJournalEntry.credits[0].amount.cannot.be.blank");
}

TEST(PortfolioJournalEntries, EntryWithoutDebitsIsRefused) {
  portfolio p;
  json body = entry_body(1, 1);
  body.erase("debits");
  EXPECT_EQ(first_error_code(call(p, post("/journalentries", body))),
            "error.msg.glJournalEntry.invalid.no.debits.or.credits");
}

TEST(PortfolioJournalEntries, LinesAreListedByTransactionId) {
  portfolio p;
  call(p, post("/journalentries", entry_body(7, 7)));
  std::string id = call(p, post("/journalentries", entry_body(3, 3))).body["transactionId"];
  auto out = call(p, get("/journalentries", {{"transactionId", id}}));
  EXPECT_EQ(out.body["totalFilteredRecords"], 2);
  EXPECT_EQ(out.body["pageItems"][0]["entryType"]["value"], "CREDIT");
  EXPECT_EQ(out.body["pageItems"][0]["amount"], 3.0);
  EXPECT_EQ(out.body["pageItems"][1]["entryType"]["value"], "DEBIT");
  EXPECT_EQ(out.body["pageItems"][1]["glAccountId"], 9);
  EXPECT_EQ(call(p, get("/journalentries/3")).body["transactionId"], id);
}

// --- dates in commands -------------------------------------------------------------------

TEST(PortfolioDates, DateWithoutDateFormatIsAValidationError) {
  portfolio p;
  json body = client_body();
  body.erase("dateFormat");
  auto out = call(p, post("/clients", body));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "validation.msg.missing.dateFormat.parameter");
  EXPECT_EQ(
      out.body["errors"][0]["defaultUserMessage"],
      "The parameter `activationDate` requires a `dateFormat` parameter to be passed with it.");
}

TEST(PortfolioDates, DateWithoutLocaleIsAValidationError) {
  portfolio p;
  json body = client_body();
  body.erase("locale");
  EXPECT_EQ(first_error_code(call(p, post("/clients", body))),
            "validation.msg.missing.locale.parameter");
}

TEST(PortfolioDates, DateNotMatchingTheFormatIsAValidationError) {
  portfolio p;
  json body = client_body();
  body["activationDate"] = "2013-05-14";
  auto out = call(p, post("/clients", body));
  EXPECT_EQ(first_error_code(out), "validation.msg.invalid.dateFormat.format");
  EXPECT_EQ(out.body["errors"][0]["parameterName"], "activationDate");
  EXPECT_EQ(out.body["errors"][0]["value"], "2013-05-14");
}

TEST(PortfolioDates, IsoDateFormatIsAccepted) {
  portfolio p;
  json body = client_body();
  body["activationDate"] = "2013-05-14";
  body["dateFormat"] = "yyyy-MM-dd";
  EXPECT_EQ(call(p, post("/clients", body)).status, 200);
  EXPECT_EQ(call(p, get("/clients/1")).body["activationDate"].dump(), "[2013,5,14]");
}

TEST(PortfolioDates, UnsupportedDateFormatIsAValidationError) {
  portfolio p;
  json body = client_body();
  body["dateFormat"] = "dd MMMM yyyy HH:mm";
  EXPECT_EQ(first_error_code(call(p, post("/clients", body))),
            "validation.msg.invalid.dateFormat.format");
}

TEST(PortfolioDates, ParsesEnglishMonthNames) {
  auto d = detail::parse_date("14 May 2013", "dd MMMM yyyy");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, (detail::local_date{2013, 5, 14}));
  EXPECT_EQ(detail::parse_date("1 sep 2020", "d MMM yyyy"), (detail::local_date{2020, 9, 1}));
  EXPECT_EQ(detail::parse_date("05 December 1999", "dd MMMM yyyy"),
            (detail::local_date{1999, 12, 5}));
}

TEST(PortfolioDates, ParsesNumericPatterns) {
  EXPECT_EQ(detail::parse_date("2013-05-14", "yyyy-MM-dd"), (detail::local_date{2013, 5, 14}));
  EXPECT_EQ(detail::parse_date("14/05/2013", "dd/MM/yyyy"), (detail::local_date{2013, 5, 14}));
}

TEST(PortfolioDates, RejectsDatesThatDoNotExistOrDoNotMatch) {
  EXPECT_FALSE(detail::parse_date("31 April 2013", "dd MMMM yyyy").has_value());
  EXPECT_FALSE(detail::parse_date("29 February 2013", "dd MMMM yyyy").has_value());
  EXPECT_TRUE(detail::parse_date("29 February 2012", "dd MMMM yyyy").has_value());
  EXPECT_FALSE(detail::parse_date("14 Mai 2013", "dd MMMM yyyy").has_value());
  EXPECT_FALSE(detail::parse_date("14 May 2013 ", "dd MMMM yyyy").has_value());
  EXPECT_FALSE(detail::parse_date("2013-5", "yyyy-MM-dd").has_value());
  EXPECT_FALSE(detail::parse_date("", "dd MMMM yyyy").has_value());
}

TEST(PortfolioDates, RecognisesSupportedPatternsOnly) {
  EXPECT_TRUE(detail::is_supported_date_format("dd MMMM yyyy"));
  EXPECT_TRUE(detail::is_supported_date_format("yyyy-MM-dd"));
  EXPECT_FALSE(detail::is_supported_date_format("dd MMMM"));
  EXPECT_FALSE(detail::is_supported_date_format("dd MM yyyy HH"));
  EXPECT_FALSE(detail::is_supported_date_format(""));
}

// --- amounts -----------------------------------------------------------------------------

TEST(PortfolioAmounts, StringsAndNumbersReadAsCents) {
  EXPECT_EQ(detail::parse_amount(json("500.00")), 50000);
  EXPECT_EQ(detail::parse_amount(json(500)), 50000);
  EXPECT_EQ(detail::parse_amount(json(0.1)), 10);
  EXPECT_EQ(detail::parse_amount(json("1,000.50")), 100050);
  EXPECT_EQ(detail::parse_amount(json("2.005")), 201);
  EXPECT_EQ(detail::parse_amount(json("-3")), -300);
}

TEST(PortfolioAmounts, NonNumbersAreNotAmounts) {
  EXPECT_FALSE(detail::parse_amount(json("abc")).has_value());
  EXPECT_FALSE(detail::parse_amount(json("1.2.3")).has_value());
  EXPECT_FALSE(detail::parse_amount(json("")).has_value());
  EXPECT_FALSE(detail::parse_amount(json(true)).has_value());
  EXPECT_FALSE(detail::parse_amount(json("12345678901234567890")).has_value());
  EXPECT_FALSE(detail::parse_amount(json(1e300)).has_value());
  EXPECT_FALSE(detail::parse_amount(json(std::uint64_t{18446744073709551615ULL})).has_value());
}

TEST(PortfolioAmounts, InvalidAmountInACommandIsADecimalFormatError) {
  portfolio p;
  disbursed_loan(p);
  auto out = repay_loan(p, 1, "lots");
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "validation.msg.invalid.decimal.format");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
