// limits_test.cpp: hostile nesting is refused before it can exhaust the stack, without refusing
// brackets that only appear inside strings.
#include <gtest/gtest.h>

#include <string>

#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

delivery json_delivery(std::string body) {
  delivery d;
  d.headers = {{"X-Fineract-Entity", "CLIENT"},
               {"X-Fineract-Action", "CREATE"},
               {"Content-Type", "application/json"}};
  d.body = std::move(body);
  return d;
}

// {"a":[[...[1]...]]} with `depth` levels in all, the outer object included.
std::string nested(int depth, std::string padding = "") {
  std::string body = "{\"pad\":\"" + padding + "\",\"a\":";
  for (int i = 1; i < depth; ++i) body += '[';
  body += '1';
  for (int i = 1; i < depth; ++i) body += ']';
  return body + "}";
}

TEST(Limits, JsonNested64LevelsIsAccepted) {
  auto r = parse(json_delivery(nested(64)));
  ASSERT_TRUE(r.ok()) << r.error().reason;
  EXPECT_TRUE(r->payload["a"].is_array());
}

TEST(Limits, JsonNested65LevelsIsRefusedWith400) {
  auto r = parse(json_delivery(nested(65)));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 400);
  EXPECT_EQ(r.error().reason, "JSON body nests deeper than 64 levels");
}

TEST(Limits, JsonNested100000LevelsIsRefusedWithoutCrashing) {
  auto r = parse(json_delivery(nested(100000)));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 400);
}

TEST(Limits, BracketsInsideStringsDoNotCountAsNesting) {
  std::string brackets(300, '[');
  auto r = parse(json_delivery(R"({"note":")" + brackets + R"(\"[[[","resourceId":7})"));
  ASSERT_TRUE(r.ok()) << r.error().reason;
  EXPECT_EQ(r->result.resource_id, 7);
  EXPECT_EQ(r->payload["note"].get<std::string>(), brackets + "\"[[[");
}

TEST(Limits, AnEscapedBackslashBeforeAQuoteEndsTheString) {
  // "x\\" is a string holding one backslash; the brackets after it are real nesting.
  std::string body = R"({"note":"x\\","a":)" + std::string(70, '[') + std::string(70, ']') + "}";
  body += std::string(100, ' ');
  auto r = parse(json_delivery(body));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 400);
}

TEST(Limits, DeeplyNestedJavaMapTextIsKeptAsAString) {
  delivery d = json_delivery("");
  d.headers.back().value = "application/x-www-form-urlencoded";
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "%7Ba%3D";
  deep += "1";
  for (int i = 0; i < 5000; ++i) deep += "%7D";
  d.body = "request=" + deep + "&resourceId=3.0";
  auto r = parse(d);
  ASSERT_TRUE(r.ok()) << r.error().reason;
  EXPECT_EQ(r->result.resource_id, 3);
  EXPECT_FALSE(r->form_fields.at("request").empty());
  EXPECT_NO_THROW((void)to_json(*r).dump());
}

}  // namespace
}  // namespace mifos::hooks
