// parse_values_test.cpp: ids as 64-bit integers whatever their JSON spelling, \uXXXX escapes,
// and unknown keys kept.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

event bare(const std::string& body) {
  auto r = parse(make_delivery(wire_dialect::fineract, "LOAN", "CREATE", body));
  if (!r.ok()) throw std::runtime_error("refused: " + r.error().reason);
  return *r;
}

std::optional<std::int64_t> loan_id_of(const std::string& json_number) {
  return bare(R"({"loanId":)" + json_number + "}").result.loan_id;
}

TEST(parse_ids, integer_id_reads_as_int64) { EXPECT_EQ(loan_id_of("1"), 1); }

TEST(parse_ids, double_id_reads_as_int64) { EXPECT_EQ(loan_id_of("1.0"), 1); }

TEST(parse_ids, exponent_id_reads_as_int64) { EXPECT_EQ(loan_id_of("1.0E7"), 10000000); }

TEST(parse_ids, lower_case_exponent_id_reads_as_int64) {
  EXPECT_EQ(loan_id_of("1.2345678e7"), 12345678);
}

TEST(parse_ids, largest_int64_id_is_kept) {
  EXPECT_EQ(loan_id_of("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
}

TEST(parse_ids, id_beyond_int64_is_not_an_id) {
  EXPECT_FALSE(loan_id_of("9223372036854775808").has_value());
  EXPECT_FALSE(loan_id_of("1.0E30").has_value());
}

TEST(parse_ids, fractional_id_is_not_an_id) { EXPECT_FALSE(loan_id_of("1.5").has_value()); }

TEST(parse_ids, negative_id_is_not_an_id) {
  EXPECT_FALSE(loan_id_of("-1").has_value());
  EXPECT_FALSE(loan_id_of("-1.0").has_value());
}

TEST(parse_ids, zero_id_is_kept) { EXPECT_EQ(loan_id_of("0"), 0); }

TEST(parse_ids, numeric_string_id_reads_as_int64) {
  EXPECT_EQ(loan_id_of(R"("12")"), 12);
  EXPECT_FALSE(loan_id_of(R"("-12")").has_value());
  EXPECT_FALSE(loan_id_of(R"("12abc")").has_value());
}

TEST(parse_ids, non_number_id_is_not_an_id) {
  EXPECT_FALSE(loan_id_of("true").has_value());
  EXPECT_FALSE(loan_id_of("null").has_value());
  EXPECT_FALSE(loan_id_of("[1]").has_value());
  EXPECT_FALSE(loan_id_of(R"({"id":1})").has_value());
}

TEST(parse_ids, bad_id_keeps_the_rest_of_the_event) {
  const auto e = bare(R"({"loanId":1.5,"clientId":2,"officeId":1})");
  EXPECT_FALSE(e.result.loan_id.has_value());
  EXPECT_EQ(e.result.client_id, 2);
  EXPECT_EQ(e.payload.at("loanId"), 1.5);
}

TEST(parse_ids, bad_id_is_left_out_of_the_normalized_event) {
  const auto j = to_json(bare(R"({"loanId":1.5,"clientId":2})"));
  EXPECT_FALSE(j.contains("loanId"));
  EXPECT_EQ(j.at("clientId"), 2);
}

TEST(parse_ids, envelope_request_ids_are_doubles_in_the_request) {
  const auto e = parse(load_fixture("deliveries/fineract17-loan-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->request().at("clientId").is_number_float());
  EXPECT_EQ(e->request().at("principal"), 1.0e7);
}

TEST(parse_escapes, html_safe_escapes_decode) {
  const auto e = parse(load_fixture("deliveries/fineract17-client-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->request().at("lastname"), "O'Brien");
  EXPECT_EQ(e->request().at("externalId"), "A=1&B=2");
}

TEST(parse_escapes, basic_multilingual_plane_escape_decodes_to_utf8) {
  EXPECT_EQ(bare(R"({"note":"Siobh\u00e1n \u003cok\u003e"})").payload.at("note"),
            "Siobh\xC3\xA1n <ok>");
}

TEST(parse_escapes, surrogate_pair_escape_decodes_to_one_code_point) {
  EXPECT_EQ(bare(R"({"note":"pay \ud83d\ude00"})").payload.at("note"), "pay \xF0\x9F\x98\x80");
}

TEST(parse_escapes, lone_surrogate_is_a_400_not_a_crash) {
  const auto r =
      parse(make_delivery(wire_dialect::fineract, "LOAN", "CREATE", R"({"note":"\ud83d"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 400);
}

TEST(parse_escapes, raw_utf8_passes_through) {
  const auto e = parse(load_fixture("deliveries/fineract17-client-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->request().at("firstname"), "Siobh\xC3\xA1n");
}

TEST(parse_unknown_keys, unknown_top_level_key_is_kept_in_the_payload) {
  const auto e = bare(R"({"loanId":1,"rollbackTransaction":false,"futureField":{"a":[1,2]}})");
  EXPECT_EQ(e.payload.at("rollbackTransaction"), false);
  EXPECT_EQ(e.payload.at("futureField"), nlohmann::json::parse(R"({"a":[1,2]})"));
}

TEST(parse_unknown_keys, unknown_response_key_is_kept_in_the_payload) {
  const auto e = parse(load_fixture("deliveries/fineract17-client-create-unknown-keys.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->payload.at("response").at("rollbackTransaction"), false);
  EXPECT_EQ(e->result.resource_external_id, "95f1c9b8-0e5e-4c3a-9d0b-3f6f0a6d2c11");
}

TEST(parse_unknown_keys, unknown_envelope_key_is_kept_in_the_payload) {
  const auto e = bare(
      R"({"entityName":"LOAN","actionName":"CREATE","response":{"loanId":1},"traceId":"abc"})");
  EXPECT_EQ(e.shape, body_shape::envelope);
  EXPECT_EQ(e.payload.at("traceId"), "abc");
}

}  // namespace
}  // namespace mifos::hooks
