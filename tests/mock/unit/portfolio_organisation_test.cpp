// portfolio_organisation_test.cpp: offices, groups and centers through the portfolio.
#include <gtest/gtest.h>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

// --- offices -----------------------------------------------------------------------------

TEST(PortfolioOffices, CreateAnswersOfficeAndResourceId) {
  portfolio p;
  auto out = call(
      p, post("/offices",
              dated({{"name", "Nairobi"}, {"parentId", 1}, {"openingDate", "01 January 2013"}})));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"officeId":2,"resourceId":2})");
  EXPECT_EQ(out.event->entity, "OFFICE");
  EXPECT_EQ(out.event->action, "CREATE");
}

TEST(PortfolioOffices, ListShowsHierarchyAndParent) {
  portfolio p;
  call(p, post("/offices",
               dated({{"name", "Nairobi"}, {"parentId", 1}, {"openingDate", "01 January 2013"}})));
  auto list = call(p, get("/offices")).body;
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(
      list[0].dump(),
      R"({"id":1,"name":"Head Office","nameDecorated":"Head Office","openingDate":[2009,1,1],"hierarchy":"."})");
  EXPECT_EQ(list[1]["hierarchy"], ".2.");
  EXPECT_EQ(list[1]["nameDecorated"], "....Nairobi");
  EXPECT_EQ(list[1]["parentName"], "Head Office");
  EXPECT_EQ(list[1]["openingDate"].dump(), "[2013,1,1]");
}

TEST(PortfolioOffices, UnknownParentIs404) {
  portfolio p;
  auto out =
      call(p, post("/offices",
                   dated({{"name", "X"}, {"parentId", 5}, {"openingDate", "01 January 2013"}})));
  EXPECT_EQ(out.status, 404);
  EXPECT_EQ(first_error_code(out), "error.msg.office.id.invalid");
  EXPECT_EQ(out.body["errors"][0]["defaultUserMessage"], "Office with identifier 5 does not exist");
}

TEST(PortfolioOffices, DuplicateNameIsADomainRule) {
  portfolio p;
  auto out = call(
      p,
      post("/offices",
           dated({{"name", "Head Office"}, {"parentId", 1}, {"openingDate", "01 January 2013"}})));
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(first_error_code(out), "error.msg.office.duplicate.name");
}

TEST(PortfolioOffices, UnknownOfficeReadIs404) {
  portfolio p;
  EXPECT_EQ(call(p, get("/offices/3")).status, 404);
}

// --- groups and centers ------------------------------------------------------------------

TEST(PortfolioGroups, CreateGroupAnswersOfficeGroupAndResourceId) {
  portfolio p;
  auto out = call(p, post("/groups", {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"groupId":1,"resourceId":1})");
  EXPECT_EQ(out.event->entity, "GROUP");
}

TEST(PortfolioGroups, CenterTakesItsIdFromTheGroupSequence) {
  portfolio p;
  call(p, post("/groups", {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}}));
  auto out = call(p, post("/centers", dated({{"officeId", 1},
                                             {"name", "Market"},
                                             {"active", true},
                                             {"activationDate", "01 May 2013"}})));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"groupId":2,"resourceId":2})");
  EXPECT_EQ(out.event->entity, "CENTER");
  EXPECT_EQ(out.event->action, "CREATE");
  EXPECT_EQ(call(p, get("/centers/2")).body["name"], "Market");
}

TEST(PortfolioGroups, GroupIsNotFoundAsACenter) {
  portfolio p;
  call(p, post("/groups", {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}}));
  auto out = call(p, get("/centers/1"));
  EXPECT_EQ(out.status, 404);
  EXPECT_EQ(first_error_code(out), "error.msg.center.id.invalid");
  EXPECT_EQ(first_error_code(call(p, get("/groups/9"))), "error.msg.group.id.invalid");
}

TEST(PortfolioGroups, ClientMembersJoinTheGroup) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/groups",
               {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}, {"clientMembers", {1}}}));
  auto g = call(p, get("/groups/1")).body;
  EXPECT_EQ(g["clientMembers"].dump(),
            R"([{"id":1,"accountNo":"000000001","displayName":"Petra Yton"}])");
  EXPECT_EQ(call(p, get("/clients/1")).body["groupId"], 1);
}

TEST(PortfolioGroups, UnknownClientMemberIs404) {
  portfolio p;
  auto out = call(
      p, post("/groups",
              {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}, {"clientMembers", {5}}}));
  EXPECT_EQ(out.status, 404);
  EXPECT_EQ(first_error_code(out), "error.msg.client.id.invalid");
}

TEST(PortfolioGroups, GroupUnderACenterShowsIt) {
  portfolio p;
  call(p, post("/centers", {{"officeId", 1}, {"name", "Market"}, {"active", false}}));
  call(p, post("/groups", {{"centerId", 1}, {"name", "Sunrise"}, {"active", false}}));
  auto g = call(p, get("/groups/2")).body;
  EXPECT_EQ(g["centerId"], 1);
  EXPECT_EQ(g["hierarchy"], ".1.2.");
  EXPECT_EQ(call(p, get("/centers/1")).body["groupMembers"][0]["id"], 2);
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
