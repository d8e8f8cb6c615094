// A client's family members (/clients/{id}/familymembers: FAMILYMEMBERS CREATE, UPDATE, DELETE)
// and addresses (/client/{id}/addresses: ADDRESS CREATE, UPDATE), with their GETs.
#include <gtest/gtest.h>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

std::string family_path(std::int64_t client_id) {
  return client_path(client_id) + "/familymembers";
}
std::string address_path(std::int64_t client_id) {
  return "/client/" + std::to_string(client_id) + "/addresses";
}

json member() {
  return dated({{"firstName", "Amani"},
                {"lastName", "Mwangi"},
                {"relationshipId", 17},
                {"isDependent", "true"},
                {"age", "19"},
                {"dateOfBirth", "02 March 2005"}});
}

rest_outcome new_address(portfolio& p, std::int64_t client_id, const char* type = "1") {
  return call(p, post(address_path(client_id),
                      {{"addressLine1", "12 Moi Avenue"}, {"city", "Nairobi"}, {"isActive", true}},
                      {{"type", type}}));
}

TEST(PortfolioFamilyMembers, CreateAnswersTheMembersIdAndTheGetsShowIt) {
  portfolio p;
  const auto client_id = new_client(p, true);
  auto out = call(p, post(family_path(client_id), member()));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "FAMILYMEMBERS");
  EXPECT_EQ(out.event->action, "CREATE");

  auto one = call(p, get(family_path(client_id) + "/1")).body;
  EXPECT_EQ(one["id"], 1);
  EXPECT_EQ(one["clientId"], client_id);
  EXPECT_EQ(one["firstName"], "Amani");
  EXPECT_EQ(one["relationshipId"], 17);
  EXPECT_EQ(one["genderId"], 0);
  EXPECT_EQ(one["age"], 19);
  EXPECT_EQ(one["isDependent"], true);
  EXPECT_EQ(one["dateOfBirth"].dump(), "[2005,3,2]");
  auto list = call(p, get(family_path(client_id))).body;
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["lastName"], "Mwangi");
}

TEST(PortfolioFamilyMembers, UnknownClientIsNotFound) {
  portfolio p;
  expect_refused(call(p, post(family_path(9), member())), 404, "error.msg.client.id.invalid");
}

// Fineract's deserializer builds "cannot be blank" errors for firstName but never throws them.
TEST(PortfolioFamilyMembers, MemberWithoutANameIsStored) {
  portfolio p;
  const auto client_id = new_client(p, true);
  auto out = call(p, post(family_path(client_id), {{"qualification", "Teacher"}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(call(p, get(family_path(client_id) + "/1")).body["firstName"], "");
}

TEST(PortfolioFamilyMembers, RelationShipIdIsAnUnsupportedParameter) {
  portfolio p;
  const auto client_id = new_client(p, true);
  expect_refused(call(p, post(family_path(client_id), {{"relationShipId", 3}})), 400,
                 "error.msg.parameter.unsupported");
}

TEST(PortfolioFamilyMembers, UpdateChangesFieldsButNeverTheRelationship) {
  portfolio p;
  const auto client_id = new_client(p, true);
  call(p, post(family_path(client_id), member()));
  auto out = put_call(p, family_path(client_id) + "/1",
                      {{"mobileNumber", "+254700000042"}, {"relationshipId", 18}});
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  auto one = call(p, get(family_path(client_id) + "/1")).body;
  EXPECT_EQ(one["mobileNumber"], "+254700000042");
  EXPECT_EQ(one["relationshipId"], 17);
}

TEST(PortfolioFamilyMembers, WrongTypedAgeIsRefused) {
  portfolio p;
  const auto client_id = new_client(p, true);
  auto out = call(p, post(family_path(client_id), {{"age", "old"}}));
  EXPECT_EQ(out.status, 400) << out.body.dump();
}

TEST(PortfolioFamilyMembers, DeleteRemovesTheMemberOnce) {
  portfolio p;
  const auto client_id = new_client(p, true);
  call(p, post(family_path(client_id), member()));
  auto out = delete_call(p, family_path(client_id) + "/1");
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  EXPECT_EQ(call(p, get(family_path(client_id))).body.size(), 0U);
  EXPECT_EQ(delete_call(p, family_path(client_id) + "/1").status, 404);
}

TEST(PortfolioAddresses, CreateAnswersTheAddressIdAndTheGetShowsFineractsKeys) {
  portfolio p;
  const auto client_id = new_client(p, true);
  auto out = new_address(p, client_id);
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "ADDRESS");
  auto list = call(p, get(address_path(client_id))).body;
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["clientID"], client_id);
  EXPECT_EQ(list[0]["addressId"], 1);
  EXPECT_EQ(list[0]["addressTypeId"], 1);
  EXPECT_EQ(list[0]["isActive"], true);
  EXPECT_EQ(list[0]["city"], "Nairobi");
  EXPECT_EQ(list[0]["createdOn"].dump(), "[2024,10,24]");
}

TEST(PortfolioAddresses, CreateNeedsTheTypeQueryParameter) {
  portfolio p;
  const auto client_id = new_client(p, true);
  auto out = call(p, post(address_path(client_id), {{"city", "Nairobi"}}));
  EXPECT_EQ(out.status, 400) << out.body.dump();
  EXPECT_EQ(out.event->http_status, 400);
}

TEST(PortfolioAddresses, DisabledFieldsAreUnsupported) {
  portfolio p;
  const auto client_id = new_client(p, true);
  expect_refused(
      call(p, post(address_path(client_id), {{"townVillage", "Kibera"}}, {{"type", "1"}})), 400,
      "error.msg.parameter.unsupported");
}

TEST(PortfolioAddresses, UnknownClientIsNotFound) {
  portfolio p;
  expect_refused(new_address(p, 9), 404, "error.msg.client.id.invalid");
}

// Fineract sets is_active from booleanPrimitiveValueOfParameterNamed: false when left out.
TEST(PortfolioAddresses, UpdateWithoutIsActiveDeactivatesTheAddress) {
  portfolio p;
  const auto client_id = new_client(p, true);
  new_address(p, client_id);
  auto out = put_call(p, address_path(client_id), {{"addressId", 1}, {"postalCode", "00100"}});
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  auto a = call(p, get(address_path(client_id))).body[0];
  EXPECT_EQ(a["postalCode"], "00100");
  EXPECT_EQ(a["isActive"], false);
}

TEST(PortfolioAddresses, UpdateOfAnotherClientsAddressIsNotFound) {
  portfolio p;
  const auto owner = new_client(p, true);
  const auto other = new_client(p, true);
  new_address(p, owner);
  expect_refused(put_call(p, address_path(other), {{"addressId", 1}, {"city", "Mombasa"}}), 404,
                 "error.msg.address.client.Identifier.not.found");
}

TEST(PortfolioAddresses, GetFiltersByTypeAndStatus) {
  portfolio p;
  const auto client_id = new_client(p, true);
  new_address(p, client_id, "1");
  new_address(p, client_id, "2");
  put_call(p, address_path(client_id), {{"addressId", 2}, {"isActive", false}});
  EXPECT_EQ(call(p, get(address_path(client_id), {{"type", "2"}})).body.size(), 1U);
  auto active = call(p, get(address_path(client_id), {{"status", "true"}})).body;
  ASSERT_EQ(active.size(), 1U);
  EXPECT_EQ(active[0]["addressId"], 1);
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
