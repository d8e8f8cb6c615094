// catalog_recipes_groups_more.cpp: the GROUP and CENTER commands beyond create and activate,
// the collection sheets and the savings officer pairs (catalog_recipes.hpp says how recipes
// work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

json pending(const char* name) { return {{"officeId", 1}, {"name", name}, {"active", false}}; }

std::int64_t new_group(recipe_context& c, const char* path = "/groups") {
  return c.setup(post(path, pending("Sunrise")))["resourceId"].get<std::int64_t>();
}

// A loan officer of the head office; returns its id.
std::int64_t officer(recipe_context& c) {
  return c
      .setup(post("/staff", dated({{"officeId", 1},
                                   {"firstname", "Lena"},
                                   {"lastname", "Okafor"},
                                   {"isLoanOfficer", true},
                                   {"joiningDate", "01 January 2013"}})))["resourceId"]
      .get<std::int64_t>();
}

std::string group_path(std::int64_t id) { return id_path("/groups", id); }
std::string center_path(std::int64_t id) { return id_path("/centers", id); }

json closing() { return dated({{"closureDate", "20 May 2013"}, {"closureReasonId", 1}}); }

// A sheet repaying a disbursed loan and depositing to an active savings account.
json sheet(recipe_context& c, bool with_calendar) {
  const auto client = c.active_client();
  const auto loan = c.disbursed_loan(client);
  const auto savings = c.active_savings(client);
  json body = dated({{"transactionDate", "14 June 2013"},
                     {"bulkRepaymentTransactions",
                      json::array({{{"loanId", loan}, {"transactionAmount", "100.00"}}})},
                     {"bulkSavingsDueTransactions",
                      json::array({{{"savingsId", savings}, {"transactionAmount", "50.00"}}})}});
  if (with_calendar) body["calendarId"] = 1;
  return body;
}

const register_recipes kGroupMoreRecipes{{
    {"GROUP", "UPDATE",
     [](recipe_context& c) {
       return put(group_path(new_group(c)), {{"name", "Sunset"}});
     }},
    {"GROUP", "DELETE", [](recipe_context& c) { return del(group_path(new_group(c))); }},
    {"GROUP", "ASSOCIATECLIENTS",
     [](recipe_context& c) {
       const auto id = new_group(c);
       return command(group_path(id), "associateClients",
                      {{"clientMembers", json::array({c.active_client()})}});
     }},
    {"GROUP", "DISASSOCIATECLIENTS",
     [](recipe_context& c) {
       const auto id = new_group(c);
       const json members = {{"clientMembers", json::array({c.active_client()})}};
       c.setup(command(group_path(id), "associateClients", members));
       return command(group_path(id), "disassociateClients", members);
     }},
    {"GROUP", "ASSIGNSTAFF",
     [](recipe_context& c) {
       return command(group_path(new_group(c)), "assignStaff", {{"staffId", officer(c)}});
     }},
    {"GROUP", "UNASSIGNSTAFF",
     [](recipe_context& c) {
       const auto id = new_group(c);
       const json staff = {{"staffId", officer(c)}};
       c.setup(command(group_path(id), "assignStaff", staff));
       return command(group_path(id), "unassignStaff", staff);
     }},
    {"GROUP", "CLOSE",
     [](recipe_context& c) { return command(group_path(new_group(c)), "close", closing()); }},
    {"GROUP", "SAVECOLLECTIONSHEET",
     [](recipe_context& c) {
       const auto id = new_group(c);
       return command(group_path(id), "saveCollectionSheet", sheet(c, true));
     }},
    {"CENTER", "UPDATE",
     [](recipe_context& c) {
       return put(center_path(new_group(c, "/centers")), {{"name", "Lakeside"}});
     }},
    {"CENTER", "DELETE",
     [](recipe_context& c) { return del(center_path(new_group(c, "/centers"))); }},
    {"CENTER", "ASSOCIATEGROUPS",
     [](recipe_context& c) {
       const auto center = new_group(c, "/centers");
       return command(center_path(center), "associateGroups",
                      {{"groupMembers", json::array({new_group(c)})}});
     }},
    {"CENTER", "DISASSOCIATEGROUPS",
     [](recipe_context& c) {
       const auto center = new_group(c, "/centers");
       const json members = {{"groupMembers", json::array({new_group(c)})}};
       c.setup(command(center_path(center), "associateGroups", members));
       return command(center_path(center), "disassociateGroups", members);
     }},
    {"CENTER", "CLOSE",
     [](recipe_context& c) {
       return command(center_path(new_group(c, "/centers")), "close", closing());
     }},
    {"CENTER", "SAVECOLLECTIONSHEET",
     [](recipe_context& c) {
       const auto id = new_group(c, "/centers");
       return command(center_path(id), "saveCollectionSheet", sheet(c, true));
     }},
    {"COLLECTIONSHEET", "SAVE",
     [](recipe_context& c) {
       return command("/collectionsheet", "saveCollectionSheet", sheet(c, false));
     }},
    {"SAVINGSACCOUNT", "UPDATESAVINGSOFFICER",
     [](recipe_context& c) {
       const auto id = c.submitted_savings(c.active_client());
       return command(
           id_path("/savingsaccounts", id), "assignSavingsOfficer",
           dated({{"toSavingsOfficerId", officer(c)}, {"assignmentDate", "15 May 2013"}}));
     }},
    {"SAVINGSACCOUNT", "REMOVESAVINGSOFFICER",
     [](recipe_context& c) {
       const auto id = c.submitted_savings(c.active_client());
       c.setup(
           command(id_path("/savingsaccounts", id), "assignSavingsOfficer",
                   dated({{"toSavingsOfficerId", officer(c)}, {"assignmentDate", "15 May 2013"}})));
       return command(id_path("/savingsaccounts", id), "unassignSavingsOfficer",
                      dated({{"unassignedDate", "16 May 2013"}}));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
