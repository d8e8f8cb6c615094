// catalog_recipes_clients.cpp: the CLIENT, CLIENTIDENTIFIER and STAFF pairs (catalog_recipes.hpp
// says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

// A loan officer of the head office; returns its id.
std::int64_t loan_officer(recipe_context& c) {
  return c
      .setup(post("/staff", dated({{"officeId", 1},
                                   {"firstname", "Lena"},
                                   {"lastname", "Okafor"},
                                   {"isLoanOfficer", true},
                                   {"joiningDate", "01 January 2013"}})))["resourceId"]
      .get<std::int64_t>();
}

// A branch under the head office; returns its id.
std::int64_t branch(recipe_context& c) {
  return c
      .setup(post("/offices", dated({{"name", "Riverside Branch"},
                                     {"parentId", 1},
                                     {"openingDate", "01 January 2013"}})))["resourceId"]
      .get<std::int64_t>();
}

std::string client_path(std::int64_t id) { return id_path("/clients", id); }

// An active client with a transfer to a new branch proposed; returns the client's id.
std::int64_t client_in_transfer(recipe_context& c) {
  const auto id = c.active_client();
  c.setup(command(client_path(id), "proposeTransfer", {{"destinationOfficeId", branch(c)}}));
  return id;
}

json closing() { return dated({{"closureDate", "20 May 2013"}, {"closureReasonId", 1}}); }
// A pending client is submitted on the call's day, 24 October 2024 (portfolio_calls.hpp kNow);
// rejection, withdrawal and reopening may not be earlier, and reopening not later.
json rejecting() { return dated({{"rejectionDate", "24 October 2024"}, {"rejectionReasonId", 1}}); }
json withdrawing() {
  return dated({{"withdrawalDate", "24 October 2024"}, {"withdrawalReasonId", 1}});
}
json reopening() { return dated({{"reopenedDate", "24 October 2024"}}); }
json passport(const char* key) {
  return {{"documentTypeId", 1}, {"documentKey", key}, {"status", "ACTIVE"}};
}

const register_recipes kClientRecipes{{
    {"CLIENT", "CREATE",
     [](recipe_context&) { return post("/clients", client_application(true)); }},
    {"CLIENT", "ACTIVATE",
     [](recipe_context& c) {
       return command(client_path(c.pending_client()), "activate",
                      dated({{"activationDate", "15 May 2013"}}));
     }},
    {"CLIENT", "UPDATE",
     [](recipe_context& c) {
       return put(client_path(c.active_client()), {{"mobileNo", "+254700000002"}});
     }},
    {"CLIENT", "DELETE", [](recipe_context& c) { return del(client_path(c.pending_client())); }},
    {"CLIENT", "CLOSE",
     [](recipe_context& c) { return command(client_path(c.active_client()), "close", closing()); }},
    {"CLIENT", "REJECT",
     [](recipe_context& c) {
       return command(client_path(c.pending_client()), "reject", rejecting());
     }},
    {"CLIENT", "WITHDRAW",
     [](recipe_context& c) {
       return command(client_path(c.pending_client()), "withdraw", withdrawing());
     }},
    {"CLIENT", "REACTIVATE",
     [](recipe_context& c) {
       const auto id = c.active_client();
       c.setup(command(client_path(id), "close", closing()));
       return command(client_path(id), "reactivate", dated({{"reactivationDate", "21 May 2013"}}));
     }},
    {"CLIENT", "UNDOREJECT",
     [](recipe_context& c) {
       const auto id = c.pending_client();
       c.setup(command(client_path(id), "reject", rejecting()));
       return command(client_path(id), "undoRejection", reopening());
     }},
    {"CLIENT", "UNDOWITHDRAWAL",
     [](recipe_context& c) {
       const auto id = c.pending_client();
       c.setup(command(client_path(id), "withdraw", withdrawing()));
       return command(client_path(id), "undoWithdrawal", reopening());
     }},
    {"CLIENT", "ASSIGNSTAFF",
     [](recipe_context& c) {
       const auto staff = loan_officer(c);
       return command(client_path(c.active_client()), "assignStaff", {{"staffId", staff}});
     }},
    {"CLIENT", "UNASSIGNSTAFF",
     [](recipe_context& c) {
       const auto staff = loan_officer(c);
       const auto id = c.active_client();
       c.setup(command(client_path(id), "assignStaff", {{"staffId", staff}}));
       return command(client_path(id), "unassignStaff", {{"staffId", staff}});
     }},
    {"CLIENT", "UPDATESAVINGSACCOUNT",
     [](recipe_context& c) {
       const auto id = c.active_client();
       const auto savings = c.active_savings(id);
       return command(client_path(id), "updateSavingsAccount", {{"savingsAccountId", savings}});
     }},
    {"CLIENT", "PROPOSETRANSFER",
     [](recipe_context& c) {
       const auto office = branch(c);
       return command(client_path(c.active_client()), "proposeTransfer",
                      {{"destinationOfficeId", office}});
     }},
    {"CLIENT", "ACCEPTTRANSFER",
     [](recipe_context& c) {
       return command(client_path(client_in_transfer(c)), "acceptTransfer");
     }},
    {"CLIENT", "REJECTTRANSFER",
     [](recipe_context& c) {
       return command(client_path(client_in_transfer(c)), "rejectTransfer");
     }},
    {"CLIENT", "WITHDRAWTRANSFER",
     [](recipe_context& c) {
       return command(client_path(client_in_transfer(c)), "withdrawTransfer");
     }},
    {"CLIENT", "PROPOSEANDACCEPTTRANSFER",
     [](recipe_context& c) {
       const auto office = branch(c);
       return command(client_path(c.active_client()), "proposeAndAcceptTransfer",
                      {{"destinationOfficeId", office}});
     }},
    {"CLIENTIDENTIFIER", "CREATE",
     [](recipe_context& c) {
       return post(client_path(c.active_client()) + "/identifiers", passport("P1234567"));
     }},
    {"CLIENTIDENTIFIER", "UPDATE",
     [](recipe_context& c) {
       const auto path = client_path(c.active_client()) + "/identifiers";
       const auto id = c.setup(post(path, passport("P1234567")))["resourceId"].get<std::int64_t>();
       return put(id_path(path, id), {{"documentKey", "P7654321"}});
     }},
    {"CLIENTIDENTIFIER", "DELETE",
     [](recipe_context& c) {
       const auto path = client_path(c.active_client()) + "/identifiers";
       const auto id = c.setup(post(path, passport("P1234567")))["resourceId"].get<std::int64_t>();
       return del(id_path(path, id));
     }},
    {"STAFF", "CREATE",
     [](recipe_context&) {
       return post("/staff", dated({{"officeId", 1},
                                    {"firstname", "Lena"},
                                    {"lastname", "Okafor"},
                                    {"joiningDate", "01 January 2013"}}));
     }},
    {"STAFF", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/staff", loan_officer(c)), {{"mobileNo", "+254700000009"}});
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
