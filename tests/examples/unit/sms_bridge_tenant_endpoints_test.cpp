// sms_bridge_tenant_endpoints_test.cpp: the SMS bridge's endpoints for one tenant (its
// configuration, its events, resending), and the answers to paths and methods it does not have.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "protocol.hpp"
#include "sqlite_store.hpp"

namespace sms_bridge {
namespace {

using mifos::hooks::delivery;
using mifos::hooks::http_answer;

const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1729763579));

delivery request(std::string method, std::string target, std::string body = {},
                 std::vector<mifos::hooks::header_field> headers = {}) {
  delivery d;
  d.method = std::move(method);
  d.target = std::move(target);
  d.body = std::move(body);
  d.headers = std::move(headers);
  return d;
}

const std::string kRegistration =
    R"({"phoneNo":"+15550001111","smsProvider":"twilio","smsProviderAccountId":"AC0123456789",)"
    R"("smsProviderToken":"s3cr3t","tenantId":"default","mifosToken":"bWlmb3M6cGFzc3dvcmQ=",)"
    R"("endpoint":"https://localhost:8443/mifosng-provider/api/v1/"})";

class SmsBridgeTenantEndpoints : public testing::Test {
 protected:
  http_answer ask(const delivery& d) { return bridge_.handle(d, kNow); }

  // Registers "default" and returns its key.
  std::string registered() {
    auto a = ask(request("POST", "/modules/sms/configuration", kRegistration));
    EXPECT_EQ(a.status, 201) << a.body;
    return a.body;
  }

  // A Mifos X CLIENT CREATE for "default" carrying `key`.
  static delivery client_create(const std::string& key) {
    delivery d = load_fixture("deliveries/mifosx-sms-bridge-client-create.http");
    d.target = "/modules/sms/";
    for (auto& h : d.headers)
      if (h.name == "X-Mifos-API-Key") h.value = key;
    return d;
  }

  // Answers `d` with 200 and returns the stored event.
  sms_event accepted(const delivery& d) {
    auto a = ask(d);
    EXPECT_EQ(a.status, 200) << a.body;
    auto stored = queued_.empty() ? std::nullopt : store_.find_event(queued_.back());
    return stored.value_or(sms_event{});
  }

  sqlite_store store_{":memory:"};
  std::vector<std::int64_t> queued_;
  protocol bridge_{store_, [this](std::int64_t id) { queued_.push_back(id); }};
};

TEST_F(SmsBridgeTenantEndpoints, ConfigurationWithTheKeyIsShownMasked) {
  const std::string key = registered();
  auto a =
      ask(request("GET", "/modules/sms/configuration/default", "", {{"X-Fineract-API-Key", key}}));
  EXPECT_EQ(a.status, 200);
  const auto shown = nlohmann::json::parse(a.body);
  EXPECT_EQ(shown["phoneNo"], "+15550001111");
  EXPECT_EQ(shown["smsProviderToken"], "********");
  EXPECT_EQ(shown["mifosToken"], "********");
  EXPECT_EQ(a.body.find("s3cr3t"), std::string::npos);
}

TEST_F(SmsBridgeTenantEndpoints, ConfigurationWithoutOrWithAWrongKeyIs401) {
  registered();
  EXPECT_EQ(ask(request("GET", "/modules/sms/configuration/default")).status, 401);
  EXPECT_EQ(
      ask(request("GET", "/modules/sms/configuration/default", "", {{"X-Mifos-API-Key", "nope"}}))
          .status,
      401);
}

TEST_F(SmsBridgeTenantEndpoints, ConfigurationOfAnUnknownTenantIs404) {
  const std::string key = registered();
  EXPECT_EQ(ask(request("GET", "/modules/sms/configuration/other", "", {{"X-Mifos-API-Key", key}}))
                .status,
            404);
}

TEST_F(SmsBridgeTenantEndpoints, DeleteForgetsTheTenant) {
  const std::string key = registered();
  auto a =
      ask(request("DELETE", "/modules/sms/configuration/default", "", {{"X-Mifos-API-Key", key}}));
  EXPECT_EQ(a.status, 200);
  EXPECT_FALSE(store_.find_tenant("default"));
  // The server can register again.
  EXPECT_EQ(ask(request("POST", "/modules/sms/configuration", kRegistration)).status, 201);
}

TEST_F(SmsBridgeTenantEndpoints, EventsListsTheTenantsEvents) {
  const std::string key = registered();
  accepted(client_create(key));
  auto a = ask(request("GET", "/modules/sms/events/default", "", {{"X-Mifos-API-Key", key}}));
  EXPECT_EQ(a.status, 200);
  const auto list = nlohmann::json::parse(a.body);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], queued_[0]);
  EXPECT_EQ(list[0]["entity"], "CLIENT");
  EXPECT_EQ(list[0]["action"], "CREATE");
  EXPECT_EQ(list[0]["state"], "pending");
  EXPECT_EQ(list[0]["attempts"], 0);
  EXPECT_EQ(list[0]["receivedAt"], "2024-10-24T09:52:59Z");
}

TEST_F(SmsBridgeTenantEndpoints, EventsWithABadLimitIs400) {
  const std::string key = registered();
  EXPECT_EQ(
      ask(request("GET", "/modules/sms/events/default?limit=0", "", {{"X-Mifos-API-Key", key}}))
          .status,
      400);
}

TEST_F(SmsBridgeTenantEndpoints, ResendPutsFailedEventsBackAndQueuesThem) {
  const std::string key = registered();
  auto e = accepted(client_create(key));
  e.state = event_state::failed;
  store_.update_event(e);
  queued_.clear();
  auto a =
      ask(request("POST", "/modules/sms/events/default/_resend", "", {{"X-Mifos-API-Key", key}}));
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(nlohmann::json::parse(a.body), nlohmann::json::parse(R"({"resent":1})"));
  EXPECT_EQ(queued_, std::vector<std::int64_t>{e.id});
  EXPECT_EQ(store_.find_event(e.id)->state, event_state::pending);
}

TEST_F(SmsBridgeTenantEndpoints, UnknownPathIs404) {
  EXPECT_EQ(ask(request("POST", "/hooks")).status, 404);
  EXPECT_EQ(ask(request("GET", "/modules/smsx")).status, 404);
  EXPECT_EQ(ask(request("GET", "/modules/sms/events")).status, 404);
  EXPECT_EQ(ask(request("GET", "/modules/sms//configuration")).status, 404);
}

TEST_F(SmsBridgeTenantEndpoints, KnownPathWithTheWrongMethodIs405WithAllow) {
  auto a = ask(request("PUT", "/modules/sms/configuration/default"));
  EXPECT_EQ(a.status, 405);
  ASSERT_EQ(a.headers.size(), 1u);
  EXPECT_EQ(a.headers[0], (mifos::hooks::header_field{"Allow", "GET, DELETE"}));
  EXPECT_EQ(ask(request("GET", "/modules/sms/configuration")).headers.at(0).value, "POST");
  EXPECT_EQ(ask(request("DELETE", "/modules/sms")).headers.at(0).value, "GET, POST");
  EXPECT_EQ(ask(request("GET", "/modules/sms/events/default/_resend")).status, 405);
}

}  // namespace
}  // namespace sms_bridge

namespace sms_bridge {
namespace {

// Found by bridge_fuzz: a tenant path segment that is not UTF-8 made the answer's JSON throw.
TEST_F(SmsBridgeTenantEndpoints, ATenantPathThatIsNotUtf8IsAnOrdinary404) {
  auto a = ask(request("DELETE", "/modules/sms/configuration/defa\x82ult", {},
                       {{"X-Mifos-API-Key", "anything"}}));
  EXPECT_EQ(a.status, 404);
  EXPECT_NE(a.body.find("is not configured"), std::string::npos) << a.body;
}

}  // namespace
}  // namespace sms_bridge
