// PUT /clients/{id} (CLIENT UPDATE) and the client staff commands (assignStaff, unassignStaff).
#include <gtest/gtest.h>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

TEST(PortfolioClientUpdate, MobileNumberChangeIsInChangesAndTheGet) {
  portfolio p;
  const auto id = new_client(p, true);
  auto out = put_call(p, client_path(id), {{"mobileNo", "+254700000002"}});
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"clientId":1,"resourceId":1,"changes":{"mobileNo":"+254700000002"}})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->action, "UPDATE");
  EXPECT_EQ(call(p, get(client_path(id))).body["mobileNo"], "+254700000002");
}

TEST(PortfolioClientUpdate, OnlyChangedFieldsAreListedInFineractsOrder) {
  portfolio p;
  json body = client_body();
  body["externalId"] = "ext-1";
  call(p, post("/clients", body));
  auto out = put_call(p, client_path(1),
                      dated({{"submittedOnDate", "10 May 2013"},
                             {"firstname", "Petra"},
                             {"lastname", "Mwangi"},
                             {"mobileNo", "+254700000001"},
                             {"externalId", "ext-2"}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body["changes"].dump(),
            R"({"externalId":"ext-2","lastname":"Mwangi","submittedOnDate":"10 May 2013",)"
            R"("dateFormat":"dd MMMM yyyy","locale":"en"})");
  EXPECT_EQ(out.body["resourceExternalId"], "ext-2");
  auto c = call(p, get(client_path(1))).body;
  EXPECT_EQ(c["displayName"], "Petra Mwangi");
  EXPECT_EQ(c["timeline"]["submittedOnDate"].dump(), "[2013,5,10]");
}

TEST(PortfolioClientUpdate, SameValuesGiveEmptyChanges) {
  portfolio p;
  const auto id = new_client(p, true);
  auto out = put_call(p, client_path(id), {{"mobileNo", "+254700000001"}});
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body["changes"].dump(), "{}");
}

TEST(PortfolioClientUpdate, NameRulesFollowFineractsValidator) {
  portfolio p;
  const auto id = new_client(p, true);
  expect_refused(put_call(p, client_path(id), {{"firstname", "Anna"}}), 400,
                 "validation.msg.client.lastname.cannot.be.blank");
  expect_refused(
      put_call(p, client_path(id), {{"firstname", "Anna"}, {"fullname", "Anna Co"}}), 400,
      "validation.msg.client.fullname.cannot.also.be.provided.when.firstname.is.populated");
  expect_refused(put_call(p, client_path(id), json::object()), 400,
                 "validation.msg.client.no.parameters.for.update");
}

TEST(PortfolioClientUpdate, UnknownClientIs404) {
  portfolio p;
  expect_refused(put_call(p, client_path(4), {{"mobileNo", "1"}}), 404,
                 "error.msg.client.id.invalid");
}

TEST(PortfolioClientStaff, AssignAnswersChangesAndTheGetNamesTheStaff) {
  portfolio p;
  const auto officer = new_staff(p);
  const auto id = new_client(p, true);
  auto out = client_command(p, id, "assignStaff", {{"staffId", officer}});
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"clientId":1,"resourceId":1,"changes":{"staffId":1}})");
  EXPECT_EQ(out.event->action, "ASSIGNSTAFF");
  auto c = call(p, get(client_path(id))).body;
  EXPECT_EQ(c["staffId"], officer);
  EXPECT_EQ(c["staffName"], "Okafor, Lena");
}

TEST(PortfolioClientStaff, AssignRefusesUnknownStaffAndStaffOfAnotherBranch) {
  portfolio p;
  const auto branch = new_office(p);
  const auto officer = new_staff(p, branch);
  const auto id = new_client(p, true);  // head office
  expect_refused(client_command(p, id, "assignStaff", {{"staffId", 7}}), 404,
                 "error.msg.staff.id.invalid");
  expect_refused(client_command(p, id, "assignStaff", {{"staffId", officer}}), 404,
                 "error.msg.staff.id.invalid");
  expect_refused(client_command(p, id, "assignStaff", json::object()), 400,
                 "validation.msg.client.staffId.cannot.be.blank");
}

TEST(PortfolioClientStaff, HeadOfficeStaffServeBranchClients) {
  portfolio p;
  const auto branch = new_office(p);
  const auto officer = new_staff(p, 1);
  json body = client_body();
  body["officeId"] = branch;
  const auto id = call(p, post("/clients", body)).body["resourceId"].get<std::int64_t>();
  EXPECT_EQ(client_command(p, id, "assignStaff", {{"staffId", officer}}).status, 200);
}

TEST(PortfolioClientStaff, UnassignNamesThePreviousStaffAndClearsIt) {
  portfolio p;
  const auto officer = new_staff(p);
  const auto id = new_client(p, true);
  client_command(p, id, "assignStaff", {{"staffId", officer}});
  auto out = client_command(p, id, "unassignStaff", {{"staffId", officer}});
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"clientId":1,"resourceId":1,"changes":{"staffId":1}})");
  EXPECT_FALSE(call(p, get(client_path(id))).body.contains("staffId"));
  expect_refused(client_command(p, id, "unassignStaff", {{"staffId", officer}}), 404,
                 "error.msg.client.has.no.staff");
}

TEST(PortfolioClientSavingsAccount, UpdateSavingsAccountNamesTheClientsOwnAccount) {
  portfolio p;
  active_savings(p);  // client 1, savings account 1
  auto out = client_command(p, 1, "updateSavingsAccount", {{"savingsAccountId", 1}});
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"clientId":1,"resourceId":1,"changes":{"savingsAccountId":1}})");
  EXPECT_EQ(out.event->action, "UPDATESAVINGSACCOUNT");
  EXPECT_EQ(call(p, get(client_path(1))).body["savingsAccountId"], 1);

  const auto other = new_client(p, true);
  expect_refused(client_command(p, other, "updateSavingsAccount", {{"savingsAccountId", 1}}), 403,
                 "error.msg.client.saving.account.must.belongs.to.client");
  expect_refused(client_command(p, other, "updateSavingsAccount", {{"savingsAccountId", 8}}), 404,
                 "error.msg.savingsaccount.id.invalid");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
