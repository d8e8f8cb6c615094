// batch_test.cpp: POST /batches through the mock's REST front: dependent requests, the 501 of a
// sub-request Fineract's batch does not know, a failed parent, and enclosingTransaction=true
// (hooks of what ran fire, then every change rolls back: Fineract 2024-10).
#include "server/batch.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "portfolio_calls.hpp"
#include "server/mock_front.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

const std::string kRoot = "/fineract-provider/api/v1";

hooks::delivery request(std::string method, std::string target, std::string body = "") {
  hooks::delivery d;
  d.method = std::move(method);
  d.target = kRoot + std::move(target);
  d.body = std::move(body);
  d.headers = {{"Host", "mock.test:8443"},
               {"Content-Type", "application/json"},
               {"Authorization", "Basic bWlmb3M6cGFzc3dvcmQ="},
               {"Fineract-Platform-TenantId", "default"}};
  return d;
}

std::string client(bool valid) {
  json b = portfolio_test::client_body();
  if (!valid) b.erase("officeId");
  return b.dump();
}

std::string loan_for(const std::string& client_id) {
  json b = portfolio_test::loan_body(0);
  b["clientId"] = client_id;
  return b.dump();
}

class Batch : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* entity : {"CLIENT", "LOAN"}) {
      json hook = {
          {"name", "Web"},
          {"displayName", std::string("on ") + entity},
          {"isActive", true},
          {"events", {{{"entityName", entity}, {"actionName", "CREATE"}}}},
          {"config", {{"Payload URL", "http://127.0.0.1:9/hooks/"}, {"Content Type", "json"}}}};
      ASSERT_EQ(front_.handle(request("POST", "/hooks", hook.dump()), now()).answer.status, 200);
    }
  }
  static std::chrono::system_clock::time_point now() { return std::chrono::system_clock::now(); }
  front_result batch(const json& requests, const std::string& query = "") {
    return front_.handle(request("POST", "/batches" + query, requests.dump()), now());
  }
  std::size_t clients() {
    auto r = front_.handle(request("GET", "/clients"), now());
    return json::parse(r.answer.body)["totalFilteredRecords"].get<std::size_t>();
  }
  mock_front front_{mock_settings{}, [](const std::string&) { return true; }};
};

TEST_F(Batch, AChildTakesItsParentsIdsAndEachCommandFiresItsOwnHook) {
  const json requests = {{{"requestId", 1},
                          {"relativeUrl", "clients"},
                          {"method", "POST"},
                          {"headers", {{{"name", "Content-Type"}, {"value", "application/json"}}}},
                          {"body", client(true)}},
                         {{"requestId", 2},
                          {"relativeUrl", "v1/loans"},
                          {"method", "POST"},
                          {"reference", 1},
                          {"body", loan_for("$.clientId")}}};
  auto r = batch(requests);
  ASSERT_EQ(r.answer.status, 200) << r.answer.body;
  const json answers = json::parse(r.answer.body);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(
      answers[0].dump(),
      R"({"requestId":1,"statusCode":200,"headers":[{"name":"Content-Type","value":"application/json"}],)"
      R"("body":"{\"officeId\":1,\"clientId\":1,\"resourceId\":1}"})");
  EXPECT_EQ(answers[1]["statusCode"], 200) << answers[1].dump();
  EXPECT_EQ(json::parse(answers[1]["body"].get<std::string>())["clientId"], 1);
  ASSERT_EQ(r.firings.size(), 2u);
  EXPECT_EQ(r.firings[0].event.entity, "CLIENT");
  EXPECT_EQ(r.firings[1].event.entity, "LOAN");
}

TEST_F(Batch, ARequestTheBatchDoesNotKnowAnswers501AndTheOthersStillRun) {
  const json requests = {
      {{"requestId", 1}, {"relativeUrl", "clients/1?command=close"}, {"method", "POST"}},
      {{"requestId", 2}, {"relativeUrl", "clients"}, {"method", "POST"}, {"body", client(true)}}};
  const json answers = json::parse(batch(requests).answer.body);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0]["statusCode"], 501);
  EXPECT_EQ(answers[0]["body"],
            "Resource with method POST and relativeUrl clients/1?command=close doesn't exist");
  EXPECT_EQ(answers[1]["statusCode"], 200);
  EXPECT_EQ(clients(), 1u);
}

TEST_F(Batch, TheChildrenOfAFailedRequestAreNotRun) {
  const json requests = {
      {{"requestId", 1}, {"relativeUrl", "clients"}, {"method", "POST"}, {"body", client(false)}},
      {{"requestId", 2},
       {"relativeUrl", "loans"},
       {"method", "POST"},
       {"reference", 1},
       {"body", loan_for("$.clientId")}}};
  auto r = batch(requests);
  const json answers = json::parse(r.answer.body);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0]["statusCode"], 400);
  EXPECT_EQ(answers[1]["statusCode"], 400);
  EXPECT_EQ(answers[1]["body"], "Parent request with id 1 was erroneous!");
  ASSERT_EQ(r.firings.size(), 1u);  // the failed CLIENT CREATE, as Fineract publishes it
  EXPECT_TRUE(r.firings[0].event.failed());
}

TEST_F(Batch, InOneTransactionAFailureRollsEverythingBackAfterTheHooksFired) {
  const json requests = {
      {{"requestId", 1}, {"relativeUrl", "clients"}, {"method", "POST"}, {"body", client(true)}},
      {{"requestId", 2}, {"relativeUrl", "clients"}, {"method", "POST"}, {"body", client(false)}},
      {{"requestId", 3}, {"relativeUrl", "clients"}, {"method", "POST"}, {"body", client(true)}}};
  auto r = batch(requests, "?enclosingTransaction=true");
  ASSERT_EQ(r.answer.status, 200);
  const json answers = json::parse(r.answer.body);
  ASSERT_EQ(answers.size(), 1u) << answers.dump();
  EXPECT_EQ(answers[0]["requestId"], 2);
  EXPECT_EQ(answers[0]["statusCode"], 400);
  EXPECT_EQ(json::parse(answers[0]["body"].get<std::string>())["errors"][0]["parameterName"],
            "officeId");
  EXPECT_EQ(clients(), 0u);
  ASSERT_EQ(r.firings.size(), 2u);  // request 1's success and request 2's failure
  EXPECT_FALSE(r.firings[0].event.failed());
  EXPECT_TRUE(r.firings[1].event.failed());
}

TEST_F(Batch, InOneTransactionWithoutAFailureEverythingStays) {
  const json requests = {
      {{"requestId", 1}, {"relativeUrl", "clients"}, {"method", "POST"}, {"body", client(true)}},
      {{"requestId", 2}, {"relativeUrl", "clients"}, {"method", "POST"}, {"body", client(true)}}};
  const json answers = json::parse(batch(requests, "?enclosingTransaction=true").answer.body);
  EXPECT_EQ(answers.size(), 2u);
  EXPECT_EQ(clients(), 2u);
}

TEST_F(Batch, AMalformedBatchIsA400) {
  EXPECT_EQ(batch(json::object()).answer.status, 400);
  EXPECT_EQ(batch(json::array({{{"relativeUrl", "clients"}}})).answer.status, 400);
  auto unknown_parent = batch(json::array(
      {{{"requestId", 1}, {"relativeUrl", "clients"}, {"method", "POST"}, {"reference", 9}}}));
  EXPECT_EQ(json::parse(unknown_parent.answer.body)[0]["statusCode"], 400);
}

TEST(BatchStrategies, AreFineractsTableWithOrWithoutTheVersion) {
  EXPECT_TRUE(batch_supports("POST", "clients"));
  EXPECT_TRUE(batch_supports("POST", "v1/clients"));
  EXPECT_TRUE(batch_supports("GET", "loans/3?associations=all"));
  EXPECT_TRUE(batch_supports("POST", "loans/3/transactions?command=repayment"));
  EXPECT_TRUE(batch_supports("POST", "savingsaccounts/3/transactions?command=deposit"));
  EXPECT_FALSE(batch_supports("POST", "clients/1?command=close"));
  EXPECT_FALSE(batch_supports("GET", "clients"));
  EXPECT_FALSE(batch_supports("POST", "/clients"));
}

}  // namespace
}  // namespace mifos::mock
