// ugd_firing_test.cpp: which SMS an SMS Bridge hook with a message template sends, decided by the
// REST front when the command runs (mapper URLs and the client read from its own state), and the
// sms/send delivery built from it.
#include <gtest/gtest.h>

#include "front_calls.hpp"

namespace mifos::mock {
namespace {

using front_test::send;
using json = nlohmann::ordered_json;

json client_body(std::optional<std::string> mobile) {
  json body = {{"officeId", 1},
               {"firstname", "Amina"},
               {"lastname", "Otieno"},
               {"active", true},
               {"activationDate", "24 October 2024"},
               {"dateFormat", "dd MMMM yyyy"},
               {"locale", "en"}};
  if (mobile) body["mobileNo"] = *mobile;
  return body;
}

json sms_hook(std::optional<std::int64_t> template_id, std::string name = "SMS Bridge") {
  json config = {{"Payload URL", "http://127.0.0.1:9191/modules/sms/"}};
  if (name == "SMS Bridge") {
    config.update({{"SMS Provider", "twilio"},
                   {"Phone Number", "+15550001111"},
                   {"SMS Provider Account Id", "AC1"},
                   {"SMS Provider Token", "t"}});
  } else {
    config["Content Type"] = "json";
  }
  json hook = {{"name", name},
               {"displayName", name + " hook"},
               {"isActive", true},
               {"events",
                {{{"entityName", "CLIENT"}, {"actionName", "CREATE"}},
                 {{"entityName", "OFFICE"}, {"actionName", "CREATE"}}}},
               {"config", std::move(config)}};
  if (template_id) hook["templateId"] = *template_id;
  return hook;
}

class UgdFiring : public ::testing::Test {
 protected:
  front_test::reply call(std::string method, const std::string& path, const json& body = nullptr) {
    return send(front_, std::move(method), path, body);
  }
  // Template 1: the client's page fetched by a mapper, in paragraphs as the editor writes them.
  void add_template() {
    json body = {
        {"name", "Welcome"},
        {"text", "<p>Hello {{client.displayName}} &amp; welcome,</p><p>client {{clientId}}</p>"},
        {"entity", 0},
        {"type", 2},
        {"mappers", json::array({{{"mappersorder", 0},
                                  {"mapperskey", "client"},
                                  {"mappersvalue", "v1/clients/{{clientId}}"}}})}};
    ASSERT_EQ(call("POST", "/templates", body).status, 200);
  }
  mock_front front_{mock_settings{}, [](const std::string&) { return true; }};
};

TEST_F(UgdFiring, AClientWithAMobileGetsTheRenderedMessage) {
  add_template();
  ASSERT_EQ(call("POST", "/hooks", sms_hook(1)).status, 200);
  auto r = call("POST", "/clients", client_body("+254712345678"));
  ASSERT_EQ(r.firings.size(), 1u);
  const firing& f = r.firings[0];
  EXPECT_TRUE(f.templated);
  ASSERT_TRUE(f.sms.has_value());
  EXPECT_EQ(f.sms->mobile_no, "+254712345678");
  EXPECT_EQ(f.sms->message, "Hello Amina Otieno &amp; welcome,client 1");
}

TEST_F(UgdFiring, TheSmsSendDeliveryReplacesTheEvent) {
  add_template();
  call("POST", "/hooks", sms_hook(1));
  auto r = call("POST", "/clients", client_body("+254712345678"));
  ASSERT_EQ(r.firings.size(), 1u);
  hook h = r.firings[0].target;
  h.config["Api Key"] = "0123456789abcdef0123456789abcdef";
  auto out = build_sms_send(r.firings[0].event, h, *r.firings[0].sms, r.firings[0].settings);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->origin, "http://127.0.0.1:9191");
  EXPECT_EQ(out->message.target, "/modules/sms/");
  EXPECT_EQ(out->message.header("X-Fineract-Entity"), "sms");
  EXPECT_EQ(out->message.header("X-Fineract-Action"), "send");
  EXPECT_EQ(out->message.header("Fineract-Platform-TenantId"), "default");
  EXPECT_EQ(out->message.header("X-Fineract-API-Key"), "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(
      out->message.body,
      R"({"mobileNo":"+254712345678","message":"Hello Amina Otieno \u0026amp; welcome,client 1"})");
  EXPECT_EQ(out->message.header("Content-Length"), std::to_string(out->message.body.size()));
}

TEST_F(UgdFiring, AClientWithoutMobileGetsNothing) {
  add_template();
  call("POST", "/hooks", sms_hook(1));
  auto r = call("POST", "/clients", client_body(std::nullopt));
  ASSERT_EQ(r.firings.size(), 1u);
  EXPECT_TRUE(r.firings[0].templated);
  EXPECT_FALSE(r.firings[0].sms.has_value());
}

TEST_F(UgdFiring, AResultWithoutClientIdSendsNothing) {
  add_template();
  call("POST", "/hooks", sms_hook(1));
  auto r = call("POST", "/offices",
                {{"name", "Branch"},
                 {"parentId", 1},
                 {"openingDate", "24 October 2024"},
                 {"dateFormat", "dd MMMM yyyy"},
                 {"locale", "en"}});
  ASSERT_EQ(r.status, 200) << r.body.dump();
  ASSERT_EQ(r.firings.size(), 1u);
  EXPECT_TRUE(r.firings[0].templated);
  EXPECT_FALSE(r.firings[0].sms.has_value());
}

TEST_F(UgdFiring, AFailedCommandSendsNothing) {
  add_template();
  call("POST", "/hooks", sms_hook(1));
  json body = client_body("+254712345678");
  body.erase("firstname");
  auto r = call("POST", "/clients", body);
  ASSERT_EQ(r.status, 400);
  ASSERT_EQ(r.firings.size(), 1u);  // the failure envelope, which has no clientId
  EXPECT_FALSE(r.firings[0].sms.has_value());
}

TEST_F(UgdFiring, AnSmsHookWithoutTemplateSendsTheEvent) {
  call("POST", "/hooks", sms_hook(std::nullopt));
  auto r = call("POST", "/clients", client_body("+254712345678"));
  ASSERT_EQ(r.firings.size(), 1u);
  EXPECT_FALSE(r.firings[0].templated);
  EXPECT_FALSE(r.firings[0].sms.has_value());
}

TEST_F(UgdFiring, AWebHookIgnoresItsTemplate) {
  add_template();
  call("POST", "/hooks", sms_hook(1, "Web"));
  auto r = call("POST", "/clients", client_body("+254712345678"));
  ASSERT_EQ(r.firings.size(), 1u);
  EXPECT_FALSE(r.firings[0].templated);
}

}  // namespace
}  // namespace mifos::mock
