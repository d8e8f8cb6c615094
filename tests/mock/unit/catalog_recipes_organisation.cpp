// catalog_recipes_organisation.cpp: offices, the hooks admin API and accounting
// (catalog_recipes.hpp says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

json web_hook(const char* name) {
  return {{"name", "Web"},
          {"displayName", name},
          {"isActive", true},
          {"events", {{{"entityName", "CLIENT"}, {"actionName", "CREATE"}}}},
          {"config", {{"Payload URL", "http://127.0.0.1:9/hooks/"}, {"Content Type", "json"}}}};
}

std::int64_t new_hook(recipe_context& c) {
  return c.setup(post("/hooks", web_hook("subject")))["resourceId"].get<std::int64_t>();
}

const register_recipes kOrganisationRecipes{{
    {"OFFICE", "CREATE",
     [](recipe_context&) {
       return post(
           "/offices",
           dated({{"name", "Nairobi"}, {"parentId", 1}, {"openingDate", "01 January 2013"}}));
     }},
    {"HOOK", "CREATE", [](recipe_context&) { return post("/hooks", web_hook("subject")); }},
    {"HOOK", "UPDATE",
     [](recipe_context& c) { return put(id_path("/hooks", new_hook(c)), web_hook("renamed")); }},
    {"HOOK", "DELETE", [](recipe_context& c) { return del(id_path("/hooks", new_hook(c))); }},
    {"JOURNALENTRY", "CREATE",
     [](recipe_context&) {
       return post("/journalentries",
                   dated({{"officeId", 1},
                          {"transactionDate", "14 May 2013"},
                          {"currencyCode", "USD"},
                          {"credits", {{{"glAccountId", 4}, {"amount", "100.00"}}}},
                          {"debits", {{{"glAccountId", 9}, {"amount", "100.00"}}}},
                          {"comments", "cash count"}}));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
