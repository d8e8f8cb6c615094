// java_text_test.cpp: Java's Double.toString, Gson's escaping, Java toString() of parsed
// values, form encoding of both families and Instant.toString, as mock-mifos writes them.
#include "wire/java_text.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <limits>

namespace mifos::mock {
namespace {

using nlohmann::ordered_json;

TEST(JavaTextDouble, WholeNumbersGetOneFractionDigit) {
  EXPECT_EQ(java_double(1.0), "1.0");
  EXPECT_EQ(java_double(100.0), "100.0");
  EXPECT_EQ(java_double(9999999.0), "9999999.0");
}

TEST(JavaTextDouble, FractionsUseTheShortestRoundTripDigits) {
  EXPECT_EQ(java_double(10.5), "10.5");
  EXPECT_EQ(java_double(0.1), "0.1");
  EXPECT_EQ(java_double(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(java_double(-2.5), "-2.5");
}

TEST(JavaTextDouble, TenMillionAndAboveUseScientificNotation) {
  EXPECT_EQ(java_double(1e7), "1.0E7");
  EXPECT_EQ(java_double(20000000.0), "2.0E7");
  EXPECT_EQ(java_double(123456789.0), "1.23456789E8");
  EXPECT_EQ(java_double(1e21), "1.0E21");
  EXPECT_EQ(java_double(-1.5e10), "-1.5E10");
}

TEST(JavaTextDouble, BelowOneThousandthUsesScientificNotationWithAMinusExponent) {
  EXPECT_EQ(java_double(0.001), "0.001");
  EXPECT_EQ(java_double(0.002), "0.002");
  EXPECT_EQ(java_double(1e-4), "1.0E-4");
  EXPECT_EQ(java_double(1.5e-5), "1.5E-5");
}

TEST(JavaTextDouble, ZeroAndNonFiniteValues) {
  EXPECT_EQ(java_double(0.0), "0.0");
  EXPECT_EQ(java_double(-0.0), "-0.0");
  EXPECT_EQ(java_double(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(java_double(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(java_double(-std::numeric_limits<double>::infinity()), "-Infinity");
}

TEST(JavaTextGson, HtmlCharactersAreEscapedAsGsonDoes) {
  EXPECT_EQ(gson_json(ordered_json("a=b<c>&'d"), false), R"("a\u003db\u003cc\u003e\u0026\u0027d")");
}

TEST(JavaTextGson, QuotesBackslashesAndControlsAreEscaped) {
  EXPECT_EQ(gson_json(ordered_json("q\"b\\n\nt\tr\rb\bf\f"), false), R"("q\"b\\n\nt\tr\rb\bf\f")");
  EXPECT_EQ(gson_json(ordered_json(std::string("\x01\x1f", 2)), false), R"("\u0001\u001f")");
}

TEST(JavaTextGson, LineSeparatorsAreEscapedAndOtherNonAsciiStaysRaw) {
  EXPECT_EQ(gson_json(ordered_json("a\u2028b\u2029c"), false), R"("a\u2028b\u2029c")");
  EXPECT_EQ(gson_json(ordered_json("Zoë ₹"), false), "\"Zoë ₹\"");
}

TEST(JavaTextGson, CompactWithIntegersAsIntegers) {
  const auto j = ordered_json::parse(R"({"a":1,"b":[1,2.5,true],"c":{"d":"x"},"e":-3})");
  EXPECT_EQ(gson_json(j, false), R"({"a":1,"b":[1,2.5,true],"c":{"d":"x"},"e":-3})");
}

TEST(JavaTextGson, NumbersAsDoublesTurnsEveryNumberIntoAJavaDouble) {
  const auto j = ordered_json::parse(R"({"a":1,"b":10000000,"c":[2,0.5],"d":{"e":-7}})");
  EXPECT_EQ(gson_json(j, true), R"({"a":1.0,"b":1.0E7,"c":[2.0,0.5],"d":{"e":-7.0}})");
}

TEST(JavaTextGson, FloatsAreJavaDoublesEvenWithoutTheFlag) {
  EXPECT_EQ(gson_json(ordered_json::parse(R"({"a":1e7,"b":500.0})"), false),
            R"({"a":1.0E7,"b":500.0})");
}

TEST(JavaTextGson, NullMembersAreLeftOutButNullElementsStay) {
  EXPECT_EQ(gson_json(ordered_json::parse(R"({"a":null,"b":[null],"c":1})"), false),
            R"({"b":[null],"c":1})");
}

TEST(JavaTextToString, ObjectsAreJavaMapsWithDoubleNumbers) {
  const auto j = ordered_json::parse(R"({"officeId":1,"firstname":"Petra","active":true})");
  EXPECT_EQ(java_to_string(j), "{officeId=1.0, firstname=Petra, active=true}");
}

TEST(JavaTextToString, ArraysNestingAndEmptyContainers) {
  const auto j = ordered_json::parse(R"({"a":["x",1,{"b":null}],"c":{},"d":[]})");
  EXPECT_EQ(java_to_string(j), "{a=[x, 1.0, {b=null}], c={}, d=[]}");
}

TEST(JavaTextToString, Scalars) {
  EXPECT_EQ(java_to_string(ordered_json(10000000)), "1.0E7");
  EXPECT_EQ(java_to_string(ordered_json(false)), "false");
  EXPECT_EQ(java_to_string(ordered_json(nullptr)), "null");
  EXPECT_EQ(java_to_string(ordered_json("500.00")), "500.00");
}

TEST(JavaTextForm, FineractWritesSpacesAsPercent20) {
  const auto j = ordered_json::parse(R"({"note":"check payment","id":1})");
  EXPECT_EQ(hook_form_body(j, hooks::wire_dialect::fineract), "note=check%20payment&id=1.0");
}

TEST(JavaTextForm, MifosWritesSpacesAsPlus) {
  const auto j = ordered_json::parse(R"({"note":"check payment","id":1})");
  EXPECT_EQ(hook_form_body(j, hooks::wire_dialect::mifos), "note=check+payment&id=1.0");
}

TEST(JavaTextForm, PlusIsAlwaysPercent2bAndUnreservedCharactersStay) {
  const auto j = ordered_json::parse(R"({"m":"+254 7","u":"a-b.c_d~e","t":"09:52/x=y&z"})");
  EXPECT_EQ(hook_form_body(j, hooks::wire_dialect::mifos),
            "m=%2B254+7&u=a-b.c_d~e&t=09%3A52%2Fx%3Dy%26z");
  EXPECT_EQ(hook_form_body(j, hooks::wire_dialect::fineract),
            "m=%2B254%207&u=a-b.c_d~e&t=09%3A52%2Fx%3Dy%26z");
}

TEST(JavaTextForm, NestedValuesAreJavaMapTextPercentEncoded) {
  const auto j = ordered_json::parse(R"({"changes":{"a":1,"b":"x y"}})");
  EXPECT_EQ(hook_form_body(j, hooks::wire_dialect::fineract),
            "changes=%7Ba%3D1.0%2C%20b%3Dx%20y%7D");
}

TEST(JavaTextForm, NonAsciiIsPercentEncodedAsUtf8Bytes) {
  EXPECT_EQ(hook_form_body(ordered_json::parse(R"({"n":"Zoë"})"), hooks::wire_dialect::fineract),
            "n=Zo%C3%AB");
}

TEST(JavaTextForm, NullMembersAreLeftOutAtAnyDepth) {
  const auto j = ordered_json::parse(R"({"a":null,"b":{"c":null,"d":2}})");
  EXPECT_EQ(hook_form_body(j, hooks::wire_dialect::fineract), "b=%7Bd%3D2.0%7D");
}

TEST(JavaTextForm, ANonObjectGivesAnEmptyBody) {
  EXPECT_EQ(hook_form_body(ordered_json::array({1, 2}), hooks::wire_dialect::fineract), "");
}

using namespace std::chrono;
const sys_days kDay = sys_days{year{2024} / 10 / 24};
const auto kSecond = kDay + hours{9} + minutes{52} + seconds{59};

TEST(JavaTextTimestamp, WholeSecondsHaveNoFraction) {
  EXPECT_EQ(iso_timestamp(kSecond), "2024-10-24T09:52:59Z");
  EXPECT_EQ(iso_timestamp(sys_days{year{1970} / 1 / 1}), "1970-01-01T00:00:00Z");
}

TEST(JavaTextTimestamp, FractionDigitsComeInGroupsOfThree) {
  EXPECT_EQ(iso_timestamp(kSecond + milliseconds{123}), "2024-10-24T09:52:59.123Z");
  EXPECT_EQ(iso_timestamp(kSecond + milliseconds{100}), "2024-10-24T09:52:59.100Z");
  EXPECT_EQ(iso_timestamp(kSecond + microseconds{123456}), "2024-10-24T09:52:59.123456Z");
  EXPECT_EQ(iso_timestamp(kSecond + microseconds{1}), "2024-10-24T09:52:59.000001Z");
  EXPECT_EQ(iso_timestamp(kSecond + nanoseconds{123456789}), "2024-10-24T09:52:59.123456789Z");
}

TEST(JavaTextTimestamp, HoursMinutesAndDaysAreZeroPadded) {
  EXPECT_EQ(iso_timestamp(sys_days{year{2021} / 6 / 1} + hours{8} + minutes{5} + seconds{3}),
            "2021-06-01T08:05:03Z");
}

}  // namespace
}  // namespace mifos::mock
