// parse_form_test.cpp: form bodies of both families, and Java map/list text decoded
// best-effort into JSON while the raw text is kept.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

constexpr const char* kFineractForm = "application/x-www-form-urlencoded";
constexpr const char* kMifosForm = "application/x-www-form-urlencoded; charset=UTF-8";

event form_event(const std::string& body, const char* content_type = kFineractForm) {
  auto r = parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", body, content_type));
  if (!r.ok()) throw std::runtime_error("refused: " + r.error().reason);
  return *r;
}

TEST(ParseForm, MifosFormWithCharsetAndPlusSpaces) {
  const auto e = parse(load_fixture("deliveries/mifosx-loan-repayment-form.http"));
  ASSERT_TRUE(e.ok()) << e.error().reason;
  EXPECT_EQ(e->format, body_format::form);
  EXPECT_EQ(e->result.loan_id, 5);
  EXPECT_EQ(e->result.resource_id, 564);
  EXPECT_EQ(e->payload.at("changes").at("transactionDate"), "14 May 2013");
  EXPECT_EQ(e->changes().at("note"), "check payment");
}

TEST(ParseForm, FineractFormWithoutCharsetAndPercent20Spaces) {
  const auto e = parse(load_fixture("deliveries/fineract15-client-create-form.http"));
  ASSERT_TRUE(e.ok()) << e.error().reason;
  EXPECT_EQ(e->format, body_format::form);
  EXPECT_EQ(e->shape, body_shape::envelope);
  EXPECT_EQ(e->created_by_full_name, "App Administrator");
  EXPECT_EQ(e->request().at("dateFormat"), "dd MMMM yyyy");
}

TEST(ParseForm, Percent2bIsAPlusSign) {
  const auto e = parse(load_fixture("deliveries/fineract15-client-create-form.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->request().at("mobileNo"), "+254712345678");
}

TEST(ParseForm, PlusIsASpaceInEitherFamily) {
  EXPECT_EQ(form_event("name=Ngong+Road", kFineractForm).payload.at("name"), "Ngong Road");
  EXPECT_EQ(form_event("name=Ngong+Road", kMifosForm).payload.at("name"), "Ngong Road");
}

TEST(ParseForm, RawTextIsKeptAfterPercentDecoding) {
  const auto e = parse(load_fixture("deliveries/fineract15-client-create-form.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->form_fields.at("response"), "{clientId=1.0, savingsId=10.0, resourceId=1.0}");
  EXPECT_EQ(e->form_fields.at("officeId"), "1.0");
  EXPECT_EQ(e->form_fields.at("createdByFullName"), "App Administrator");
}

TEST(ParseForm, JsonBodiesHaveNoFormFields) {
  const auto e = parse(load_fixture("deliveries/fineract17-loan-repayment.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->form_fields.empty());
}

TEST(ParseForm, FormIdsArriveAsDoublesAndReadAsIntegers) {
  const auto e = form_event("resourceId=1.2345678E7&officeId=1.0&groupId=2.0");
  EXPECT_EQ(e.result.resource_id, 12345678);
  EXPECT_EQ(e.result.office_id, 1);
  EXPECT_EQ(e.result.group_id, 2);
}

TEST(ParseForm, TopLevelDoublesDecodeToNumbers) {
  const auto e = form_event("officeId=1.0&amount=1.0E7");
  EXPECT_TRUE(e.payload.at("officeId").is_number());
  EXPECT_EQ(e.payload.at("officeId"), 1.0);
  EXPECT_EQ(e.payload.at("amount"), 1.0e7);
}

TEST(ParseForm, BooleansDecodeToBooleans) {
  const auto e = form_event("active=true&closed=false");
  EXPECT_EQ(e.payload.at("active"), true);
  EXPECT_EQ(e.payload.at("closed"), false);
}

TEST(ParseForm, PlainTextStaysAString) {
  const auto e = form_event("createdByName=mifos&timestamp=2024-10-24T09%3A52%3A59.123456Z");
  EXPECT_EQ(e.payload.at("createdByName"), "mifos");
  EXPECT_EQ(e.payload.at("timestamp"), "2024-10-24T09:52:59.123456Z");
}

TEST(ParseForm, JavaMapTextDecodesToAnObject) {
  const auto e = form_event(
      "request=%7BdateFormat%3Ddd%20MMMM%20yyyy%2C%20locale%3Den%2C%20officeId%3D1.0%7D");
  const auto want =
      nlohmann::json::parse(R"({"dateFormat":"dd MMMM yyyy","locale":"en","officeId":1.0})");
  EXPECT_EQ(e.payload.at("request"), want);
}

TEST(ParseForm, NestedMapsListsDoublesAndBooleansDecode) {
  // {a={b=[1.0, 2.5], c=true}, d=[x y, z], e=1.0E7, f={}, g=[]}
  const auto e = form_event(
      "request=%7Ba%3D%7Bb%3D%5B1.0%2C%202.5%5D%2C%20c%3Dtrue%7D%2C%20d%3D%5Bx%20y%2C%20z%5D"
      "%2C%20e%3D1.0E7%2C%20f%3D%7B%7D%2C%20g%3D%5B%5D%7D");
  const auto want = nlohmann::json::parse(
      R"({"a":{"b":[1.0,2.5],"c":true},"d":["x y","z"],"e":1.0E7,"f":{},"g":[]})");
  EXPECT_EQ(e.payload.at("request"), want);
  EXPECT_EQ(e.form_fields.at("request"),
            "{a={b=[1.0, 2.5], c=true}, d=[x y, z], e=1.0E7, f={}, g=[]}");
}

TEST(ParseForm, JavaListTextDecodesToAnArray) {
  const auto e = form_event("clientMembers=%5B1.0%2C%202.0%2C%203.0%5D");
  EXPECT_EQ(e.payload.at("clientMembers"), nlohmann::json::parse("[1.0,2.0,3.0]"));
}

TEST(ParseForm, UnbalancedMapTextIsKeptAsAString) {
  const auto e = form_event("request=%7Ba%3D1.0%2C%20b%3D%7Bc%3D2.0%7D");
  EXPECT_EQ(e.payload.at("request"), "{a=1.0, b={c=2.0}");
  EXPECT_EQ(e.form_fields.at("request"), "{a=1.0, b={c=2.0}");
}

TEST(ParseForm, EnvelopeFormReadsIdsFromResponseText) {
  const auto e = parse(load_fixture("deliveries/fineract17-loan-disburse-form.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->result.loan_id, 1);
  EXPECT_EQ(e->result.sub_resource_id, 3);
  EXPECT_EQ(e->result.office_id, 1);
  EXPECT_EQ(e->created_by, 1);
  EXPECT_EQ(e->changes().at("status").at("value"), "Active");
}

TEST(ParseForm, EnvelopeFormRequestKeeps10e7AsANumber) {
  const auto e = parse(load_fixture("deliveries/fineract17-loan-disburse-form.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->request().at("transactionAmount"), 1.0e7);
  EXPECT_EQ(e->request().at("note"), "Cash+M-Pesa");
}

TEST(ParseForm, BareFormHasResultShape) {
  const auto e = parse(load_fixture("deliveries/fineract14-group-create-form.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->shape, body_shape::result);
  EXPECT_EQ(e->result.group_id, 2);
}

TEST(ParseForm, Latin1PercentEscapeIsA400) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE",
                                     "firstname=Siobh%E1n", kFineractForm));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 400);
}

TEST(ParseForm, AnIncompletePercentEscapeIsA400WithItsOffset) {
  for (auto [body, offset] : {std::pair{"x=%zz", 2}, std::pair{"a=1&b=%4", 6}, std::pair{"a=%", 2},
                              std::pair{"a%g1=1", 1}}) {
    const auto e =
        parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", body, kFineractForm));
    ASSERT_FALSE(e.ok()) << body;
    EXPECT_EQ(e.error().status, 400);
    EXPECT_EQ(e.error().reason,
              "form body has an invalid percent escape (a '%' not followed by two hex digits) "
              "at byte " +
                  std::to_string(offset));
  }
}

TEST(ParseForm, APercentEscapeOfAPercentSignIsWhole) {
  EXPECT_EQ(form_event("note=100%25").payload.at("note"), "100%");
}

TEST(ParseForm, Utf8PercentEscapesDecode) {
  const auto e = form_event("firstname=Siobh%C3%A1n");
  EXPECT_EQ(e.payload.at("firstname"), "Siobh\xC3\xA1n");
}

}  // namespace
}  // namespace mifos::hooks
