// The GROUP and CENTER commands beyond create and activate: update, delete, members, staff,
// close, and the collection sheets; and the savings officer commands.
#include <gtest/gtest.h>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

std::string group_path(std::int64_t id) { return "/groups/" + std::to_string(id); }
std::string center_path(std::int64_t id) { return "/centers/" + std::to_string(id); }

std::int64_t new_group(portfolio& p, const char* path = "/groups", bool active = false) {
  json body = {{"officeId", 1}, {"name", "Sunrise"}, {"active", active}};
  if (active)
    body = dated({{"officeId", 1},
                  {"name", "Sunrise"},
                  {"active", true},
                  {"activationDate", "15 May 2013"}});
  auto out = call(p, post(path, body));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  return out.body["resourceId"].get<std::int64_t>();
}

rest_outcome group_command(portfolio& p, const std::string& path, const std::string& name,
                           json body) {
  return call(p, post(path, std::move(body), {{"command", name}}));
}

json members(const char* key, std::int64_t id) { return {{key, json::array({id})}}; }

// --- update and delete ----------------------------------------------------------------------

TEST(PortfolioGroupCommands, UpdateAnswersTheChangedFieldsInFineractsOrder) {
  portfolio p;
  const auto id = new_group(p);
  auto out = put_call(
      p, group_path(id),
      dated({{"name", "Sunset"}, {"externalId", "g-1"}, {"submittedOnDate", "10 May 2013"}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(
      out.body.dump(),
      R"({"officeId":1,"groupId":1,"resourceId":1,"changes":{"externalId":"g-1","name":"Sunset","submittedOnDate":"10 May 2013","dateFormat":"dd MMMM yyyy","locale":"en"}})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->action, "UPDATE");
  auto g = call(p, get(group_path(id))).body;
  EXPECT_EQ(g["name"], "Sunset");
  EXPECT_EQ(g["timeline"]["submittedOnDate"].dump(), "[2013,5,10]");
  // The same name again changes nothing.
  EXPECT_EQ(put_call(p, group_path(id), {{"name", "Sunset"}}).body["changes"].dump(), "{}");
}

TEST(PortfolioGroupCommands, UpdateNeedsTheNameAndRefusesUnknownParameters) {
  portfolio p;
  const auto id = new_group(p);
  expect_refused(put_call(p, group_path(id), {{"externalId", "g-1"}}), 400,
                 "validation.msg.group.name.cannot.be.blank");
  expect_refused(put_call(p, center_path(new_group(p, "/centers")), {{"name", "x"}, {"bogus", 1}}),
                 400, "error.msg.parameter.unsupported");
}

TEST(PortfolioGroupCommands, DeleteSwapsOfficeAndGroupIdAsFineractDoes) {
  portfolio p;
  new_group(p);
  const auto id = new_group(p);  // group 2 of office 1
  auto out = delete_call(p, group_path(id));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"officeId":2,"groupId":1,"resourceId":2})");
  EXPECT_EQ(call(p, get(group_path(id))).status, 404);
}

TEST(PortfolioGroupCommands, DeleteRefusesAGroupThatIsNotPending) {
  portfolio p;
  const auto id = new_group(p, "/centers", true);
  expect_refused(delete_call(p, center_path(id)), 403, "error.msg.group.cannot.be.deleted");
  EXPECT_EQ(call(p, get(center_path(id))).status, 200);
}

// --- members --------------------------------------------------------------------------------

TEST(PortfolioGroupCommands, AssociateAndDisassociateClients) {
  portfolio p;
  const auto client = new_client(p, true);
  const auto id = new_group(p);
  auto out = group_command(p, group_path(id), "associateClients", members("clientMembers", client));
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"groupId":1,"resourceId":1,"changes":{"clientMembers":["1"]}})");
  EXPECT_EQ(call(p, get(group_path(id))).body["clientMembers"][0]["id"], client);
  EXPECT_EQ(call(p, get(client_path(client))).body["groupId"], id);
  expect_refused(
      group_command(p, group_path(id), "associateClients", members("clientMembers", client)), 403,
      "error.msg.group.client.exist.in.group");

  out = group_command(p, group_path(id), "disassociateClients", members("clientMembers", client));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.event->action, "DISASSOCIATECLIENTS");
  EXPECT_TRUE(call(p, get(group_path(id))).body["clientMembers"].empty());
  expect_refused(
      group_command(p, group_path(id), "disassociateClients", members("clientMembers", client)),
      403, "error.msg.group.client.not.in.group");
}

TEST(PortfolioGroupCommands, MembersMustBeGivenAndExist) {
  portfolio p;
  const auto id = new_group(p);
  expect_refused(
      group_command(p, group_path(id), "associateClients", {{"clientMembers", json::array()}}), 400,
      "validation.msg.group.clientMembers.cannot.be.empty");
  expect_refused(group_command(p, group_path(id), "associateClients", members("clientMembers", 9)),
                 404, "error.msg.client.id.invalid");
}

TEST(PortfolioGroupCommands, CenterAssociatesGroupsAndReportsTheirRemovalAsClientMembers) {
  portfolio p;
  const auto center = new_group(p, "/centers");
  const auto group = new_group(p);
  auto out =
      group_command(p, center_path(center), "associateGroups", members("groupMembers", group));
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"groupId":1,"resourceId":1,"changes":{"groupMembers":["2"]}})");
  EXPECT_EQ(call(p, get(group_path(group))).body["centerId"], center);
  expect_refused(
      group_command(p, center_path(center), "associateGroups", members("groupMembers", group)), 403,
      "error.msg.group.is.already.member.of.center");
  const auto other = new_group(p, "/centers");
  expect_refused(
      group_command(p, center_path(other), "associateGroups", members("groupMembers", group)), 403,
      "error.msg.group.already.associated.with.center");
  expect_refused(
      group_command(p, center_path(other), "associateGroups", members("groupMembers", center)), 403,
      "error.msg.center.cannot.be.assigned.as.child");

  out = group_command(p, center_path(center), "disassociateGroups", members("groupMembers", group));
  EXPECT_EQ(out.body["changes"].dump(), R"({"clientMembers":["2"]})");
  EXPECT_TRUE(call(p, get(center_path(center))).body["groupMembers"].empty());
  expect_refused(
      group_command(p, center_path(center), "disassociateGroups", members("groupMembers", group)),
      403, "error.msg.group.not.in.center");
}

// --- staff ----------------------------------------------------------------------------------

TEST(PortfolioGroupCommands, AssignAndUnassignStaff) {
  portfolio p;
  const auto staff = new_staff(p);
  const auto id = new_group(p);
  expect_refused(group_command(p, group_path(id), "unassignStaff", {{"staffId", staff}}), 404,
                 "error.msg.group.has.no.staff");
  auto out = group_command(p, group_path(id), "assignStaff", {{"staffId", staff}});
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"groupId":1,"resourceId":1,"changes":{"staffId":1}})");
  auto g = call(p, get(group_path(id))).body;
  EXPECT_EQ(g["staffId"], staff);
  EXPECT_EQ(g["staffName"], "Okafor, Lena");

  out = group_command(p, group_path(id), "unassignStaff", {{"staffId", staff}});
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"groupId":1,"resourceId":1,"changes":{"staffId":null}})");
  EXPECT_FALSE(call(p, get(group_path(id))).body.contains("staffId"));
  expect_refused(group_command(p, group_path(id), "assignStaff", {{"staffId", 9}}), 404,
                 "error.msg.staff.id.invalid");
}

// --- close ----------------------------------------------------------------------------------

json closing(const char* date = "20 May 2013") {
  return dated({{"closureDate", date}, {"closureReasonId", 1}});
}

TEST(PortfolioGroupCommands, CloseAnswersGroupAndResourceIdAndShowsClosed) {
  portfolio p;
  const auto id = new_group(p, "/groups", true);
  auto out = group_command(p, group_path(id), "close", closing());
  EXPECT_EQ(out.body.dump(), R"({"groupId":1,"resourceId":1})");
  EXPECT_EQ(out.event->action, "CLOSE");
  auto g = call(p, get(group_path(id))).body;
  EXPECT_EQ(g["status"].dump(),
            R"({"id":600,"code":"groupingStatusType.closed","value":"Closed"})");
  EXPECT_EQ(g["timeline"]["closedOnDate"].dump(), "[2013,5,20]");
  expect_refused(group_command(p, group_path(id), "close", closing()), 403,
                 "error.msg.Group.close.already.closed");
}

TEST(PortfolioGroupCommands, CloseRefusesActiveClientsAndAnEarlyDate) {
  portfolio p;
  const auto client = new_client(p, true);
  const auto id = new_group(p, "/groups", true);
  group_command(p, group_path(id), "associateClients", members("clientMembers", client));
  expect_refused(group_command(p, group_path(id), "close", closing()), 403,
                 "error.msg.Group.close.active.clients.exist");
  const auto other = new_group(p, "/groups", true);  // activated 15 May 2013
  expect_refused(group_command(p, group_path(other), "close", closing("14 May 2013")), 403,
                 "error.msg.Group.close.date.cannot.before.group.actvation.date");
}

TEST(PortfolioGroupCommands, CenterCloseAnswersResourceIdOnlyAndRefusesOpenGroups) {
  portfolio p;
  const auto center = new_group(p, "/centers");
  const auto group = new_group(p);
  group_command(p, center_path(center), "associateGroups", members("groupMembers", group));
  expect_refused(group_command(p, center_path(center), "close", closing()), 403,
                 "error.msg.Center.close.active.groups.exist");
  group_command(p, group_path(group), "close", closing());
  auto out = group_command(p, center_path(center), "close", closing());
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  expect_refused(group_command(p, center_path(center), "close", dated({})), 400,
                 "validation.msg.center.closureDate.cannot.be.blank");
}

// --- collection sheets ----------------------------------------------------------------------

// Client 1 with loan 1 disbursed (1000 + 240 interest) and savings account 1 active.
void loan_and_savings(portfolio& p) {
  disbursed_loan(p);
  call(p, post("/savingsaccounts",
               dated({{"clientId", 1}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}})));
  call(p, post("/savingsaccounts/1", dated({{"approvedOnDate", "15 May 2013"}}),
               {{"command", "approve"}}));
  call(p, post("/savingsaccounts/1", dated({{"activatedOnDate", "16 May 2013"}}),
               {{"command", "activate"}}));
}

json sheet_body(bool calendar) {
  json body = dated({{"transactionDate", "14 June 2013"},
                     {"note", "weekly"},
                     {"bulkRepaymentTransactions",
                      json::array({{{"loanId", 1}, {"transactionAmount", "100.00"}}})},
                     {"bulkSavingsDueTransactions",
                      json::array({{{"savingsId", 1}, {"transactionAmount", "50.00"}},
                                   {{"savingsId", 9}, {"transactionAmount", "5.00"}}})}});
  if (calendar) body["calendarId"] = 1;
  return body;
}

TEST(PortfolioCollectionSheets, CenterSheetRepaysAndDepositsInOneEvent) {
  portfolio p;
  loan_and_savings(p);
  const auto center = new_group(p, "/centers", true);
  auto out = group_command(p, center_path(center), "saveCollectionSheet", sheet_body(true));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  // The deposit to the unknown account 9 is skipped, as Fineract swallows its failure.
  EXPECT_EQ(
      out.body.dump(),
      R"({"groupId":1,"resourceId":1,"changes":{"locale":"en","dateFormat":"dd MMMM yyyy","note":"weekly","loanTransactions":[2],"SavingsTransactions":[1]}})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "CENTER");
  EXPECT_EQ(out.event->action, "SAVECOLLECTIONSHEET");
  EXPECT_EQ(call(p, get("/loans/1")).body["summary"]["interestPaid"], 100.0);  // interest first
  EXPECT_EQ(call(p, get("/savingsaccounts/1")).body["summary"]["accountBalance"], 50.0);
}

TEST(PortfolioCollectionSheets, ARepaymentThatCannotBeMadeFailsTheWholeSheet) {
  portfolio p;
  loan_and_savings(p);
  const auto group = new_group(p, "/groups", true);
  json body = sheet_body(true);
  body["bulkRepaymentTransactions"].push_back({{"loanId", 7}, {"transactionAmount", "1.00"}});
  expect_refused(group_command(p, group_path(group), "saveCollectionSheet", body), 404,
                 "error.msg.loan.id.invalid");
  EXPECT_EQ(call(p, get("/savingsaccounts/1")).body["summary"]["accountBalance"], 0.0);
  expect_refused(group_command(p, group_path(group), "saveCollectionSheet", sheet_body(false)), 400,
                 "validation.msg.collectionsheet.calendarId.cannot.be.blank");
}

TEST(PortfolioCollectionSheets, IndividualSheetAnswersOnlyChanges) {
  portfolio p;
  loan_and_savings(p);
  auto out =
      call(p, post("/collectionsheet", sheet_body(false), {{"command", "saveCollectionSheet"}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(
      out.body.dump(),
      R"({"changes":{"locale":"en","dateFormat":"dd MMMM yyyy","note":"weekly","loanTransactions":[2],"SavingsTransactions":[1]}})");
  EXPECT_EQ(out.event->entity, "COLLECTIONSHEET");
  json late = sheet_body(false);
  late["transactionDate"] = "25 October 2024";
  expect_refused(call(p, post("/collectionsheet", late, {{"command", "saveCollectionSheet"}})), 400,
                 "validation.msg.collectionsheet.transactionDate.is.greater.than.date");
}

TEST(PortfolioCollectionSheets, GenerateListsTheDueLoansOfTheCentersGroupsAndFiresNothing) {
  portfolio p;
  loan_and_savings(p);
  const auto center = new_group(p, "/centers", true);
  const auto group = new_group(p, "/groups", true);
  group_command(p, center_path(center), "associateGroups", members("groupMembers", group));
  group_command(p, group_path(group), "associateClients", members("clientMembers", 1));
  auto out = group_command(p, center_path(center), "generateCollectionSheet",
                           dated({{"transactionDate", "14 June 2013"}, {"calendarId", 1}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_FALSE(out.event.has_value());
  const json& client = out.body["groups"][0]["clients"][0];
  EXPECT_EQ(client["clientId"], 1);
  EXPECT_EQ(client["loans"][0]["loanId"], 1);
  EXPECT_EQ(client["loans"][0]["totalDue"], 103.33);  // (1000 + 240) / 12
  EXPECT_EQ(client["savings"][0]["savingsId"], 1);
}

// --- savings officers -----------------------------------------------------------------------

TEST(PortfolioSavingsOfficers, AssignAndUnassign) {
  portfolio p;
  active_savings(p);
  const auto staff = new_staff(p);
  auto out = call(p, post("/savingsaccounts/1",
                          dated({{"toSavingsOfficerId", staff}, {"assignmentDate", "17 May 2013"}}),
                          {{"command", "assignSavingsOfficer"}}));
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"savingsId":1,"resourceId":1,"changes":{"toSavingsOfficerId":1}})");
  EXPECT_EQ(out.event->action, "UPDATESAVINGSOFFICER");
  EXPECT_EQ(call(p, get("/savingsaccounts/1")).body["fieldOfficerId"], staff);
  // fromSavingsOfficerId must name the present officer.
  expect_refused(call(p, post("/savingsaccounts/1",
                              dated({{"toSavingsOfficerId", staff},
                                     {"fromSavingsOfficerId", new_staff(p, 1, "Ade")},
                                     {"assignmentDate", "17 May 2013"}}),
                              {{"command", "assignSavingsOfficer"}})),
                 403, "error.msg.savings.account.not.assigned.to.savings.officer");

  out = call(p, post("/savingsaccounts/1", dated({{"unassignedDate", "18 May 2013"}}),
                     {{"command", "unassignSavingsOfficer"}}));
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"savingsId":1,"resourceId":1,"changes":{"toSavingsOfficerId":null}})");
  EXPECT_EQ(out.event->action, "REMOVESAVINGSOFFICER");
  EXPECT_FALSE(call(p, get("/savingsaccounts/1")).body.contains("fieldOfficerId"));
  expect_refused(call(p, post("/savingsaccounts/1", dated({{"unassignedDate", "18 May 2013"}}),
                              {{"command", "unassignSavingsOfficer"}})),
                 403, "error.msg.savings.account.not.assigned.to.savings.officer");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
