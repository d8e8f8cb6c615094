// catalog_recipes_meetings.cpp: group roles and client transfers between groups, calendars and
// meetings, client charges and their transactions, loan transaction notes and the undo of a
// loan charge waiver (catalog_recipes.hpp says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

std::int64_t resource_of(const json& result) { return result["resourceId"].get<std::int64_t>(); }

// An active group of the head office (from 15 May 2013) with `member` in it.
std::int64_t group_with(recipe_context& c, std::int64_t member) {
  return resource_of(c.setup(post("/groups", dated({{"officeId", 1},
                                                    {"name", "Sunrise"},
                                                    {"active", true},
                                                    {"activationDate", "15 May 2013"},
                                                    {"clientMembers", json::array({member})}}))));
}

std::string group_path(std::int64_t id) { return id_path("/groups", id); }

json weekly_calendar() {
  return dated({{"title", "Monday collection"},
                {"startDate", "20 May 2013"},
                {"typeId", 1},
                {"repeating", true},
                {"frequency", 2},
                {"interval", 1},
                {"repeatsOnDay", 1}});
}

// A group with a weekly Monday calendar; returns {group id, calendar id}.
std::pair<std::int64_t, std::int64_t> group_calendar(recipe_context& c, std::int64_t member) {
  const auto group = group_with(c, member);
  const auto calendar =
      resource_of(c.setup(post(group_path(group) + "/calendars", weekly_calendar())));
  return {group, calendar};
}

json meeting(std::int64_t calendar, std::int64_t member) {
  return dated(
      {{"meetingDate", "27 May 2013"},
       {"calendarId", calendar},
       {"clientsAttendance", json::array({{{"clientId", member}, {"attendanceType", 1}}})}});
}

// A charge definition for clients (25.00); returns its id.
std::int64_t client_charge_definition(recipe_context& c) {
  return resource_of(c.setup(post("/charges", {{"name", "Membership fee"},
                                               {"currencyCode", "USD"},
                                               {"chargeAppliesTo", 3},
                                               {"chargeTimeType", 2},
                                               {"chargeCalculationType", 1},
                                               {"amount", "25.00"},
                                               {"locale", "en"},
                                               {"active", true},
                                               {"penalty", false}})));
}

json applied(std::int64_t definition) {
  return dated({{"chargeId", definition}, {"amount", "25.00"}, {"dueDate", "20 May 2013"}});
}

// An active client with a client charge applied; returns {client id, client charge id}.
std::pair<std::int64_t, std::int64_t> client_with_charge(recipe_context& c) {
  const auto definition = client_charge_definition(c);
  const auto client = c.active_client();
  return {
      client,
      resource_of(c.setup(post(id_path("/clients", client) + "/charges", applied(definition))))};
}

std::string charge_path(std::int64_t client, std::int64_t charge) {
  return id_path(id_path("/clients", client) + "/charges", charge);
}

json payment() { return dated({{"amount", "25.00"}, {"transactionDate", "21 May 2013"}}); }

// The repayment transaction of a disbursed loan; returns its id.
std::int64_t loan_transaction(recipe_context& c) {
  const auto loan = c.disbursed_loan(c.active_client());
  return c
      .setup(post(id_path("/loans", loan) + "/transactions",
                  dated({{"transactionDate", "14 June 2013"}, {"transactionAmount", "100.00"}}),
                  {{"command", "repayment"}}))["resourceId"]
      .get<std::int64_t>();
}

std::string note_path(std::int64_t transaction) {
  return id_path("/loanTransactions", transaction) + "/notes";
}

const register_recipes kMeetingRecipes{{
    {"GROUP", "ASSIGNROLE",
     [](recipe_context& c) {
       const auto member = c.active_client();
       return command(group_path(group_with(c, member)), "assignRole",
                      {{"role", 8}, {"clientId", member}});
     }},
    {"GROUP", "UPDATEROLE",
     [](recipe_context& c) {
       const auto member = c.active_client();
       const auto group = group_with(c, member);
       const auto role = resource_of(
           c.setup(command(group_path(group), "assignRole", {{"role", 8}, {"clientId", member}})));
       return with_method("POST", group_path(group), {{"role", 9}},
                          {{"command", "updateRole"}, {"roleId", std::to_string(role)}});
     }},
    {"GROUP", "UNASSIGNROLE",
     [](recipe_context& c) {
       const auto member = c.active_client();
       const auto group = group_with(c, member);
       const auto role = resource_of(
           c.setup(command(group_path(group), "assignRole", {{"role", 8}, {"clientId", member}})));
       return with_method("POST", group_path(group), json::object(),
                          {{"command", "unassignRole"}, {"roleId", std::to_string(role)}});
     }},
    {"GROUP", "TRANSFERCLIENTS",
     [](recipe_context& c) {
       const auto member = c.active_client();
       const auto source = group_with(c, member);
       const auto destination = group_with(c, c.active_client());
       return command(group_path(source), "transferClients",
                      {{"destinationGroupId", destination},
                       {"clients", json::array({{{"id", member}}})},
                       {"inheritDestinationGroupLoanOfficer", true}});
     }},
    {"CALENDAR", "CREATE",
     [](recipe_context& c) {
       return post(group_path(group_with(c, c.active_client())) + "/calendars", weekly_calendar());
     }},
    {"CALENDAR", "UPDATE",
     [](recipe_context& c) {
       const auto [group, calendar] = group_calendar(c, c.active_client());
       return put(id_path(group_path(group) + "/calendars", calendar),
                  {{"title", "Tuesday collection"}});
     }},
    {"CALENDAR", "DELETE",
     [](recipe_context& c) {
       const auto [group, calendar] = group_calendar(c, c.active_client());
       return del(id_path(group_path(group) + "/calendars", calendar));
     }},
    {"MEETING", "CREATE",
     [](recipe_context& c) {
       const auto member = c.active_client();
       const auto [group, calendar] = group_calendar(c, member);
       return post(group_path(group) + "/meetings", meeting(calendar, member));
     }},
    {"MEETING", "UPDATE",
     [](recipe_context& c) {
       const auto member = c.active_client();
       const auto [group, calendar] = group_calendar(c, member);
       const auto id =
           resource_of(c.setup(post(group_path(group) + "/meetings", meeting(calendar, member))));
       return put(id_path(group_path(group) + "/meetings", id),
                  dated({{"calendarId", calendar}, {"meetingDate", "03 June 2013"}}));
     }},
    {"MEETING", "DELETE",
     [](recipe_context& c) {
       const auto member = c.active_client();
       const auto [group, calendar] = group_calendar(c, member);
       const auto id =
           resource_of(c.setup(post(group_path(group) + "/meetings", meeting(calendar, member))));
       return del(id_path(group_path(group) + "/meetings", id));
     }},
    {"MEETING", "SAVEORUPDATEATTENDANCE",
     [](recipe_context& c) {
       const auto member = c.active_client();
       const auto [group, calendar] = group_calendar(c, member);
       const auto id =
           resource_of(c.setup(post(group_path(group) + "/meetings", meeting(calendar, member))));
       return command(
           id_path(group_path(group) + "/meetings", id), "saveOrUpdateAttendance",
           {{"clientsAttendance", json::array({{{"clientId", member}, {"attendanceType", 2}}})}});
     }},
    {"CLIENTCHARGE", "CREATE",
     [](recipe_context& c) {
       const auto definition = client_charge_definition(c);
       return post(id_path("/clients", c.active_client()) + "/charges", applied(definition));
     }},
    {"CLIENTCHARGE", "DELETE",
     [](recipe_context& c) {
       const auto [client, charge] = client_with_charge(c);
       return del(charge_path(client, charge));
     }},
    {"CLIENTCHARGE", "PAY",
     [](recipe_context& c) {
       const auto [client, charge] = client_with_charge(c);
       return command(charge_path(client, charge), "paycharge", payment());
     }},
    {"CLIENTCHARGE", "WAIVE",
     [](recipe_context& c) {
       const auto [client, charge] = client_with_charge(c);
       return command(charge_path(client, charge), "waive");
     }},
    {"CLIENT", "UNDOTRANSACTION",
     [](recipe_context& c) {
       const auto [client, charge] = client_with_charge(c);
       const auto paid = c.setup(command(charge_path(client, charge), "paycharge", payment()));
       return command(id_path(id_path("/clients", client) + "/transactions",
                              paid["subResourceId"].get<std::int64_t>()),
                      "undo");
     }},
    {"LOANTRANSACTIONNOTE", "CREATE",
     [](recipe_context& c) {
       return post(note_path(loan_transaction(c)), {{"note", "Paid at the branch"}});
     }},
    {"LOANTRANSACTIONNOTE", "UPDATE",
     [](recipe_context& c) {
       const auto transaction = loan_transaction(c);
       const auto note =
           resource_of(c.setup(post(note_path(transaction), {{"note", "Paid at the branch"}})));
       return put(id_path(note_path(transaction), note), {{"note", "Paid by the field officer"}});
     }},
    {"LOANTRANSACTIONNOTE", "DELETE",
     [](recipe_context& c) {
       const auto transaction = loan_transaction(c);
       const auto note =
           resource_of(c.setup(post(note_path(transaction), {{"note", "Paid at the branch"}})));
       return del(id_path(note_path(transaction), note));
     }},
    {"WAIVECHARGE", "UNDO",
     [](recipe_context& c) {
       const auto loan = c.submitted_loan(c.active_client());
       const std::string loan_path = id_path("/loans", loan);
       const auto charge = resource_of(c.setup(
           post(loan_path + "/charges",
                dated({{"chargeId", 1}, {"amount", "10.00"}, {"dueDate", "20 June 2013"}}))));
       c.setup(command(loan_path, "approve", dated({{"approvedOnDate", "15 May 2013"}})));
       c.setup(command(loan_path, "disburse", dated({{"actualDisbursementDate", "20 May 2013"}})));
       const auto waived = c.setup(command(id_path(loan_path + "/charges", charge), "waive"));
       return put(id_path(loan_path + "/transactions", waived["subResourceId"].get<std::int64_t>()),
                  json::object());
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
