// catalog_recipes_clients.cpp: the CLIENT pairs (catalog_recipes.hpp says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

const register_recipes kClientRecipes{{
    {"CLIENT", "CREATE",
     [](recipe_context&) { return post("/clients", client_application(true)); }},
    {"CLIENT", "ACTIVATE",
     [](recipe_context& c) {
       return command(id_path("/clients", c.pending_client()), "activate",
                      dated({{"activationDate", "15 May 2013"}}));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
