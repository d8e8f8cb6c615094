// catalog_recipes.hpp: for each catalog pair the mock models, the REST calls that make it fire
// ("recipes"), walked by catalog_walk_test.cpp against sdk/data/fineract-commands.tsv.
//
// A recipe prepares what its command needs through `setup()` (those calls must succeed; hooks are
// created only afterwards, so they fire nothing that counts) and returns the one call that must
// fire the pair. Each family registers its recipes in its own catalog_recipes_<family>.cpp:
//
//   const register_recipes kClientRecipes{{
//       {"CLIENT", "CLOSE", [](recipe_context& c) {
//          const auto id = c.active_client();
//          return command("/clients/" + std::to_string(id), "close",
//                         dated({{"closureDate", "20 May 2013"}, {"closureReasonId", 1}}));
//        }},
//   }};
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "portfolio_calls.hpp"
#include "server/mock_front.hpp"

namespace mifos::mock::catalog_test {

using portfolio_test::dated;
using portfolio_test::json;
using portfolio_test::make_call;
using portfolio_test::query;

class recipe_context {
 public:
  explicit recipe_context(mock_front& front) : front_(front) {}

  // Runs a call that must succeed (2xx; a failed expectation otherwise) and returns its body.
  json setup(const rest_call& call);

  // Common starting points; each call makes a new one and returns its id.
  std::int64_t pending_client();
  std::int64_t active_client();
  std::int64_t submitted_loan(std::int64_t client_id);
  std::int64_t approved_loan(std::int64_t client_id);
  std::int64_t disbursed_loan(std::int64_t client_id);
  std::int64_t submitted_savings(std::int64_t client_id);
  std::int64_t active_savings(std::int64_t client_id);  // with 1000.00 deposited

 private:
  mock_front& front_;
};

inline rest_call with_method(std::string method, std::string path, json body = json::object(),
                             query q = {}) {
  return make_call(std::move(method), std::move(path), std::move(body), std::move(q));
}
inline rest_call post(std::string path, json body, query q = {}) {
  return with_method("POST", std::move(path), std::move(body), std::move(q));
}
// POST path?command=name
inline rest_call command(std::string path, std::string name, json body = json::object()) {
  return with_method("POST", std::move(path), std::move(body), {{"command", std::move(name)}});
}
inline rest_call put(std::string path, json body) {
  return with_method("PUT", std::move(path), std::move(body));
}
inline rest_call del(std::string path) { return with_method("DELETE", std::move(path), nullptr); }

inline std::string id_path(const std::string& base, std::int64_t id) {
  return base + "/" + std::to_string(id);
}

// The bodies of the usual applications, dated 14 May 2013 (submitted) and after.
json client_application(bool active);
json loan_application(std::int64_t client_id);
json savings_application(std::int64_t client_id);

struct pair_recipe {
  std::string entity;
  std::string action;
  std::function<rest_call(recipe_context&)> prepare;
};

// Every registered recipe, in registration order.
std::vector<pair_recipe>& recipes();

struct register_recipes {
  register_recipes(std::vector<pair_recipe> list) {
    for (auto& r : list) recipes().push_back(std::move(r));
  }
};

}  // namespace mifos::mock::catalog_test
