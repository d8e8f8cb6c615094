// catalog_recipes_accounting.cpp: the chart of accounts, closures, accounting rules, financial
// activity accounts, journal entry commands, accruals, charges and the client, loan and group
// notes (catalog_recipes.hpp says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

std::int64_t resource_id(const json& result) { return result["resourceId"].get<std::int64_t>(); }

json header_account() {
  return {{"name", "Other assets"},
          {"glCode", "19000"},
          {"type", 1},
          {"usage", 2},
          {"manualEntriesAllowed", true}};
}

std::int64_t new_account(recipe_context& c) {
  return resource_id(c.setup(post("/glaccounts", header_account())));
}

std::int64_t new_closure(recipe_context& c) {
  return resource_id(
      c.setup(post("/glclosures", dated({{"officeId", 1}, {"closingDate", "31 May 2013"}}))));
}

std::int64_t new_rule(recipe_context& c) {
  return resource_id(c.setup(post(
      "/accountingrules",
      {{"name", "Cash count"}, {"officeId", 1}, {"accountToDebit", 1}, {"accountToCredit", 9}})));
}

std::int64_t new_mapping(recipe_context& c, int activity, int account) {
  return resource_id(c.setup(post("/financialactivityaccounts",
                                  {{"financialActivityId", activity}, {"glAccountId", account}})));
}

json entry(const char* date) {
  return dated({{"officeId", 1},
                {"transactionDate", date},
                {"currencyCode", "USD"},
                {"credits", {{{"glAccountId", 9}, {"amount", "100.00"}}}},
                {"debits", {{{"glAccountId", 1}, {"amount", "100.00"}}}}});
}

json charge(const char* name) {
  return {{"name", name},
          {"currencyCode", "USD"},
          {"chargeAppliesTo", 1},
          {"chargeTimeType", 2},
          {"chargeCalculationType", 1},
          {"amount", "15.00"},
          {"locale", "en"},
          {"active", true},
          {"penalty", false}};
}

std::int64_t new_charge(recipe_context& c) {
  return resource_id(c.setup(post("/charges", charge("Processing fee"))));
}

std::string group_path(recipe_context& c) {
  return id_path("/groups",
                 resource_id(c.setup(
                     post("/groups", {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}}))));
}

// A note on `owner`, returning the note's path.
std::string new_note(recipe_context& c, const std::string& owner) {
  return id_path(owner + "/notes", resource_id(c.setup(post(owner + "/notes", {{"note", "Met"}}))));
}

const register_recipes kAccountingRecipes{{
    {"GLACCOUNT", "CREATE", [](recipe_context&) { return post("/glaccounts", header_account()); }},
    {"GLACCOUNT", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/glaccounts", new_account(c)), {{"name", "Sundry assets"}});
     }},
    {"GLACCOUNT", "DELETE",
     [](recipe_context& c) { return del(id_path("/glaccounts", new_account(c))); }},
    {"GLCLOSURE", "CREATE",
     [](recipe_context&) {
       return post("/glclosures", dated({{"officeId", 1}, {"closingDate", "31 May 2013"}}));
     }},
    {"GLCLOSURE", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/glclosures", new_closure(c)), {{"comments", "month end"}});
     }},
    {"GLCLOSURE", "DELETE",
     [](recipe_context& c) { return del(id_path("/glclosures", new_closure(c))); }},
    {"ACCOUNTINGRULE", "CREATE",
     [](recipe_context&) {
       return post("/accountingrules", {{"name", "Cash count"},
                                        {"officeId", 1},
                                        {"accountToDebit", 1},
                                        {"accountToCredit", 9}});
     }},
    {"ACCOUNTINGRULE", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/accountingrules", new_rule(c)), {{"description", "daily"}});
     }},
    {"ACCOUNTINGRULE", "DELETE",
     [](recipe_context& c) { return del(id_path("/accountingrules", new_rule(c))); }},
    {"FINANCIALACTIVITYACCOUNT", "CREATE",
     [](recipe_context&) {
       return post("/financialactivityaccounts",
                   {{"financialActivityId", 100}, {"glAccountId", 4}});
     }},
    {"FINANCIALACTIVITYACCOUNT", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/financialactivityaccounts", new_mapping(c, 100, 4)),
                  {{"glAccountId", 2}});
     }},
    {"FINANCIALACTIVITYACCOUNT", "DELETE",
     [](recipe_context& c) {
       return del(id_path("/financialactivityaccounts", new_mapping(c, 100, 4)));
     }},
    {"JOURNALENTRY", "REVERSE",
     [](recipe_context& c) {
       const std::string id =
           c.setup(post("/journalentries", entry("14 May 2013")))["transactionId"];
       return command("/journalentries/" + id, "reverse");
     }},
    {"JOURNALENTRY", "DEFINEOPENINGBALANCE",
     [](recipe_context& c) {
       new_mapping(c, 300, 7);
       json body = entry("01 May 2013");
       body.erase("credits");
       return command("/journalentries", "defineOpeningBalance", body);
     }},
    {"JOURNALENTRY", "UPDATERUNNINGBALANCE",
     [](recipe_context&) {
       return command("/journalentries", "updateRunningBalance", {{"officeId", 1}});
     }},
    {"PERIODICACCRUALACCOUNTING", "EXECUTE",
     [](recipe_context&) {
       return post("/runaccruals", dated({{"tillDate", "31 May 2013"}}));
     }},
    {"CHARGE", "CREATE",
     [](recipe_context&) { return post("/charges", charge("Processing fee")); }},
    {"CHARGE", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/charges", new_charge(c)), {{"amount", "20.00"}, {"locale", "en"}});
     }},
    {"CHARGE", "DELETE", [](recipe_context& c) { return del(id_path("/charges", new_charge(c))); }},
    {"CLIENTNOTE", "CREATE",
     [](recipe_context& c) {
       return post(id_path("/clients", c.active_client()) + "/notes", {{"note", "Met"}});
     }},
    {"CLIENTNOTE", "UPDATE",
     [](recipe_context& c) {
       return put(new_note(c, id_path("/clients", c.active_client())), {{"note", "Met twice"}});
     }},
    {"CLIENTNOTE", "DELETE",
     [](recipe_context& c) { return del(new_note(c, id_path("/clients", c.active_client()))); }},
    {"LOANNOTE", "CREATE",
     [](recipe_context& c) {
       return post(id_path("/loans", c.submitted_loan(c.active_client())) + "/notes",
                   {{"note", "Met"}});
     }},
    {"LOANNOTE", "UPDATE",
     [](recipe_context& c) {
       return put(new_note(c, id_path("/loans", c.submitted_loan(c.active_client()))),
                  {{"note", "Met twice"}});
     }},
    {"LOANNOTE", "DELETE",
     [](recipe_context& c) {
       return del(new_note(c, id_path("/loans", c.submitted_loan(c.active_client()))));
     }},
    {"GROUPNOTE", "CREATE",
     [](recipe_context& c) {
       return post(group_path(c) + "/notes", {{"note", "Met"}});
     }},
    {"GROUPNOTE", "UPDATE",
     [](recipe_context& c) {
       return put(new_note(c, group_path(c)), {{"note", "Met twice"}});
     }},
    {"GROUPNOTE", "DELETE", [](recipe_context& c) { return del(new_note(c, group_path(c))); }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
