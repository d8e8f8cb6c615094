// answer_test.cpp: the receiver's status table, decided by the pure answer() function.
#include "mifos/hooks/answer.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "fixture.hpp"

namespace mifos::hooks {
namespace {

class AnswerTable : public testing::Test {
 protected:
  delivery good() const { return load_fixture("deliveries/fineract17-loan-repayment.http"); }
  http_answer ask(const delivery& d) const { return answer(d, router_, options_); }
  void with_secret() { options_.secret = "s3cret"; }

  int handled_ = 0;
  router router_ = [this] {
    router r;
    r.on_any([this](const event&) { ++handled_; });
    return r;
  }();
  receiver_options options_;
};

TEST_F(AnswerTable, DeliveryOnTheHookPathIs200AndRunsHandlers) {
  const auto a = ask(good());
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(nlohmann::json::parse(a.body), nlohmann::json::parse(R"({"status":"accepted"})"));
  EXPECT_EQ(a.content_type, "application/json");
  EXPECT_EQ(handled_, 1);
}

TEST_F(AnswerTable, HookPathMatchesWithOrWithoutTrailingSlash) {
  auto d = good();
  d.target = "/hooks";
  EXPECT_EQ(ask(d).status, 200);
  d.target = "/hooks/";
  EXPECT_EQ(ask(d).status, 200);
}

TEST_F(AnswerTable, EveryGoodFixtureIsAccepted) {
  for (const auto& name : fixture_names("deliveries"))
    EXPECT_EQ(ask(load_fixture(name)).status, 200) << name;
}

TEST_F(AnswerTable, GetPingIs200AndRunsNoHandler) {
  auto d = good();
  d.method = "GET";
  d.body.clear();
  d.headers.clear();
  EXPECT_EQ(ask(d).status, 200);
  EXPECT_EQ(handled_, 0);
  EXPECT_EQ(classify(d, options_), request_kind::ping);
}

TEST_F(AnswerTable, WrongPathIs404) {
  for (const char* target : {"/", "/hook", "/hooksx", "/hooks/extra", "/other/hooks"}) {
    auto d = good();
    d.target = target;
    EXPECT_EQ(ask(d).status, 404) << target;
  }
  EXPECT_EQ(handled_, 0);
}

TEST_F(AnswerTable, WrongMethodIs405) {
  for (const char* method : {"PUT", "DELETE", "PATCH"}) {
    auto d = good();
    d.method = method;
    EXPECT_EQ(ask(d).status, 405) << method;
    EXPECT_EQ(classify(d, options_), request_kind::bad_method);
  }
}

TEST_F(AnswerTable, TextPlainBodyIs415) {
  EXPECT_EQ(ask(load_fixture("bad/415-text-plain-body.http")).status, 415);
}

TEST_F(AnswerTable, MalformedBodyIs400) {
  EXPECT_EQ(ask(load_fixture("bad/400-invalid-json.http")).status, 400);
  EXPECT_EQ(ask(load_fixture("bad/400-truncated-json.http")).status, 400);
}

TEST_F(AnswerTable, MissingEntityOrActionHeaderIs400) {
  EXPECT_EQ(ask(load_fixture("bad/400-missing-entity-header.http")).status, 400);
  EXPECT_EQ(ask(load_fixture("bad/400-missing-action-header.http")).status, 400);
  EXPECT_EQ(handled_, 0);
}

TEST_F(AnswerTable, RefusalBodyIsAJsonError) {
  const auto a = ask(load_fixture("bad/400-missing-entity-header.http"));
  const auto j = nlohmann::json::parse(a.body);
  ASSERT_TRUE(j.contains("error"));
  EXPECT_TRUE(j.at("error").is_string());
}

TEST_F(AnswerTable, DuplicateContentLengthIs400) {
  auto d = good();
  const auto n = std::to_string(d.body.size());
  d.headers.push_back({"Content-Length", n});
  d.headers.push_back({"content-length", n});
  EXPECT_EQ(ask(d).status, 400);
  EXPECT_EQ(handled_, 0);
}

TEST_F(AnswerTable, NonNumericContentLengthIs400) {
  for (const char* value : {"12a", "abc", "-1", "", "1 2", "0x10"}) {
    auto d = good();
    d.headers.push_back({"Content-Length", value});
    EXPECT_EQ(ask(d).status, 400) << "'" << value << "'";
  }
}

TEST_F(AnswerTable, MatchingContentLengthIsAccepted) {
  auto d = good();
  d.headers.push_back({"Content-Length", std::to_string(d.body.size())});
  EXPECT_EQ(ask(d).status, 200);
}

TEST_F(AnswerTable, MissingSecretIs401) {
  with_secret();
  const auto a = ask(good());
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(handled_, 0);
}

TEST_F(AnswerTable, WrongSecretIs401WhereverItIs) {
  with_secret();
  for (const char* target :
       {"/hooks/wrong", "/hooks/s3cre", "/hooks?token=wrong", "/hooks/?token="}) {
    auto d = good();
    d.target = target;
    EXPECT_EQ(ask(d).status, 401) << target;
  }
  auto d = good();
  d.headers.push_back({"X-Hook-Token", "s3cret-not"});
  EXPECT_EQ(ask(d).status, 401);
  EXPECT_EQ(classify(d, options_), request_kind::unauthorized);
}

TEST_F(AnswerTable, SecretAsPathSegmentIs200) {
  with_secret();
  auto d = good();
  d.target = "/hooks/s3cret";
  EXPECT_EQ(ask(d).status, 200);
}

TEST_F(AnswerTable, SecretAsPathSegmentWithTrailingSlashIs200) {
  with_secret();
  auto d = good();
  d.target = "/hooks/s3cret/";  // Fineract 1.7+ Payload URLs end in '/'
  EXPECT_EQ(ask(d).status, 200);
}

TEST_F(AnswerTable, SecretAsTokenQueryIs200) {
  with_secret();
  auto d = good();
  d.target = "/hooks/?token=s3cret";
  EXPECT_EQ(ask(d).status, 200);
}

TEST_F(AnswerTable, SecretAsHeaderIs200) {
  with_secret();
  auto d = good();
  d.headers.push_back({"x-hook-token", "s3cret"});
  EXPECT_EQ(ask(d).status, 200);
  EXPECT_EQ(handled_, 1);
}

TEST_F(AnswerTable, BodyOverTheLimitIs413) {
  options_.max_request_bytes = 256;
  auto d = good();
  ASSERT_GT(d.body.size(), 256u);
  EXPECT_EQ(ask(d).status, 413);
  EXPECT_EQ(handled_, 0);
}

TEST_F(AnswerTable, SmallBodyUnderTheLimitIs200) {
  options_.max_request_bytes = 4096;
  EXPECT_EQ(ask(load_fixture("deliveries/fineract14-client-activate.http")).status, 200);
}

TEST_F(AnswerTable, HandlerThatThrowsIs500WithAGenericBody) {
  router r;
  r.on("LOAN", "REPAYMENT", [](const event&) { throw std::runtime_error("db password hunter2"); });
  const auto a = answer(good(), r, options_);
  EXPECT_EQ(a.status, 500);
  EXPECT_EQ(a.body.find("hunter2"), std::string::npos);
  EXPECT_EQ(a.body.find("db password"), std::string::npos);
  EXPECT_TRUE(nlohmann::json::parse(a.body).contains("error"));
}

TEST_F(AnswerTable, UnknownPairIsAcceptedNotDropped) {
  const auto a = ask(load_fixture("deliveries/fineract19-loan-reage-not-in-catalog.http"));
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(handled_, 1);
}

TEST_F(AnswerTable, OtherTenantIsAcceptedWithoutRunningHandlers) {
  router r;
  int calls = 0;
  r.only_tenants({"mfi-kenya"}).on_any([&](const event&) { ++calls; });
  EXPECT_EQ(answer(good(), r, options_).status, 200);
  EXPECT_EQ(calls, 0);
}

TEST_F(AnswerTable, ClassifyNamesEachKind) {
  auto d = good();
  EXPECT_EQ(classify(d, options_), request_kind::delivery);
  d.target = "/nope";
  EXPECT_EQ(classify(d, options_), request_kind::not_found);
}

TEST_F(AnswerTable, SeveralHookPathsAreServed) {
  options_.paths = {"/hooks", "/fineract/"};
  auto d = good();
  d.target = "/fineract/";
  EXPECT_EQ(ask(d).status, 200);
  d.target = "/fineract";
  EXPECT_EQ(ask(d).status, 200);
}

TEST(SecretEquals, ComparesWholeStrings) {
  EXPECT_TRUE(secret_equals("s3cret", "s3cret"));
  EXPECT_FALSE(secret_equals("s3cret", "s3creT"));
  EXPECT_FALSE(secret_equals("s3cre", "s3cret"));
  EXPECT_FALSE(secret_equals("s3cret+", "s3cret"));
  EXPECT_FALSE(secret_equals("", "s3cret"));
}

TEST_F(AnswerTable, TenantOutsideTheAllowListIs403AndRunsNoHandler) {
  options_.tenants = {"branch1"};
  const auto a = ask(good());  // tenant "default"
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(nlohmann::json::parse(a.body)["error"], "tenant not accepted here");
  EXPECT_EQ(handled_, 0);
  options_.tenants = {"branch1", "default"};
  EXPECT_EQ(ask(good()).status, 200);
  EXPECT_EQ(handled_, 1);
}

TEST_F(AnswerTable, ScreenGivesTheEventOfAGoodDeliveryAndTheAnswerOfABadOne) {
  auto screened = screen(good(), options_);
  ASSERT_TRUE(screened);
  EXPECT_EQ(screened->action, "REPAYMENT");
  auto d = good();
  d.target = "/elsewhere";
  auto refused = screen(d, options_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().status, 404);
  EXPECT_EQ(handled_, 0);
}

}  // namespace
}  // namespace mifos::hooks

TEST(ErrorAnswer, AReasonThatIsNotUtf8IsAnsweredWithReplacementCharacters) {
  auto a = mifos::hooks::error_answer(404, "tenant defa\x82ult is not configured");
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(a.body, "{\"error\":\"tenant defa\xEF\xBF\xBDult is not configured\"}");
}
