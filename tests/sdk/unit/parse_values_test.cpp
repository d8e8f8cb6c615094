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

TEST(ParseIds, IntegerIdReadsAsInt64) { EXPECT_EQ(loan_id_of("1"), 1); }

TEST(ParseIds, DoubleIdReadsAsInt64) { EXPECT_EQ(loan_id_of("1.0"), 1); }

TEST(ParseIds, ExponentIdReadsAsInt64) { EXPECT_EQ(loan_id_of("1.0E7"), 10000000); }

TEST(ParseIds, LowerCaseExponentIdReadsAsInt64) {
  EXPECT_EQ(loan_id_of("1.2345678e7"), 12345678);
}

TEST(ParseIds, LargestInt64IdIsKept) {
  EXPECT_EQ(loan_id_of("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
}

TEST(ParseIds, IdBeyondInt64IsNotAnId) {
  EXPECT_FALSE(loan_id_of("9223372036854775808").has_value());
  EXPECT_FALSE(loan_id_of("1.0E30").has_value());
}

TEST(ParseIds, FractionalIdIsNotAnId) { EXPECT_FALSE(loan_id_of("1.5").has_value()); }

TEST(ParseIds, NegativeIdIsNotAnId) {
  EXPECT_FALSE(loan_id_of("-1").has_value());
  EXPECT_FALSE(loan_id_of("-1.0").has_value());
}

TEST(ParseIds, ZeroIdIsKept) { EXPECT_EQ(loan_id_of("0"), 0); }

TEST(ParseIds, NumericStringIdReadsAsInt64) {
  EXPECT_EQ(loan_id_of(R"("12")"), 12);
  EXPECT_FALSE(loan_id_of(R"("-12")").has_value());
  EXPECT_FALSE(loan_id_of(R"("12abc")").has_value());
}

TEST(ParseIds, NonNumberIdIsNotAnId) {
  EXPECT_FALSE(loan_id_of("true").has_value());
  EXPECT_FALSE(loan_id_of("null").has_value());
  EXPECT_FALSE(loan_id_of("[1]").has_value());
  EXPECT_FALSE(loan_id_of(R"({"id":1})").has_value());
}

TEST(ParseIds, BadIdKeepsTheRestOfTheEvent) {
  const auto e = bare(R"({"loanId":1.5,"clientId":2,"officeId":1})");
  EXPECT_FALSE(e.result.loan_id.has_value());
  EXPECT_EQ(e.result.client_id, 2);
  EXPECT_EQ(e.payload.at("loanId"), 1.5);
}

TEST(ParseIds, BadIdIsLeftOutOfTheNormalizedEvent) {
  const auto j = to_json(bare(R"({"loanId":1.5,"clientId":2})"));
  EXPECT_FALSE(j.contains("loanId"));
  EXPECT_EQ(j.at("clientId"), 2);
}

TEST(ParseIds, EnvelopeRequestIdsAreDoublesInTheRequest) {
  const auto e = parse(load_fixture("deliveries/fineract17-loan-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->request().at("clientId").is_number_float());
  EXPECT_EQ(e->request().at("principal"), 1.0e7);
}

TEST(ParseEscapes, HtmlSafeEscapesDecode) {
  const auto e = parse(load_fixture("deliveries/fineract17-client-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->request().at("lastname"), "O'Brien");
  EXPECT_EQ(e->request().at("externalId"), "A=1&B=2");
}

TEST(ParseEscapes, BasicMultilingualPlaneEscapeDecodesToUtf8) {
  EXPECT_EQ(bare(R"({"note":"Siobh\u00e1n \u003cok\u003e"})").payload.at("note"),
            "Siobh\xC3\xA1n <ok>");
}

TEST(ParseEscapes, SurrogatePairEscapeDecodesToOneCodePoint) {
  EXPECT_EQ(bare(R"({"note":"pay \ud83d\ude00"})").payload.at("note"), "pay \xF0\x9F\x98\x80");
}

TEST(ParseEscapes, LoneSurrogateIsA400NotACrash) {
  const auto r =
      parse(make_delivery(wire_dialect::fineract, "LOAN", "CREATE", R"({"note":"\ud83d"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 400);
}

TEST(ParseEscapes, RawUtf8PassesThrough) {
  const auto e = parse(load_fixture("deliveries/fineract17-client-create.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->request().at("firstname"), "Siobh\xC3\xA1n");
}

TEST(ParseUnknownKeys, UnknownTopLevelKeyIsKeptInThePayload) {
  const auto e = bare(R"({"loanId":1,"rollbackTransaction":false,"futureField":{"a":[1,2]}})");
  EXPECT_EQ(e.payload.at("rollbackTransaction"), false);
  EXPECT_EQ(e.payload.at("futureField"), nlohmann::json::parse(R"({"a":[1,2]})"));
}

TEST(ParseUnknownKeys, UnknownResponseKeyIsKeptInThePayload) {
  const auto e = parse(load_fixture("deliveries/fineract17-client-create-unknown-keys.http"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->payload.at("response").at("rollbackTransaction"), false);
  EXPECT_EQ(e->result.resource_external_id, "95f1c9b8-0e5e-4c3a-9d0b-3f6f0a6d2c11");
}

TEST(ParseUnknownKeys, UnknownEnvelopeKeyIsKeptInThePayload) {
  const auto e = bare(
      R"({"entityName":"LOAN","actionName":"CREATE","response":{"loanId":1},"traceId":"abc"})");
  EXPECT_EQ(e.shape, body_shape::envelope);
  EXPECT_EQ(e.payload.at("traceId"), "abc");
}

}  // namespace
}  // namespace mifos::hooks
