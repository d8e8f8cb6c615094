// catalog_recipes_savings.cpp: the SAVINGSACCOUNT and SAVINGSACCOUNTCHARGE pairs
// (catalog_recipes.hpp says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

rest_call transaction(std::int64_t savings_id, const char* name, const char* amount) {
  return command(id_path("/savingsaccounts", savings_id) + "/transactions", name,
                 dated({{"transactionDate", "20 May 2013"}, {"transactionAmount", amount}}));
}

const register_recipes kSavingsRecipes{{
    {"SAVINGSACCOUNT", "CREATE",
     [](recipe_context& c) {
       return post("/savingsaccounts", savings_application(c.active_client()));
     }},
    {"SAVINGSACCOUNT", "APPROVE",
     [](recipe_context& c) {
       return command(id_path("/savingsaccounts", c.submitted_savings(c.active_client())),
                      "approve", dated({{"approvedOnDate", "15 May 2013"}}));
     }},
    {"SAVINGSACCOUNT", "ACTIVATE",
     [](recipe_context& c) {
       const auto id = c.submitted_savings(c.active_client());
       c.setup(command(id_path("/savingsaccounts", id), "approve",
                       dated({{"approvedOnDate", "15 May 2013"}})));
       return command(id_path("/savingsaccounts", id), "activate",
                      dated({{"activatedOnDate", "16 May 2013"}}));
     }},
    {"SAVINGSACCOUNT", "DEPOSIT",
     [](recipe_context& c) {
       return transaction(c.active_savings(c.active_client()), "deposit", "50.00");
     }},
    {"SAVINGSACCOUNT", "WITHDRAWAL",
     [](recipe_context& c) {
       return transaction(c.active_savings(c.active_client()), "withdrawal", "50.00");
     }},
    {"SAVINGSACCOUNTCHARGE", "CREATE",
     [](recipe_context& c) {
       return post(id_path("/savingsaccounts", c.active_savings(c.active_client())) + "/charges",
                   dated({{"chargeId", 1}, {"dueDate", "30 May 2013"}}));
     }},
    {"SAVINGSACCOUNTCHARGE", "PAY",
     [](recipe_context& c) {
       const auto path = id_path("/savingsaccounts", c.active_savings(c.active_client()));
       const auto charge =
           c.setup(post(path + "/charges", dated({{"chargeId", 1}, {"dueDate", "30 May 2013"}})));
       return command(id_path(path + "/charges", charge["resourceId"].get<std::int64_t>()),
                      "paycharge", dated({{"amount", "2.00"}, {"dueDate", "30 May 2013"}}));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
