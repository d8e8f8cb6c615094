// serve_test.cpp: real mock-mifos and hello-receiver processes on 127.0.0.1. A hook is
// registered through the REST API, a command is run through the REST API, and the receiver must
// get exactly the expected event: both dialects, JSON and form, success and failure, fan-out,
// hooks that must stay silent, no retries.
#include <gtest/gtest.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "capture_server.hpp"
#include "hello_receiver.hpp"
#include "http_client.hpp"
#include "mock_mifos.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;

const std::string kMissingFirstname =
    R"({"officeId":1,"lastname":"Yton","active":false,"dateFormat":"dd MMMM yyyy","locale":"en"})";

struct dialect_case {
  const char* dialect;
  const char* format;
};

void PrintTo(const dialect_case& c, std::ostream* os) { *os << c.dialect << "/" << c.format; }

class MockMifosDelivers : public ::testing::TestWithParam<dialect_case> {};

TEST_P(MockMifosDelivers, AClientCreatedThroughTheApiReachesTheReceiverAsThatEvent) {
  const auto [dialect, format] = GetParam();
  hello_receiver receiver;
  mock_mifos mock({"--dialect", dialect});
  mock.add_web_hook(url(receiver.port(), "/hooks/"), {{"CLIENT", "CREATE"}}, format);
  std::int64_t client = mock.create_client();
  ASSERT_GT(client, 0);

  nlohmann::json e = receiver.next_event();
  EXPECT_EQ(e["entity"], "CLIENT");
  EXPECT_EQ(e["action"], "CREATE");
  EXPECT_EQ(e["tenant"], "default");
  EXPECT_EQ(e["dialect"], dialect);
  EXPECT_EQ(e["format"], format);
  EXPECT_EQ(e["shape"], std::string(dialect) == "mifos" ? "result" : "envelope");
  EXPECT_EQ(e["failed"], false);
  EXPECT_EQ(e["clientId"], client);
  EXPECT_EQ(e["resourceId"], client);
  EXPECT_EQ(e["officeId"], 1);
  if (std::string(dialect) == "fineract") {
    EXPECT_EQ(e["createdByName"], "mifos");
    EXPECT_EQ(e["createdBy"], 1);
  }
  auto log = mock.wait_until_sent(1);
  ASSERT_EQ(log["deliveries"].size(), 1u);
  EXPECT_EQ(log["deliveries"][0]["status"], 200);
  EXPECT_EQ(log["deliveries"][0]["request"]["target"], "/hooks/");
}

TEST_P(MockMifosDelivers, AFailedCommandIsDeliveredAsAFailureOnlyInTheFineractDialect) {
  const auto [dialect, format] = GetParam();
  hello_receiver receiver;
  mock_mifos mock({"--dialect", dialect});
  mock.add_web_hook(url(receiver.port(), "/hooks/"), {{"CLIENT", "CREATE"}}, format);
  auto refused = mock.api("POST", "/clients", kMissingFirstname);
  EXPECT_EQ(refused.status, 400);
  if (std::string(dialect) == "mifos") {
    // Mifos X fires nothing for a failed command; a later success proves the hook works.
    std::int64_t client = mock.create_client();
    nlohmann::json e = receiver.next_event();
    EXPECT_EQ(e["clientId"], client);
    EXPECT_EQ(e["failed"], false);
    auto log = mock.wait_until_sent(1);
    EXPECT_EQ(log["total"], 1);
    return;
  }
  nlohmann::json e = receiver.next_event();
  EXPECT_EQ(e["entity"], "CLIENT");
  EXPECT_EQ(e["action"], "CREATE");
  EXPECT_EQ(e["failed"], true);
  EXPECT_EQ(e["shape"], "envelope");
  EXPECT_FALSE(e.contains("clientId"));
  EXPECT_FALSE(e["payload"].contains("response"));  // 1.9+: no response at all
}

INSTANTIATE_TEST_SUITE_P(
    DialectsAndFormats, MockMifosDelivers,
    ::testing::Values(dialect_case{"fineract", "json"}, dialect_case{"fineract", "form"},
                      dialect_case{"mifos", "json"}, dialect_case{"mifos", "form"}),
    [](const auto& test) { return std::string(test.param.dialect) + "_" + test.param.format; });

TEST(MockMifosServe, TheExceptionFailureShapeCarriesTheErrorBody) {
  hello_receiver receiver;
  mock_mifos mock({"--failure-shape", "exception"});
  mock.add_web_hook(url(receiver.port(), "/hooks/"), {{"CLIENT", "CREATE"}});
  EXPECT_EQ(mock.api("POST", "/clients", kMissingFirstname).status, 400);
  nlohmann::json e = receiver.next_event();
  EXPECT_EQ(e["failed"], true);
  EXPECT_EQ(e["payload"]["status"], "Exception");
  EXPECT_EQ(e["payload"]["response"]["httpStatusCode"], "400");
  EXPECT_EQ(e["payload"]["response"]["statusCode"], 400);
}

TEST(MockMifosServe, EachActiveHookForTheEventGetsItsOwnDelivery) {
  hello_receiver first, second;
  mock_mifos mock;
  mock.add_web_hook(url(first.port(), "/hooks/"), {{"CLIENT", "CREATE"}});
  mock.add_web_hook(url(second.port(), "/hooks/"), {{"CLIENT", "CREATE"}, {"LOAN", "REPAYMENT"}});
  std::int64_t client = mock.create_client();
  EXPECT_EQ(first.next_event()["clientId"], client);
  EXPECT_EQ(second.next_event()["clientId"], client);
  auto log = mock.wait_until_sent(2);
  EXPECT_EQ(log["total"], 2);
}

TEST(MockMifosServe, AnInactiveHookAndAHookForAnotherEventGetNothing) {
  hello_receiver receiver, silent;
  mock_mifos mock;
  mock.add_web_hook(url(silent.port(), "/hooks/"), {{"CLIENT", "CREATE"}}, "json",
                    /*active=*/false);
  mock.add_web_hook(url(silent.port(), "/hooks/"), {{"LOAN", "REPAYMENT"}});
  mock.add_web_hook(url(receiver.port(), "/hooks/"), {{"CLIENT", "CREATE"}});
  mock.create_client();
  EXPECT_EQ(receiver.next_event()["entity"], "CLIENT");
  auto log = mock.wait_until_sent(1);
  EXPECT_EQ(log["total"], 1);
  ASSERT_EQ(log["deliveries"].size(), 1u);
  EXPECT_EQ(log["deliveries"][0]["url"], url(receiver.port(), "/hooks/"));
}

TEST(MockMifosServe, AReceiverThatIsDownGetsOneAttemptAndNoRetry) {
  std::uint16_t gone_port = 0;
  mock_mifos mock;
  {
    hello_receiver receiver;  // up while the hook is created: Fineract pings the URL
    gone_port = receiver.port();
    mock.add_web_hook(url(gone_port, "/hooks/"), {{"CLIENT", "CREATE"}});
  }
  mock.create_client();
  auto log = mock.wait_until_sent(1);
  ASSERT_EQ(log["deliveries"].size(), 1u);
  EXPECT_EQ(log["deliveries"][0]["status"], 0);
  EXPECT_FALSE(log["deliveries"][0]["error"].get<std::string>().empty());
  EXPECT_TRUE(mock.idle());
  EXPECT_EQ(mock.deliveries()["total"], 1);
}

TEST(MockMifosServe, AReceiverAnswering500GetsExactlyOneRequest) {
  capture_server receiver;
  receiver.set_response(500, R"({"error":"boom"})");
  mock_mifos mock;
  mock.add_web_hook(receiver.origin() + "/hooks/", {{"CLIENT", "CREATE"}});
  std::size_t pings = receiver.request_count();  // the GET sent when the hook was created
  mock.create_client();
  auto log = mock.wait_until_sent(1);
  EXPECT_EQ(log["deliveries"][0]["status"], 500);
  EXPECT_TRUE(mock.idle());
  EXPECT_EQ(receiver.request_count(), pings + 1);
}

TEST(MockMifosServe, TheSmsBridgeIsRegisteredOnTheFirstEventThenSentTheKey) {
  const std::string key = "0123456789abcdef0123456789abcdef";
  capture_server bridge;
  bridge.set_response(201, key);
  mock_mifos mock;
  nlohmann::json hook = {
      {"name", "SMS Bridge"},
      {"displayName", "SMS to clients"},
      {"isActive", true},
      {"events", {{{"actionName", "CREATE"}, {"entityName", "CLIENT"}}}},
      {"config",
       {{"Payload URL", bridge.origin() + "/modules/sms/"},  // Fineract 1.7+ wants the '/'

        {"SMS Provider", "twilio"},
        {"Phone Number", "+15005550006"},
        {"SMS Provider Token", "token"},
        {"SMS Provider Account Id", "AC123"}}}};
  ASSERT_EQ(mock.api("POST", "/hooks", hook.dump()).status, 200);
  std::size_t before = bridge.request_count();
  mock.create_client("Ada", "One");
  mock.create_client("Bo", "Two");
  ASSERT_TRUE(bridge.wait_for_requests(before + 3, 30s));
  EXPECT_TRUE(mock.idle());
  auto requests = bridge.requests();
  ASSERT_EQ(requests.size(), before + 3) << "one registration and two events";
  const std::string& registration = requests[before];
  EXPECT_EQ(registration.rfind("POST /modules/sms/configuration HTTP/1.1\r\n", 0), 0u)
      << registration;
  auto body = nlohmann::json::parse(registration.substr(registration.find("\r\n\r\n") + 4));
  EXPECT_EQ(body["tenantId"], "default");
  EXPECT_EQ(body["mifosToken"], "bWlmb3M6cGFzc3dvcmQ=");
  EXPECT_EQ(body["phoneNo"], "+15005550006");
  for (std::size_t i = before + 1; i < requests.size(); ++i) {
    EXPECT_EQ(requests[i].rfind("POST /modules/sms/ HTTP/1.1\r\n", 0), 0u) << requests[i];
    EXPECT_NE(requests[i].find("X-Fineract-API-Key: " + key + "\r\n"), std::string::npos)
        << requests[i];
  }
  auto stored = nlohmann::json::parse(mock.api("GET", "/hooks/1").body);
  bool has_key = false;
  for (const auto& field : stored["config"])
    if (field["fieldName"] == "Api Key" && field["fieldValue"] == key) has_key = true;
  EXPECT_TRUE(has_key) << stored.dump();
}

// The generated day runs on the live portfolio (after a client of the API's own, as in
// scripts/demo, and twice): every command still succeeds or fails as planned, and every delivery
// reaches the receiver.
TEST(MockMifosServe, TheScenarioRunsOnTheLivePortfolioAsPlanned) {
  hello_receiver receiver;
  mock_mifos mock;
  mock.add_web_hook(url(receiver.port(), "/hooks/"),
                    {{"CLIENT", "UPDATE"}, {"LOAN", "WRITEOFF"}, {"ACCOUNTTRANSFER", "CREATE"}});
  ASSERT_GT(mock.create_client(), 0);
  for (int run = 0; run < 2; ++run) {
    auto r = http_call("POST", url(mock.port(), "/mock/scenario?clients=150&seed=7"), "", {});
    ASSERT_EQ(r.status, 200) << r.body;
    auto answer = nlohmann::json::parse(r.body, nullptr, false);
    EXPECT_GT(answer.value("commands", 0), 150) << r.body;
    EXPECT_GT(answer.value("fired", 0), 0) << r.body;
    EXPECT_EQ(answer.value("unexpected", -1), 0) << r.body;
  }
  ASSERT_TRUE(mock.idle());
  const nlohmann::json log = mock.deliveries();  // the loop must not outlive it
  for (const auto& d : log["deliveries"]) EXPECT_EQ(d["status"], 200) << d.dump();
}

TEST(MockMifosServe, RefusesCallsWithoutTenantOrCredentials) {
  mock_mifos mock;
  auto no_auth =
      http_call("GET", mock.api_url() + "/clients", "", {"Fineract-Platform-TenantId: default"});
  EXPECT_EQ(no_auth.status, 401);
  auto no_tenant = http_call("GET", mock.api_url() + "/clients", "",
                             {"Authorization: Basic bWlmb3M6cGFzc3dvcmQ="});
  EXPECT_EQ(no_tenant.status, 400);
  EXPECT_NE(no_tenant.body.find("tenantIdentifier"), std::string::npos) << no_tenant.body;
  auto by_query = http_call("GET", mock.api_url() + "/clients?tenantIdentifier=default", "",
                            {"Authorization: Basic bWlmb3M6cGFzc3dvcmQ="});
  EXPECT_EQ(by_query.status, 200) << by_query.body;
}

TEST(MockMifosServe, AnswersMalformedJsonWithFineractsErrorBody) {
  mock_mifos mock;
  auto r = mock.api("POST", "/clients", R"({"officeId":1,)");
  EXPECT_EQ(r.status, 400);
  auto body = nlohmann::json::parse(r.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << r.body;
  EXPECT_EQ(body["httpStatusCode"], "400");
  auto deep = mock.api("POST", "/clients", std::string(100000, '['));
  EXPECT_EQ(deep.status, 400);
  EXPECT_TRUE(mock.process().running());
}

TEST(MockMifosServe, StopsCleanlyOnSigtermAfterSendingWhatWasFired) {
  hello_receiver receiver;
  mock_mifos mock;
  mock.add_web_hook(url(receiver.port(), "/hooks/"), {{"CLIENT", "CREATE"}});
  mock.create_client();
  mock.process().send_signal(SIGTERM);
  EXPECT_EQ(mock.process().wait_for_exit(30s), 0);
  EXPECT_EQ(receiver.next_event()["entity"], "CLIENT");
  EXPECT_NE(mock.process().stderr_text().find("stopped after 1 deliveries"), std::string::npos)
      << mock.process().stderr_text();
}

}  // namespace
}  // namespace mifos::hooks::test
