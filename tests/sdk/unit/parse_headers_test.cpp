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

TEST(parse_headers, reads_the_fineract_family) {
  const auto e = parse(load_fixture("deliveries/fineract14-client-activate.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->dialect, wire_dialect::fineract);
  EXPECT_EQ(e->entity, "CLIENT");
  EXPECT_EQ(e->action, "ACTIVATE");
  EXPECT_EQ(e->tenant, "default");
}

TEST(parse_headers, reads_the_mifos_family) {
  const auto e = parse(load_fixture("deliveries/mifosx-savingsaccount-deposit.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->dialect, wire_dialect::mifos);
  EXPECT_EQ(e->entity, "SAVINGSACCOUNT");
  EXPECT_EQ(e->action, "DEPOSIT");
  EXPECT_EQ(e->tenant, "mfi-kenya");
}

TEST(parse_headers, reads_the_fineract_endpoint) {
  const auto e = parse(load_fixture("deliveries/fineract17-loan-repayment.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->endpoint, "https://localhost:8443/fineract-provider/api/");
  EXPECT_FALSE(e->api_key.has_value());
}

TEST(parse_headers, reads_the_mifos_endpoint) {
  const auto e = parse(load_fixture("deliveries/mifosx-client-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->endpoint, "https://demo.openmf.org:8443/mifosng-provider/api/v1/");
}

TEST(parse_headers, endpoint_is_empty_before_the_server_saw_an_authenticated_request) {
  const auto e = parse(load_fixture("deliveries/fineract14-client-create-no-endpoint.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->endpoint.has_value());
}

TEST(parse_headers, reads_the_fineract_sms_bridge_api_key) {
  const auto e = parse(load_fixture("deliveries/fineract14-sms-bridge-loan-repayment.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->api_key, "7b8e1f0c2d9a4e6b8c3f5a1d0e9b2c4f");
  EXPECT_FALSE(e->endpoint.has_value());
}

TEST(parse_headers, reads_the_mifos_sms_bridge_api_key) {
  const auto e = parse(load_fixture("deliveries/mifosx-sms-bridge-client-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->dialect, wire_dialect::mifos);
  EXPECT_EQ(e->api_key, "7b8e1f0c2d9a4e6b8c3f5a1d0e9b2c4f");
}

TEST(parse_headers, header_names_match_in_any_case) {
  const auto e =
      parse(load_fixture("deliveries/fineract17-client-activate-mixed-case-headers.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->entity, "CLIENT");
  EXPECT_EQ(e->action, "ACTIVATE");
  EXPECT_EQ(e->tenant, "default");
  EXPECT_EQ(e->endpoint, "https://localhost:8443/fineract-provider/api/");
}

TEST(parse_headers, entity_and_action_are_kept_as_received) {
  auto d = make_delivery(wire_dialect::fineract, "Client", "create", kBare);
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->entity, "Client");
  EXPECT_EQ(e->action, "create");
  EXPECT_TRUE(e->in_catalog());
}

TEST(parse_headers, tenant_is_empty_without_a_tenant_header) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  std::erase_if(d.headers,
                [](const header_field& h) { return h.name == "Fineract-Platform-TenantId"; });
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->tenant, "");
}

TEST(parse_headers, a_header_repeated_with_another_value_is_a_400_naming_it) {
  for (const char* name : {"X-Fineract-Action", "Fineract-Platform-TenantId", "content-type"}) {
    auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
    d.headers.push_back({name, "other"});
    const auto e = parse(d);
    ASSERT_FALSE(e.ok()) << name;
    EXPECT_EQ(e.error().status, 400);
    EXPECT_NE(e.error().reason.find("header repeated with another value"), std::string::npos);
  }
}

TEST(parse_headers, a_header_repeated_with_the_same_value_is_read_once) {
  auto d = make_delivery(wire_dialect::mifos, "CLIENT", "CREATE", kBare);
  d.headers.push_back({"x-mifos-entity", "CLIENT"});
  const auto e = parse(d);
  ASSERT_TRUE(e.ok()) << e.error().reason;
  EXPECT_EQ(e->entity, "CLIENT");
}

// Each family is a different header: Fineract's wins, as documented, and nothing conflicts.
TEST(parse_headers, both_families_with_different_values_read_the_fineract_one) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  d.headers.push_back({"X-Mifos-Entity", "LOAN"});
  const auto e = parse(d);
  ASSERT_TRUE(e.ok()) << e.error().reason;
  EXPECT_EQ(e->entity, "CLIENT");
}

TEST(parse_headers, missing_entity_header_is_a_400) {
  auto d = make_delivery(wire_dialect::mifos, "CLIENT", "CREATE", kBare);
  d.headers.erase(d.headers.begin());
  const auto e = parse(d);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 400);
}

TEST(parse_headers, missing_action_header_is_a_400) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  d.headers.erase(d.headers.begin() + 1);
  const auto e = parse(d);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 400);
}

TEST(parse_shape, fineract_headers_with_a_bare_body_is_a_result) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLIENT", "ACTIVATE", kBare));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->shape, body_shape::result);
  EXPECT_EQ(e->result.client_id, 1);
}

TEST(parse_shape, mifos_headers_with_an_envelope_body_is_an_envelope) {
  const auto e = parse(make_delivery(wire_dialect::mifos, "CLIENT", "ACTIVATE", kEnvelope));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->dialect, wire_dialect::mifos);
  EXPECT_EQ(e->shape, body_shape::envelope);
  EXPECT_EQ(e->created_by_name, "mifos");
}

TEST(parse_shape, an_entity_name_key_alone_makes_an_envelope) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLIENT", "ACTIVATE",
                                     R"({"entityName":"CLIENT","actionName":"ACTIVATE"})"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->shape, body_shape::envelope);
}

TEST(parse_shape, empty_object_is_a_bare_result_with_no_ids) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", "{}"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->shape, body_shape::result);
  EXPECT_FALSE(e->failed);
  EXPECT_FALSE(e->result.office_id.has_value());
}

TEST(parse_shape, json_content_type_without_charset_is_json) {
  const auto e =
      parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare, "application/json"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->format, body_format::json);
}

TEST(parse_shape, content_type_is_matched_case_insensitively) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare,
                                     "Application/JSON;charset=utf-8"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->format, body_format::json);
}

TEST(parse_shape, text_plain_content_type_is_a_415) {
  const auto e =
      parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare, "text/plain"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 415);
}

TEST(parse_shape, json_body_without_content_type_is_sniffed_as_json) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  std::erase_if(d.headers, [](const header_field& h) { return h.name == "Content-Type"; });
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->format, body_format::json);
  EXPECT_EQ(e->result.client_id, 1);
}

TEST(parse_shape, form_body_without_content_type_is_sniffed_as_form) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", "officeId=1.0&clientId=1.0");
  std::erase_if(d.headers, [](const header_field& h) { return h.name == "Content-Type"; });
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->format, body_format::form);
  EXPECT_EQ(e->result.client_id, 1);
}

TEST(parse_headers, header_value_that_is_not_utf8_is_a_400) {
  const auto e = parse(make_delivery(wire_dialect::fineract, "CLI\xff", "CREATE", kBare));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 400);
}

TEST(parse_headers, utf8_tenant_is_kept) {
  auto d = make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", kBare);
  d.headers[2].value = "caf\xC3\xA9";
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->tenant, "caf\xC3\xA9");
}

TEST(parse_shape, invalid_json_is_a_400) {
  const auto e =
      parse(make_delivery(wire_dialect::fineract, "CLIENT", "CREATE", R"({"officeId":)"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().status, 400);
}

TEST(parse_shape, to_string_names_match_the_normalized_event) {
  EXPECT_EQ(to_string(body_shape::result), "result");
  EXPECT_EQ(to_string(body_shape::envelope), "envelope");
  EXPECT_EQ(to_string(body_format::json), "json");
  EXPECT_EQ(to_string(body_format::form), "form");
  EXPECT_EQ(to_string(wire_dialect::fineract), "fineract");
  EXPECT_EQ(to_string(wire_dialect::mifos), "mifos");
}

}  // namespace
}  // namespace mifos::hooks
