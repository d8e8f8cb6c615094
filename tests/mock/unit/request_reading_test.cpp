// request_reading_test.cpp: Fineract's reading of request JSON (request/): numbers and booleans
// given as strings, decimals in the request's locale, locales as Fineract splits them, the
// refusal of unsupported parameters, and the error bodies they make.
#include <gtest/gtest.h>

#include "portfolio_calls.hpp"
#include "request/json_read.hpp"
#include "request/locale.hpp"

namespace mifos::mock::portfolio_test {
namespace {

using detail::canonical_decimal;
using detail::field_reader;
using detail::locale_problem;

TEST(RequestLocale, IsLanguageThenUnderscoreAndUpperCaseCountry) {
  EXPECT_FALSE(locale_problem("en"));
  EXPECT_FALSE(locale_problem("en_GB"));
  EXPECT_FALSE(locale_problem("sw_KE"));
  EXPECT_EQ(locale_problem("en-GB").value_or(""),
            "The parameter `locale` has an invalid language value en-gb .");
  EXPECT_TRUE(locale_problem("en_gb"));
  EXPECT_TRUE(locale_problem("xx"));
  EXPECT_EQ(locale_problem(" ").value_or(""),
            "The parameter `locale` is invalid. It cannot be blank.");
}

TEST(RequestLocale, DecimalsAreWrittenWithTheLocalesSeparators) {
  EXPECT_EQ(canonical_decimal("1,000.50", "en").value_or("?"), "1000.50");
  EXPECT_EQ(canonical_decimal(" 500 ", "en").value_or("?"), "500");
  EXPECT_EQ(canonical_decimal("1.000,50", "de").value_or("?"), "1000.50");
  EXPECT_EQ(canonical_decimal("1 000,5", "fr").value_or("?"), "1000.5");
  EXPECT_EQ(canonical_decimal("1\xE2\x80\xAF"
                              "000,5",
                              "fr_FR")
                .value_or("?"),
            "1000.5");
  EXPECT_EQ(canonical_decimal("-12.5", "sw").value_or("?"), "-12.5");
  EXPECT_FALSE(canonical_decimal("1.000,50", "en"));
  EXPECT_FALSE(canonical_decimal("1,000.50", "de"));
  EXPECT_FALSE(canonical_decimal("12abc", "en"));
  EXPECT_FALSE(canonical_decimal(",5", "en"));
  EXPECT_FALSE(canonical_decimal("+5", "en"));
  EXPECT_FALSE(canonical_decimal("", "en"));
}

TEST(RequestFields, AnAmountAsTextNeedsTheLocaleItIsWrittenIn) {
  json body = {{"amount", "1.000,50"}, {"locale", "de"}};
  field_reader in(body, "loan");
  EXPECT_EQ(in.amount("amount").value_or(0), 100050);
  EXPECT_TRUE(in.ok());

  json no_locale = {{"amount", "1,000.50"}};
  field_reader without(no_locale, "loan");
  EXPECT_FALSE(without.amount("amount"));
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.error().errors[0].user_message_globalisation_code,
            "validation.msg.missing.locale.parameter");
  EXPECT_EQ(without.error().errors[0].developer_message,
            "The parameter `amount` requires a `locale` parameter to be passed with it.");

  json number = {{"amount", 1000.5}};  // a JSON number needs no locale
  field_reader plain(number, "loan");
  EXPECT_EQ(plain.amount("amount").value_or(0), 100050);
}

TEST(RequestFields, ADecimalThatDoesNotFitTheLocaleNamesTheLocale) {
  json body = {{"amount", "1,000.50"}, {"locale", "de"}};
  field_reader in(body, "loan");
  EXPECT_FALSE(in.amount("amount"));
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.error().errors[0].user_message_globalisation_code,
            "validation.msg.invalid.decimal.format");
  EXPECT_EQ(in.error().errors[0].developer_message,
            "The parameter amount has value: 1,000.50 which is invalid decimal value for "
            "provided locale of [de].");
}

TEST(RequestFields, BooleansAreReadThroughTheirTextAndOtherTextIsFalse) {
  json body = {{"a", "true"}, {"b", "TRUE"}, {"c", "yes"}, {"d", 1}, {"e", false}};
  field_reader in(body, "client");
  EXPECT_EQ(in.flag("a"), true);
  EXPECT_EQ(in.flag("b"), true);
  EXPECT_EQ(in.flag("c"), false);
  EXPECT_EQ(in.flag("d"), false);
  EXPECT_EQ(in.flag("e"), false);
  EXPECT_TRUE(in.ok());
  EXPECT_FALSE(in.flag("absent"));
  EXPECT_FALSE(in.ok());
}

TEST(RequestFields, UnsupportedParametersAreAllNamedInFineractsBody) {
  json body = {{"officeId", 1}, {"colour", "red"}, {"size", 2}};
  field_reader in(body, "client");
  EXPECT_FALSE(in.only({"officeId"}));
  const json error = to_json(in.error());
  EXPECT_EQ(error["httpStatusCode"], "400");
  EXPECT_EQ(error["userMessageGlobalisationCode"], "validation.msg.validation.errors.exist");
  ASSERT_EQ(error["errors"].size(), 2u);
  EXPECT_EQ(error["errors"][0].dump(),
            R"({"developerMessage":"The parameter colour is not supported.",)"
            R"("defaultUserMessage":"The parameter colour is not supported.",)"
            R"("userMessageGlobalisationCode":"error.msg.parameter.unsupported",)"
            R"("parameterName":"colour","value":null,"args":[{"value":"colour"}]})");
  EXPECT_EQ(error["errors"][1]["parameterName"], "size");
}

TEST(RequestFields, ANestedObjectReadsItsNumbersWithTheOuterLocale) {
  json body = {{"locale", "de"}, {"credits", {{{"amount", "1.234,5"}}}}};
  field_reader in(body, "GLJournalEntry");
  field_reader leg = in.nested(body["credits"][0], "credits[0].");
  EXPECT_EQ(leg.amount("amount").value_or(0), 123450);
}

// --- through the portfolio: what a client of Fineract sends --------------------------------

TEST(RequestReading, AClientCreatedWithIdsAndFlagsAsTextIsCreated) {
  portfolio p;
  json body = client_body();
  body["officeId"] = "1";
  body["active"] = "true";
  auto out = call(p, post("/clients", body));
  ASSERT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(call(p, get("/clients/1")).body["status"]["id"], 300);
}

TEST(RequestReading, ARepaymentOf1000Point50WrittenInEnglishIsTaken) {
  portfolio p;
  disbursed_loan(p);
  auto out = repay_loan(p, 1, "1,000.50");
  ASSERT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.event->request["transactionAmount"], "1,000.50");  // the request as sent
}

TEST(RequestReading, AClientCreateWithAnUnknownParameterIsRefusedAndFiresItsFailure) {
  portfolio p;
  json body = client_body();
  body["favouriteColour"] = "red";
  auto out = call(p, post("/clients", body));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "error.msg.parameter.unsupported");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST(RequestReading, ADateWithALocaleFineractDoesNotSplitIsRefused) {
  portfolio p;
  json body = client_body();
  body["locale"] = "en-GB";
  auto out = call(p, post("/clients", body));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "validation.msg.invalid.locale.format");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
