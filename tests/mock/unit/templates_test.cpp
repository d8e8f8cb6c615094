// templates_test.cpp: message templates (UGD) through the REST front: /templates as Fineract's
// TemplatesApiResource keeps them, and hooks that name one by templateId.
#include <gtest/gtest.h>

#include "front_calls.hpp"

namespace mifos::mock {
namespace {

using front_test::send;
using json = nlohmann::ordered_json;

json template_body(std::string name = "Welcome SMS") {
  return {{"name", std::move(name)},
          {"text", "Hello {{client.displayName}}"},
          {"entity", 0},
          {"type", 2},
          {"mappers",
           json::array(
               {{{"mappersorder", 1}, {"mapperskey", "office"}, {"mappersvalue", "v1/offices/1"}},
                {{"mappersorder", 0},
                 {"mapperskey", "client"},
                 {"mappersvalue", "v1/clients/{{clientId}}"}}})}};
}

json sms_hook(std::int64_t template_id) {
  return {{"name", "SMS Bridge"},
          {"displayName", "SMS"},
          {"isActive", true},
          {"templateId", template_id},
          {"events", {{{"entityName", "CLIENT"}, {"actionName", "CREATE"}}}},
          {"config",
           {{"Payload URL", "http://127.0.0.1:9191/modules/sms/"},
            {"SMS Provider", "twilio"},
            {"Phone Number", "+15550001111"},
            {"SMS Provider Account Id", "AC1"},
            {"SMS Provider Token", "t"}}}};
}

void expect_error(const front_test::reply& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body.dump();
  ASSERT_TRUE(r.body.contains("errors")) << r.body.dump();
  EXPECT_EQ(r.body["errors"][0]["userMessageGlobalisationCode"], code) << r.body.dump();
}

class Templates : public ::testing::Test {
 protected:
  front_test::reply call(std::string method, const std::string& path, const json& body = nullptr) {
    return send(front_, std::move(method), path, body);
  }
  mock_front front_{mock_settings{}, [](const std::string&) { return true; }};
};

TEST_F(Templates, CreateAnswersTheResourceIdAndFiresTemplateCreate) {
  auto r = call("POST", "/templates", template_body());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, json({{"resourceId", 1}}));
  call("POST", "/hooks",
       {{"name", "Web"},
        {"displayName", "all templates"},
        {"isActive", true},
        {"events", {{{"entityName", "TEMPLATE"}, {"actionName", "CREATE"}}}},
        {"config", {{"Payload URL", "http://127.0.0.1:9000/hooks/"}, {"Content Type", "json"}}}});
  r = call("POST", "/templates", template_body("Second"));
  ASSERT_EQ(r.firings.size(), 1u);
  EXPECT_EQ(r.firings[0].event.entity, "TEMPLATE");
  EXPECT_EQ(r.firings[0].event.action, "CREATE");
}

TEST_F(Templates, GetShowsTheEntityAsGsonWritesItWithMappersInOrder) {
  call("POST", "/templates", template_body());
  auto r = call("GET", "/templates/1");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(
      r.body.dump(),
      R"({"name":"Welcome SMS","entity":"client","type":"SMS","text":"Hello {{client.displayName}}",)"
      R"("mappers":[{"mapperorder":0,"mapperkey":"client","mappervalue":"v1/clients/{{clientId}}",)"
      R"("id":2,"isNew":false},{"mapperorder":1,"mapperkey":"office","mappervalue":"v1/offices/1",)"
      R"("id":1,"isNew":false}],"id":1,"isNew":false})");
}

TEST_F(Templates, ATypeOtherThanDocumentOrSmsIsLeftOut) {
  json body = template_body();
  body["type"] = 1;  // E-Mail: Fineract has no such enum value and stores null
  body["entity"] = "1";
  call("POST", "/templates", body);
  auto r = call("GET", "/templates/1");
  EXPECT_FALSE(r.body.contains("type")) << r.body.dump();
  EXPECT_EQ(r.body["entity"], "loan");
}

TEST_F(Templates, ListFiltersByTypeAndEntityIndexes) {
  call("POST", "/templates", template_body("sms"));
  json doc = template_body("document");
  doc["type"] = 0;
  call("POST", "/templates", doc);
  EXPECT_EQ(call("GET", "/templates").body.size(), 2u);
  auto sms = call("GET", "/templates?typeId=1&entityId=0");  // index 1 of [Document, SMS]
  ASSERT_EQ(sms.body.size(), 1u);
  EXPECT_EQ(sms.body[0]["name"], "sms");
}

TEST_F(Templates, TemplatePageListsEntitiesAndTypes) {
  EXPECT_EQ(call("GET", "/templates/template").body.dump(),
            R"({"entities":[{"name":"client","id":0},{"name":"loan","id":1}],)"
            R"("types":[{"name":"Document","id":0},{"name":"SMS","id":2}]})");
  call("POST", "/templates", template_body());
  EXPECT_EQ(call("GET", "/templates/1/template").body["template"]["name"], "Welcome SMS");
}

TEST_F(Templates, UpdateReplacesEveryFieldAndAnswersTheResourceId) {
  call("POST", "/templates", template_body());
  json body = {{"name", "Renamed"}, {"entity", 1}, {"type", 0}, {"mappers", json::array()}};
  auto r = call("PUT", "/templates/1", body);
  EXPECT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body, json({{"resourceId", 1}}));
  auto shown = call("GET", "/templates/1").body;
  EXPECT_EQ(shown["name"], "Renamed");
  EXPECT_EQ(shown["text"], "");  // absent: stringValueOfParameterNamed gives ""
  EXPECT_EQ(shown["mappers"], json::array());
}

TEST_F(Templates, CreateWithoutNameIsADataIntegrityError) {
  json body = template_body();
  body.erase("name");
  expect_error(call("POST", "/templates", body), 403, "error.msg.data.integrity.issue");
}

TEST_F(Templates, ADuplicateNameIsADataIntegrityError) {
  call("POST", "/templates", template_body());
  expect_error(call("POST", "/templates", template_body()), 403, "error.msg.data.integrity.issue");
}

TEST_F(Templates, MissingEntityTypeOrMappersAre400NamingTheField) {
  for (const char* field : {"entity", "type", "mappers"}) {
    json body = template_body();
    body.erase(field);
    expect_error(call("POST", "/templates", body), 400,
                 std::string("validation.msg.template.") + field + ".cannot.be.blank");
  }
}

TEST_F(Templates, AMapperWithoutItsValueIs400) {
  json body = template_body();
  body["mappers"][0].erase("mappersvalue");
  auto r = call("POST", "/templates", body);
  expect_error(r, 400, "validation.msg.template.mappers[0].mappersvalue.cannot.be.blank");
}

TEST_F(Templates, AnEntityOutsideClientAndLoanIs400) {
  json body = template_body();
  body["entity"] = 2;
  expect_error(call("POST", "/templates", body), 400,
               "validation.msg.template.entity.is.not.one.of.expected.enumerations");
}

TEST_F(Templates, UnknownIdsAre404) {
  expect_error(call("GET", "/templates/9"), 404, "error.msg.template.id.invalid");
  expect_error(call("PUT", "/templates/9", template_body()), 404, "error.msg.template.id.invalid");
  expect_error(call("DELETE", "/templates/9"), 404, "error.msg.template.id.invalid");
}

TEST_F(Templates, DeleteAnswersTheResourceIdAndForgetsIt) {
  call("POST", "/templates", template_body());
  EXPECT_EQ(call("DELETE", "/templates/1").body, json({{"resourceId", 1}}));
  EXPECT_EQ(call("GET", "/templates/1").status, 404);
}

TEST_F(Templates, ATemplateAHookUsesCannotBeDeleted) {
  call("POST", "/templates", template_body());
  ASSERT_EQ(call("POST", "/hooks", sms_hook(1)).status, 200);
  expect_error(call("DELETE", "/templates/1"), 403, "error.msg.data.integrity.issue");
}

TEST_F(Templates, AHookNamingAnUnknownTemplateIs404) {
  expect_error(call("POST", "/hooks", sms_hook(4)), 404, "error.msg.template.id.invalid");
  call("POST", "/templates", template_body());
  ASSERT_EQ(call("POST", "/hooks", sms_hook(1)).status, 200);
  expect_error(call("PUT", "/hooks/1", {{"templateId", 4}}), 404, "error.msg.template.id.invalid");
}

TEST_F(Templates, AHookShowsItsTemplatesNameAfterItsId) {
  call("POST", "/templates", template_body());
  call("POST", "/hooks", sms_hook(1));
  auto shown = call("GET", "/hooks/1").body;
  EXPECT_EQ(shown["templateId"], 1);
  EXPECT_EQ(shown["templateName"], "Welcome SMS");
  std::vector<std::string> keys;
  for (auto it = shown.begin(); it != shown.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "name", "displayName", "isActive", "createdAt",
                                            "updatedAt", "templateId", "templateName", "events",
                                            "config"}));
}

}  // namespace
}  // namespace mifos::mock
