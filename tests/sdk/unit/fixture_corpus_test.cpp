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

class good_delivery : public testing::TestWithParam<std::string> {};

TEST_P(good_delivery, parses_to_its_expected_normalized_event) {
  const auto parsed = parse(load_fixture(GetParam()));
  ASSERT_TRUE(parsed.ok()) << parsed.error().reason;
  // Compared as text with sorted keys (key order has its own test in normalize_test.cpp), so
  // types count too: an id must be an integer, a request number a double.
  const auto actual = nlohmann::json::parse(to_json(*parsed).dump());
  EXPECT_EQ(actual.dump(2), load_expected(GetParam()).dump(2));
}

INSTANTIATE_TEST_SUITE_P(corpus, good_delivery, testing::ValuesIn(fixture_names("deliveries")),
                         test_name);

class bad_delivery : public testing::TestWithParam<std::string> {};

TEST_P(bad_delivery, is_refused_with_the_status_in_its_name) {
  const int want = std::stoi(fixture_stem(GetParam()).substr(0, 3));
  const auto parsed = parse(load_fixture(GetParam()));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().status, want);
  EXPECT_FALSE(parsed.error().reason.empty());
  EXPECT_EQ(parsed.error().reason.find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(corpus, bad_delivery, testing::ValuesIn(fixture_names("bad")), test_name);

TEST(fixture_corpus, covers_every_era_and_both_formats) {
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

TEST(fixture_loader, yields_request_line_headers_in_order_and_exact_body) {
  const auto d = load_fixture("deliveries/fineract14-client-activate.http");
  EXPECT_EQ(d.method, "POST");
  EXPECT_EQ(d.target, "/hooks/");
  ASSERT_EQ(d.headers.size(), 8u);
  EXPECT_EQ(d.headers[0], (header_field{"X-Fineract-Entity", "CLIENT"}));
  EXPECT_EQ(d.headers[2], (header_field{"Fineract-Platform-TenantId", "default"}));
  EXPECT_EQ(d.headers[7], (header_field{"User-Agent", "okhttp/4.12.0"}));
  EXPECT_EQ(d.body, R"({"officeId":1,"clientId":1,"resourceId":1})");
}

TEST(fixture_loader, yields_an_empty_body_when_the_file_has_none) {
  EXPECT_EQ(load_fixture("bad/400-empty-json-body.http").body, "");
}

// Writes `text` to a scratch file; an absolute path passes through load_fixture() unchanged.
std::string scratch_fixture(const std::string& text) {
  const std::string path = testing::TempDir() + "mifos_hooks_scratch.http";
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(fixture_loader, throws_without_the_empty_line_after_the_headers) {
  EXPECT_THROW(load_fixture(scratch_fixture("POST /hooks/ HTTP/1.1\nA: 1\n{}\n")),
               std::runtime_error);
}

TEST(fixture_loader, throws_for_crlf_line_endings) {
  EXPECT_THROW(load_fixture(scratch_fixture("POST /hooks/ HTTP/1.1\r\nA: 1\r\n\n{}\n")),
               std::runtime_error);
}

TEST(fixture_loader, throws_for_a_header_line_without_colon) {
  EXPECT_THROW(load_fixture(scratch_fixture("POST /hooks/ HTTP/1.1\nNoColon\n\n{}\n")),
               std::runtime_error);
}

TEST(fixture_loader, throws_for_a_bad_request_line) {
  EXPECT_THROW(load_fixture(scratch_fixture("POST\nA: 1\n\n{}\n")), std::runtime_error);
}

TEST(fixture_loader, throws_for_a_missing_file) {
  EXPECT_THROW(load_fixture("deliveries/no-such-fixture.http"), std::runtime_error);
}

}  // namespace
}  // namespace mifos::hooks
