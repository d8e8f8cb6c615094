// traffic_test.cpp: the traffic file's JSON Lines format: exact key order, deterministic bytes,
// round trips (including bodies that are not UTF-8), and precise reasons for bad lines.
#include "mifos/hooks/traffic.hpp"

#include <gtest/gtest.h>

#include <variant>

namespace mifos::hooks {
namespace {

traffic_record sample() {
  traffic_record r;
  r.offset_us = 1500000;
  r.message.method = "POST";
  r.message.target = "/hooks/?x=1";
  r.message.headers = {{"X-Fineract-Entity", "LOAN"}, {"X-Fineract-Action", "REPAYMENT"}};
  r.message.body = R"({"officeId":1,"note":"a\u003db"})";
  return r;
}

// The record of a line that must parse.
traffic_record read(std::string_view line) {
  auto r = parse_traffic_line(line);
  if (!r) throw std::runtime_error(r.error().reason);
  return *r;
}

// The reason a line is refused, or "" when it parses.
std::string reason(std::string_view line) {
  auto r = parse_traffic_line(line);
  return r ? std::string() : r.error().reason;
}

TEST(Traffic, LineHasTheDocumentedKeysInOrder) {
  EXPECT_EQ(to_traffic_line(sample()),
            R"({"offset_us":1500000,"method":"POST","path":"/hooks/?x=1","headers":)"
            R"([["X-Fineract-Entity","LOAN"],["X-Fineract-Action","REPAYMENT"]],)"
            R"("body":"{\"officeId\":1,\"note\":\"a\\u003db\"}"})");
}

TEST(Traffic, SameRecordGivesTheSameBytes) {
  EXPECT_EQ(to_traffic_line(sample()), to_traffic_line(sample()));
}

TEST(Traffic, RoundTripsAUtf8Body) {
  traffic_record r = sample();
  r.message.body = "name=Zo\xC3\xAB&line=a\nb\t\"c\"";
  EXPECT_EQ(read(to_traffic_line(r)), r);
}

TEST(Traffic, ABodyThatIsNotUtf8IsWrittenAsBase64AndReadBack) {
  traffic_record r = sample();
  r.message.body = std::string("caf\xE9\x00\xFF", 6);
  const std::string line = to_traffic_line(r);
  EXPECT_NE(line.find(R"("body_base64":"Y2Fm6QD/"})"), std::string::npos) << line;
  EXPECT_EQ(line.find(R"("body":)"), std::string::npos);
  EXPECT_EQ(read(line), r);
}

TEST(Traffic, EmptyBodyAndNoHeadersRoundTrip) {
  traffic_record r;
  r.message.method = "GET";
  r.message.target = "/";
  EXPECT_EQ(to_traffic_line(r),
            R"({"offset_us":0,"method":"GET","path":"/","headers":[],"body":""})");
  EXPECT_EQ(read(to_traffic_line(r)), r);
}

TEST(Traffic, ATrailingNewlineIsIgnored) {
  EXPECT_EQ(read(to_traffic_line(sample()) + "\r\n"), sample());
  EXPECT_EQ(read(to_traffic_line(sample()) + "\n"), sample());
}

TEST(Traffic, UnknownKeysAreIgnored) {
  EXPECT_EQ(read(R"({"offset_us":5,"method":"POST","path":"/","headers":[],"body":"x",)"
                 R"("status":200,"note":{"a":[1]}})")
                .message.body,
            "x");
}

TEST(Traffic, BadLinesGiveAPreciseReason) {
  EXPECT_EQ(reason("{not json"), "not JSON");
  EXPECT_EQ(reason("[1,2]"), "not a JSON object");
  EXPECT_EQ(reason(R"({"offset_us":0,"path":"/","headers":[],"body":""})"), "missing \"method\"");
  EXPECT_EQ(reason(R"({"method":"POST","path":"/","headers":[],"body":""})"),
            "missing \"offset_us\"");
  EXPECT_EQ(reason(R"({"offset_us":0,"method":"POST","headers":[],"body":""})"),
            "missing \"path\"");
  EXPECT_EQ(reason(R"({"offset_us":0,"method":"POST","path":"/","body":""})"),
            "missing \"headers\"");
  EXPECT_EQ(reason(R"({"offset_us":0,"method":"POST","path":"/","headers":[]})"),
            "missing \"body\" (or \"body_base64\")");
}

TEST(Traffic, WronglyTypedFieldsAreRefused) {
  EXPECT_EQ(reason(R"({"offset_us":1.5,"method":"POST","path":"/","headers":[],"body":""})"),
            "\"offset_us\" is not an integer");
  EXPECT_EQ(reason(R"({"offset_us":-1,"method":"POST","path":"/","headers":[],"body":""})"),
            "\"offset_us\" is negative");
  EXPECT_EQ(reason(R"({"offset_us":0,"method":7,"path":"/","headers":[],"body":""})"),
            "\"method\" is not a string");
  EXPECT_EQ(reason(R"({"offset_us":0,"method":"POST","path":"/","headers":{},"body":""})"),
            "\"headers\" is not an array");
  EXPECT_EQ(reason(R"({"offset_us":0,"method":"POST","path":"/","headers":[],"body":1})"),
            "\"body\" is not a string");
}

TEST(Traffic, HeadersMustBeNameValuePairsOfStrings) {
  const std::string head = R"({"offset_us":0,"method":"POST","path":"/","headers":)";
  EXPECT_EQ(reason(head + R"([["A","1"],{"B":"2"}],"body":""})"),
            "header 1 is not a [name, value] pair of strings");
  EXPECT_EQ(reason(head + R"([["A"]],"body":""})"),
            "header 0 is not a [name, value] pair of strings");
  EXPECT_EQ(reason(head + R"([["A","1","x"]],"body":""})"),
            "header 0 is not a [name, value] pair of strings");
  EXPECT_EQ(reason(head + R"([["A",1]],"body":""})"),
            "header 0 is not a [name, value] pair of strings");
}

TEST(Traffic, BodyBase64MustBeValidAndAlone) {
  const std::string head = R"({"offset_us":0,"method":"POST","path":"/","headers":[],)";
  EXPECT_EQ(reason(head + R"("body_base64":"Zg="})"), "bad base64 in body_base64");
  EXPECT_EQ(reason(head + R"("body":"","body_base64":"Zg=="})"),
            "both \"body\" and \"body_base64\"");
  EXPECT_EQ(read(head + R"("body_base64":"Zg=="})").message.body, "f");
}

TEST(Traffic, EmptyMethodAndDeepNestingAreRefused) {
  EXPECT_EQ(reason(R"({"offset_us":0,"method":"","path":"/","headers":[],"body":""})"),
            "\"method\" is empty");
  const std::string deep =
      R"({"offset_us":0,"x":)" + std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_EQ(reason(deep), "nests deeper than 64 levels");
}

}  // namespace
}  // namespace mifos::hooks
