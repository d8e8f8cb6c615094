// share_calls.hpp: the bodies the share and product definition tests send
// (portfolio_shares_test.cpp, portfolio_products_test.cpp, catalog_recipes_shares.cpp).
//
//   call(p, post("/accounts/share", share_application(client_id, savings_id, 20)));
#pragma once

#include <cstdint>

#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {

// An application for `shares` of share product 1 (10.00 a share, 1 to 500 per client), linked
// to the client's savings account, submitted and applied for on 14 May 2013.
inline json share_application(std::int64_t client_id, std::int64_t savings_id,
                              std::int64_t shares) {
  return dated({{"clientId", client_id},
                {"productId", 1},
                {"savingsAccountId", savings_id},
                {"requestedShares", shares},
                {"submittedDate", "14 May 2013"},
                {"applicationDate", "14 May 2013"}});
}

inline json share_product_body(const char* name, const char* short_name) {
  return {
      {"name", name},          {"shortName", short_name}, {"description", "Shares of the founders"},
      {"currencyCode", "USD"}, {"digitsAfterDecimal", 2}, {"inMultiplesOf", 0},
      {"totalShares", 5000},   {"sharesIssued", 4000},    {"unitPrice", "25.00"},
      {"minimumShares", 5},    {"nominalShares", 10},     {"maximumShares", 100},
      {"accountingRule", 1},   {"locale", "en"}};
}

inline json loan_product_body(const char* name, const char* short_name) {
  return {{"name", name},
          {"shortName", short_name},
          {"currencyCode", "USD"},
          {"digitsAfterDecimal", 2},
          {"inMultiplesOf", 0},
          {"principal", "5000.00"},
          {"numberOfRepayments", 10},
          {"repaymentEvery", 1},
          {"repaymentFrequencyType", 2},
          {"interestRatePerPeriod", "1.5"},
          {"interestRateFrequencyType", 2},
          {"amortizationType", 1},
          {"interestType", 0},
          {"interestCalculationPeriodType", 1},
          {"transactionProcessingStrategyCode", "mifos-standard-strategy"},
          {"daysInYearType", 1},
          {"daysInMonthType", 1},
          {"accountingRule", 1},
          {"locale", "en"}};
}

inline json savings_product_body(const char* name, const char* short_name) {
  return {{"name", name},
          {"shortName", short_name},
          {"currencyCode", "USD"},
          {"digitsAfterDecimal", 2},
          {"nominalAnnualInterestRate", "3.5"},
          {"interestCompoundingPeriodType", 1},
          {"interestPostingPeriodType", 4},
          {"interestCalculationType", 1},
          {"interestCalculationDaysInYearType", 365},
          {"accountingRule", 1},
          {"locale", "en"}};
}

inline json dividend_body() {
  return dated({{"dividendPeriodStartDate", "1 January 2013"},
                {"dividendPeriodEndDate", "31 December 2013"},
                {"dividendAmount", "100.00"}});
}

}  // namespace mifos::mock::portfolio_test
