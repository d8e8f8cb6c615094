// catalog_recipes_client_contacts.cpp: the FAMILYMEMBERS and ADDRESS pairs (catalog_recipes.hpp
// says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

std::string family_path(std::int64_t client_id) {
  return "/clients/" + std::to_string(client_id) + "/familymembers";
}
std::string address_path(std::int64_t client_id) {
  return "/client/" + std::to_string(client_id) + "/addresses";
}

json family_member() {
  return dated({{"firstName", "Amani"},
                {"lastName", "Mwangi"},
                {"relationshipId", 17},
                {"genderId", 15},
                {"isDependent", true},
                {"dateOfBirth", "02 March 2005"}});
}

json address() { return {{"addressLine1", "12 Moi Avenue"}, {"city", "Nairobi"}}; }

// Creates a family member of a new active client; returns {client id, member id}.
std::pair<std::int64_t, std::int64_t> member(recipe_context& c) {
  const auto client_id = c.active_client();
  const auto id = c.setup(post(family_path(client_id), family_member()))["resourceId"];
  return {client_id, id.get<std::int64_t>()};
}

const register_recipes kClientContactRecipes{{
    {"FAMILYMEMBERS", "CREATE",
     [](recipe_context& c) { return post(family_path(c.active_client()), family_member()); }},
    {"FAMILYMEMBERS", "UPDATE",
     [](recipe_context& c) {
       const auto [client_id, id] = member(c);
       return put(id_path(family_path(client_id), id), {{"mobileNumber", "+254700000042"}});
     }},
    {"FAMILYMEMBERS", "DELETE",
     [](recipe_context& c) {
       const auto [client_id, id] = member(c);
       return del(id_path(family_path(client_id), id));
     }},
    {"ADDRESS", "CREATE",
     [](recipe_context& c) {
       return post(address_path(c.active_client()), address(), {{"type", "1"}});
     }},
    {"ADDRESS", "UPDATE",
     [](recipe_context& c) {
       const auto client_id = c.active_client();
       const auto id =
           c.setup(post(address_path(client_id), address(), {{"type", "1"}}))["resourceId"]
               .get<std::int64_t>();
       return put(address_path(client_id), {{"addressId", id}, {"postalCode", "00100"}});
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
