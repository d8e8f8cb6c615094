// hook_template_test.cpp: GET /hooks/template: the four templates with their schemas, and
// the catalog's groupings, entities and actions in Fineract's order.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "admin/hook_store.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

json field(const char* name, bool optional) {
  return {{"fieldName", name}, {"fieldType", "string"}, {"optional", optional}};
}
json field(const char* name, bool optional, const char* placeholder) {
  json f = field(name, optional);
  f["placeholder"] = placeholder;
  return f;
}
const json kContentType = field("Content Type", false, "json / form");
const json kPayloadUrl = field("Payload URL", false, "http://example.com/hook/");

// One copy for the whole file: ranging over a member of a temporary would dangle.
const json& page() {
  static const json p = hook_template_json();
  return p;
}

json template_named(const std::string& name) {
  for (const auto& t : page()["templates"]) {
    if (t["name"] == name) return t;
  }
  return nullptr;
}

TEST(HookTemplate, HasTemplatesThenGroupings) {
  const json t = hook_template_json();
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.begin().key(), "templates");
  EXPECT_EQ(std::next(t.begin()).key(), "groupings");
}

TEST(HookTemplate, ListsFourTemplatesSortedByNameWithTheirIds) {
  std::vector<std::pair<std::string, int>> got;
  for (const auto& t : page()["templates"]) got.emplace_back(t["name"], t["id"]);
  EXPECT_EQ(got,
            (std::vector<std::pair<std::string, int>>{
                {"Elastic Search", 3}, {"Message Gateway", 4}, {"SMS Bridge", 2}, {"Web", 1}}));
}

TEST(HookTemplate, WebSchemaIsContentTypeAndPayloadUrl) {
  const json expected = {{"id", 1}, {"name", "Web"}, {"schema", {kContentType, kPayloadUrl}}};
  EXPECT_EQ(template_named("Web").dump(), expected.dump());
}

TEST(HookTemplate, SmsBridgeSchemaHasFiveRequiredFields) {
  EXPECT_EQ(template_named("SMS Bridge")["schema"],
            json({kPayloadUrl, field("Phone Number", false), field("SMS Provider", false),
                  field("SMS Provider Account Id", false), field("SMS Provider Token", false)}));
}

TEST(HookTemplate, ElasticSearchIndexNameIsOptional) {
  EXPECT_EQ(template_named("Elastic Search")["schema"],
            json({kContentType, field("Index Name", true), kPayloadUrl}));
}

TEST(HookTemplate, MessageGatewayHasOnlyTheProviderId) {
  EXPECT_EQ(template_named("Message Gateway")["schema"],
            json::array({field("SMS Provider Id", false)}));
}

TEST(HookTemplate, Has25GroupingsAnd445Actions) {
  const json groupings = page()["groupings"];
  EXPECT_EQ(groupings.size(), 25u);
  std::size_t actions = 0;
  for (const auto& g : groupings) {
    for (const auto& e : g["entities"]) actions += e["actions"].size();
  }
  EXPECT_EQ(actions, 445u);
}

TEST(HookTemplate, GroupingsAreSortedWithUpperCaseFirst) {
  std::vector<std::string> names;
  for (const auto& g : page()["groupings"]) names.push_back(g["name"]);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(names.front(), "LOAN_PROVISIONING");
  EXPECT_EQ(names.back(), "xbrlmapping");
  const auto first_lower = std::find_if(names.begin(), names.end(), [](const std::string& n) {
    return std::islower(static_cast<unsigned char>(n[0]));
  });
  EXPECT_TRUE(std::all_of(first_lower, names.end(), [](const std::string& n) {
    return std::islower(static_cast<unsigned char>(n[0]));
  }));
}

TEST(HookTemplate, EntitiesAndActionsAreSorted) {
  for (const auto& g : page()["groupings"]) {
    std::vector<std::string> entities;
    for (const auto& e : g["entities"]) {
      entities.push_back(e["name"]);
      const auto actions = e["actions"].get<std::vector<std::string>>();
      EXPECT_TRUE(std::is_sorted(actions.begin(), actions.end())) << e["name"];
    }
    EXPECT_TRUE(std::is_sorted(entities.begin(), entities.end())) << g["name"];
  }
}

TEST(HookTemplate, PortfolioClientOffersItsActionsSorted) {
  json client;
  for (const auto& g : page()["groupings"]) {
    if (g["name"] != "portfolio") continue;
    for (const auto& e : g["entities"]) {
      if (e["name"] == "CLIENT") client = e;
    }
  }
  ASSERT_TRUE(client.is_object());
  const auto actions = client["actions"].get<std::vector<std::string>>();
  EXPECT_EQ(actions.front(), "ACCEPTTRANSFER");
  EXPECT_NE(std::find(actions.begin(), actions.end(), "ACTIVATE"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "CREATE"), actions.end());
  EXPECT_EQ(client.begin().key(), "name");
}

}  // namespace
}  // namespace mifos::mock
