// catalog_recipes_loans.cpp: the LOAN pairs (catalog_recipes.hpp says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

const register_recipes kLoanRecipes{{
    {"LOAN", "CREATE",
     [](recipe_context& c) { return post("/loans", loan_application(c.active_client())); }},
    {"LOAN", "APPROVE",
     [](recipe_context& c) {
       return command(id_path("/loans", c.submitted_loan(c.active_client())), "approve",
                      dated({{"approvedOnDate", "15 May 2013"}}));
     }},
    {"LOAN", "DISBURSE",
     [](recipe_context& c) {
       return command(id_path("/loans", c.approved_loan(c.active_client())), "disburse",
                      dated({{"actualDisbursementDate", "20 May 2013"}}));
     }},
    {"LOAN", "REPAYMENT",
     [](recipe_context& c) {
       return command(
           id_path("/loans", c.disbursed_loan(c.active_client())) + "/transactions", "repayment",
           dated({{"transactionDate", "14 June 2013"}, {"transactionAmount", "100.00"}}));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
