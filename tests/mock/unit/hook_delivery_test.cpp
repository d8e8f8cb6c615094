// hook_delivery_test.cpp: which hooks send what, and where: Payload URL rules of each era,
// the four templates, and the SMS Bridge registration request (spec sections 1, 7 and 8).
#include <gtest/gtest.h>

#include <mifos/hooks/base64.hpp>
#include <vector>

#include "hook_events.hpp"
#include "wire/hook_payload.hpp"

namespace mifos::mock {
namespace {

using hooks::header_field;
using hooks::wire_dialect;
using namespace mifos::mock::test;

payload_settings settings(wire_dialect d, std::optional<std::string> endpoint = std::nullopt) {
  payload_settings s;
  s.dialect = d;
  s.endpoint = std::move(endpoint);
  return s;
}

std::optional<outgoing_delivery> fineract_to(const std::string& url, bool lenient = false) {
  payload_settings s = settings(wire_dialect::fineract);
  s.lenient_urls = lenient;
  return build_hook_delivery(client_create(), web_hook(url), s);
}

TEST(HookPayloadDelivery, FineractRefusesAPathWithoutATrailingSlash) {
  EXPECT_FALSE(fineract_to("http://127.0.0.1:9000/hooks").has_value());
}

TEST(HookPayloadDelivery, FineractLenientUrlsAcceptsItAsWritten) {
  const auto out = fineract_to("http://127.0.0.1:9000/hooks", /*lenient=*/true);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.target, "/hooks");
}

TEST(HookPayloadDelivery, FineractPostsToThePayloadUrlItself) {
  const auto root = fineract_to("http://127.0.0.1:9000");
  ASSERT_TRUE(root.has_value());
  EXPECT_EQ(root->message.target, "/");
  const auto query = fineract_to("https://example.org/a/b/?k=1");
  ASSERT_TRUE(query.has_value());
  EXPECT_EQ(query->message.target, "/a/b/?k=1");
  EXPECT_EQ(query->origin, "https://example.org:443");
  EXPECT_EQ(query->message.header("Host"), "example.org");
}

TEST(HookPayloadDelivery, AnUnusablePayloadUrlSendsNothing) {
  EXPECT_FALSE(fineract_to("not a url").has_value());
  EXPECT_FALSE(fineract_to("ftp://h/hooks/").has_value());
  hook h = web_hook("http://h/");
  h.config.erase("Payload URL");
  EXPECT_FALSE(build_hook_delivery(client_create(), h, settings(wire_dialect::fineract)));
}

TEST(HookPayloadDelivery, ElasticSearchHooksSendLikeWebHooks) {
  hook h = web_hook("http://h:9200/idx/", "form");
  h.template_name = "Elastic Search";
  const auto out = build_hook_delivery(client_create(), h, settings(wire_dialect::fineract));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.header("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(out->message.target, "/idx/");
}

TEST(HookPayloadDelivery, AMissingContentTypeSettingMeansJson) {
  hook h = web_hook("http://h/");
  h.config.erase("Content Type");
  const auto out = build_hook_delivery(client_create(), h, settings(wire_dialect::fineract));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.header("Content-Type"), "application/json; charset=UTF-8");
}

TEST(HookPayloadDelivery, MessageGatewayAndUnknownTemplatesSendNothing) {
  hook gateway = web_hook("http://h/");
  gateway.template_name = "Message Gateway";
  EXPECT_FALSE(build_hook_delivery(client_create(), gateway, settings(wire_dialect::fineract)));
  hook unknown = web_hook("http://h/");
  unknown.template_name = "Carrier Pigeon";
  EXPECT_FALSE(build_hook_delivery(client_create(), unknown, settings(wire_dialect::fineract)));
}

TEST(HookPayloadDelivery, SmsBridgeWithoutAnApiKeySendsNothing) {
  EXPECT_FALSE(build_hook_delivery(client_create(), sms_bridge_hook(),
                                   settings(wire_dialect::mifos, "http://e/api/v1/")));
}

TEST(HookPayloadDelivery, SmsBridgeSendsJsonWithTheApiKeyInsteadOfTheEndpoint) {
  hook h = sms_bridge_hook();
  h.config["Api Key"] = "7b8e1f0c2d9a4e6b8c3f5a1d0e9b2c4f";
  h.config["Content Type"] = "form";  // ignored: the bridge only reads JSON
  const auto out =
      build_hook_delivery(client_create(), h, settings(wire_dialect::mifos, "http://e/api/v1/"));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.target, "/modules/sms/");
  EXPECT_EQ(out->message.body, R"({"officeId":1,"clientId":1,"savingsId":10,"resourceId":1})");
  ASSERT_GE(out->message.headers.size(), 5u);
  EXPECT_EQ(out->message.headers[3],
            (header_field{"X-Mifos-API-Key", "7b8e1f0c2d9a4e6b8c3f5a1d0e9b2c4f"}));
  EXPECT_EQ(out->message.headers[4].value, "application/json; charset=UTF-8");
  EXPECT_EQ(out->message.header_count("X-Mifos-Endpoint"), 0u);
}

TEST(HookPayloadDelivery, SmsBridgeInTheFineractFamilyUsesXFineractApiKey) {
  hook h = sms_bridge_hook();
  h.config["Api Key"] = "k";
  const auto out = build_hook_delivery(client_create(), h, settings(wire_dialect::fineract));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.header("X-Fineract-API-Key"), "k");
}

TEST(HookPayloadRegistration, PostsTheBridgeConfigurationAsJson) {
  const auto out = build_sms_registration(client_create(), sms_bridge_hook(),
                                          settings(wire_dialect::mifos, "http://e/api/v1/"));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->origin, "http://127.0.0.1:9191");
  EXPECT_EQ(out->message.method, "POST");
  EXPECT_EQ(out->message.target, "/modules/sms/configuration");
  EXPECT_EQ(out->message.body,
            R"({"phoneNo":"+15550100","smsProvider":"twilio","smsProviderAccountId":"AC1",)"
            R"("smsProviderToken":"tok","tenantId":"default",)"
            R"("mifosToken":"bWlmb3M6cGFzc3dvcmQ\u003d","endpoint":"http://e/api/v1/"})");
}

TEST(HookPayloadRegistration, HeadersCarryTheTenantAndTheClientHeaders) {
  const auto out =
      build_sms_registration(client_create(), sms_bridge_hook(), settings(wire_dialect::mifos));
  ASSERT_TRUE(out.has_value());
  const std::vector<header_field> want = {
      {"X-Mifos-Platform-TenantId", "default"},
      {"Content-Type", "application/json; charset=UTF-8"},
      {"Content-Length", std::to_string(out->message.body.size())},
      {"Host", "127.0.0.1:9191"},
      {"Connection", "Keep-Alive"},
      {"Accept-Encoding", "gzip"},
      {"User-Agent", "okhttp/2.4.0"}};
  EXPECT_EQ(out->message.headers, want);
}

TEST(HookPayloadRegistration, JoinsTheUrlWithOneSlashAndSendsAnEmptyEndpoint) {
  hook h = sms_bridge_hook();
  h.config["Payload URL"] = "http://127.0.0.1:9191/modules/sms";
  const auto out = build_sms_registration(client_create(), h, settings(wire_dialect::fineract));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.target, "/modules/sms/configuration");
  EXPECT_EQ(out->message.header("Fineract-Platform-TenantId"), "default");
  EXPECT_NE(out->message.body.find(R"("endpoint":""})"), std::string::npos);
}

TEST(HookPayloadRegistration, TheTokenIsBase64OfTheUsersCredentials) {
  command_event e = client_create();
  e.user.username = "teller";
  e.user.password = "s3cret";
  const auto out = build_sms_registration(e, sms_bridge_hook(), settings(wire_dialect::mifos));
  ASSERT_TRUE(out.has_value());
  const auto body = nlohmann::json::parse(out->message.body);
  EXPECT_EQ(hooks::base64_decode(body.at("mifosToken").get<std::string>()), "teller:s3cret");
}

TEST(HookPayloadRegistration, OnlySmsBridgeHooksRegister) {
  EXPECT_FALSE(build_sms_registration(client_create(), web_hook("http://h/"),
                                      settings(wire_dialect::mifos)));
}

}  // namespace
}  // namespace mifos::mock
