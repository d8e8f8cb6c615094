// sms_message_test.cpp: message templates rendered as Fineract's mustache.java renders them
// (TemplateMergeService), and TwilioHookProcessor's "<p>" removal.
#include "wire/sms_message.hpp"

#include <gtest/gtest.h>

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

std::string render(std::string_view text, const json& scope) {
  return render_mustache(text, scope).value_or("<invalid>");
}

TEST(RenderMustache, WalksDottedNamesIntoObjects) {
  const json scope = {{"client", {{"displayName", "Amina Otieno"}, {"office", {{"name", "HQ"}}}}}};
  EXPECT_EQ(render("Hi {{client.displayName}} of {{client.office.name}}", scope),
            "Hi Amina Otieno of HQ");
}

TEST(RenderMustache, RendersMissingNamesEmpty) {
  EXPECT_EQ(render("[{{nothing}}][{{client.nothing}}][{{a.b.c}}]", {{"client", json::object()}}),
            "[][][]");
}

TEST(RenderMustache, EscapesHtmlAsMustacheJavaDoes) {
  const json scope = {{"v", "O'Brien & <Co> \"x\" a=b `q`"}};
  EXPECT_EQ(render("{{v}}", scope),
            "O&#39;Brien &amp; &lt;Co&gt; &quot;x&quot; a&#61;b &#96;q&#96;");
}

TEST(RenderMustache, EscapesControlCharactersUpTo13AsNumericReferences) {
  EXPECT_EQ(render("{{v}}", {{"v", "a\tb\nc\rd"}}), "a&#9;b&#10;c&#13;d");
}

TEST(RenderMustache, TripleAndAmpersandTagsDoNotEscape) {
  const json scope = {{"v", "a&b<c>"}};
  EXPECT_EQ(render("{{{v}}} {{&v}}", scope), "a&b<c> a&b<c>");
}

TEST(RenderMustache, NumbersRenderAsJavaPrintsWhatJacksonRead) {
  const json scope =
      json::parse(R"({"id":7,"big":12345678901,"amount":120.5,"one":1.0,"e":1.0E7})");
  EXPECT_EQ(render("{{id}} {{big}} {{amount}} {{one}} {{e}}", scope),
            "7 12345678901 120.5 1.0 1.0E7");
}

TEST(RenderMustache, TrueRendersAsTrue) { EXPECT_EQ(render("{{ok}}", {{"ok", true}}), "true"); }

TEST(RenderMustache, FalseNullEmptyTextAndEmptyListAreFalsey) {
  const json scope = {{"f", false}, {"n", nullptr}, {"s", ""}, {"l", json::array()}, {"z", 0}};
  EXPECT_EQ(render("{{#f}}F{{/f}}{{#n}}N{{/n}}{{#s}}S{{/s}}{{#l}}L{{/l}}{{#z}}Z{{/z}}", scope),
            "Z");
  EXPECT_EQ(render("{{^f}}f{{/f}}{{^n}}n{{/n}}{{^s}}s{{/s}}{{^l}}l{{/l}}{{^z}}z{{/z}}", scope),
            "fnsl");
}

TEST(RenderMustache, SectionsIterateListsWithEachItemInScope) {
  const json scope = {{"loans", json::array({{{"accountNo", "001"}}, {{"accountNo", "002"}}})},
                      {"name", "Amina"}};
  EXPECT_EQ(render("{{#loans}}{{accountNo}} {{name}};{{/loans}}", scope), "001 Amina;002 Amina;");
}

TEST(RenderMustache, AnUnclosedSectionIsNoTemplate) {
  EXPECT_FALSE(render_mustache("{{#loans}}open", json::object()).has_value());
}

TEST(WithIndexedArrays, AddsEachArrayItemUnderItsIndexAtEveryDepth) {
  const json scope = json::parse(R"({"loans":[{"id":1,"tags":["a","b"]},{"id":2}]})");
  const json out = with_indexed_arrays(scope);
  EXPECT_EQ(out["loans#1"]["id"], 2);
  EXPECT_EQ(out["loans#0"]["tags#1"], "b");
  EXPECT_EQ(out["loans"][0]["tags#0"], "a");
}

TEST(SmsMessageText, RendersIndexedArraysAndDropsParagraphTags) {
  const json scope = json::parse(R"({"loans":[{"accountNo":"000000042"}],"clientId":3})");
  EXPECT_EQ(
      sms_message_text("<p>Loan {{loans#0.accountNo}}</p><p>of client {{clientId}}</p>", scope),
      "Loan 000000042of client 3");
}

TEST(SmsMessageText, KeepsOtherTagsAndEscapedText) {
  EXPECT_EQ(sms_message_text("<b>{{v}}</b>", {{"v", "<p>"}}), "<b>&lt;p&gt;</b>");
}

}  // namespace
}  // namespace mifos::mock
