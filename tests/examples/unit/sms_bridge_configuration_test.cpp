// sms_bridge_configuration_test.cpp: the SMS bridge's registration body, the key it derives and
// the configuration it shows back.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "configuration.hpp"

namespace sms_bridge {
namespace {

const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1729763579));

nlohmann::json good_body() {
  return {{"phoneNo", "+15550001111"},
          {"smsProvider", "twilio"},
          {"smsProviderAccountId", "AC0123456789"},
          {"smsProviderToken", "s3cr3t"},
          {"tenantId", "default"},
          {"mifosToken", "bWlmb3M6cGFzc3dvcmQ="},
          {"endpoint", "https://localhost:8443/mifosng-provider/api/v1/"}};
}

std::string refusal(const nlohmann::json& body) {
  auto read = read_registration(body.dump(), kNow);
  auto* why = std::get_if<std::string>(&read);
  return why ? *why : std::string("accepted");
}

TEST(SmsBridgeConfiguration, KeyIsMd5HexOfTenantTokenAccountAndProviderToken) {
  // printf 'default:bWlmb3M6cGFzc3dvcmQ=:AC0123456789:s3cr3t' | md5sum
  EXPECT_EQ(derive_key("default", "bWlmb3M6cGFzc3dvcmQ=", "AC0123456789", "s3cr3t"),
            "362ec61e439cfdcacb1b4ddc2387505b");
}

TEST(SmsBridgeConfiguration, KeyChangesWithEachPart) {
  const std::string base = derive_key("default", "token", "AC1", "secret");
  EXPECT_NE(derive_key("other", "token", "AC1", "secret"), base);
  EXPECT_NE(derive_key("default", "token2", "AC1", "secret"), base);
  EXPECT_NE(derive_key("default", "token", "AC2", "secret"), base);
  EXPECT_NE(derive_key("default", "token", "AC1", "secret2"), base);
}

TEST(SmsBridgeConfiguration, GoodBodyGivesTheTenantWithItsKey) {
  auto read = read_registration(good_body().dump(), kNow);
  ASSERT_TRUE(std::holds_alternative<tenant_config>(read)) << std::get<std::string>(read);
  const auto& t = std::get<tenant_config>(read);
  EXPECT_EQ(t.tenant_id, "default");
  EXPECT_EQ(t.phone_no, "+15550001111");
  EXPECT_EQ(t.sms_provider, "twilio");
  EXPECT_EQ(t.account_id, "AC0123456789");
  EXPECT_EQ(t.provider_token, "s3cr3t");
  EXPECT_EQ(t.mifos_token, "bWlmb3M6cGFzc3dvcmQ=");
  EXPECT_EQ(t.endpoint, "https://localhost:8443/mifosng-provider/api/v1/");
  EXPECT_EQ(t.api_key, "362ec61e439cfdcacb1b4ddc2387505b");
  EXPECT_EQ(t.created_at, "2024-10-24T09:52:59Z");
}

TEST(SmsBridgeConfiguration, ProviderNameIsCaseInsensitiveAndKeptLowerCase) {
  auto body = good_body();
  body["smsProvider"] = "Twilio";
  auto read = read_registration(body.dump(), kNow);
  ASSERT_TRUE(std::holds_alternative<tenant_config>(read));
  EXPECT_EQ(std::get<tenant_config>(read).sms_provider, "twilio");
}

TEST(SmsBridgeConfiguration, BodyThatIsNotJsonIsRefused) {
  auto read = read_registration("phoneNo=1", kNow);
  ASSERT_TRUE(std::holds_alternative<std::string>(read));
  EXPECT_EQ(std::get<std::string>(read), "the configuration body is not JSON");
}

TEST(SmsBridgeConfiguration, JsonThatIsNotAnObjectIsRefused) {
  EXPECT_EQ(refusal(nlohmann::json::array({1, 2})), "the configuration body is not a JSON object");
}

TEST(SmsBridgeConfiguration, EachMissingFieldIsNamed) {
  for (const char* field : {"phoneNo", "smsProvider", "smsProviderAccountId", "smsProviderToken",
                            "tenantId", "mifosToken", "endpoint"}) {
    auto body = good_body();
    body.erase(field);
    EXPECT_EQ(refusal(body), std::string("the configuration has no \"") + field + "\"");
  }
}

TEST(SmsBridgeConfiguration, NullFieldCountsAsMissing) {
  // A hook without "Phone Number" registers with null, which Gson leaves out, or sends null.
  auto body = good_body();
  body["phoneNo"] = nullptr;
  EXPECT_EQ(refusal(body), "the configuration has no \"phoneNo\"");
}

TEST(SmsBridgeConfiguration, EmptyOrNonStringFieldIsRefused) {
  auto body = good_body();
  body["tenantId"] = "";
  EXPECT_EQ(refusal(body), "\"tenantId\" must be a non-empty string");
  body = good_body();
  body["smsProviderAccountId"] = 12;
  EXPECT_EQ(refusal(body), "\"smsProviderAccountId\" must be a non-empty string");
}

TEST(SmsBridgeConfiguration, UnknownProviderIsRefused) {
  auto body = good_body();
  body["smsProvider"] = "nexmo";
  EXPECT_EQ(refusal(body), "smsProvider \"nexmo\" is not one the bridge has (twilio)");
}

TEST(SmsBridgeConfiguration, EndpointMustBeAnHttpUrl) {
  auto body = good_body();
  body["endpoint"] = "file:///etc/passwd";
  EXPECT_EQ(refusal(body), "\"endpoint\" must be an http:// or https:// URL");
}

TEST(SmsBridgeConfiguration, ShownConfigurationMasksBothTokens) {
  auto read = read_registration(good_body().dump(), kNow);
  const auto shown = configuration_json(std::get<tenant_config>(read));
  EXPECT_EQ(shown.dump(),
            R"({"tenantId":"default","phoneNo":"+15550001111","smsProvider":"twilio",)"
            R"("smsProviderAccountId":"AC0123456789","smsProviderToken":"********",)"
            R"("mifosToken":"********",)"
            R"("endpoint":"https://localhost:8443/mifosng-provider/api/v1/",)"
            R"("createdAt":"2024-10-24T09:52:59Z"})");
}

}  // namespace
}  // namespace sms_bridge
