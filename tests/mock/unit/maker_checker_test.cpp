// maker_checker_test.cpp: maker-checker through the mock's REST front: a maker's command is
// rolled back, parked and published as a failure; a checker's approval runs it and publishes its
// success with commandId = the queue id; a rejection publishes nothing; super users are never
// parked (docs/wire-format.md section 4).
#include <gtest/gtest.h>

#include <mifos/hooks/base64.hpp>
#include <nlohmann/json.hpp>

#include "server/mock_front.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

const std::string kRoot = "/fineract-provider/api/v1";

class MakerChecker : public ::testing::Test {
 protected:
  front_result as(const std::string& user, std::string method, const std::string& target,
                  const json& body = nullptr) {
    hooks::delivery d;
    d.method = std::move(method);
    d.target = kRoot + target;
    if (!body.is_null()) d.body = body.dump();
    d.headers = {{"Host", "mock.test:8443"},
                 {"Content-Type", "application/json"},
                 {"Authorization", "Basic " + hooks::base64_encode(user + ":password")},
                 {"Fineract-Platform-TenantId", "default"}};
    return front_.handle(d, std::chrono::system_clock::now());
  }
  void ok(const front_result& r) { ASSERT_EQ(r.answer.status, 200) << r.answer.body; }

  void SetUp() override {
    ok(as("mifos", "POST", "/roles", {{"name", "Maker"}, {"description", "makes"}}));
    ok(as("mifos", "PUT", "/roles/2/permissions", {{"permissions", {{"CREATE_CLIENT", true}}}}));
    ok(as("mifos", "POST", "/roles", {{"name", "Checker"}, {"description", "checks"}}));
    ok(as("mifos", "PUT", "/roles/3/permissions",
          {{"permissions", {{"CREATE_CLIENT_CHECKER", true}}}}));
    for (auto [name, role] : {std::pair("maker", 2), std::pair("checker", 3)})
      ok(as("mifos", "POST", "/users",
            {{"username", name},
             {"firstname", name},
             {"lastname", "User"},
             {"officeId", 1},
             {"roles", {role}},
             {"password", "password"},
             {"repeatPassword", "password"}}));
    ok(as("mifos", "PUT", "/configurations/1", {{"enabled", true}}));
    ok(as("mifos", "PUT", "/permissions", {{"permissions", {{"CREATE_CLIENT", true}}}}));
    ok(as("mifos", "POST", "/hooks",
          {{"name", "Web"},
           {"displayName", "clients"},
           {"isActive", true},
           {"events", {{{"entityName", "CLIENT"}, {"actionName", "CREATE"}}}},
           {"config", {{"Payload URL", "http://127.0.0.1:9/hooks/"}, {"Content Type", "json"}}}}));
  }
  std::size_t clients() {
    return json::parse(as("mifos", "GET", "/clients").answer.body)["totalFilteredRecords"];
  }
  static json client() {
    return {{"officeId", 1}, {"firstname", "Petra"}, {"lastname", "Yton"}, {"active", false}};
  }
  mock_front front_{mock_settings{}, [](const std::string&) { return true; }};
};

TEST_F(MakerChecker, AMakersCommandIsParkedAndPublishedAsAFailure) {
  auto r = as("maker", "POST", "/clients", client());
  ASSERT_EQ(r.answer.status, 200) << r.answer.body;
  EXPECT_EQ(r.answer.body, R"({"commandId":1,"rollbackTransaction":true})");
  ASSERT_EQ(r.firings.size(), 1u);
  EXPECT_TRUE(r.firings[0].event.failed());
  EXPECT_EQ(r.firings[0].event.user.username, "maker");
  EXPECT_EQ(clients(), 0u);
  const json waiting = json::parse(as("checker", "GET", "/makercheckers").answer.body);
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0]["id"], 1);
  EXPECT_EQ(waiting[0]["entityName"], "CLIENT");
  EXPECT_EQ(waiting[0]["actionName"], "CREATE");
  EXPECT_EQ(waiting[0]["maker"], "maker");
}

TEST_F(MakerChecker, ApprovalRunsTheCommandAndPublishesItsSuccessWithTheCommandId) {
  as("maker", "POST", "/clients", client());
  auto r = as("checker", "POST", "/makercheckers/1?command=approve", json::object());
  ASSERT_EQ(r.answer.status, 200) << r.answer.body;
  EXPECT_EQ(r.answer.body, R"({"commandId":1,"officeId":1,"clientId":1,"resourceId":1})");
  ASSERT_EQ(r.firings.size(), 1u);
  EXPECT_FALSE(r.firings[0].event.failed());
  EXPECT_EQ((*r.firings[0].event.result)["commandId"], 1);
  EXPECT_EQ(r.firings[0].event.user.username, "checker");
  EXPECT_EQ(clients(), 1u);
  EXPECT_EQ(json::parse(as("checker", "GET", "/makercheckers").answer.body).size(), 0u);
  auto again = as("checker", "POST", "/makercheckers/1?command=approve", json::object());
  EXPECT_EQ(again.answer.status, 404);
  EXPECT_NE(again.answer.body.find("error.msg.command.id.not.awaiting.approval"),
            std::string::npos);
}

TEST_F(MakerChecker, ARejectionPublishesNothingAndChangesNothing) {
  as("maker", "POST", "/clients", client());
  auto r = as("checker", "POST", "/makercheckers/1?command=reject", json::object());
  ASSERT_EQ(r.answer.status, 200) << r.answer.body;
  EXPECT_EQ(r.answer.body, R"({"commandId":1})");
  EXPECT_TRUE(r.firings.empty());
  EXPECT_EQ(clients(), 0u);
}

TEST_F(MakerChecker, OnlyACheckerOfThatTaskMayApprove) {
  as("maker", "POST", "/clients", client());
  auto r = as("maker", "POST", "/makercheckers/1?command=approve", json::object());
  EXPECT_EQ(r.answer.status, 403) << r.answer.body;
  EXPECT_TRUE(r.firings.empty());
  EXPECT_EQ(as("checker", "POST", "/makercheckers/9?command=approve", json::object()).answer.status,
            404);
}

TEST_F(MakerChecker, ASuperUserAndAnUnmarkedTaskAreNeverParked) {
  auto r = as("mifos", "POST", "/clients", client());
  ASSERT_EQ(r.answer.status, 200);
  EXPECT_EQ(json::parse(r.answer.body)["clientId"], 1);
  ok(as("mifos", "PUT", "/configurations/1", {{"enabled", false}}));
  EXPECT_EQ(json::parse(as("maker", "POST", "/clients", client()).answer.body)["clientId"], 2);
}

}  // namespace
}  // namespace mifos::mock
