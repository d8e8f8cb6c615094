// front_test.cpp: the mock's REST front as a pure function: the checks before any
// resource (API root, tenant, credentials, body), and which hooks a command fires.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/mock_front.hpp"

namespace mifos::mock {
namespace {

const std::string kRoot = "/fineract-provider/api/v1";
const std::string kBasicMifos = "Basic bWlmb3M6cGFzc3dvcmQ=";  // mifos:password
const std::string kClient =
    R"({"officeId":1,"firstname":"Petra","lastname":"Yton","active":true,)"
    R"("activationDate":"24 October 2024","dateFormat":"dd MMMM yyyy","locale":"en"})";

hooks::delivery call(std::string method, std::string target, std::string body = "",
                     bool auth = true) {
  hooks::delivery d;
  d.method = std::move(method);
  d.target = std::move(target);
  d.body = std::move(body);
  d.headers = {{"Host", "mock.test:8443"}, {"Content-Type", "application/json"}};
  if (auth) {
    d.headers.push_back({"Authorization", kBasicMifos});
    d.headers.push_back({"Fineract-Platform-TenantId", "default"});
  }
  return d;
}

std::string web_hook(const std::string& entity, const std::string& action, bool active = true) {
  nlohmann::json h = {
      {"name", "Web"},
      {"displayName", "hook " + entity + " " + action + (active ? "" : " off")},
      {"events", {{{"entityName", entity}, {"actionName", action}}}},
      {"config", {{"Payload URL", "http://127.0.0.1:9000/hooks/"}, {"Content Type", "json"}}}};
  if (active) h["isActive"] = true;
  return h.dump();
}

class MockFront : public ::testing::Test {
 protected:
  front_result run(const hooks::delivery& d) {
    return front_.handle(d, std::chrono::system_clock::now());
  }
  mock_front front_{mock_settings{}, [](const std::string&) { return true; }};
};

TEST_F(MockFront, AnswersAPathOutsideTheApiRootWith404) {
  EXPECT_EQ(run(call("GET", "/api/v1/clients")).answer.status, 404);
  EXPECT_EQ(run(call("GET", kRoot + "x/clients")).answer.status, 404);
}

TEST_F(MockFront, RefusesACallWithoutTenantWith400NamingBothWaysToGiveIt) {
  hooks::delivery d = call("GET", kRoot + "/clients", "", false);
  d.headers.push_back({"Authorization", kBasicMifos});
  auto r = run(d);
  EXPECT_EQ(r.answer.status, 400);
  EXPECT_NE(r.answer.body.find("Fineract-Platform-TenantId"), std::string::npos);
  EXPECT_NE(r.answer.body.find("tenantIdentifier"), std::string::npos);
}

TEST_F(MockFront, RefusesAnUnknownTenant) {
  hooks::delivery d = call("GET", kRoot + "/clients?tenantIdentifier=other", "", false);
  d.headers.push_back({"Authorization", kBasicMifos});
  EXPECT_EQ(run(d).answer.status, 400);
}

TEST_F(MockFront, RefusesWrongCredentialsWith401) {
  hooks::delivery d = call("GET", kRoot + "/clients", "", false);
  d.headers.push_back({"Fineract-Platform-TenantId", "default"});
  d.headers.push_back({"Authorization", "Basic bWlmb3M6d3Jvbmc="});  // mifos:wrong
  auto r = run(d);
  EXPECT_EQ(r.answer.status, 401);
  EXPECT_EQ(nlohmann::json::parse(r.answer.body)["httpStatusCode"], "401");
}

TEST_F(MockFront, AuthenticatesWithoutBasicCredentials) {
  hooks::delivery d = call("POST", kRoot + "/authentication",
                           R"({"username":"mifos","password":"password"})", false);
  d.headers.push_back({"Fineract-Platform-TenantId", "default"});
  auto r = run(d);
  EXPECT_EQ(r.answer.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.answer.body)["base64EncodedAuthenticationKey"],
            "bWlmb3M6cGFzc3dvcmQ=");
}

TEST_F(MockFront, AnswersABodyThatIsNotJsonWithFineractsErrorBody) {
  auto r = run(call("POST", kRoot + "/clients", "{not json"));
  EXPECT_EQ(r.answer.status, 400);
  EXPECT_EQ(nlohmann::json::parse(r.answer.body)["httpStatusCode"], "400");
  EXPECT_TRUE(r.firings.empty());
}

TEST_F(MockFront, FiresOnlyActiveHooksSubscribedToTheCommand) {
  ASSERT_EQ(run(call("POST", kRoot + "/hooks", web_hook("CLIENT", "CREATE"))).answer.status, 200);
  ASSERT_EQ(run(call("POST", kRoot + "/hooks", web_hook("CLIENT", "CREATE", false))).answer.status,
            200);
  ASSERT_EQ(run(call("POST", kRoot + "/hooks", web_hook("LOAN", "REPAYMENT"))).answer.status, 200);
  auto r = run(call("POST", kRoot + "/clients", kClient));
  EXPECT_EQ(r.answer.status, 200);
  ASSERT_EQ(r.firings.size(), 1u);
  EXPECT_EQ(r.firings[0].target.id, 1);
  EXPECT_EQ(r.firings[0].event.entity, "CLIENT");
  EXPECT_FALSE(r.firings[0].event.failed());
}

TEST_F(MockFront, TheEndpointComesFromTheHostOfTheFirstAuthenticatedCall) {
  ASSERT_EQ(run(call("POST", kRoot + "/hooks", web_hook("CLIENT", "CREATE"))).answer.status, 200);
  auto r = run(call("POST", kRoot + "/clients", kClient));
  ASSERT_EQ(r.firings.size(), 1u);
  EXPECT_EQ(r.firings[0].settings.endpoint, "http://mock.test:8443/fineract-provider/api/");
}

TEST_F(MockFront, CommandsRunWithoutAnyAuthenticatedCallCarryNoEndpoint) {
  // The scenario runner's commands come through run(), not through HTTP.
  rest_call c;
  c.method = "POST";
  c.path = "/hooks";
  c.body = nlohmann::ordered_json::parse(web_hook("CLIENT", "CREATE"));
  c.tenant = "default";
  ASSERT_EQ(front_.run(c).first.status, 200);
  c.path = "/clients";
  c.body = nlohmann::ordered_json::parse(kClient);
  auto [outcome, firings] = front_.run(c);
  EXPECT_EQ(outcome.status, 200);
  ASSERT_EQ(firings.size(), 1u);
  EXPECT_FALSE(firings[0].settings.endpoint.has_value());
}

TEST(MockFrontMifos, FiresNothingForAFailedCommandAndUsesTheMifosRoot) {
  mock_settings s;
  s.dialect = hooks::wire_dialect::mifos;
  mock_front front(s, [](const std::string&) { return true; });
  auto mifos_call = [](std::string method, std::string target, std::string body) {
    hooks::delivery d;
    d.method = std::move(method);
    d.target = "/mifosng-provider/api/v1" + target;
    d.body = std::move(body);
    d.headers = {{"Authorization", kBasicMifos}, {"X-Mifos-Platform-TenantId", "default"}};
    return d;
  };
  auto now = std::chrono::system_clock::now();
  // A Payload URL without the trailing '/' is fine in Mifos X: it appended one itself.
  std::string hook = web_hook("CLIENT", "CREATE");
  nlohmann::json h = nlohmann::json::parse(hook);
  h["config"]["Payload URL"] = "http://127.0.0.1:9000/hooks";
  ASSERT_EQ(front.handle(mifos_call("POST", "/hooks", h.dump()), now).answer.status, 200);
  auto refused = front.handle(mifos_call("POST", "/clients", R"({"officeId":1})"), now);
  EXPECT_EQ(refused.answer.status, 400);
  EXPECT_TRUE(refused.firings.empty());
  auto created = front.handle(mifos_call("POST", "/clients", kClient), now);
  EXPECT_EQ(created.answer.status, 200);
  EXPECT_EQ(created.firings.size(), 1u);
}

// Fineract compares ?command= trimmed and ignoring case.
TEST_F(MockFront, ACommandInAnotherCaseRunsThatCommand) {
  ASSERT_EQ(run(call("POST", kRoot + "/clients",
                     R"({"officeId":1,"firstname":"Petra","lastname":"Yton","active":false})"))
                .answer.status,
            200);
  auto r = run(
      call("POST", kRoot + "/clients/1?command=ACTIVATE%20",
           R"({"activationDate":"24 October 2024","dateFormat":"dd MMMM yyyy","locale":"en"})"));
  EXPECT_EQ(r.answer.status, 200) << r.answer.body;
}

}  // namespace
}  // namespace mifos::mock
