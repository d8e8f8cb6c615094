// catalog_recipes.cpp: the recipe registry and the setup steps recipes share.
#include "catalog_recipes.hpp"

#include <gtest/gtest.h>

namespace mifos::mock::catalog_test {

std::vector<pair_recipe>& recipes() {
  static std::vector<pair_recipe> all;
  return all;
}

json recipe_context::setup(const rest_call& call) {
  auto [outcome, firings] = front_.run(call);
  EXPECT_GE(outcome.status, 200) << call.method << " " << call.path << ": " << outcome.body.dump();
  EXPECT_LT(outcome.status, 300) << call.method << " " << call.path << ": " << outcome.body.dump();
  return outcome.body;
}

namespace {

std::int64_t resource_id(const json& body) { return body.value("resourceId", std::int64_t{0}); }

}  // namespace

json client_application(bool active) { return portfolio_test::client_body(active); }

json loan_application(std::int64_t client_id) { return portfolio_test::loan_body(client_id); }

json savings_application(std::int64_t client_id) {
  return dated({{"clientId", client_id}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}});
}

std::int64_t recipe_context::pending_client() {
  return resource_id(setup(post("/clients", client_application(false))));
}

std::int64_t recipe_context::active_client() {
  return resource_id(setup(post("/clients", client_application(true))));
}

std::int64_t recipe_context::submitted_loan(std::int64_t client_id) {
  return resource_id(setup(post("/loans", loan_application(client_id))));
}

std::int64_t recipe_context::approved_loan(std::int64_t client_id) {
  const std::int64_t id = submitted_loan(client_id);
  setup(command(id_path("/loans", id), "approve", dated({{"approvedOnDate", "15 May 2013"}})));
  return id;
}

std::int64_t recipe_context::disbursed_loan(std::int64_t client_id) {
  const std::int64_t id = approved_loan(client_id);
  setup(command(id_path("/loans", id), "disburse",
                dated({{"actualDisbursementDate", "20 May 2013"}})));
  return id;
}

std::int64_t recipe_context::submitted_savings(std::int64_t client_id) {
  return resource_id(setup(post("/savingsaccounts", savings_application(client_id))));
}

std::int64_t recipe_context::active_savings(std::int64_t client_id) {
  const std::int64_t id = submitted_savings(client_id);
  setup(command(id_path("/savingsaccounts", id), "approve",
                dated({{"approvedOnDate", "15 May 2013"}})));
  setup(command(id_path("/savingsaccounts", id), "activate",
                dated({{"activatedOnDate", "16 May 2013"}})));
  setup(command(id_path("/savingsaccounts", id) + "/transactions", "deposit",
                dated({{"transactionDate", "17 May 2013"}, {"transactionAmount", "1000.00"}})));
  return id;
}

}  // namespace mifos::mock::catalog_test
