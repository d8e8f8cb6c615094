// catalog_recipes_savings_lifecycle.cpp: the SAVINGSACCOUNT lifecycle, block, interest and
// transaction pairs, SAVINGSACCOUNTCHARGE waive/inactivate/update/delete, SAVINGNOTE,
// ACCOUNTTRANSFER and STANDINGINSTRUCTION (catalog_recipes.hpp says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

std::string account(std::int64_t id) { return id_path("/savingsaccounts", id); }

std::int64_t id_of(const json& result) { return result["resourceId"].get<std::int64_t>(); }

std::int64_t approved_savings(recipe_context& c) {
  const auto id = c.submitted_savings(c.active_client());
  c.setup(command(account(id), "approve", dated({{"approvedOnDate", "15 May 2013"}})));
  return id;
}

// An active account (1000.00 deposited) and the id of a 50.00 deposit on it.
std::pair<std::int64_t, std::int64_t> deposit_on_active(recipe_context& c) {
  const auto id = c.active_savings(c.active_client());
  const auto t =
      c.setup(command(account(id) + "/transactions", "deposit",
                      dated({{"transactionDate", "18 May 2013"}, {"transactionAmount", "50.00"}})));
  return {id, id_of(t)};
}

rest_call blocked(recipe_context& c, const char* block, const char* unblock) {
  const auto id = c.active_savings(c.active_client());
  c.setup(command(account(id), block, json{{"reasonForBlock", "court order"}}));
  return command(account(id), unblock);
}

std::int64_t charge_on(recipe_context& c, std::int64_t id) {
  return id_of(c.setup(
      post(account(id) + "/charges", dated({{"chargeId", 1}, {"dueDate", "30 May 2013"}}))));
}

json instruction(std::int64_t client, std::int64_t from, std::int64_t to) {
  return dated({{"name", "Monthly top-up"},
                {"fromOfficeId", 1},
                {"fromClientId", client},
                {"fromAccountType", 2},
                {"fromAccountId", from},
                {"toOfficeId", 1},
                {"toClientId", client},
                {"toAccountType", 2},
                {"toAccountId", to},
                {"transferType", 1},
                {"priority", 2},
                {"status", 1},
                {"instructionType", 1},
                {"amount", "25.00"},
                {"validFrom", "20 May 2013"},
                {"recurrenceType", 1},
                {"recurrenceFrequency", 2},
                {"recurrenceInterval", 1},
                {"monthDayFormat", "dd MMM"}});
}

std::int64_t standing_instruction(recipe_context& c) {
  const auto client = c.active_client();
  const auto from = c.active_savings(client), to = c.active_savings(client);
  return id_of(c.setup(post("/standinginstructions", instruction(client, from, to))));
}

json transfer(std::int64_t client, std::int64_t from, int to_type, std::int64_t to) {
  return dated({{"fromOfficeId", 1},
                {"fromClientId", client},
                {"fromAccountType", 2},
                {"fromAccountId", from},
                {"toOfficeId", 1},
                {"toClientId", client},
                {"toAccountType", to_type},
                {"toAccountId", to},
                {"transferDate", "20 May 2013"},
                {"transferAmount", "100.00"},
                {"transferDescription", "rent"}});
}

const register_recipes kSavingsLifecycleRecipes{{
    {"SAVINGSACCOUNT", "APPROVALUNDO",
     [](recipe_context& c) { return command(account(approved_savings(c)), "undoapproval"); }},
    {"SAVINGSACCOUNT", "REJECT",
     [](recipe_context& c) {
       return command(account(c.submitted_savings(c.active_client())), "reject",
                      dated({{"rejectedOnDate", "16 May 2013"}}));
     }},
    {"SAVINGSACCOUNT", "WITHDRAW",
     [](recipe_context& c) {
       return command(account(c.submitted_savings(c.active_client())), "withdrawnByApplicant",
                      dated({{"withdrawnOnDate", "16 May 2013"}}));
     }},
    {"SAVINGSACCOUNT", "CLOSE",
     [](recipe_context& c) {
       return command(account(c.active_savings(c.active_client())), "close",
                      dated({{"closedOnDate", "20 May 2013"}, {"withdrawBalance", true}}));
     }},
    {"SAVINGSACCOUNT", "UPDATE",
     [](recipe_context& c) {
       return with_method("PUT", account(c.submitted_savings(c.active_client())),
                          json{{"externalId", "SAV-7"}});
     }},
    {"SAVINGSACCOUNT", "DELETE",
     [](recipe_context& c) { return del(account(c.submitted_savings(c.active_client()))); }},
    {"SAVINGSACCOUNT", "BLOCK",
     [](recipe_context& c) {
       return command(account(c.active_savings(c.active_client())), "block",
                      json{{"reasonForBlock", "court order"}});
     }},
    {"SAVINGSACCOUNT", "UNBLOCK", [](recipe_context& c) { return blocked(c, "block", "unblock"); }},
    {"SAVINGSACCOUNT", "BLOCKDEBIT",
     [](recipe_context& c) {
       return command(account(c.active_savings(c.active_client())), "blockDebit",
                      json{{"reasonForBlock", "court order"}});
     }},
    {"SAVINGSACCOUNT", "UNBLOCKDEBIT",
     [](recipe_context& c) { return blocked(c, "blockDebit", "unblockDebit"); }},
    {"SAVINGSACCOUNT", "BLOCKCREDIT",
     [](recipe_context& c) {
       return command(account(c.active_savings(c.active_client())), "blockCredit",
                      json{{"reasonForBlock", "court order"}});
     }},
    {"SAVINGSACCOUNT", "UNBLOCKCREDIT",
     [](recipe_context& c) { return blocked(c, "blockCredit", "unblockCredit"); }},
    {"SAVINGSACCOUNT", "POSTINTEREST",
     [](recipe_context& c) {
       return command(account(c.active_savings(c.active_client())), "postInterest");
     }},
    {"SAVINGSACCOUNT", "CALCULATEINTEREST",
     [](recipe_context& c) {
       return command(account(c.active_savings(c.active_client())), "calculateInterest");
     }},
    {"SAVINGSACCOUNT", "HOLDAMOUNT",
     [](recipe_context& c) {
       return command(account(c.active_savings(c.active_client())) + "/transactions", "holdAmount",
                      dated({{"transactionDate", "20 May 2013"},
                             {"transactionAmount", "100.00"},
                             {"reasonForBlock", "lien"}}));
     }},
    {"SAVINGSACCOUNT", "RELEASEAMOUNT",
     [](recipe_context& c) {
       const auto id = c.active_savings(c.active_client());
       const auto hold = c.setup(command(account(id) + "/transactions", "holdAmount",
                                         dated({{"transactionDate", "20 May 2013"},
                                                {"transactionAmount", "100.00"},
                                                {"reasonForBlock", "lien"}})));
       return command(id_path(account(id) + "/transactions", id_of(hold)), "releaseAmount");
     }},
    {"SAVINGSACCOUNT", "UNDOTRANSACTION",
     [](recipe_context& c) {
       auto [id, t] = deposit_on_active(c);
       return command(id_path(account(id) + "/transactions", t), "undo");
     }},
    {"SAVINGSACCOUNT", "REVERSETRANSACTION",
     [](recipe_context& c) {
       auto [id, t] = deposit_on_active(c);
       return command(id_path(account(id) + "/transactions", t), "reverse");
     }},
    {"SAVINGSACCOUNT", "ADJUSTTRANSACTION",
     [](recipe_context& c) {
       auto [id, t] = deposit_on_active(c);
       return command(id_path(account(id) + "/transactions", t), "modify",
                      dated({{"transactionDate", "18 May 2013"}, {"transactionAmount", "60.00"}}));
     }},
    {"SAVINGSACCOUNTCHARGE", "WAIVE",
     [](recipe_context& c) {
       const auto id = c.active_savings(c.active_client());
       return command(id_path(account(id) + "/charges", charge_on(c, id)), "waive");
     }},
    {"SAVINGSACCOUNTCHARGE", "INACTIVATE",
     [](recipe_context& c) {
       const auto id = c.active_savings(c.active_client());
       return command(id_path(account(id) + "/charges", charge_on(c, id)), "inactivate",
                      dated({{"inactivationOnDate", "25 May 2013"}}));
     }},
    {"SAVINGSACCOUNTCHARGE", "UPDATE",
     [](recipe_context& c) {
       const auto id = c.submitted_savings(c.active_client());
       return put(id_path(account(id) + "/charges", charge_on(c, id)), dated({{"amount", "3.00"}}));
     }},
    {"SAVINGSACCOUNTCHARGE", "DELETE",
     [](recipe_context& c) {
       const auto id = c.submitted_savings(c.active_client());
       return del(id_path(account(id) + "/charges", charge_on(c, id)));
     }},
    {"SAVINGNOTE", "CREATE",
     [](recipe_context& c) {
       return post(id_path("/savings", c.submitted_savings(c.active_client())) + "/notes",
                   json{{"note", "Called the client"}});
     }},
    {"SAVINGNOTE", "UPDATE",
     [](recipe_context& c) {
       const auto path = id_path("/savings", c.submitted_savings(c.active_client())) + "/notes";
       const auto note = c.setup(post(path, json{{"note", "Called"}}));
       return put(id_path(path, id_of(note)), json{{"note", "Called twice"}});
     }},
    {"SAVINGNOTE", "DELETE",
     [](recipe_context& c) {
       const auto path = id_path("/savings", c.submitted_savings(c.active_client())) + "/notes";
       return del(id_path(path, id_of(c.setup(post(path, json{{"note", "Called"}})))));
     }},
    {"ACCOUNTTRANSFER", "CREATE",
     [](recipe_context& c) {
       const auto client = c.active_client();
       const auto from = c.active_savings(client), to = c.active_savings(client);
       return post("/accounttransfers", transfer(client, from, 2, to));
     }},
    {"STANDINGINSTRUCTION", "CREATE",
     [](recipe_context& c) {
       const auto client = c.active_client();
       const auto from = c.active_savings(client), to = c.active_savings(client);
       return post("/standinginstructions", instruction(client, from, to));
     }},
    {"STANDINGINSTRUCTION", "UPDATE",
     [](recipe_context& c) {
       return with_method("PUT", id_path("/standinginstructions", standing_instruction(c)),
                          dated({{"amount", "30.00"}, {"priority", 3}}), {{"command", "update"}});
     }},
    {"STANDINGINSTRUCTION", "DELETE",
     [](recipe_context& c) {
       return with_method("PUT", id_path("/standinginstructions", standing_instruction(c)),
                          json::object(), {{"command", "delete"}});
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
