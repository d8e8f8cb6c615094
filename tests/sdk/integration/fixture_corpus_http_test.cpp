// fixture_corpus_http_test.cpp: every raw delivery of the corpus (tests/fixtures), sent over a
// socket to one hello-receiver exactly as its sender frames it, must print its expected
// normalized event; every bad one must get the status its file name starts with.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fixture.hpp"
#include "hello_receiver.hpp"
#include "http_client.hpp"

namespace mifos::hooks::test {
namespace {

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = fixture_stem(info.param);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

// One receiver for the whole suite: tests run one after the other, so each reads its own line.
class CorpusOverHttp : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() { receiver_ = new hello_receiver(); }
  static void TearDownTestSuite() {
    delete receiver_;
    receiver_ = nullptr;
  }
  static hello_receiver* receiver_;
};
hello_receiver* CorpusOverHttp::receiver_ = nullptr;

using GoodDelivery = CorpusOverHttp;
using BadDelivery = CorpusOverHttp;

TEST_P(GoodDelivery, PrintsItsExpectedNormalizedEvent) {
  delivery d = load_fixture(GetParam());
  raw_connection c(receiver_->port());
  ASSERT_TRUE(c.send(wire_bytes(d)));
  auto reply = c.read_response(kIoTimeout);
  ASSERT_TRUE(reply) << "no answer";
  ASSERT_EQ(reply->status, 200) << reply->body;
  auto line = receiver_->process().read_stdout_line(kIoTimeout);
  ASSERT_TRUE(line) << receiver_->process().stderr_text();
  EXPECT_EQ(nlohmann::json::parse(*line), load_expected(GetParam()));
}

TEST_P(BadDelivery, GetsTheStatusItsNameStartsWith) {
  delivery d = load_fixture(GetParam());
  int want = std::stoi(fixture_stem(GetParam()).substr(0, 3));
  raw_connection c(receiver_->port());
  ASSERT_TRUE(c.send(wire_bytes(d)));
  auto reply = c.read_response(kIoTimeout);
  ASSERT_TRUE(reply) << "no answer";
  EXPECT_EQ(reply->status, want) << reply->body;
  EXPECT_TRUE(nlohmann::json::parse(reply->body).contains("error")) << reply->body;
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoodDelivery, ::testing::ValuesIn(fixture_names("deliveries")),
                         test_name);
INSTANTIATE_TEST_SUITE_P(Corpus, BadDelivery, ::testing::ValuesIn(fixture_names("bad")), test_name);

}  // namespace
}  // namespace mifos::hooks::test
