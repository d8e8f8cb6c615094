// parse_headers_test.cpp: both header families, the optional headers, and body-shape detection
// from the body rather than from the headers.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

constexpr const char* kBare = R"({"officeId":1,"clientId":1,"resourceId":1})";
constexpr const char* kEnvelope =
    R"({"createdByName":"mifos","request":{},"clientId":1,"createdBy":1,"officeId":1,)"
    R"("entityName":"CLIENT","response":{"clientId":1,"resourceId":1},)"
    R"("createdByFullName":"App Administrator","actionName":"ACTIVATE","timestamp":"2024-01-01T00:00:00Z"})";

TEST(ParseHeaders, ReadsTheFineractFamily) {
  const auto e = parse(load_fixture("deliveries/fineract14-client-activate.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->dialect, wire_dialect::fineract);
  EXPECT_EQ(e->entity, "CLIENT");
  EXPECT_EQ(e->action, "ACTIVATE");
  EXPECT_EQ(e->tenant, "default");
}

TEST(ParseHeaders, ReadsTheMifosFamily) {
  const auto e = parse(load_fixture("deliveries/mifosx-savingsaccount-deposit.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->dialect, wire_dialect::mifos);
  EXPECT_EQ(e->entity, "SAVINGSACCOUNT");
  EXPECT_EQ(e->action, "DEPOSIT");
  EXPECT_EQ(e->tenant, "mfi-kenya");
}

TEST(ParseHeaders, ReadsTheFineractEndpoint) {
  const auto e = parse(load_fixture("deliveries/fineract17-loan-repayment.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->endpoint, "https://localhost:8443/fineract-provider/api/");
  EXPECT_FALSE(e->api_key.has_value());
}

TEST(ParseHeaders, ReadsTheMifosEndpoint) {
  const auto e = parse(load_fixture("deliveries/mifosx-client-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->endpoint, "https://demo.openmf.org:8443/mifosng-provider/api/v1/");
}

TEST(ParseHeaders, EndpointIsEmptyBeforeTheServerSawAnAuthenticatedRequest) {
  const auto e = parse(load_fixture("deliveries/fineract14-client-create-no-endpoint.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->endpoint.has_value());
}

TEST(ParseHeaders, ReadsTheFineractSmsBridgeApiKey) {
  const auto e = parse(load_fixture("deliveries/fineract14-sms-bridge-loan-repayment.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->api_key, "7b8e1f0c2d9a4e6b8c3f5a1d0e9b2c4f");
  EXPECT_FALSE(e->endpoint.has_value());
}

TEST(ParseHeaders, ReadsTheMifosSmsBridgeApiKey) {
  const auto e = parse(load_fixture("deliveries/mifosx-sms-bridge-client-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->dialect, wire_dialect::mifos);
  EXPECT_EQ(e->api_key, "7b8e1f0c2d9a4e6b8c3f5a1d0e9b2c4f");
}

TEST(ParseHeaders, HeaderNamesMatchInAnyCase) {
  const auto e =
      parse(load_fixture("deliveries/fineract17-client-activate-mixed-case-headers.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->entity, "CLIENT");
  EXPECT_EQ(e->action, "ACTIVATE");
  EXPECT_EQ(e->tenant, "default");
  EXPECT_EQ(e->endpoint, "https://localhost:8443/fineract-provider/api/");
}

TEST(ParseHeaders, EntityAndActionAreKeptAsReceived) {
  auto d = make_delivery(wire_dialect::fineract, "Client", "create", kBare);
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->entity, "Client");
  EXPECT_EQ(e->action, "create");
  EXPECT_TRUE(e->in_catalog());
}

TEST(ParseHeaders, TenantIsEmptyWithoutATenantHeader) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  std::erase_if(d.headers,
                [](const header_field& h) { return h.name == "Fineract-Platform-TenantId"; });
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->tenant, "");
}

TEST(ParseHeaders, AHeaderRepeatedWithAnotherValueIsA400NamingIt) {
  for (const char* name : {"X-Fineract-Action", "Fineract-Platform-TenantId", "content-type"}) {
    auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
    d.headers.push_back({name, "other"});
    const auto e = parse(d);
    ASSERT_FALSE(e.ok()) << name;
    EXPECT_EQ(e.error().status, 400);
    EXPECT_NE(e.error().reason.find("header repeated with another value"), std::string::npos);
  }
}

TEST(ParseHeaders, AHeaderRepeatedWithTheSameValueIsReadOnce) {
  auto d = make_delivery(wire_dialect::mifos, "CLIENT", "CREATE", kBare);
  d.headers.push_back({"x-mifos-entity", "CLIENT"});
  const auto e = parse(d);
  ASSERT_TRUE(e.ok()) << e.error().reason;
  EXPECT_EQ(e->entity, "CLIENT");
}

// Each family is a different header: Fineract's wins, as documented, and nothing conflicts.
TEST(ParseHeaders, BothFamiliesWithDifferentValuesReadTheFineractOne) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  d.headers.push_back({"X-Mifos-Entity", "LOAN"});
  const auto e = parse(d);
  ASSERT_TRUE(e.ok()) << e.error().reason;
  EXPECT_EQ(e->entity, "CLIENT");
}

TEST(ParseHeaders, MissingEntityHeaderIsA400) {
  auto d = make_delivery(wire_dialect::mifos, "CLIENT", "CREATE", kBare);
  d.headers.erase(d.headers.begin());
  const auto e = parse(d);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 400);
}

TEST(ParseHeaders, MissingActionHeaderIsA400) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  d.headers.erase(d.headers.begin() + 1);
  const auto e = parse(d);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 400);
}

TEST(ParseShape, FineractHeadersWithABareBodyIsAResult) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLIENT", "ACTIVATE", kBare));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->shape, body_shape::result);
  EXPECT_EQ(e->result.client_id, 1);
}

TEST(ParseShape, MifosHeadersWithAnEnvelopeBodyIsAnEnvelope) {
  const auto e = parse(make_delivery(wire_dialect::mifos, "CLIENT", "ACTIVATE", kEnvelope));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->dialect, wire_dialect::mifos);
  EXPECT_EQ(e->shape, body_shape::envelope);
  EXPECT_EQ(e->created_by_name, "mifos");
}

TEST(ParseShape, AnEntityNameKeyAloneMakesAnEnvelope) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLIENT", "ACTIVATE",
                                     R"({"entityName":"CLIENT","actionName":"ACTIVATE"})"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->shape, body_shape::envelope);
}

TEST(ParseShape, EmptyObjectIsABareResultWithNoIds) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", "{}"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->shape, body_shape::result);
  EXPECT_FALSE(e->failed);
  EXPECT_FALSE(e->result.office_id.has_value());
}

TEST(ParseShape, JsonContentTypeWithoutCharsetIsJson) {
  const auto e =
      parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare, "application/json"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->format, body_format::json);
}

TEST(ParseShape, ContentTypeIsMatchedCaseInsensitively) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare,
                                     "Application/JSON;charset=utf-8"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->format, body_format::json);
}

TEST(ParseShape, TextPlainContentTypeIsA415) {
  const auto e =
      parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare, "text/plain"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 415);
}

TEST(ParseShape, JsonBodyWithoutContentTypeIsSniffedAsJson) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  std::erase_if(d.headers, [](const header_field& h) { return h.name == "Content-Type"; });
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->format, body_format::json);
  EXPECT_EQ(e->result.client_id, 1);
}

TEST(ParseShape, FormBodyWithoutContentTypeIsSniffedAsForm) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", "officeId=1.0&clientId=1.0");
  std::erase_if(d.headers, [](const header_field& h) { return h.name == "Content-Type"; });
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->format, body_format::form);
  EXPECT_EQ(e->result.client_id, 1);
}

TEST(ParseHeaders, HeaderValueThatIsNotUtf8IsA400) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLI\xff", "CREATE", kBare));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 400);
}

TEST(ParseHeaders, Utf8TenantIsKept) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  d.headers[2].value = "caf\xC3\xA9";
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->tenant, "caf\xC3\xA9");
}

TEST(ParseShape, InvalidJsonIsA400) {
  const auto e =
      parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", R"({"officeId":)"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 400);
}

TEST(ParseShape, ToStringNamesMatchTheNormalizedEvent) {
  EXPECT_EQ(to_string(body_shape::result), "result");
  EXPECT_EQ(to_string(body_shape::envelope), "envelope");
  EXPECT_EQ(to_string(body_format::json), "json");
  EXPECT_EQ(to_string(body_format::form), "form");
  EXPECT_EQ(to_string(wire_dialect::fineract), "fineract");
  EXPECT_EQ(to_string(wire_dialect::mifos), "mifos");
}

}  // namespace
}  // namespace mifos::hooks
