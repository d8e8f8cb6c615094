// portfolio_calls.hpp: building REST calls for the portfolio tests (portfolio_*_test),
// and the setup steps most of them share (an active client, a disbursed loan, ...).
//
//   portfolio p;
//   rest_outcome out = call(p, post("/clients", client_body()));
//   EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1})");
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "model/rest_call.hpp"
#include "portfolio/portfolio.hpp"

namespace mifos::mock::portfolio_test {

using json = nlohmann::ordered_json;
using query = std::map<std::string, std::string>;

// 2024-10-24T09:52:59Z: every call carries it, so events have a known `at`.
inline const std::chrono::system_clock::time_point kNow =
    std::chrono::system_clock::time_point(std::chrono::seconds(1729763579));

inline rest_call make_call(std::string method, std::string path, json body, query q) {
  rest_call c;
  c.method = std::move(method);
  c.path = std::move(path);
  c.query = std::move(q);
  c.body = std::move(body);
  c.tenant = "default";
  c.now = kNow;
  return c;
}

inline rest_call post(std::string path, json body, query q = {}) {
  return make_call("POST", std::move(path), std::move(body), std::move(q));
}

inline rest_call get(std::string path, query q = {}) {
  return make_call("GET", std::move(path), nullptr, std::move(q));
}

// Adds Fineract's usual dateFormat and locale to a body.
inline json dated(json body) {
  body["dateFormat"] = "dd MMMM yyyy";
  body["locale"] = "en";
  return body;
}

// The outcome of a call the portfolio must answer (a failed expectation when it does not).
inline rest_outcome call(portfolio& p, const rest_call& c) {
  auto out = p.handle(c);
  EXPECT_TRUE(out.has_value()) << c.method << " " << c.path << " was not answered";
  return out ? *out : rest_outcome{-1, nullptr, std::nullopt};
}

// The userMessageGlobalisationCode of the first error in an error body.
inline std::string first_error_code(const rest_outcome& out) {
  if (!out.body.contains("errors") || out.body["errors"].empty()) return "";
  return out.body["errors"][0].value("userMessageGlobalisationCode", "");
}

inline json client_body(bool active = true) {
  json b = {{"officeId", 1},
            {"firstname", "Petra"},
            {"lastname", "Yton"},
            {"mobileNo", "+254700000001"},
            {"active", active}};
  if (active) b["activationDate"] = "14 May 2013";
  return dated(b);
}

inline json loan_body(std::int64_t client_id) {
  return dated({{"clientId", client_id},
                {"productId", 1},
                {"principal", "1000.00"},
                {"loanTermFrequency", 12},
                {"loanTermFrequencyType", 2},
                {"numberOfRepayments", 12},
                {"repaymentEvery", 1},
                {"repaymentFrequencyType", 2},
                {"interestRatePerPeriod", 2},
                {"amortizationType", 1},
                {"interestType", 1},  // flat: 2% x 12 months of 1000 = 240 interest
                {"interestCalculationPeriodType", 1},
                {"transactionProcessingStrategyCode", "mifos-standard-strategy"},
                {"expectedDisbursementDate", "20 May 2013"},
                {"submittedOnDate", "14 May 2013"},
                {"loanType", "individual"}});
}

inline rest_outcome approve_loan(portfolio& p, std::int64_t loan_id) {
  return call(p, post("/loans/" + std::to_string(loan_id),
                      dated({{"approvedOnDate", "15 May 2013"}}), {{"command", "approve"}}));
}

inline rest_outcome disburse_loan(portfolio& p, std::int64_t loan_id) {
  return call(p,
              post("/loans/" + std::to_string(loan_id),
                   dated({{"actualDisbursementDate", "20 May 2013"}}), {{"command", "disburse"}}));
}

inline rest_outcome repay_loan(portfolio& p, std::int64_t loan_id, json amount) {
  return call(p, post("/loans/" + std::to_string(loan_id) + "/transactions",
                      dated({{"transactionDate", "14 June 2013"}, {"transactionAmount", amount}}),
                      {{"command", "repayment"}}));
}

// Client 1 (active) with loan 1 approved and disbursed.
inline void disbursed_loan(portfolio& p) {
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  approve_loan(p, 1);
  disburse_loan(p, 1);
}

// Client 1 (active) with savings account 1 approved and activated.
inline void active_savings(portfolio& p) {
  call(p, post("/clients", client_body()));
  call(p, post("/savingsaccounts",
               dated({{"clientId", 1}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}})));
  call(p, post("/savingsaccounts/1", dated({{"approvedOnDate", "15 May 2013"}}),
               {{"command", "approve"}}));
  call(p, post("/savingsaccounts/1", dated({{"activatedOnDate", "16 May 2013"}}),
               {{"command", "activate"}}));
}

inline rest_outcome savings_transaction(portfolio& p, const char* command, json amount) {
  return call(p, post("/savingsaccounts/1/transactions",
                      dated({{"transactionDate", "20 May 2013"}, {"transactionAmount", amount}}),
                      {{"command", command}}));
}

}  // namespace mifos::mock::portfolio_test
