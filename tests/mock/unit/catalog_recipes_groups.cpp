// catalog_recipes_groups.cpp: the GROUP and CENTER pairs (catalog_recipes.hpp says how recipes
// work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

json pending(const char* name) { return {{"officeId", 1}, {"name", name}, {"active", false}}; }

const register_recipes kGroupRecipes{{
    {"GROUP", "CREATE", [](recipe_context&) { return post("/groups", pending("Sunrise")); }},
    {"GROUP", "ACTIVATE",
     [](recipe_context& c) {
       const auto id = c.setup(post("/groups", pending("Sunrise")))["resourceId"].get<int>();
       return command(id_path("/groups", id), "activate",
                      dated({{"activationDate", "15 May 2013"}}));
     }},
    {"CENTER", "CREATE", [](recipe_context&) { return post("/centers", pending("Hilltop")); }},
    {"CENTER", "ACTIVATE",
     [](recipe_context& c) {
       const auto id = c.setup(post("/centers", pending("Hilltop")))["resourceId"].get<int>();
       return command(id_path("/centers", id), "activate",
                      dated({{"activationDate", "15 May 2013"}}));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
