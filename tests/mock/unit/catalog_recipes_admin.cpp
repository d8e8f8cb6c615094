// catalog_recipes_admin.cpp: administration and configuration records (mock-mifos/src/records:
// users, roles, codes, configurations, permissions, currencies, datatables, jobs, XBRL mapping,
// funds, holidays, working days, templates, payment types). catalog_recipes.hpp says how
// recipes work.
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

std::int64_t created(recipe_context& c, const std::string& path, const json& body) {
  return c.setup(post(path, body))["resourceId"].get<std::int64_t>();
}

json role_body(const char* name) { return {{"name", name}, {"description", "Tellers"}}; }

json user_body(std::int64_t role_id) {
  return {{"username", "teller1"},
          {"firstname", "Tess"},
          {"lastname", "Teller"},
          {"officeId", 1},
          {"roles", {role_id}},
          {"password", "Secret123"},
          {"repeatPassword", "Secret123"},
          {"sendPasswordToEmail", false}};
}

json holiday_body() {
  return dated({{"name", "Madaraka Day"},
                {"fromDate", "01 June 2013"},
                {"toDate", "01 June 2013"},
                {"repaymentsRescheduledTo", "03 June 2013"},
                {"offices", {{{"officeId", 1}}}}});
}

json mailing_job_body() {
  return {{"name", "Daily PAR"},
          {"startDateTime", "20 May 2013 08:00:00"},
          {"dateFormat", "dd MMMM yyyy HH:mm:ss"},
          {"locale", "en"},
          {"emailRecipients", "ops@example.org"},
          {"emailSubject", "PAR"},
          {"emailMessage", "Attached."},
          {"emailAttachmentFileFormatId", 1},
          {"stretchyReportId", 1},
          {"isActive", true}};
}

json datatable_body(const char* name) {
  return {{"datatableName", name},
          {"apptableName", "m_client"},
          {"multiRow", false},
          {"columns", {{{"name", "Occupation"}, {"type", "String"}, {"length", 50}}}}};
}

json template_body() {
  return {{"name", "Repayment SMS"},
          {"text", "Dear {{clientName}}, we received {{amount}}."},
          {"entity", 1},
          {"type", 2},
          {"mappers", json::array()}};
}

const register_recipes kAdminRecipes{{
    // authorisation
    {"USER", "CREATE",
     [](recipe_context& c) {
       return post("/users", user_body(created(c, "/roles", role_body("Teller"))));
     }},
    {"USER", "UPDATE",
     [](recipe_context& c) {
       const auto role = created(c, "/roles", role_body("Teller"));
       const auto user = created(c, "/users", user_body(role));
       return put(id_path("/users", user), {{"firstname", "Tessa"}});
     }},
    {"USER", "DELETE",
     [](recipe_context& c) {
       const auto role = created(c, "/roles", role_body("Teller"));
       return del(id_path("/users", created(c, "/users", user_body(role))));
     }},
    {"ROLE", "CREATE", [](recipe_context&) { return post("/roles", role_body("Teller")); }},
    {"ROLE", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/roles", created(c, "/roles", role_body("Teller"))),
                  {{"description", "Cash desk"}});
     }},
    {"ROLE", "DELETE",
     [](recipe_context& c) {
       return del(id_path("/roles", created(c, "/roles", role_body("Teller"))));
     }},
    {"ROLE", "DISABLE",
     [](recipe_context& c) {
       return command(id_path("/roles", created(c, "/roles", role_body("Teller"))), "disable");
     }},
    {"ROLE", "ENABLE",
     [](recipe_context& c) {
       const auto id = created(c, "/roles", role_body("Teller"));
       c.setup(command(id_path("/roles", id), "disable"));
       return command(id_path("/roles", id), "enable");
     }},
    {"ROLE", "PERMISSIONS",
     [](recipe_context& c) {
       return put(id_path("/roles", created(c, "/roles", role_body("Teller"))) + "/permissions",
                  {{"permissions", {{"CREATE_CLIENT", true}, {"READ_CLIENT", true}}}});
     }},
    {"PASSWORD_PREFERENCES", "UPDATE",
     [](recipe_context&) {
       return put("/passwordpreferences", {{"validationPolicyId", 2}});
     }},
    // configuration
    {"CODE", "CREATE",
     [](recipe_context&) {
       return post("/codes", {{"name", "Occupation"}});
     }},
    {"CODE", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/codes", created(c, "/codes", {{"name", "Occupation"}})),
                  {{"name", "Profession"}});
     }},
    {"CODE", "DELETE",
     [](recipe_context& c) {
       return del(id_path("/codes", created(c, "/codes", {{"name", "Occupation"}})));
     }},
    {"CODEVALUE", "CREATE",
     [](recipe_context&) {
       return post("/codes/4/codevalues", {{"name", "Female"}, {"position", 1}});
     }},
    {"CODEVALUE", "UPDATE",
     [](recipe_context& c) {
       const auto value =
           c.setup(post("/codes/4/codevalues", {{"name", "Female"}}))["subResourceId"];
       return put("/codes/4/codevalues/" + value.dump(), {{"name", "F"}, {"isActive", false}});
     }},
    {"CODEVALUE", "DELETE",
     [](recipe_context& c) {
       const auto value =
           c.setup(post("/codes/4/codevalues", {{"name", "Female"}}))["subResourceId"];
       return del("/codes/4/codevalues/" + value.dump());
     }},
    {"CONFIGURATION", "UPDATE",
     [](recipe_context&) {
       return put("/configurations/1", {{"enabled", true}});
     }},
    {"PERMISSION", "UPDATE",
     [](recipe_context&) {
       return put("/permissions", {{"permissions", {{"CREATE_CLIENT", true}}}});
     }},
    {"CURRENCY", "UPDATE",
     [](recipe_context&) {
       return put("/currencies", {{"currencies", {"USD", "KES"}}});
     }},
    {"DATATABLE", "CREATE",
     [](recipe_context&) { return post("/datatables", datatable_body("client_extra")); }},
    {"DATATABLE", "UPDATE",
     [](recipe_context& c) {
       c.setup(post("/datatables", datatable_body("client_extra")));
       return put("/datatables/client_extra",
                  {{"addColumns", {{{"name", "Employer"}, {"type", "String"}, {"length", 80}}}}});
     }},
    {"DATATABLE", "DELETE",
     [](recipe_context& c) {
       c.setup(post("/datatables", datatable_body("client_extra")));
       return del("/datatables/client_extra");
     }},
    {"DATATABLE", "REGISTER",
     [](recipe_context&) {
       return post("/datatables/register/legacy_kyc/m_client", json::object());
     }},
    // datatable
    {"ENTITY_DATATABLE_CHECK", "CREATE",
     [](recipe_context& c) {
       c.setup(post("/datatables", datatable_body("client_extra")));
       return post("/entityDatatableChecks",
                   {{"entity", "m_client"}, {"status", 100}, {"datatableName", "client_extra"}});
     }},
    {"ENTITY_DATATABLE_CHECK", "DELETE",
     [](recipe_context& c) {
       c.setup(post("/datatables", datatable_body("client_extra")));
       return del(id_path(
           "/entityDatatableChecks",
           created(c, "/entityDatatableChecks",
                   {{"entity", "m_client"}, {"status", 100}, {"datatableName", "client_extra"}})));
     }},
    // jobs
    {"SCHEDULER", "UPDATE",
     [](recipe_context&) {
       return put("/jobs/1", {{"cronExpression", "0 0 23 1/1 * ? *"}, {"active", false}});
     }},
    {"REPORTMAILINGJOB", "CREATE",
     [](recipe_context&) { return post("/reportmailingjobs", mailing_job_body()); }},
    {"REPORTMAILINGJOB", "UPDATE",
     [](recipe_context& c) {
       return put(
           id_path("/reportmailingjobs", created(c, "/reportmailingjobs", mailing_job_body())),
           {{"emailSubject", "Portfolio at risk"}});
     }},
    {"REPORTMAILINGJOB", "DELETE",
     [](recipe_context& c) {
       return del(
           id_path("/reportmailingjobs", created(c, "/reportmailingjobs", mailing_job_body())));
     }},
    // xbrlmapping
    {"XBRLMAPPING", "UPDATE",
     [](recipe_context&) {
       return put("/mixmapping", {{"identifier", "default"}, {"config", "{\"Assets\":\"{1}\"}"}});
     }},
    // organisation
    {"OFFICE", "UPDATE",
     [](recipe_context& c) {
       const auto id =
           c.setup(post("/offices", dated({{"name", "Nairobi"},
                                           {"parentId", 1},
                                           {"openingDate", "01 January 2013"}})))["officeId"];
       return put("/offices/" + id.dump(), {{"name", "Nairobi CBD"}});
     }},
    {"FUND", "CREATE",
     [](recipe_context&) {
       return post("/funds", {{"name", "Donor fund"}});
     }},
    {"FUND", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/funds", created(c, "/funds", {{"name", "Donor fund"}})),
                  {{"name", "Grant fund"}});
     }},
    {"HOLIDAY", "CREATE", [](recipe_context&) { return post("/holidays", holiday_body()); }},
    {"HOLIDAY", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/holidays", created(c, "/holidays", holiday_body())),
                  {{"description", "Public holiday"}});
     }},
    {"HOLIDAY", "DELETE",
     [](recipe_context& c) {
       return del(id_path("/holidays", created(c, "/holidays", holiday_body())));
     }},
    {"HOLIDAY", "ACTIVATE",
     [](recipe_context& c) {
       return command(id_path("/holidays", created(c, "/holidays", holiday_body())), "activate");
     }},
    {"WORKINGDAYS", "UPDATE",
     [](recipe_context&) {
       return put("/workingdays", {{"recurrence", "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR"},
                                   {"repaymentRescheduleType", 2},
                                   {"locale", "en"}});
     }},
    {"TEMPLATE", "CREATE", [](recipe_context&) { return post("/templates", template_body()); }},
    {"TEMPLATE", "UPDATE",
     [](recipe_context& c) {
       json body = template_body();
       body["text"] = "Thank you {{clientName}}.";
       return put(id_path("/templates", created(c, "/templates", template_body())), body);
     }},
    {"TEMPLATE", "DELETE",
     [](recipe_context& c) {
       return del(id_path("/templates", created(c, "/templates", template_body())));
     }},
    // portfolio
    {"PAYMENTTYPE", "CREATE",
     [](recipe_context&) {
       return post("/paymenttypes", {{"name", "Mobile money"}, {"isCashPayment", false}});
     }},
    {"PAYMENTTYPE", "UPDATE",
     [](recipe_context& c) {
       return put(id_path("/paymenttypes", created(c, "/paymenttypes", {{"name", "Mobile money"}})),
                  {{"description", "M-Pesa"}});
     }},
    {"PAYMENTTYPE", "DELETE",
     [](recipe_context& c) {
       return del(
           id_path("/paymenttypes", created(c, "/paymenttypes", {{"name", "Mobile money"}})));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
