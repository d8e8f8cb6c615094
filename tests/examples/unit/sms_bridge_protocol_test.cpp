// sms_bridge_protocol_test.cpp: the SMS bridge's registration and hook events of every era,
// decided by protocol::handle() over an in-memory SQLite store (the tenant endpoints are in
// sms_bridge_tenant_endpoints_test.cpp).
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

nlohmann::json registration_body(const std::string& tenant = "default") {
  return {{"phoneNo", "+15550001111"},
          {"smsProvider", "twilio"},
          {"smsProviderAccountId", "AC0123456789"},
          {"smsProviderToken", "s3cr3t"},
          {"tenantId", tenant},
          {"mifosToken", "bWlmb3M6cGFzc3dvcmQ="},
          {"endpoint", "https://localhost:8443/mifosng-provider/api/v1/"}};
}

delivery request(std::string method, std::string target, std::string body = {},
                 std::vector<mifos::hooks::header_field> headers = {}) {
  delivery d;
  d.method = std::move(method);
  d.target = std::move(target);
  d.body = std::move(body);
  d.headers = std::move(headers);
  return d;
}

class SmsBridgeProtocol : public testing::Test {
 protected:
  http_answer ask(const delivery& d) { return bridge_.handle(d, kNow); }

  // Registers "default" and returns its key.
  std::string registered() {
    auto a = ask(request("POST", "/modules/sms/configuration", registration_body().dump()));
    EXPECT_EQ(a.status, 201) << a.body;
    return a.body;
  }

  // A fixture delivery sent to the bridge with `key` in its family's API key header.
  static delivery hook(const std::string& fixture, const std::string& key) {
    delivery d = load_fixture(fixture);
    d.target = "/modules/sms/";
    std::erase_if(d.headers, [](const auto& h) {
      return mifos::hooks::iequals(h.name, "X-Mifos-API-Key") ||
             mifos::hooks::iequals(h.name, "X-Fineract-API-Key");
    });
    const bool mifos = d.header("X-Mifos-Entity").has_value();
    d.headers.push_back({mifos ? "X-Mifos-API-Key" : "X-Fineract-API-Key", key});
    return d;
  }

  // Answers `d` with 200 and returns the stored event.
  sms_event accepted(const delivery& d) {
    auto a = ask(d);
    EXPECT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(queued_.size(), 1u);
    auto stored = queued_.empty() ? std::nullopt : store_.find_event(queued_.back());
    return stored.value_or(sms_event{});
  }

  sqlite_store store_{":memory:"};
  std::vector<std::int64_t> queued_;
  protocol bridge_{store_, [this](std::int64_t id) { queued_.push_back(id); }};
};

TEST_F(SmsBridgeProtocol, RegistrationAnswers201WithTheKeyAsText) {
  auto a = ask(request("POST", "/modules/sms/configuration", registration_body().dump()));
  EXPECT_EQ(a.status, 201);
  EXPECT_EQ(a.body, "362ec61e439cfdcacb1b4ddc2387505b");
  EXPECT_EQ(a.content_type, "text/plain");
  ASSERT_TRUE(store_.find_tenant("default"));
  EXPECT_EQ(store_.find_tenant("default")->phone_no, "+15550001111");
}

TEST_F(SmsBridgeProtocol, SecondRegistrationOfATenantIs400) {
  registered();
  auto a = ask(request("POST", "/modules/sms/configuration", registration_body().dump()));
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(nlohmann::json::parse(a.body)["error"], "tenant default is already configured");
}

TEST_F(SmsBridgeProtocol, RegistrationWithABadBodyIs400AndStoresNothing) {
  auto a = ask(request("POST", "/modules/sms/configuration", "{not json"));
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(nlohmann::json::parse(a.body)["error"], "the configuration body is not JSON");
  EXPECT_FALSE(store_.find_tenant("default"));
}

TEST_F(SmsBridgeProtocol, MifosHeadersBareJsonClientCreateIsStoredAndQueued) {
  const auto e = accepted(hook("deliveries/mifosx-sms-bridge-client-create.http", registered()));
  EXPECT_EQ(e.tenant, "default");
  EXPECT_EQ(e.entity, "CLIENT");
  EXPECT_EQ(e.action, "CREATE");
  EXPECT_EQ(e.client_id, 4);
  EXPECT_EQ(e.dialect, mifos::hooks::wire_dialect::mifos);
  EXPECT_EQ(e.state, event_state::pending);
  EXPECT_EQ(e.received_at, "2024-10-24T09:52:59Z");
}

TEST_F(SmsBridgeProtocol, FineractHeadersBareJsonRepaymentKeepsLoanAndAmount) {
  const auto e =
      accepted(hook("deliveries/fineract14-sms-bridge-loan-repayment.http", registered()));
  EXPECT_EQ(e.entity, "LOAN");
  EXPECT_EQ(e.action, "REPAYMENT");
  EXPECT_EQ(e.loan_id, 5);
  EXPECT_EQ(e.amount, "500.00");
  EXPECT_EQ(e.dialect, mifos::hooks::wire_dialect::fineract);
}

TEST_F(SmsBridgeProtocol, EnvelopeJsonClientCreateIsAccepted) {
  const auto e = accepted(hook("deliveries/fineract17-client-create.http", registered()));
  EXPECT_EQ(e.entity, "CLIENT");
  EXPECT_EQ(e.client_id, 1);
}

TEST_F(SmsBridgeProtocol, EnvelopeJsonRepaymentReadsTheAmountFromTheResponse) {
  const auto e = accepted(hook("deliveries/fineract17-loan-repayment.http", registered()));
  EXPECT_EQ(e.loan_id, 5);
  EXPECT_EQ(e.amount, "500.00");
}

TEST_F(SmsBridgeProtocol, MifosFormRepaymentIsAcceptedWithItsAmount) {
  const auto e = accepted(hook("deliveries/mifosx-loan-repayment-form.http", registered()));
  EXPECT_EQ(e.loan_id, 5);
  EXPECT_EQ(e.amount, "500.00");
  EXPECT_EQ(e.dialect, mifos::hooks::wire_dialect::mifos);
}

TEST_F(SmsBridgeProtocol, EnvelopeFormClientCreateIsAccepted) {
  const auto e = accepted(hook("deliveries/fineract15-client-create-form.http", registered()));
  EXPECT_EQ(e.client_id, 1);
}

TEST_F(SmsBridgeProtocol, HookPathWithoutTrailingSlashIsAcceptedToo) {
  auto d = hook("deliveries/mifosx-sms-bridge-client-create.http", registered());
  d.target = "/modules/sms";
  EXPECT_EQ(accepted(d).client_id, 4);
}

TEST_F(SmsBridgeProtocol, SmsSendKeepsNumberAndMessageFromTheBody) {
  auto d = make_delivery(mifos::hooks::wire_dialect::mifos, "sms", "send",
                         R"({"mobileNo":"+254700111222","message":"Meeting at 10"})");
  d.headers.push_back({"X-Mifos-API-Key", registered()});
  d.target = "/modules/sms";
  const auto e = accepted(d);
  EXPECT_EQ(e.entity, "SMS");
  EXPECT_EQ(e.action, "SEND");
  EXPECT_EQ(e.mobile_no, "+254700111222");
  EXPECT_EQ(e.message, "Meeting at 10");
}

TEST_F(SmsBridgeProtocol, SmsSendAsFormKeepsThePlusOfTheNumber) {
  auto d = make_delivery(mifos::hooks::wire_dialect::mifos, "SMS", "SEND",
                         "mobileNo=%2B254700111222&message=Meeting+at+10",
                         "application/x-www-form-urlencoded; charset=UTF-8");
  d.headers.push_back({"X-Mifos-API-Key", registered()});
  d.target = "/modules/sms";
  const auto e = accepted(d);
  EXPECT_EQ(e.mobile_no, "+254700111222");
  EXPECT_EQ(e.message, "Meeting at 10");
}

TEST_F(SmsBridgeProtocol, WrongKeyIs401AndStoresNothing) {
  registered();
  auto a = ask(hook("deliveries/mifosx-sms-bridge-client-create.http", "0123456789abcdef"));
  EXPECT_EQ(a.status, 401);
  EXPECT_TRUE(queued_.empty());
  EXPECT_TRUE(store_.events_of("default", 10).empty());
}

TEST_F(SmsBridgeProtocol, UnknownTenantIs401) {
  const std::string key = registered();
  auto d = hook("deliveries/mifosx-sms-bridge-client-create.http", key);
  std::erase_if(d.headers, [](const auto& h) { return h.name == "X-Mifos-Platform-TenantId"; });
  d.headers.push_back({"X-Mifos-Platform-TenantId", "other"});
  EXPECT_EQ(ask(d).status, 401);
}

TEST_F(SmsBridgeProtocol, MissingKeyHeaderIs400) {
  registered();
  auto d = load_fixture("deliveries/fineract17-client-create.http");
  d.target = "/modules/sms/";
  auto a = ask(d);
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(nlohmann::json::parse(a.body)["error"],
            "missing X-Mifos-API-Key (or X-Fineract-API-Key) header");
}

TEST_F(SmsBridgeProtocol, MissingEntityHeaderIs400WithTheParseReason) {
  auto d = hook("deliveries/mifosx-sms-bridge-client-create.http", registered());
  std::erase_if(d.headers, [](const auto& h) { return h.name == "X-Mifos-Entity"; });
  auto a = ask(d);
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(nlohmann::json::parse(a.body)["error"],
            "missing X-Fineract-Entity (or X-Mifos-Entity) header");
}

TEST_F(SmsBridgeProtocol, EventItDoesNotHandleIs404) {
  auto a = ask(hook("deliveries/mifosx-loan-approve.http", registered()));
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(nlohmann::json::parse(a.body)["error"], "the bridge does not handle LOAN APPROVE");
  EXPECT_TRUE(queued_.empty());
}

TEST_F(SmsBridgeProtocol, EntityAndActionMatchInAnyCase) {
  auto d = hook("deliveries/mifosx-sms-bridge-client-create.http", registered());
  for (auto& h : d.headers) {
    if (h.name == "X-Mifos-Entity") h.value = "client";
    if (h.name == "X-Mifos-Action") h.value = "Create";
  }
  EXPECT_EQ(accepted(d).entity, "CLIENT");
}

TEST_F(SmsBridgeProtocol, FailedCommandIs200AndNotQueued) {
  auto a = ask(hook("deliveries/fineract16-failure-exception-loan-repayment.http", registered()));
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(nlohmann::json::parse(a.body)["status"], "ignored");
  EXPECT_TRUE(queued_.empty());
}

TEST_F(SmsBridgeProtocol, GetOnTheHookPathAnswersThePing) {
  EXPECT_EQ(ask(request("GET", "/modules/sms/")).status, 200);
}

}  // namespace
}  // namespace sms_bridge
