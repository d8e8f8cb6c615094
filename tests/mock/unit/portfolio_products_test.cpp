// portfolio_products_test.cpp: loan and savings product definitions and product mixes: the
// results, Fineract's rules, and created products usable by loan and savings applications.
#include <gtest/gtest.h>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"
#include "share_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

rest_outcome put_call(portfolio& p, std::string path, json body) {
  return call(p, make_call("PUT", std::move(path), std::move(body), {}));
}

rest_outcome delete_call(portfolio& p, std::string path) {
  return call(p, make_call("DELETE", std::move(path), nullptr, {}));
}

void expect_failed(const rest_outcome& out, int status, const std::string& code) {
  EXPECT_EQ(out.status, status) << out.body.dump();
  EXPECT_EQ(first_error_code(out), code) << out.body.dump();
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST(PortfolioProducts, CreatedLoanProductTakesLoanApplications) {
  portfolio p;
  auto out = call(p, post("/loanproducts", loan_product_body("Boda Loan", "BODA")));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":2})");
  EXPECT_EQ(out.event->entity, "LOANPRODUCT");
  call(p, post("/clients", client_body()));
  json loan = loan_body(1);
  loan["productId"] = 2;
  EXPECT_EQ(call(p, post("/loans", loan)).status, 200);
  const json product = call(p, get("/loanproducts/2")).body;
  EXPECT_EQ(product["shortName"], "BODA");
  EXPECT_EQ(product["principal"], 5000.0);
  EXPECT_EQ(product["annualInterestRate"], 18.0);
}

TEST(PortfolioProducts, LoanProductWithoutMandatoryFieldsIs400) {
  portfolio p;
  json body = loan_product_body("Boda Loan", "BODA");
  body.erase("transactionProcessingStrategyCode");
  expect_failed(call(p, post("/loanproducts", body)), 400,
                "validation.msg.loanproduct.transactionProcessingStrategyCode.cannot.be.blank");
}

TEST(PortfolioProducts, LoanProductNamesAreUnique) {
  portfolio p;
  expect_failed(call(p, post("/loanproducts", loan_product_body("Starter Loan", "NEW"))), 403,
                "error.msg.product.loan.duplicate.name");
}

TEST(PortfolioProducts, LoanProductUpdateListsWhatChanged) {
  portfolio p;
  auto out = put_call(p, "/loanproducts/1",
                      json{{"name", "Starter Loan"}, {"principal", "1500.00"}, {"locale", "en"}});
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"principal":1500.0,"locale":"en"}})");
  EXPECT_EQ(call(p, get("/loanproducts/1")).body["principal"], 1500.0);
  expect_failed(put_call(p, "/loanproducts/9", json{{"name", "x"}}), 404,
                "error.msg.loanproduct.id.invalid");
}

// Savings and deposit products share Fineract's m_savings_product ids: after savings product 1
// and the seeded fixed (2) and recurring (3) deposit products, a new product is 4.
TEST(PortfolioProducts, CreatedSavingsProductTakesSavingsApplications) {
  portfolio p;
  auto out = call(p, post("/savingsproducts", savings_product_body("Youth Savings", "YS")));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":4})");
  call(p, post("/clients", client_body()));
  auto savings =
      call(p, post("/savingsaccounts",
                   dated({{"clientId", 1}, {"productId", 4}, {"submittedOnDate", "14 May 2013"}})));
  EXPECT_EQ(savings.status, 200);
  EXPECT_EQ(call(p, get("/savingsaccounts/1")).body["savingsProductName"], "Youth Savings");
}

TEST(PortfolioProducts, SavingsProductUpdateAndDelete) {
  portfolio p;
  call(p, post("/savingsproducts", savings_product_body("Youth Savings", "YS")));
  auto out = put_call(p, "/savingsproducts/4",
                      json{{"nominalAnnualInterestRate", "2.5"}, {"locale", "en"}});
  EXPECT_EQ(out.body.dump(),
            R"({"resourceId":4,"changes":{"nominalAnnualInterestRate":2.5,"locale":"en"}})");
  EXPECT_EQ(delete_call(p, "/savingsproducts/4").body.dump(), R"({"resourceId":4})");
  EXPECT_EQ(call(p, get("/savingsproducts/4")).status, 404);
}

TEST(PortfolioProducts, SavingsProductInUseCannotBeDeleted) {
  portfolio p;
  active_savings(p);
  expect_failed(delete_call(p, "/savingsproducts/1"), 403,
                "error.msg.savingsproduct.unknown.data.integrity.issue");
}

TEST(PortfolioProducts, ProductMixCreateUpdateDelete) {
  portfolio p;
  call(p, post("/loanproducts", loan_product_body("Boda Loan", "BODA")));
  call(p, post("/loanproducts", loan_product_body("Shop Loan", "SHOP")));
  auto out = call(p, post("/loanproducts/1/productmix", json{{"restrictedProducts", {2}}}));
  EXPECT_EQ(
      out.body.dump(),
      R"({"changes":{"restrictedProductsForMix":[2],"removedProductsForMix":[]},"productId":1})");
  EXPECT_EQ(call(p, get("/loanproducts/1/productmix")).body["restrictedProducts"][0]["id"], 2);
  out = put_call(p, "/loanproducts/1/productmix", json{{"restrictedProducts", {3}}});
  EXPECT_EQ(
      out.body.dump(),
      R"({"changes":{"restrictedProductsForMix":[3],"removedProductsForMix":[2]},"productId":1})");
  out = delete_call(p, "/loanproducts/1/productmix");
  EXPECT_EQ(out.body.dump(), R"({"changes":{"removedProductsForMix":[3]},"productId":1})");
  expect_failed(delete_call(p, "/loanproducts/1/productmix"), 404,
                "error.msg.no.product.mixes.exists");
}

TEST(PortfolioProducts, ProductMixOfAnUnknownProductIs404) {
  portfolio p;
  expect_failed(call(p, post("/loanproducts/1/productmix", json{{"restrictedProducts", {7}}})), 404,
                "error.msg.loanproduct.id.invalid");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
