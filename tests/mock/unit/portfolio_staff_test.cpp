// Staff (POST /staff, PUT /staff/{id}, the GETs) and client identifiers
// (/clients/{id}/identifiers).
#include <gtest/gtest.h>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

TEST(PortfolioStaff, CreateAnswersOfficeAndResourceIdAndTheGetShowsTheStaff) {
  portfolio p;
  auto out = call(p, post("/staff", dated({{"officeId", 1},
                                           {"firstname", "Lena"},
                                           {"lastname", "Okafor"},
                                           {"isLoanOfficer", true},
                                           {"mobileNo", "+254711000000"},
                                           {"joiningDate", "01 January 2013"}})));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"resourceId":1})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "STAFF");
  EXPECT_EQ(out.event->action, "CREATE");
  EXPECT_EQ(call(p, get("/staff/1")).body.dump(),
            R"({"id":1,"firstname":"Lena","lastname":"Okafor","displayName":"Okafor, Lena",)"
            R"("officeId":1,"officeName":"Head Office","isLoanOfficer":true,)"
            R"("mobileNo":"+254711000000","isActive":true,"joiningDate":[2013,1,1]})");
  EXPECT_EQ(call(p, get("/staff")).body.size(), 1u);
}

TEST(PortfolioStaff, CreateNeedsNamesOfficeAndJoiningDate) {
  portfolio p;
  auto out = call(p, post("/staff", json::object()));
  expect_refused(out, 400, "validation.msg.staff.officeId.cannot.be.blank");
  EXPECT_EQ(out.body["errors"].size(), 4u);
}

TEST(PortfolioStaff, DuplicateDisplayNameIs403) {
  portfolio p;
  new_staff(p);
  expect_refused(call(p, post("/staff", dated({{"officeId", 1},
                                               {"firstname", "Lena"},
                                               {"lastname", "Okafor"},
                                               {"joiningDate", "01 January 2013"}}))),
                 403, "error.msg.staff.duplicate.displayName");
}

TEST(PortfolioStaff, UpdateListsChangesInFineractsOrder) {
  portfolio p;
  const auto branch = new_office(p);
  const auto id = new_staff(p);
  auto out = put_call(p, "/staff/" + std::to_string(id),
                      {{"isActive", false}, {"mobileNo", "+254700000009"}, {"officeId", branch}});
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":2,"resourceId":1,"changes":{"officeId":2,"mobileNo":"+254700000009",)"
            R"("isActive":false}})");
  EXPECT_EQ(out.event->action, "UPDATE");
  auto staff = call(p, get("/staff/1")).body;
  EXPECT_EQ(staff["officeName"], "Riverside Branch");
  EXPECT_EQ(staff["isActive"], false);
}

TEST(PortfolioStaff, UpdateOfUnknownStaffIs404) {
  portfolio p;
  expect_refused(put_call(p, "/staff/5", {{"mobileNo", "1"}}), 404, "error.msg.staff.id.invalid");
}

TEST(PortfolioStaff, DeactivatingStaffWithClientsNeedsForceStatusFalse) {
  portfolio p;
  const auto officer = new_staff(p);
  const auto id = new_client(p, true);
  client_command(p, id, "assignStaff", {{"staffId", officer}});
  const auto path = "/staff/" + std::to_string(officer);
  expect_refused(put_call(p, path, {{"isActive", false}}), 400,
                 "validation.msg.staff.isactive.staff.is.assigned");
  EXPECT_EQ(put_call(p, path, {{"isActive", false}, {"forceStatus", false}}).status, 200);
}

TEST(PortfolioClientIdentifiers, CreateUpdateDeleteAndTheList) {
  portfolio p;
  const auto id = new_client(p, true);
  const auto path = client_path(id) + "/identifiers";
  auto out = call(p, post(path, {{"documentTypeId", 1},
                                 {"documentKey", "P1234567"},
                                 {"status", "Active"},
                                 {"description", "passport"}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1})");
  EXPECT_EQ(out.event->entity, "CLIENTIDENTIFIER");
  EXPECT_EQ(out.event->action, "CREATE");

  out = put_call(p, path + "/1", {{"documentKey", "P7654321"}, {"status", "inactive"}});
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1,)"
                             R"("changes":{"documentKey":"P7654321","status":"INACTIVE"}})");
  EXPECT_EQ(call(p, get(path)).body.dump(),
            R"([{"id":1,"clientId":1,"documentType":{"id":1},"documentKey":"P7654321",)"
            R"("description":"passport","status":"clientIdentifierStatusType.inactive"}])");

  out = delete_call(p, path + "/1");
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1})");
  EXPECT_EQ(out.event->action, "DELETE");
  EXPECT_EQ(call(p, get(path)).body.dump(), "[]");
  expect_refused(delete_call(p, path + "/1"), 404, "error.msg.clientIdentifier.id.invalid");
}

TEST(PortfolioClientIdentifiers, UniqueKeysAreEnforced) {
  portfolio p;
  const auto first = new_client(p, true);
  const auto second = new_client(p, true);
  auto doc = [](const char* key) {
    return json{{"documentTypeId", 1}, {"documentKey", key}, {"status", "ACTIVE"}};
  };
  call(p, post(client_path(first) + "/identifiers", doc("P1")));
  expect_refused(call(p, post(client_path(second) + "/identifiers", doc("P1"))), 403,
                 "error.msg.clientIdentifier.identityKey.duplicate");
  expect_refused(call(p, post(client_path(first) + "/identifiers", doc("P2"))), 403,
                 "error.msg.clientIdentifier.type.duplicate");
}

TEST(PortfolioClientIdentifiers, CreateValidatesBeforeLookingTheClientUp) {
  portfolio p;
  expect_refused(
      call(p, post("/clients/3/identifiers", {{"documentKey", "P1"}, {"status", "ACTIVE"}})), 400,
      "validation.msg.clientIdentifier.documentTypeId.cannot.be.blank");
  expect_refused(
      call(p, post("/clients/3/identifiers",
                   {{"documentTypeId", 1}, {"documentKey", "P1"}, {"status", "ACTIVE"}})),
      404, "error.msg.client.id.invalid");
}

TEST(PortfolioClientIdentifiers, AClientWithIdentifiersCannotBeDeleted) {
  portfolio p;
  const auto id = new_client(p, false);
  call(p, post(client_path(id) + "/identifiers",
               {{"documentTypeId", 1}, {"documentKey", "P1"}, {"status", "ACTIVE"}}));
  expect_refused(delete_call(p, client_path(id)), 403,
                 "error.msg.client.unknown.data.integrity.issue");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
