// json_reader_test.cpp: detail::read_json_object against nlohmann::json::parse, input by input.
// Whatever the fast reader reads must be nlohmann's DOM exactly (values and value types); what it
// declines is either invalid (nlohmann refuses it too) or left to nlohmann on purpose. Every
// fixture body and both bench bodies must take the fast path, so it serves real Fineract bodies.
#include "json_reader.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "fixture.hpp"

namespace mifos::hooks {
namespace {

using nlohmann::json;

// Where two DOMs differ, "" when they do not: types compared too (nlohmann's == calls 1 and 1.0
// equal), doubles bit for bit (its == calls -0.0 and 0.0 equal).
std::string difference(const json& a, const json& b, const std::string& at = "$") {
  if (a.type() != b.type())
    return at + ": value_t " + std::to_string(static_cast<int>(a.type())) + " vs " +
           std::to_string(static_cast<int>(b.type()));
  if (a.is_object()) {
    if (a.size() != b.size())
      return at + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " members";
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
      if (i.key() != j.key()) return at + ": key " + i.key() + " vs " + j.key();
      if (auto d = difference(*i, *j, at + "." + i.key()); !d.empty()) return d;
    }
    return "";
  }
  if (a.is_array()) {
    if (a.size() != b.size())
      return at + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " items";
    for (std::size_t k = 0; k < a.size(); ++k)
      if (auto d = difference(a[k], b[k], at + "[" + std::to_string(k) + "]"); !d.empty()) return d;
    return "";
  }
  if (a.is_number_float())
    return std::bit_cast<std::uint64_t>(a.get<double>()) ==
                   std::bit_cast<std::uint64_t>(b.get<double>())
               ? ""
               : at + ": " + a.dump() + " vs " + b.dump();
  return a == b ? "" : at + ": " + a.dump() + " vs " + b.dump();
}

std::string in_string(const std::string& bytes) { return "{\"s\":\"" + bytes + "\"}"; }
std::string in_number(const std::string& number) { return "{\"n\":" + number + "}"; }

// `levels` containers: the top-level object, then arrays (or objects) inside it.
std::string nested(int levels, bool objects) {
  std::string text = "{\"a\":";
  for (int i = 1; i < levels; ++i) text += objects ? "{\"a\":" : "[";
  text += "1";
  for (int i = 1; i < levels; ++i) text += objects ? "}" : "]";
  return text + "}";
}

struct reader_case {
  std::string name;
  std::string text;
};

std::string case_name(const testing::TestParamInfo<reader_case>& info) { return info.param.name; }

// Failures name the case and show its text, not the struct's bytes.
void PrintTo(const reader_case& c, std::ostream* os) {
  *os << c.name << ": " << testing::PrintToString(c.text);
}

// Read by the fast path, to nlohmann's DOM exactly.
class ReadInput : public testing::TestWithParam<reader_case> {};

TEST_P(ReadInput, BuildsTheSameDomAsNlohmann) {
  const std::string& text = GetParam().text;
  const json want = json::parse(text, nullptr, false);
  ASSERT_FALSE(want.is_discarded()) << "nlohmann refuses the input itself";
  json got;
  ASSERT_TRUE(detail::read_json_object(text, got));
  EXPECT_EQ(difference(got, want), "");
}

std::vector<reader_case> read_input_cases() {
  return {
      {"empty_object", "{}"},
      {"bench_result_body", R"({"officeId":1,"clientId":1042,"resourceId":1042})"},
      {"nested_objects_and_arrays", R"({"a":{"b":[1,[2,{"c":[]}],{}],"d":{}},"e":[]})"},
      {"mixed_array", R"({"a":[null,true,false,0,-1,1.5,"s",[],{}]})"},
      {"true_false_null", R"({"t":true,"f":false,"n":null})"},
      {"empty_key_and_string", R"({"":""})"},
      {"long_ascii_string",
       in_string("check payment no. 00123 (HQ) for May, paid in cash at branch")},
      {"delete_character", in_string("a\x7fz")},
      {"utf8_two_byte_edges", in_string("\xC2\x80\xDF\xBF")},
      {"utf8_three_byte_edges", in_string("\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF")},
      {"utf8_four_byte_edges", in_string("\xF0\x90\x80\x80\xF4\x8F\xBF\xBF")},
      {"utf8_after_a_long_ascii_run",
       in_string("Zahlung von K\xC3\xB6ln nach M\xC3\xBCnchen \xE2\x82\xAC")},
      {"utf8_in_key", "{\"caf\xC3\xA9\":1}"},
      {"simple_escapes", in_string(R"(\" \\ \/ \b \f \n \r \t)")},
      {"unicode_escapes_any_case", in_string(R"(\u0041\u00e9\u20AC\u20ac)")},
      {"unicode_escape_of_nul", in_string(R"(a\u0000b)")},
      {"surrogate_pair", in_string(R"(\ud83d\ude00)")},
      {"surrogate_pair_upper_case", in_string(R"(\uD83D\uDE00)")},
      {"surrogate_pair_of_max_code_point", in_string(R"(\uDBFF\uDFFF)")},
      {"escapes_in_keys", R"({"a\nb":1,"\u00e9":2,"\"":3})"},
      {"utf8_after_an_escape", in_string("abcdefghijklmnopqrstuvwxyz \\\"quoted\\\" K\xC3\xB6ln")},
      {"zero", in_number("0")},
      {"minus_zero", in_number("-0")},
      {"small_integers", R"({"a":1,"b":-1,"c":42,"d":-42})"},
      {"uint64_max", in_number("18446744073709551615")},
      {"int64_max", in_number("9223372036854775807")},
      {"int64_max_plus_one", in_number("9223372036854775808")},
      {"int64_min", in_number("-9223372036854775808")},
      {"one_point_zero", in_number("1.0")},
      {"one_point_zero_e7", in_number("1.0E7")},
      {"exponent_forms", R"({"a":1e5,"b":1E+2,"c":1e-2,"d":2.5E-3,"e":0.5,"f":-1.5e10,"g":0e0})"},
      {"minus_zero_float", in_number("-0.0")},
      {"largest_double", in_number("1.7976931348623157e308")},
      {"smallest_normal_double", in_number("2.2250738585072014e-308")},
      {"subnormal_double", in_number("4.9e-324")},
      {"many_digits_double", in_number("3.14159265358979323846264338327950288")},
      {"halfway_double", in_number("1.00000000000000011102230246251565404236316680908203125")},
      {"integer_part_past_64_bits_with_fraction", in_number("123456789012345678901234567890.5")},
      {"duplicate_key_last_wins", R"({"a":1,"b":2,"a":"x"})"},
      {"duplicate_key_replaces_object", R"({"a":{"x":1,"y":2},"a":{"z":3}})"},
      {"duplicate_key_replaces_array_by_scalar", R"({"a":[1,2],"a":null})"},
      {"whitespace_of_every_kind", " \t\n\r{ \"a\" :\t[ 1 ,\n2 ] ,\r\"b\" : { } }\r\n\t "},
      {"depth_64_arrays", nested(64, false)},
      {"depth_64_objects", nested(64, true)},
  };
}

INSTANTIATE_TEST_SUITE_P(JsonReader, ReadInput, testing::ValuesIn(read_input_cases()), case_name);

// Invalid JSON: declined, and nlohmann refuses it too (so the caller reports nlohmann's error).
class InvalidInput : public testing::TestWithParam<reader_case> {};

TEST_P(InvalidInput, IsDeclinedAndRefusedByNlohmann) {
  const std::string& text = GetParam().text;
  json got;
  EXPECT_FALSE(detail::read_json_object(text, got));
  EXPECT_TRUE(json::parse(text, nullptr, false).is_discarded()) << "nlohmann reads it";
}

std::vector<reader_case> invalid_input_cases() {
  return {
      {"empty_input", ""},
      {"whitespace_only", " \n\t\r"},
      {"unclosed_object", R"({"a":1)"},
      {"unclosed_string", R"({"a":"x)"},
      {"missing_colon", R"({"a" 1})"},
      {"missing_value", R"({"a":})"},
      {"trailing_comma_in_object", R"({"a":1,})"},
      {"trailing_comma_in_array", R"({"a":[1,]})"},
      {"unquoted_key", "{a:1}"},
      {"single_quotes", "{'a':1}"},
      {"trailing_garbage", "{} x"},
      {"two_objects", "{}{}"},
      {"leading_zero", in_number("01")},
      {"negative_leading_zero", in_number("-01")},
      {"double_zero", in_number("00")},
      {"leading_zero_with_fraction", in_number("00.5")},
      {"plus_sign", in_number("+1")},
      {"dot_without_fraction", in_number("1.")},
      {"dot_without_integer", in_number(".5")},
      {"exponent_without_digits", in_number("1e")},
      {"exponent_sign_without_digits", in_number("1e+")},
      {"dot_then_exponent", in_number("1.e5")},
      {"lone_minus", in_number("-")},
      {"double_minus", in_number("--1")},
      {"hexadecimal", in_number("0x10")},
      {"double_overflow", in_number("1e400")},
      {"negative_double_overflow", in_number("-1e400")},
      {"just_past_largest_double", in_number("1.7976931348623159e308")},
      {"capitalised_true", R"({"t":True})"},
      {"truncated_null", R"({"n":nul})"},
      {"null_with_extra_letter", R"({"n":nulll})"},
      {"unknown_escape", in_string(R"(\x41)")},
      {"escaped_single_quote", in_string(R"(\')")},
      {"short_unicode_escape", in_string(R"(\u12)")},
      {"non_hex_unicode_escape", in_string(R"(\u12G4)")},
      {"upper_case_u_escape", in_string(R"(\U0041)")},
      {"backslash_at_end_of_input", "{\"s\":\"\\"},
      {"lone_high_surrogate", in_string(R"(\ud83d)")},
      {"high_surrogate_then_text", in_string(R"(\ud83dx)")},
      {"high_surrogate_then_non_surrogate", in_string(R"(\ud83d\u0041)")},
      {"two_high_surrogates", in_string(R"(\ud83d\ud83d)")},
      {"high_surrogate_then_other_escape", in_string(R"(\ud83d\n)")},
      {"lone_low_surrogate", in_string(R"(\ude00)")},
      {"raw_control_character", in_string("a\x01z")},
      {"raw_newline", in_string("a\nb")},
      {"raw_unit_separator", in_string("\x1f")},
      {"raw_nul", std::string("{\"s\":\"a\0b\"}", 11)},
      {"overlong_two_byte", in_string("\xC0\x80")},
      {"overlong_two_byte_c1", in_string("\xC1\xBF")},
      {"overlong_three_byte", in_string("\xE0\x9F\xBF")},
      {"overlong_four_byte", in_string("\xF0\x8F\xBF\xBF")},
      {"surrogate_encoded_high", in_string("\xED\xA0\x80")},
      {"surrogate_encoded_low", in_string("\xED\xBF\xBF")},
      {"above_max_code_point", in_string("\xF4\x90\x80\x80")},
      {"lead_byte_f5", in_string("\xF5\x80\x80\x80")},
      {"byte_ff", in_string("\xFF")},
      {"lone_continuation_byte", in_string("\x80")},
      {"truncated_two_byte", in_string("\xC3")},
      {"truncated_three_byte", in_string("\xE2\x82")},
      {"truncated_four_byte", in_string("\xF0\x9F\x98")},
      {"truncated_at_end_of_input", "{\"s\":\"\xC3"},
      {"invalid_utf8_in_key", "{\"\xC3\x28\":1}"},
      {"invalid_utf8_after_an_escape", in_string("\\n\xC0\x80")},
      {"utf8_outside_a_string", "{\xC3\xA9:1}"},
      {"nul_outside_a_string", std::string("{\0}", 3)},
  };
}

INSTANTIATE_TEST_SUITE_P(JsonReader, InvalidInput, testing::ValuesIn(invalid_input_cases()),
                         case_name);

// Valid JSON that the reader leaves to nlohmann (the caller parses it there instead).
class LeftToNlohmann : public testing::TestWithParam<reader_case> {};

TEST_P(LeftToNlohmann, IsDeclinedThoughNlohmannReadsIt) {
  const std::string& text = GetParam().text;
  json got;
  EXPECT_FALSE(detail::read_json_object(text, got));
  EXPECT_FALSE(json::parse(text, nullptr, false).is_discarded()) << "nlohmann refuses it";
}

std::vector<reader_case> left_to_nlohmann_cases() {
  return {
      {"top_level_array", "[1,2]"},
      {"top_level_string", R"("x")"},
      {"top_level_number", "1"},
      {"top_level_true", "true"},
      {"top_level_null", "null"},
      {"uint64_max_plus_one", in_number("18446744073709551616")},
      {"int64_min_minus_one", in_number("-9223372036854775809")},
      {"thirty_digit_integer", in_number("123456789012345678901234567890")},
      {"underflow_to_zero", in_number("1e-400")},
      {"negative_underflow_to_zero", in_number("-1e-400")},
      {"just_below_half_the_smallest_subnormal", in_number("2.4703282292062327e-324")},
      {"byte_order_mark", "\xEF\xBB\xBF{}"},
      {"depth_65_arrays", nested(65, false)},
      {"depth_65_objects", nested(65, true)},
      {"nul_then_trailing_bytes", std::string("{}\0xyz", 6)},
  };
}

INSTANTIATE_TEST_SUITE_P(JsonReader, LeftToNlohmann, testing::ValuesIn(left_to_nlohmann_cases()),
                         case_name);

// The value types parse() relies on, stated outright (the tables only compare with nlohmann).
TEST(JsonReader, ReadsNonNegativeIntegersAsNumberUnsigned) {
  json got;
  ASSERT_TRUE(detail::read_json_object(in_number("18446744073709551615"), got));
  EXPECT_EQ(got["n"].type(), json::value_t::number_unsigned);
  EXPECT_EQ(got["n"].get<std::uint64_t>(), UINT64_MAX);
}

TEST(JsonReader, ReadsNegativeIntegersAsNumberInteger) {
  json got;
  ASSERT_TRUE(detail::read_json_object(in_number("-9223372036854775808"), got));
  EXPECT_EQ(got["n"].type(), json::value_t::number_integer);
  EXPECT_EQ(got["n"].get<std::int64_t>(), INT64_MIN);
}

TEST(JsonReader, ReadsMinusZeroAsNumberIntegerZero) {
  json got;
  ASSERT_TRUE(detail::read_json_object(in_number("-0"), got));
  EXPECT_EQ(got["n"].type(), json::value_t::number_integer);
  EXPECT_EQ(got["n"].get<std::int64_t>(), 0);
}

TEST(JsonReader, ReadsAnExponentAsNumberFloat) {
  json got;
  ASSERT_TRUE(detail::read_json_object(in_number("1.0E7"), got));
  EXPECT_EQ(got["n"].type(), json::value_t::number_float);
  EXPECT_EQ(got["n"].get<double>(), 1.0e7);
}

TEST(JsonReader, KeepsTheLastOfDuplicateKeys) {
  json got;
  ASSERT_TRUE(detail::read_json_object(R"({"a":1,"a":"x"})", got));
  EXPECT_EQ(got, json({{"a", "x"}}));
}

TEST(JsonReader, DecodesASurrogatePairToUtf8) {
  json got;
  ASSERT_TRUE(detail::read_json_object(in_string(R"(\ud83d\ude00)"), got));
  EXPECT_EQ(got["s"].get<std::string>(), "\xF0\x9F\x98\x80");
}

TEST(JsonReader, ReplacesWhateverOutHeld) {
  json got = json::array({1, 2, 3});
  ASSERT_TRUE(detail::read_json_object(R"({"a":1})", got));
  EXPECT_EQ(got, json({{"a", 1}}));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// bench/ sits beside tests/, whose fixtures folder the fixture loader knows.
std::string bench_body(const std::string& name) {
  return read_file(fixtures_dir() + "/../../bench/data/" + name);
}

TEST(JsonReader, ReadsThe48ByteBenchBodyAsNlohmannDoes) {
  const std::string body = bench_body("client_activate_result.json");
  ASSERT_EQ(body.size(), 48u);
  json got;
  ASSERT_TRUE(detail::read_json_object(body, got));
  EXPECT_EQ(difference(got, json::parse(body)), "");
}

TEST(JsonReader, ReadsThe600ByteBenchEnvelopeAsNlohmannDoes) {
  const std::string body = bench_body("loan_repayment_envelope.json");
  ASSERT_EQ(body.size(), 600u);
  json got;
  ASSERT_TRUE(detail::read_json_object(body, got));
  EXPECT_EQ(difference(got, json::parse(body)), "");
}

std::vector<std::string> all_fixtures() {
  auto names = fixture_names("deliveries");
  const auto bad = fixture_names("bad");
  names.insert(names.end(), bad.begin(), bad.end());
  return names;
}

std::string fixture_test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class FixtureBody : public testing::TestWithParam<std::string> {};

TEST_P(FixtureBody, TakesTheFastPathExactlyWhenNlohmannReadsAnObject) {
  const std::string body = load_fixture(GetParam()).body;
  const json want = json::parse(body, nullptr, false);
  json got;
  const bool read = detail::read_json_object(body, got);
  ASSERT_EQ(read, want.is_object());
  if (read) {
    EXPECT_EQ(difference(got, want), "");
  }
}

INSTANTIATE_TEST_SUITE_P(JsonReader, FixtureBody, testing::ValuesIn(all_fixtures()),
                         fixture_test_name);

TEST(JsonReader, ReadsEveryJsonBodyOfTheGoodFixtures) {
  int json_bodies = 0;
  for (const auto& name : fixture_names("deliveries")) {
    const auto d = load_fixture(name);
    const auto type = d.header("Content-Type");
    if (!type || type->find("json") == std::string_view::npos) continue;
    ++json_bodies;
    json got;
    EXPECT_TRUE(detail::read_json_object(d.body, got)) << name;
  }
  EXPECT_GE(json_bodies, 25);  // the corpus has 29: real bodies, not a handful
}

}  // namespace
}  // namespace mifos::hooks
