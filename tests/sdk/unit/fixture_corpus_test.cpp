// fixture_corpus_test.cpp: every delivery of tests/fixtures/ parses to its expected normalized
// event, and every malformed one is refused with the status in its name.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <string>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = fixture_stem(info.param);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class GoodDelivery : public testing::TestWithParam<std::string> {};

TEST_P(GoodDelivery, ParsesToItsExpectedNormalizedEvent) {
  const auto parsed = parse(load_fixture(GetParam()));
  ASSERT_TRUE(parsed.ok()) << parsed.error().reason;
  // Compared as text with sorted keys (key order has its own test in normalize_test.cpp), so
  // types count too: an id must be an integer, a request number a double.
  const auto actual = nlohmann::json::parse(to_json(*parsed).dump());
  EXPECT_EQ(actual.dump(2), load_expected(GetParam()).dump(2));
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoodDelivery, testing::ValuesIn(fixture_names("deliveries")),
                         test_name);

class BadDelivery : public testing::TestWithParam<std::string> {};

TEST_P(BadDelivery, IsRefusedWithTheStatusInItsName) {
  const int want = std::stoi(fixture_stem(GetParam()).substr(0, 3));
  const auto parsed = parse(load_fixture(GetParam()));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().status, want);
  EXPECT_FALSE(parsed.error().reason.empty());
  EXPECT_EQ(parsed.error().reason.find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadDelivery, testing::ValuesIn(fixture_names("bad")), test_name);

TEST(FixtureCorpus, CoversEveryEraAndBothFormats) {
  const auto names = fixture_names("deliveries");
  auto count = [&](const std::string& part) {
    return std::count_if(names.begin(), names.end(), [&](const std::string& name) {
      return name.find(part) != std::string::npos;
    });
  };
  EXPECT_GE(count("/mifosx-"), 3);
  EXPECT_GE(count("/fineract14-"), 3);
  EXPECT_GE(count("/fineract15-") + count("/fineract16-"), 3);
  EXPECT_GE(count("/fineract17-"), 10);
  EXPECT_GE(count("/fineract19-failure-"), 2);
  EXPECT_GE(count("-form"), 5);
  EXPECT_GE(count("-failure-exception-"), 2);
}

TEST(FixtureLoader, YieldsRequestLineHeadersInOrderAndExactBody) {
  const auto d = load_fixture("deliveries/fineract14-client-activate.http");
  EXPECT_EQ(d.method, "POST");
  EXPECT_EQ(d.target, "/hooks/");
  ASSERT_EQ(d.headers.size(), 8u);
  EXPECT_EQ(d.headers[0], (header_field{"X-Fineract-Entity", "CLIENT"}));
  EXPECT_EQ(d.headers[2], (header_field{"Fineract-Platform-TenantId", "default"}));
  EXPECT_EQ(d.headers[7], (header_field{"User-Agent", "okhttp/4.12.0"}));
  EXPECT_EQ(d.body, R"({"officeId":1,"clientId":1,"resourceId":1})");
}

TEST(FixtureLoader, YieldsAnEmptyBodyWhenTheFileHasNone) {
  EXPECT_EQ(load_fixture("bad/400-empty-json-body.http").body, "");
}

// Writes `text` to a scratch file; an absolute path passes through load_fixture() unchanged.
std::string scratch_fixture(const std::string& text) {
  const std::string path = testing::TempDir() + "mifos_hooks_scratch.http";
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(FixtureLoader, ThrowsWithoutTheEmptyLineAfterTheHeaders) {
  EXPECT_THROW(load_fixture(scratch_fixture("POST /hooks/ HTTP/1.1\nA: 1\n{}\n")),
               std::runtime_error);
}

TEST(FixtureLoader, ThrowsForCrlfLineEndings) {
  EXPECT_THROW(load_fixture(scratch_fixture("POST /hooks/ HTTP/1.1\r\nA: 1\r\n\n{}\n")),
               std::runtime_error);
}

TEST(FixtureLoader, ThrowsForAHeaderLineWithoutColon) {
  EXPECT_THROW(load_fixture(scratch_fixture("POST /hooks/ HTTP/1.1\nNoColon\n\n{}\n")),
               std::runtime_error);
}

TEST(FixtureLoader, ThrowsForABadRequestLine) {
  EXPECT_THROW(load_fixture(scratch_fixture("POST\nA: 1\n\n{}\n")), std::runtime_error);
}

TEST(FixtureLoader, ThrowsForAMissingFile) {
  EXPECT_THROW(load_fixture("deliveries/no-such-fixture.http"), std::runtime_error);
}

}  // namespace
}  // namespace mifos::hooks
