// catalog_recipes_shares.cpp: SHAREPRODUCT (create, dividends), SHAREACCOUNT (the account's life
// and its share purchases and redemptions), LOANPRODUCT, SAVINGSPRODUCT and PRODUCTMIX
// (catalog_recipes.hpp says how recipes work).
#include "catalog_recipes.hpp"
#include "share_calls.hpp"

namespace mifos::mock::catalog_test {
namespace {

using portfolio_test::dividend_body;
using portfolio_test::loan_product_body;
using portfolio_test::savings_product_body;
using portfolio_test::share_application;
using portfolio_test::share_product_body;

std::string account(std::int64_t id) { return id_path("/accounts/share", id); }

std::int64_t id_of(const json& result) { return result["resourceId"].get<std::int64_t>(); }

// A pending application for 20 shares of product 1, linked to an active savings account.
std::int64_t pending_shares(recipe_context& c) {
  const auto client = c.active_client();
  return id_of(
      c.setup(post("/accounts/share", share_application(client, c.active_savings(client), 20))));
}

std::int64_t approved_shares(recipe_context& c) {
  const auto id = pending_shares(c);
  c.setup(command(account(id), "approve", dated({{"approvedDate", "15 May 2013"}})));
  return id;
}

std::int64_t active_shares(recipe_context& c) {
  const auto id = approved_shares(c);
  c.setup(command(account(id), "activate", dated({{"activatedDate", "16 May 2013"}})));
  return id;
}

json more_shares(std::int64_t shares) {
  return dated({{"requestedDate", "20 May 2013"}, {"requestedShares", shares}});
}

// An active account and the id of its pending request for 5 more shares.
std::pair<std::int64_t, std::int64_t> pending_purchase(recipe_context& c) {
  const auto id = active_shares(c);
  const auto r = c.setup(command(account(id), "applyadditionalshares", more_shares(5)));
  return {id, r["changes"]["additionalshares"].get<std::int64_t>()};
}

std::int64_t dividend(recipe_context& c) {
  active_shares(c);
  return c.setup(post("/shareproduct/1/dividend", dividend_body()))["subResourceId"]
      .get<std::int64_t>();
}

void second_loan_product(recipe_context& c) {
  c.setup(post("/loanproducts", loan_product_body("Boda Loan", "BODA")));
}

const register_recipes kShareRecipes{{
    {"SHAREPRODUCT", "CREATE",
     [](recipe_context&) {
       return post("/products/share", share_product_body("Founder Shares", "FSH"));
     }},
    {"SHAREPRODUCT", "CREATE_DIVIDEND",
     [](recipe_context& c) {
       active_shares(c);
       return post("/shareproduct/1/dividend", dividend_body());
     }},
    {"SHAREPRODUCT", "APPROVE_DIVIDEND",
     [](recipe_context& c) {
       return with_method("PUT", "/shareproduct/1/dividend/" + std::to_string(dividend(c)),
                          json::object(), {{"command", "approve"}});
     }},
    {"SHAREPRODUCT", "DELETE_DIVIDEND",
     [](recipe_context& c) {
       return del("/shareproduct/1/dividend/" + std::to_string(dividend(c)));
     }},
    {"SHAREACCOUNT", "CREATE",
     [](recipe_context& c) {
       const auto client = c.active_client();
       return post("/accounts/share", share_application(client, c.active_savings(client), 20));
     }},
    {"SHAREACCOUNT", "APPROVE",
     [](recipe_context& c) {
       return command(account(pending_shares(c)), "approve",
                      dated({{"approvedDate", "15 May 2013"}, {"note", "board minute 12"}}));
     }},
    {"SHAREACCOUNT", "UNDOAPPROVAL",
     [](recipe_context& c) { return command(account(approved_shares(c)), "undoapproval"); }},
    {"SHAREACCOUNT", "REJECT",
     [](recipe_context& c) {
       return command(account(pending_shares(c)), "reject", json{{"note", "not a member"}});
     }},
    {"SHAREACCOUNT", "ACTIVATE",
     [](recipe_context& c) {
       return command(account(approved_shares(c)), "activate",
                      dated({{"activatedDate", "16 May 2013"}}));
     }},
    {"SHAREACCOUNT", "APPLYADDITIONALSHARES",
     [](recipe_context& c) {
       return command(account(active_shares(c)), "applyadditionalshares", more_shares(5));
     }},
    {"SHAREACCOUNT", "APPROVEADDITIONALSHARES",
     [](recipe_context& c) {
       const auto [id, request] = pending_purchase(c);
       return command(account(id), "approveadditionalshares",
                      json{{"requestedShares", {{{"id", request}}}}});
     }},
    {"SHAREACCOUNT", "REJECTADDITIONALSHARES",
     [](recipe_context& c) {
       const auto [id, request] = pending_purchase(c);
       return command(account(id), "rejectadditionalshares",
                      json{{"requestedShares", {{{"id", request}}}}});
     }},
    {"SHAREACCOUNT", "REDEEMSHARES",
     [](recipe_context& c) {
       return command(account(active_shares(c)), "redeemshares", more_shares(5));
     }},
    {"SHAREACCOUNT", "CLOSE",
     [](recipe_context& c) {
       return command(account(active_shares(c)), "close",
                      dated({{"closedDate", "20 May 2013"}, {"note", "left the cooperative"}}));
     }},
    {"LOANPRODUCT", "CREATE",
     [](recipe_context&) { return post("/loanproducts", loan_product_body("Boda Loan", "BODA")); }},
    {"LOANPRODUCT", "UPDATE",
     [](recipe_context&) {
       return put("/loanproducts/1",
                  json{{"name", "Starter Loan Plus"}, {"principal", "1500.00"}, {"locale", "en"}});
     }},
    {"SAVINGSPRODUCT", "CREATE",
     [](recipe_context&) {
       return post("/savingsproducts", savings_product_body("Youth Savings", "YS"));
     }},
    {"SAVINGSPRODUCT", "UPDATE",
     [](recipe_context&) {
       return put("/savingsproducts/1",
                  json{{"nominalAnnualInterestRate", "2.5"}, {"locale", "en"}});
     }},
    {"SAVINGSPRODUCT", "DELETE",
     [](recipe_context& c) {
       const auto id =
           id_of(c.setup(post("/savingsproducts", savings_product_body("Youth Savings", "YS"))));
       return del(id_path("/savingsproducts", id));
     }},
    {"PRODUCTMIX", "CREATE",
     [](recipe_context& c) {
       second_loan_product(c);
       return post("/loanproducts/1/productmix", json{{"restrictedProducts", {2}}});
     }},
    {"PRODUCTMIX", "UPDATE",
     [](recipe_context& c) {
       second_loan_product(c);
       c.setup(post("/loanproducts/1/productmix", json{{"restrictedProducts", {2}}}));
       return put("/loanproducts/1/productmix", json{{"restrictedProducts", json::array()}});
     }},
    {"PRODUCTMIX", "DELETE",
     [](recipe_context& c) {
       second_loan_product(c);
       c.setup(post("/loanproducts/1/productmix", json{{"restrictedProducts", {2}}}));
       return del("/loanproducts/1/productmix");
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
