// hook_store_test.cpp: the mock's hooks admin API (docs/wire-format.md section 7): create,
// validation, config and Payload URL rules, the ping, reads, update, delete, routing and firing
// lookups.
#include "admin/hook_store.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "model/api_error.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;
using namespace std::chrono;

const system_clock::time_point kNow = sys_days{year{2024} / 10 / 24} + hours{9};
const std::string kUrl = "http://127.0.0.1:9000/hooks/";

rest_call make_call(std::string method, std::string path, json body = nullptr,
                    system_clock::time_point now = kNow) {
  rest_call c;
  c.method = std::move(method);
  c.path = std::move(path);
  c.body = std::move(body);
  c.tenant = "default";
  c.now = now;
  return c;
}

json web_body(const std::string& display = "Hello", const std::string& url = kUrl) {
  return {{"name", "Web"},
          {"displayName", display},
          {"isActive", true},
          {"events", json::array({{{"actionName", "CREATE"}, {"entityName", "CLIENT"}}})},
          {"config", {{"Payload URL", url}, {"Content Type", "json"}}}};
}

json sms_body() {
  return {{"name", "SMS Bridge"},
          {"displayName", "Bridge"},
          {"events", json::array({{{"actionName", "CREATE"}, {"entityName", "CLIENT"}}})},
          {"config",
           {{"Payload URL", "http://127.0.0.1:9191/modules/"},
            {"SMS Provider", "twilio"},
            {"Phone Number", "+15005550006"},
            {"SMS Provider Token", "token"},
            {"SMS Provider Account Id", "AC1"}}}};
}

const ping_function kAnswers = [](const std::string&) { return true; };
const ping_function kSilent = [](const std::string&) { return false; };

// Status, httpStatusCode and the first error's code and parameter.
void expect_error(const rest_outcome& out, int status, const std::string& code,
                  const std::string& parameter) {
  EXPECT_EQ(out.status, status);
  EXPECT_EQ(out.body.value("httpStatusCode", ""), std::to_string(status));
  ASSERT_TRUE(out.body.contains("errors")) << out.body.dump();
  ASSERT_EQ(out.body["errors"].size(), 1u) << out.body.dump();
  EXPECT_EQ(out.body["errors"][0]["userMessageGlobalisationCode"], code) << out.body.dump();
  EXPECT_EQ(out.body["errors"][0]["parameterName"], parameter) << out.body.dump();
}

// Message templates 3 and 5 exist.
const template_names kTemplates = [](std::int64_t id) -> std::optional<std::string> {
  if (id == 3 || id == 5) return "template " + std::to_string(id);
  return std::nullopt;
};

rest_outcome create(hook_store& s, json body, const ping_function& ping = kAnswers) {
  return *s.handle(make_call("POST", "/hooks", std::move(body)), ping, kTemplates);
}

// --- create ---------------------------------------------------------------------------------

TEST(HookStoreCreate, AnswersTheNewResourceId) {
  hook_store s;
  const auto out = create(s, web_body());
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body, json({{"resourceId", 1}}));
  EXPECT_EQ(create(s, web_body("Second")).body, json({{"resourceId", 2}}));
}

TEST(HookStoreCreate, IsInactiveWhenIsActiveIsNotSent) {
  hook_store s;
  json body = web_body();
  body.erase("isActive");
  create(s, body);
  ASSERT_NE(s.find(1), nullptr);
  EXPECT_FALSE(s.find(1)->active);
}

TEST(HookStoreCreate, StoresWhatTheBodyAskedFor) {
  hook_store s;
  json body = web_body();
  body["templateId"] = 5;
  create(s, body);
  const hook* h = s.find(1);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->template_name, "Web");
  EXPECT_EQ(h->display_name, "Hello");
  EXPECT_TRUE(h->active);
  ASSERT_EQ(h->events.size(), 1u);
  EXPECT_EQ(h->events[0].entity, "CLIENT");
  EXPECT_EQ(h->events[0].action, "CREATE");
  EXPECT_EQ(h->config.at("Payload URL"), kUrl);
  EXPECT_EQ(h->config.at("Content Type"), "json");
  EXPECT_EQ(h->template_id, 5);
}

TEST(HookStoreCreate, DatesAreTheUtcDayOfNow) {
  hook_store s;
  const auto late = sys_days{year{2024} / 10 / 24} + hours{23} + minutes{59};
  s.handle(make_call("POST", "/hooks", web_body(), late), kAnswers);
  EXPECT_EQ(to_json(*s.find(1))["createdAt"], json::array({2024, 10, 24}));
  EXPECT_EQ(to_json(*s.find(1))["updatedAt"], json::array({2024, 10, 24}));
}

TEST(HookStoreCreate, TemplateNameIsMatchedCaseInsensitivelyAndStoredCanonically) {
  hook_store s;
  json body = web_body();
  body["name"] = "web";
  EXPECT_EQ(create(s, body).status, 200);
  EXPECT_EQ(s.find(1)->template_name, "Web");
}

TEST(HookStoreCreate, CarriesAHookCreateEvent) {
  hook_store s;
  const auto out = create(s, web_body());
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "HOOK");
  EXPECT_EQ(out.event->action, "CREATE");
  EXPECT_EQ(out.event->tenant, "default");
  EXPECT_EQ(out.event->request, web_body());
  EXPECT_EQ(out.event->result, json({{"resourceId", 1}}));
  EXPECT_EQ(out.event->http_status, 200);
  EXPECT_EQ(out.event->at, kNow);
  EXPECT_FALSE(out.event->failed());
}

TEST(HookStoreCreate, AFailureCarriesAFailedEventWithTheError) {
  hook_store s;
  json body = web_body();
  body["url"] = "x";
  const auto out = create(s, body);
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->action, "CREATE");
  EXPECT_TRUE(out.event->failed());
  EXPECT_EQ(out.event->http_status, 400);
  EXPECT_EQ(out.event->error, out.body);
  EXPECT_EQ(out.event->request, body);
}

TEST(HookStoreCreate, AFailureStoresNothingAndUsesNoId) {
  hook_store s;
  json bad = web_body();
  bad.erase("events");
  create(s, bad);
  EXPECT_EQ(s.handle(make_call("GET", "/hooks"), kAnswers)->body, json::array());
  EXPECT_EQ(create(s, web_body()).body, json({{"resourceId", 1}}));
}

// --- validation of the keys -------------------------------------------------------------------

TEST(HookStoreValidation, RefusesAnUnsupportedKey) {
  hook_store s;
  json body = web_body();
  body["url"] = "http://x/";
  const auto out = create(s, body);
  expect_error(out, 400, "error.msg.parameter.unsupported", "url");
  EXPECT_EQ(out.body["errors"][0]["defaultUserMessage"], "The parameter url is not supported.");
}

TEST(HookStoreValidation, RefusesABodyThatIsNotAnObject) {
  hook_store s;
  const auto out = create(s, nullptr);
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(out.body["userMessageGlobalisationCode"], "error.msg.invalid.json");
}

TEST(HookStoreValidation, RequiresTheTemplateName) {
  hook_store s;
  json body = web_body();
  body.erase("name");
  expect_error(create(s, body), 400, "validation.msg.hook.name.cannot.be.blank", "name");
}

TEST(HookStoreValidation, AnUnknownTemplateIsNotFound) {
  hook_store s;
  json body = web_body();
  body["name"] = "Slack";
  const auto out = create(s, body);
  expect_error(out, 404, "error.msg.template.not.found", "id");
  EXPECT_EQ(out.body["errors"][0]["args"], json::parse(R"([{"value":"Slack"}])"));
}

TEST(HookStoreValidation, RequiresADisplayName) {
  hook_store s;
  json body = web_body();
  body.erase("displayName");
  expect_error(create(s, body), 400, "validation.msg.hook.displayName.cannot.be.blank",
               "displayName");
  expect_error(create(s, web_body("   ")), 400, "validation.msg.hook.displayName.cannot.be.blank",
               "displayName");
}

TEST(HookStoreValidation, DisplayNameMayHave100CharactersNot101) {
  hook_store s;
  EXPECT_EQ(create(s, web_body(std::string(100, 'a'))).status, 200);
  expect_error(create(s, web_body(std::string(101, 'b'))), 400,
               "validation.msg.hook.displayName.exceeds.max.length", "displayName");
}

TEST(HookStoreValidation, ADuplicateDisplayNameBreaksADomainRule) {
  hook_store s;
  create(s, web_body("Hello"));
  const auto out = create(s, web_body("hello"));
  expect_error(out, 403, "error.msg.hook.duplicate.name", "name");
  EXPECT_EQ(out.body["errors"][0]["defaultUserMessage"], "A hook with name 'hello' already exists");
}

// Fineract's own HookIntegrationTest sends "isActive":"true"; Boolean.parseBoolean reads any
// other text as false, without an error.
TEST(HookStoreValidation, IsActiveIsReadThroughItsTextAsFineractReadsIt) {
  hook_store s;
  json body = web_body("as text");
  body["isActive"] = "TRUE";
  ASSERT_EQ(create(s, body).status, 200);
  body = web_body("not a boolean");
  body["isActive"] = "yes";
  ASSERT_EQ(create(s, body).status, 200);
  EXPECT_EQ(s.active_for("CLIENT", "CREATE").size(), 1u);
  EXPECT_EQ(s.active_for("CLIENT", "CREATE").front().display_name, "as text");
}

TEST(HookStoreValidation, ATemplateIdNamingNoMessageTemplateIs404) {
  hook_store s;
  json body = web_body();
  body["templateId"] = 4;
  const auto out = create(s, body);
  EXPECT_EQ(out.status, 404);
  EXPECT_EQ(out.body["userMessageGlobalisationCode"], "error.msg.resource.not.found");
  EXPECT_EQ(out.body["errors"][0]["userMessageGlobalisationCode"], "error.msg.template.id.invalid");
  EXPECT_EQ(s.find(1), nullptr);
}

TEST(HookStoreValidation, TemplateIdAndNameMayComeAsText) {
  hook_store s;
  json body = web_body("typed loosely");
  body["templateId"] = "3";
  const auto out = create(s, body);
  ASSERT_EQ(out.status, 200) << out.body.dump();
  body = web_body("bad template id");
  body["templateId"] = "three";
  expect_error(create(s, body), 400, "validation.msg.invalid.integer.format", "templateId");
}

TEST(HookStoreValidation, RequiresAtLeastOneEvent) {
  hook_store s;
  json body = web_body();
  body.erase("events");
  expect_error(create(s, body), 400, "validation.msg.hook.events.cannot.be.empty", "events");
  body["events"] = json::array();
  expect_error(create(s, body), 400, "validation.msg.hook.events.cannot.be.empty", "events");
}

TEST(HookStoreValidation, AnEventNeedsActionAndEntityNames) {
  hook_store s;
  json body = web_body();
  body["events"] = json::array({{{"entityName", "CLIENT"}}});
  expect_error(create(s, body), 400, "validation.msg.hook.events.entry.invalid", "events");
}

TEST(HookStoreValidation, AnEventOutsideTheCatalogIsRefused) {
  hook_store s;
  json body = web_body();
  body["events"] = json::array({{{"actionName", "FLY"}, {"entityName", "CLIENT"}}});
  const auto out = create(s, body);
  expect_error(out, 400, "validation.msg.hook.events.invalid.entity.action.pair", "events");
  EXPECT_EQ(out.body["errors"][0]["value"], body["events"][0]);
}

TEST(HookStoreValidation, CatalogEventsAreMatchedCaseInsensitively) {
  hook_store s;
  json body = web_body();
  body["events"] = json::array({{{"actionName", "create"}, {"entityName", "client"}}});
  EXPECT_EQ(create(s, body).status, 200);
}

TEST(HookStoreValidation, TemplateIdMustBeGreaterThanZero) {
  hook_store s;
  json body = web_body();
  body["templateId"] = 0;
  expect_error(create(s, body), 400, "validation.msg.hook.templateId.not.greater.than.zero",
               "templateId");
}

TEST(HookStoreValidation, OnlyOneHookPerNonWebTemplate) {
  hook_store s;
  EXPECT_EQ(create(s, sms_body()).status, 200);
  json again = sms_body();
  again["displayName"] = "Bridge 2";
  expect_error(create(s, again), 400,
               "validation.msg.hook.multiple.non.web.template.hooks.not.supported", "name");
  EXPECT_EQ(create(s, web_body("A")).status, 200);
  EXPECT_EQ(create(s, web_body("B")).status, 200);
}

// --- config -----------------------------------------------------------------------------------

TEST(HookStoreConfig, AMissingFieldIsNamed) {
  hook_store s;
  json body = web_body();
  body["config"].erase("Payload URL");
  const auto out = create(s, body);
  expect_error(out, 400, "validation.msg.hook.required.config.field.not.provided", "Payload URL");
  body.erase("config");
  expect_error(create(s, body), 400, "validation.msg.hook.required.config.field.not.provided",
               "Content Type");
}

TEST(HookStoreConfig, AnUnknownFieldIsRefused) {
  hook_store s;
  json body = web_body();
  body["config"]["Payload Url"] = kUrl;
  expect_error(create(s, body), 400, "validation.msg.hook.config.field.not.supported",
               "Payload Url");
}

TEST(HookStoreConfig, MustBeAnObjectOfText) {
  hook_store s;
  json body = web_body();
  body["config"] = json::array();
  expect_error(create(s, body), 400, "validation.msg.hook.config.must.be.an.object", "config");
  body = web_body();
  body["config"]["Content Type"] = json::object();
  expect_error(create(s, body), 400, "validation.msg.hook.config.field.must.be.text",
               "Content Type");
}

TEST(HookStoreConfig, ContentTypeIsJsonOrFormStoredLowerCase) {
  hook_store s;
  json body = web_body();
  body["config"]["Content Type"] = "xml";
  expect_error(create(s, body), 400, "validation.msg.hook.content.type.must.be.json.or.form",
               "Content Type");
  body["config"]["Content Type"] = "FORM";
  EXPECT_EQ(create(s, body).status, 200);
  EXPECT_EQ(s.find(1)->config.at("Content Type"), "form");
}

TEST(HookStoreConfig, SmsBridgeNeedsAllFiveFields) {
  hook_store s;
  json body = sms_body();
  body["config"].erase("Phone Number");
  expect_error(create(s, body), 400, "validation.msg.hook.required.config.field.not.provided",
               "Phone Number");
  EXPECT_EQ(create(s, sms_body()).status, 200);
}

TEST(HookStoreConfig, ElasticSearchIndexNameIsOptional) {
  hook_store s;
  json body = web_body();
  body["name"] = "Elastic Search";
  EXPECT_EQ(create(s, body).status, 200);
  EXPECT_EQ(s.find(1)->config.count("Index Name"), 0u);
}

TEST(HookStoreConfig, MessageGatewayTakesANumberAsTextAndIsNotPinged) {
  hook_store s;
  int pings = 0;
  json body = {{"name", "Message Gateway"},
               {"displayName", "Gateway"},
               {"events", json::array({{{"actionName", "CREATE"}, {"entityName", "CLIENT"}}})},
               {"config", {{"SMS Provider Id", 1}}}};
  EXPECT_EQ(create(s, body, [&](const std::string&) { return ++pings, false; }).status, 200);
  EXPECT_EQ(s.find(1)->config.at("SMS Provider Id"), "1");
  EXPECT_EQ(pings, 0);
}

// --- Payload URL ------------------------------------------------------------------------------

TEST(HookStorePayloadUrl, MayHave100CharactersNot101) {
  hook_store s;
  const std::string base = "http://127.0.0.1:9000/";
  const std::string url100 = base + std::string(99 - base.size(), 'a') + "/";
  ASSERT_EQ(url100.size(), 100u);
  EXPECT_EQ(create(s, web_body("A", url100)).status, 200);
  const std::string url101 = base + std::string(100 - base.size(), 'a') + "/";
  expect_error(create(s, web_body("B", url101)), 400,
               "validation.msg.hook.payload.url.exceeds.max.length", "Payload URL");
}

TEST(HookStorePayloadUrl, MustBeAnHttpUrl) {
  hook_store s;
  expect_error(create(s, web_body("A", "ftp://127.0.0.1/hooks/")), 400,
               "validation.msg.hook.payload.url.not.http.url", "Payload URL");
  expect_error(create(s, web_body("A", "not a url")), 400,
               "validation.msg.hook.payload.url.not.http.url", "Payload URL");
}

TEST(HookStorePayloadUrl, APathWithoutTrailingSlashIsRefusedLikeFineract17) {
  hook_store s;
  const auto out = create(s, web_body("A", "http://127.0.0.1:9000/hooks"));
  expect_error(out, 400, "validation.msg.hook.payload.url.must.end.with.slash", "Payload URL");
  EXPECT_NE(
      out.body["errors"][0]["defaultUserMessage"].get<std::string>().find("baseUrl must end in /"),
      std::string::npos);
}

TEST(HookStorePayloadUrl, AHostWithoutPathNeedsNoSlash) {
  hook_store s;
  EXPECT_EQ(create(s, web_body("A", "http://127.0.0.1:9000")).status, 200);
}

TEST(HookStorePayloadUrl, LenientRulesAcceptAPathWithoutTrailingSlash) {
  hook_store s(hook_rules{.lenient_urls = true});
  EXPECT_EQ(create(s, web_body("A", "http://127.0.0.1:9000/hooks")).status, 200);
  EXPECT_EQ(s.find(1)->config.at("Payload URL"), "http://127.0.0.1:9000/hooks");
}

// --- the ping ---------------------------------------------------------------------------------

TEST(HookStorePing, IsSentToThePayloadUrlOnce) {
  hook_store s;
  std::vector<std::string> pinged;
  create(s, web_body(), [&](const std::string& url) { return pinged.push_back(url), true; });
  EXPECT_EQ(pinged, std::vector<std::string>{kUrl});
}

TEST(HookStorePing, NoAnswerRefusesTheHook) {
  hook_store s;
  const auto out = create(s, web_body(), kSilent);
  expect_error(out, 400, "validation.msg.hook.url.invalid", "Payload URL");
  EXPECT_NE(out.body["errors"][0]["defaultUserMessage"].get<std::string>().find(kUrl),
            std::string::npos);
  EXPECT_EQ(s.find(1), nullptr);
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST(HookStorePing, IsNotSentWhenTheBodyIsInvalid) {
  hook_store s;
  create(s, web_body("Hello"));
  int pings = 0;
  create(s, web_body("Hello"), [&](const std::string&) { return ++pings, true; });
  EXPECT_EQ(pings, 0);
}

}  // namespace
}  // namespace mifos::mock
