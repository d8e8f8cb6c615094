// portfolio_admin_test.cpp: the administration and configuration records (mock-mifos/src/records):
// the generic engine's results, `changes`, unsupported and mandatory parameters, and the rules
// of users, roles, codes, configurations, permissions, holidays, jobs and datatables.
#include <gtest/gtest.h>

#include "portfolio_calls.hpp"
#include "records/record_db.hpp"

namespace mifos::mock {
namespace {

using portfolio_test::dated;
using portfolio_test::first_error_code;
using portfolio_test::get;
using portfolio_test::json;
using portfolio_test::make_call;
using portfolio_test::post;

rest_call put(std::string path, json body) {
  return make_call("PUT", std::move(path), std::move(body), {});
}
rest_call del(std::string path) { return make_call("DELETE", std::move(path), nullptr, {}); }
rest_call command(std::string path, std::string name) {
  return make_call("POST", std::move(path), json::object(), {{"command", std::move(name)}});
}

class AdminRecords : public ::testing::Test {
 protected:
  rest_outcome call(const rest_call& c) {
    auto out = db.handle(c, [](std::int64_t id) { return id == 1; });
    EXPECT_TRUE(out.has_value()) << c.method << " " << c.path << " was not answered";
    return out ? *out : rest_outcome{-1, nullptr, std::nullopt};
  }
  // A failed command: its status, its code, and a failed event.
  void expect_refused(const rest_call& c, int status, const std::string& code) {
    auto out = call(c);
    EXPECT_EQ(out.status, status) << out.body.dump();
    EXPECT_EQ(first_error_code(out), code) << out.body.dump();
    ASSERT_TRUE(out.event.has_value());
    EXPECT_TRUE(out.event->failed());
  }
  records::record_db db;
};

TEST_F(AdminRecords, FundCreateUpdateAndReadBack) {
  auto out = call(post("/funds", {{"name", "Donor fund"}, {"externalId", "D-1"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "FUND");
  EXPECT_EQ(out.event->action, "CREATE");
  EXPECT_FALSE(out.event->failed());

  // Only what changed: the external id is sent again unchanged.
  out = call(put("/funds/1", {{"name", "Grant fund"}, {"externalId", "D-1"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"name":"Grant fund"}})");
  EXPECT_EQ(out.event->action, "UPDATE");
  EXPECT_EQ(call(put("/funds/1", {{"name", "Grant fund"}})).body.dump(),
            R"({"resourceId":1,"changes":{}})");
  EXPECT_EQ(call(get("/funds/1")).body.dump(),
            R"({"id":1,"name":"Grant fund","externalId":"D-1"})");
  EXPECT_EQ(call(get("/funds")).body.size(), 1u);
}

TEST_F(AdminRecords, DuplicatesMissingAndUnknownIds) {
  call(post("/funds", {{"name", "Donor fund"}}));
  expect_refused(post("/funds", {{"name", "Donor fund"}}), 403, "error.msg.fund.duplicate.name");
  expect_refused(post("/funds", {{"externalId", "X"}}), 400,
                 "validation.msg.fund.name.cannot.be.blank");
  expect_refused(put("/funds/9", {{"name", "Other"}}), 404, "error.msg.fund.id.invalid");
  // Fineract has no fund delete.
  auto out = call(del("/funds/1"));
  EXPECT_EQ(out.status, 405);
  EXPECT_FALSE(out.event.has_value());
}

TEST_F(AdminRecords, UnsupportedParametersAreAllListedBeforeOtherChecks) {
  auto out = call(post("/funds", {{"colour", "red"}, {"size", 3}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(out.body["userMessageGlobalisationCode"], "validation.msg.validation.errors.exist");
  ASSERT_EQ(out.body["errors"].size(), 2u);
  EXPECT_EQ(out.body["errors"][0]["userMessageGlobalisationCode"],
            "error.msg.parameter.unsupported");
  EXPECT_EQ(out.body["errors"][0]["parameterName"], "colour");
  EXPECT_EQ(out.body["errors"][0]["defaultUserMessage"], "The parameter colour is not supported.");
  EXPECT_EQ(out.body["errors"][1]["parameterName"], "size");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST_F(AdminRecords, UsersNeedAnOfficeAndRolesAndHaveUniqueNames) {
  const json user = {{"username", "teller1"},
                     {"firstname", "Tess"},
                     {"lastname", "Teller"},
                     {"officeId", 1},
                     {"roles", {1}},
                     {"password", "Secret123"},
                     {"repeatPassword", "Secret123"}};
  auto out = call(post("/users", user));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"resourceId":2})");
  expect_refused(post("/users", user), 403, "error.msg.user.duplicate.username");
  json elsewhere = user;
  elsewhere["username"] = "teller2";
  elsewhere["officeId"] = 7;
  expect_refused(post("/users", elsewhere), 404, "error.msg.office.id.invalid");
  out = call(put("/users/2", {{"lastname", "Tellerman"}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"resourceId":2,"changes":{"lastname":"Tellerman"}})");
  out = call(get("/users/2"));
  EXPECT_EQ(out.body["selectedRoles"][0]["name"], "Super user");
  EXPECT_FALSE(out.body.contains("password"));
  EXPECT_EQ(call(del("/users/2")).body.dump(), R"({"officeId":1,"resourceId":2})");
  EXPECT_EQ(call(get("/users/2")).status, 404);
}

TEST_F(AdminRecords, ARoleGivenToAUserCannotBeDeletedOrDisabled) {
  expect_refused(del("/roles/1"), 403, "error.msg.role.associated.with.users.deleted");
  expect_refused(command("/roles/1", "disable"), 403,
                 "error.msg.role.associated.with.users.disabled");
  auto out = call(post("/roles", {{"name", "Teller"}, {"description", "Cash desk"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":2})");
  out = call(command("/roles/2", "disable"));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":2})");
  EXPECT_EQ(out.event->action, "DISABLE");
  EXPECT_EQ(call(get("/roles/2")).body["disabled"], true);
  EXPECT_EQ(call(command("/roles/2", " Enable ")).event->action, "ENABLE");
  EXPECT_EQ(call(command("/roles/2", "wobble")).status, 400);
  expect_refused(post("/roles", {{"name", "Teller"}, {"description", "x"}}), 403,
                 "error.msg.role.duplicate.name");
  expect_refused(post("/roles", {{"name", "Auditor"}}), 400,
                 "validation.msg.role.description.cannot.be.blank");
}

TEST_F(AdminRecords, RolePermissionsReportOnlyTheChangedCodes) {
  call(post("/roles", {{"name", "Teller"}, {"description", "Cash desk"}}));
  auto out = call(put("/roles/2/permissions", {{"permissions", {{"CREATE_CLIENT", true}}}}));
  EXPECT_EQ(out.body.dump(),
            R"({"resourceId":2,"changes":{"permissions":{"CREATE_CLIENT":true}}})");
  EXPECT_EQ(out.event->action, "PERMISSIONS");
  out = call(put("/roles/2/permissions",
                 {{"permissions", {{"CREATE_CLIENT", true}, {"APPROVE_LOAN_CHECKER", true}}}}));
  EXPECT_EQ(out.body.dump(),
            R"({"resourceId":2,"changes":{"permissions":{"APPROVE_LOAN_CHECKER":true}}})");
  expect_refused(put("/roles/2/permissions", {{"permissions", {{"FLY_KITE", true}}}}), 404,
                 "error.msg.permission.code.invalid");
}

TEST_F(AdminRecords, SystemCodesTakeValuesButCannotChange) {
  expect_refused(put("/codes/14", {{"name", "Closure"}}), 403, "error.msg.code.systemdefined");
  expect_refused(del("/codes/14"), 403, "error.msg.code.systemdefined");
  // Each reason code the lifecycle commands read has one value.
  auto out = call(get("/codes/14/codevalues"));
  ASSERT_EQ(out.body.size(), 1u);
  EXPECT_EQ(out.body[0]["id"], 1);
  // GROUPROLE has Fineract's "Leader", after the reasons (the group roles know its id).
  out = call(get("/codes/13/codevalues"));
  ASSERT_EQ(out.body.size(), 1u);
  EXPECT_EQ(out.body[0]["id"], 8);
  EXPECT_EQ(out.body[0]["name"], "Leader");
  out = call(post("/codes/4/codevalues", {{"name", "Female"}, {"position", 1}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":4,"subResourceId":9})");
  expect_refused(post("/codes/4/codevalues", {{"name", "Female"}}), 403,
                 "error.msg.code.value.duplicate.label");
  out = call(put("/codes/4/codevalues/9", {{"isActive", false}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":9,"changes":{"isActive":false}})");
  expect_refused(put("/codes/5/codevalues/9", {{"name", "F"}}), 404,
                 "error.msg.codevalue.id.invalid");
  EXPECT_EQ(call(del("/codes/4/codevalues/9")).body.dump(),
            R"({"resourceId":4,"subResourceId":9})");
  out = call(post("/codes", {{"name", "Occupation"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":35})");
  expect_refused(post("/codes", {{"name", "Gender"}}), 403, "error.msg.code.duplicate.name");
}

TEST_F(AdminRecords, MakerCheckerIsConfigurationOneAndPermissionsFlagCommands) {
  auto out = call(put("/configurations/1", {{"enabled", true}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"enabled":true}})");
  EXPECT_EQ(out.event->entity, "CONFIGURATION");
  out = call(get("/configurations"));
  EXPECT_EQ(out.body["globalConfiguration"][0].dump(),
            R"({"name":"maker-checker","enabled":true,"id":1,"trapDoor":false})");
  out = call(put("/configurations/name/penalty-wait-period", {{"value", 3}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":10,"changes":{"value":3}})");
  expect_refused(put("/configurations/name/nope", {{"enabled", true}}), 404,
                 "error.msg.configuration.property.invalid");

  out = call(put("/permissions", {{"permissions", {{"CREATE_CLIENT", true}}}}));
  EXPECT_EQ(out.body.dump(), R"({"changes":{"permissions":{"CREATE_CLIENT":true}}})");
  expect_refused(put("/permissions", {{"permissions", {{"CREATE_CLIENT_CHECKER", true}}}}), 404,
                 "error.msg.permission.code.invalid");
  out = call(get("/permissions", {{"makerCheckerable", "true"}}));
  bool selected = false;
  for (const auto& p : out.body)
    if (p["code"] == "CREATE_CLIENT") selected = p["selected"].get<bool>();
  EXPECT_TRUE(selected);
}

TEST_F(AdminRecords, HolidaysActivateOnceAndDeleteKeepsThem) {
  const json body = dated({{"name", "Madaraka Day"},
                           {"fromDate", "01 June 2013"},
                           {"toDate", "01 June 2013"},
                           {"offices", {{{"officeId", 1}}}}});
  EXPECT_EQ(call(post("/holidays", body)).body.dump(), R"({"resourceId":1})");
  auto out = call(put("/holidays/1", dated({{"toDate", "02 June 2013"}})));
  EXPECT_EQ(
      out.body.dump(),
      R"({"resourceId":1,"changes":{"toDate":"02 June 2013","dateFormat":"dd MMMM yyyy","locale":"en"}})");
  EXPECT_EQ(call(command("/holidays/1", "activate")).body.dump(), R"({"resourceId":1})");
  expect_refused(command("/holidays/1", "activate"), 400,
                 "validation.msg.holiday.not.in.pending.for.activation.state");
  EXPECT_EQ(call(del("/holidays/1")).body.dump(), R"({"resourceId":1})");
  out = call(get("/holidays/1"));
  EXPECT_EQ(out.body["status"].dump(),
            R"({"id":300,"code":"holidayStatusType.deleted","value":"Deleted"})");
  EXPECT_EQ(out.body["toDate"].dump(), "[2013,6,2]");
  expect_refused(del("/holidays/1"), 400, "validation.msg.holiday.already.in.deleted.state");
}

TEST_F(AdminRecords, SingletonsUpdateWithoutAnId) {
  auto out = call(put("/workingdays", {{"repaymentRescheduleType", 2}, {"locale", "en"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"repaymentRescheduleType":2}})");
  EXPECT_EQ(call(get("/workingdays")).body["repaymentRescheduleType"]["id"], 2);
  out = call(put("/passwordpreferences", {{"validationPolicyId", 2}}));
  EXPECT_EQ(out.body.dump(), R"({"changes":{"validationPolicyId":2}})");
  expect_refused(put("/passwordpreferences", {{"validationPolicyId", 9}}), 404,
                 "error.msg.password.validation.policy.id.invalid");
  // XBRLMAPPING UPDATE answers no changes.
  EXPECT_EQ(call(put("/mixmapping", {{"config", "{}"}})).body.dump(), R"({"resourceId":1})");
  out = call(put("/currencies", {{"currencies", {"KES", "USD"}}}));
  EXPECT_EQ(out.body.dump(), R"({"changes":{"currencies":["KES","USD"]}})");
}

TEST_F(AdminRecords, JobsUpdateAndExecuteSilently) {
  auto out =
      call(put("/jobs/2", {{"active", false}, {"displayName", "Update Loan Arrears Ageing"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":2,"changes":{"active":false}})");
  EXPECT_EQ(out.event->entity, "SCHEDULER");
  EXPECT_EQ(call(get("/jobs/2")).body["active"], false);
  out = call(command("/jobs/2", "executeJob"));
  EXPECT_EQ(out.status, 202);
  EXPECT_FALSE(out.event.has_value());
  expect_refused(put("/jobs/99", {{"active", true}}), 404, "error.msg.sheduler.job.id.invalid");
}

TEST_F(AdminRecords, DatatablesAreNamedAndChecksNeedOne) {
  const json table = {{"datatableName", "client_extra"},
                      {"apptableName", "m_client"},
                      {"columns", {{{"name", "Occupation"}, {"type", "String"}}}}};
  auto out = call(post("/datatables", table));
  EXPECT_EQ(out.body.dump(), R"({"resourceIdentifier":"client_extra"})");
  expect_refused(post("/datatables", table), 403, "error.msg.datatable.entry.duplicate");
  expect_refused(put("/datatables/nope", {{"addColumns", json::array()}}), 404,
                 "error.msg.datatable.not.found");
  expect_refused(post("/entityDatatableChecks",
                      {{"entity", "m_client"}, {"status", 100}, {"datatableName", "nope"}}),
                 404, "error.msg.datatable.not.found");
  out = call(post("/entityDatatableChecks",
                  {{"entity", "m_client"}, {"status", 100}, {"datatableName", "client_extra"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  EXPECT_EQ(call(get("/entityDatatableChecks")).body["totalFilteredRecords"], 1);
  EXPECT_EQ(call(del("/datatables/client_extra")).body.dump(),
            R"({"resourceIdentifier":"client_extra"})");
}

TEST_F(AdminRecords, PaymentTypesAndTemplatesAnswerNoChanges) {
  EXPECT_EQ(call(post("/paymenttypes", {{"name", "Mobile money"}})).body.dump(),
            R"({"resourceId":1})");
  EXPECT_EQ(call(put("/paymenttypes/1", {{"description", "M-Pesa"}})).body.dump(),
            R"({"resourceId":1})");
  expect_refused(post("/paymenttypes", {{"description", "x"}}), 400,
                 "validation.msg.PAYMENTTYPE.name.cannot.be.blank");
  const json templ = {
      {"name", "SMS"}, {"text", "Hi"}, {"entity", 0}, {"type", 2}, {"mappers", json::array()}};
  EXPECT_EQ(call(post("/templates", templ)).body.dump(), R"({"resourceId":1})");
  json changed = templ;
  changed["text"] = "Hello";
  EXPECT_EQ(call(put("/templates/1", changed)).body.dump(), R"({"resourceId":1})");
  EXPECT_EQ(call(get("/templates/1")).body["text"], "Hello");
}

TEST(OfficeUpdate, ChangesOnlyWhatDiffersAndRefusesDuplicates) {
  portfolio p;
  portfolio_test::call(
      p, post("/offices",
              dated({{"name", "Nairobi"}, {"parentId", 1}, {"openingDate", "01 January 2013"}})));
  auto out = portfolio_test::call(
      p, put("/offices/2", dated({{"name", "Nairobi CBD"}, {"openingDate", "01 January 2013"}})));
  EXPECT_EQ(out.body.dump(), R"({"officeId":2,"resourceId":2,"changes":{"name":"Nairobi CBD"}})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->action, "UPDATE");
  EXPECT_EQ(portfolio_test::call(p, get("/offices/2")).body["name"], "Nairobi CBD");
  out = portfolio_test::call(p, put("/offices/2", {{"name", "Head Office"}}));
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(first_error_code(out), "error.msg.office.duplicate.name");
  EXPECT_TRUE(out.event->failed());
  out = portfolio_test::call(p, put("/offices/2", {{"colour", "red"}}));
  EXPECT_EQ(first_error_code(out), "error.msg.parameter.unsupported");
  EXPECT_EQ(portfolio_test::call(p, put("/offices/9", {{"name", "X"}})).status, 404);
}

TEST_F(AdminRecords, OtherPathsAreNotServed) {
  EXPECT_FALSE(db.handle(get("/clients"), [](std::int64_t) { return true; }).has_value());
}

}  // namespace
}  // namespace mifos::mock
