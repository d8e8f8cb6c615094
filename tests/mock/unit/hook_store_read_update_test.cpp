// hook_store_read_update_test.cpp: the mock's hooks admin API after creation: GET, PUT,
// DELETE, the routes it answers, and the lookups hook firing uses.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "admin/hook_store.hpp"
#include "model/api_error.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;
using namespace std::chrono;

const system_clock::time_point kNow = sys_days{year{2024} / 10 / 24} + hours{9};
const system_clock::time_point kLater = sys_days{year{2024} / 11 / 2} + hours{9};
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

json event_json(const char* entity, const char* action) {
  return {{"actionName", action}, {"entityName", entity}};
}

json web_body(const std::string& display = "Hello", bool active = true) {
  return {{"name", "Web"},
          {"displayName", display},
          {"isActive", active},
          {"events", json::array({event_json("CLIENT", "CREATE")})},
          {"config", {{"Payload URL", kUrl}, {"Content Type", "json"}}}};
}

const ping_function kAnswers = [](const std::string&) { return true; };

void expect_error(const rest_outcome& out, int status, const std::string& code) {
  EXPECT_EQ(out.status, status);
  EXPECT_EQ(out.body.value("httpStatusCode", ""), std::to_string(status));
  ASSERT_EQ(out.body.value("errors", json::array()).size(), 1u) << out.body.dump();
  EXPECT_EQ(out.body["errors"][0]["userMessageGlobalisationCode"], code) << out.body.dump();
}

// A store with "Hello" (id 1) created on kNow.
hook_store store_with_one() {
  hook_store s;
  s.handle(make_call("POST", "/hooks", web_body()), kAnswers);
  return s;
}

rest_outcome put(hook_store& s, const std::string& path, json body,
                 const ping_function& ping = kAnswers) {
  return *s.handle(make_call("PUT", path, std::move(body), kLater), ping);
}

// --- reads ------------------------------------------------------------------------------------

TEST(HookStoreRead, AHookReadsAsFineractWritesIt) {
  hook_store s = store_with_one();
  const auto out = s.handle(make_call("GET", "/hooks/1"), kAnswers);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->status, 200);
  const json expected = {
      {"id", 1},
      {"name", "Web"},
      {"displayName", "Hello"},
      {"isActive", true},
      {"createdAt", {2024, 10, 24}},
      {"updatedAt", {2024, 10, 24}},
      {"templateId", 0},
      {"events", json::array({event_json("CLIENT", "CREATE")})},
      {"config", json::array({{{"fieldName", "Content Type"}, {"fieldValue", "json"}},
                              {{"fieldName", "Payload URL"}, {"fieldValue", kUrl}}})}};
  EXPECT_EQ(out->body, expected);
  EXPECT_EQ(out->body.dump(), expected.dump());  // key order too
  EXPECT_FALSE(out->event.has_value());
}

TEST(HookStoreRead, TheListIsInIdOrder) {
  hook_store s = store_with_one();
  s.handle(make_call("POST", "/hooks", web_body("Another")), kAnswers);
  const auto out = s.handle(make_call("GET", "/hooks"), kAnswers);
  ASSERT_EQ(out->body.size(), 2u);
  EXPECT_EQ(out->body[0], to_json(*s.find(1)));
  EXPECT_EQ(out->body[1]["id"], 2);
  EXPECT_EQ(out->body[1]["displayName"], "Another");
}

TEST(HookStoreRead, AnUnknownIdIsNotFound) {
  hook_store s;
  const auto out = s.handle(make_call("GET", "/hooks/7"), kAnswers);
  expect_error(*out, 404, "error.msg.hook.identifier.not.found");
  EXPECT_EQ(out->body["errors"][0]["defaultUserMessage"], "Hook with identifier 7 does not exist");
  EXPECT_EQ(out->body["errors"][0]["args"], json::parse(R"([{"value":7}])"));
  EXPECT_FALSE(out->event.has_value());
}

TEST(HookStoreRead, WithTemplateTrueAddsItsTemplateAndTheGroupings) {
  hook_store s = store_with_one();
  rest_call c = make_call("GET", "/hooks/1");
  c.query["template"] = "true";
  const json body = s.handle(c, kAnswers)->body;
  ASSERT_EQ(body["templates"].size(), 1u);
  EXPECT_EQ(body["templates"][0]["name"], "Web");
  EXPECT_EQ(body["groupings"].size(), 25u);
  EXPECT_EQ(body["id"], 1);
  EXPECT_EQ(std::prev(body.end()).key(), "groupings");
}

TEST(HookStoreRead, TemplatePageIsTheHookTemplate) {
  hook_store s;
  const auto out = s.handle(make_call("GET", "/hooks/template"), kAnswers);
  EXPECT_EQ(out->status, 200);
  EXPECT_EQ(out->body, hook_template_json());
}

TEST(HookStoreRead, ConfigIsSortedByFieldName) {
  hook_store s;
  json body = {{"name", "SMS Bridge"},
               {"displayName", "Bridge"},
               {"events", json::array({event_json("CLIENT", "CREATE")})},
               {"config",
                {{"SMS Provider Token", "t"},
                 {"Payload URL", "http://127.0.0.1:9191/modules/"},
                 {"SMS Provider", "twilio"},
                 {"Phone Number", "+1"},
                 {"SMS Provider Account Id", "AC1"}}}};
  s.handle(make_call("POST", "/hooks", body), kAnswers);
  std::vector<std::string> names;
  const json stored = to_json(*s.find(1));
  for (const auto& f : stored["config"]) names.push_back(f["fieldName"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Payload URL", "Phone Number", "SMS Provider",
                                             "SMS Provider Account Id", "SMS Provider Token"}));
}

// --- update -----------------------------------------------------------------------------------

TEST(HookStoreUpdate, AnswersTheChangedKeys) {
  hook_store s = store_with_one();
  const auto out = put(s, "/hooks/1", {{"displayName", "Renamed"}, {"isActive", true}});
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body, json({{"resourceId", 1}, {"changes", {{"displayName", "Renamed"}}}}));
  EXPECT_EQ(s.find(1)->display_name, "Renamed");
  EXPECT_EQ(to_json(*s.find(1))["updatedAt"], json::array({2024, 11, 2}));
  EXPECT_EQ(to_json(*s.find(1))["createdAt"], json::array({2024, 10, 24}));
}

TEST(HookStoreUpdate, NothingChangedLeavesUpdatedAt) {
  hook_store s = store_with_one();
  const auto out = put(s, "/hooks/1", {{"displayName", "Hello"}});
  EXPECT_EQ(out.body, json({{"resourceId", 1}, {"changes", json::object()}}));
  EXPECT_EQ(to_json(*s.find(1))["updatedAt"], json::array({2024, 10, 24}));
}

TEST(HookStoreUpdate, Deactivates) {
  hook_store s = store_with_one();
  EXPECT_EQ(put(s, "/hooks/1", {{"isActive", false}}).body["changes"], json({{"isActive", false}}));
  EXPECT_FALSE(s.find(1)->active);
}

TEST(HookStoreUpdate, EventsAreReplacedAndEchoed) {
  hook_store s = store_with_one();
  const json events = json::array({event_json("LOAN", "REPAYMENT")});
  EXPECT_EQ(put(s, "/hooks/1", {{"events", events}}).body["changes"], json({{"events", events}}));
  ASSERT_EQ(s.find(1)->events.size(), 1u);
  EXPECT_EQ(s.find(1)->events[0].entity, "LOAN");
}

TEST(HookStoreUpdate, ANewPayloadUrlIsPingedAndStored) {
  hook_store s = store_with_one();
  const std::string url = "http://127.0.0.1:9001/new/";
  std::vector<std::string> pinged;
  const json config = {{"Payload URL", url}, {"Content Type", "form"}};
  const auto out = put(s, "/hooks/1", {{"config", config}},
                       [&](const std::string& u) { return pinged.push_back(u), true; });
  EXPECT_EQ(out.body["changes"], json({{"config", config}}));
  EXPECT_EQ(pinged, std::vector<std::string>{url});
  EXPECT_EQ(s.find(1)->config.at("Payload URL"), url);
  EXPECT_EQ(s.find(1)->config.at("Content Type"), "form");
}

TEST(HookStoreUpdate, AnUnreachableNewPayloadUrlChangesNothing) {
  hook_store s = store_with_one();
  const json config = {{"Payload URL", "http://127.0.0.1:9001/new/"}, {"Content Type", "json"}};
  const auto out = put(s, "/hooks/1", {{"displayName", "X"}, {"config", config}},
                       [](const std::string&) { return false; });
  expect_error(out, 400, "validation.msg.hook.url.invalid");
  EXPECT_EQ(s.find(1)->config.at("Payload URL"), kUrl);
  EXPECT_EQ(s.find(1)->display_name, "Hello");
}

TEST(HookStoreUpdate, TheSamePayloadUrlIsNotPingedAgain) {
  hook_store s = store_with_one();
  int pings = 0;
  put(s, "/hooks/1", {{"config", {{"Payload URL", kUrl}, {"Content Type", "form"}}}},
      [&](const std::string&) { return ++pings, true; });
  EXPECT_EQ(pings, 0);
}

TEST(HookStoreUpdate, ConfigReplacesTheWholeConfigSoMustBeComplete) {
  hook_store s = store_with_one();
  expect_error(put(s, "/hooks/1", {{"config", {{"Content Type", "form"}}}}), 400,
               "validation.msg.hook.required.config.field.not.provided");
}

TEST(HookStoreUpdate, RefusesAnUnsupportedKey) {
  hook_store s = store_with_one();
  expect_error(put(s, "/hooks/1", {{"active", true}}), 400, "error.msg.parameter.unsupported");
}

TEST(HookStoreUpdate, RefusesADisplayNameAnotherHookHas) {
  hook_store s = store_with_one();
  s.handle(make_call("POST", "/hooks", web_body("Other")), kAnswers);
  expect_error(put(s, "/hooks/2", {{"displayName", "HELLO"}}), 403,
               "error.msg.hook.duplicate.name");
}

TEST(HookStoreUpdate, AnUnknownIdIsNotFoundAndFailsTheCommand) {
  hook_store s;
  const auto out = put(s, "/hooks/9", {{"isActive", true}});
  expect_error(out, 404, "error.msg.hook.identifier.not.found");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->action, "UPDATE");
  EXPECT_TRUE(out.event->failed());
  EXPECT_EQ(out.event->http_status, 404);
}

TEST(HookStoreUpdate, CarriesAHookUpdateEvent) {
  hook_store s = store_with_one();
  const json body = {{"isActive", false}};
  const auto out = put(s, "/hooks/1", body);
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "HOOK");
  EXPECT_EQ(out.event->action, "UPDATE");
  EXPECT_EQ(out.event->request, body);
  EXPECT_EQ(out.event->result, out.body);
}

// --- delete -----------------------------------------------------------------------------------

TEST(HookStoreDelete, RemovesTheHookAndAnswersItsId) {
  hook_store s = store_with_one();
  const auto out = s.handle(make_call("DELETE", "/hooks/1"), kAnswers);
  EXPECT_EQ(out->status, 200);
  EXPECT_EQ(out->body, json({{"resourceId", 1}}));
  EXPECT_EQ(s.find(1), nullptr);
  ASSERT_TRUE(out->event.has_value());
  EXPECT_EQ(out->event->action, "DELETE");
  EXPECT_EQ(out->event->request, json::object());
  EXPECT_EQ(out->event->result, json({{"resourceId", 1}}));
}

TEST(HookStoreDelete, AnUnknownIdIsNotFound) {
  hook_store s;
  const auto out = s.handle(make_call("DELETE", "/hooks/3"), kAnswers);
  expect_error(*out, 404, "error.msg.hook.identifier.not.found");
  ASSERT_TRUE(out->event.has_value());
  EXPECT_TRUE(out->event->failed());
}

// --- routes -----------------------------------------------------------------------------------

TEST(HookStoreRouting, OtherMethodsAreNotAllowed) {
  hook_store s = store_with_one();
  for (const auto& [method, path] :
       std::vector<std::pair<std::string, std::string>>{{"PATCH", "/hooks"},
                                                        {"DELETE", "/hooks"},
                                                        {"POST", "/hooks/1"},
                                                        {"PUT", "/hooks"},
                                                        {"POST", "/hooks/template"}}) {
    const auto out = s.handle(make_call(method, path, json::object()), kAnswers);
    ASSERT_TRUE(out.has_value()) << method << " " << path;
    EXPECT_EQ(out->status, 405) << method << " " << path;
    EXPECT_EQ(out->body["httpStatusCode"], "405");
    EXPECT_FALSE(out->event.has_value());
  }
}

TEST(HookStoreRouting, OtherPathsAreNotItsBusiness) {
  hook_store s;
  for (const char* path : {"/clients", "/hooksx", "/hooks/abc", "/hooks/1/events", "/hooks/-1"}) {
    EXPECT_FALSE(s.handle(make_call("GET", path), kAnswers).has_value()) << path;
  }
}

TEST(HookStoreRouting, ATrailingSlashIsTheSameRoute) {
  hook_store s = store_with_one();
  EXPECT_EQ(s.handle(make_call("GET", "/hooks/"), kAnswers)->body.size(), 1u);
}

// --- firing lookups ---------------------------------------------------------------------------

TEST(HookStoreFiring, ActiveForReturnsActiveSubscribersInIdOrder) {
  hook_store s;
  s.handle(make_call("POST", "/hooks", web_body("A")), kAnswers);
  s.handle(make_call("POST", "/hooks", web_body("B", false)), kAnswers);
  s.handle(make_call("POST", "/hooks", web_body("C")), kAnswers);
  const auto hooks = s.active_for("client", "Create");
  ASSERT_EQ(hooks.size(), 2u);
  EXPECT_EQ(hooks[0].id, 1);
  EXPECT_EQ(hooks[1].id, 3);
  EXPECT_TRUE(s.active_for("LOAN", "REPAYMENT").empty());
}

TEST(HookStoreFiring, SetConfigStoresAField) {
  hook_store s = store_with_one();
  s.set_config(1, "Api Key", "0123abcd");
  EXPECT_EQ(s.find(1)->config.at("Api Key"), "0123abcd");
  EXPECT_EQ(to_json(*s.find(1))["config"][0],
            json({{"fieldName", "Api Key"}, {"fieldValue", "0123abcd"}}));
}

}  // namespace
}  // namespace mifos::mock
