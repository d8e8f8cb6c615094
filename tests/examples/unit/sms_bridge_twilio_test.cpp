// sms_bridge_twilio_test.cpp: the Twilio request the SMS bridge sends, built as a value, and how
// it reads Twilio's answers.
#include <gtest/gtest.h>

#include <string>

#include "twilio_provider.hpp"

namespace sms_bridge {
namespace {

using mifos::hooks::client_response;

twilio_settings settings() { return {"http://127.0.0.1:8099/", "AC0123456789", "s3cr3t"}; }

client_response answer(int status, std::string body) {
  client_response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

TEST(SmsBridgeTwilio, RequestPostsToTheAccountsMessagesUrl) {
  const auto r = twilio_request(settings(), "+15550001111", "+254712345678", "Hi");
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "http://127.0.0.1:8099/2010-04-01/Accounts/AC0123456789/Messages.json");
}

TEST(SmsBridgeTwilio, RequestBodyIsAFormOfToFromAndBody) {
  const auto r = twilio_request(settings(), "+15550001111", "+254712345678",
                                "Hello Petra, welcome! 100% & more");
  EXPECT_EQ(r.content_type, "application/x-www-form-urlencoded");
  EXPECT_EQ(
      r.body,
      "To=%2B254712345678&From=%2B15550001111&Body=Hello+Petra%2C+welcome%21+100%25+%26+more");
}

TEST(SmsBridgeTwilio, RequestAuthorizesWithBasicSidAndToken) {
  const auto r = twilio_request(settings(), "+1", "+2", "x");
  ASSERT_FALSE(r.headers.empty());
  EXPECT_EQ(r.headers[0].name, "Authorization");
  // printf 'AC0123456789:s3cr3t' | base64
  EXPECT_EQ(r.headers[0].value, "Basic QUMwMTIzNDU2Nzg5OnMzY3IzdA==");
}

TEST(SmsBridgeTwilio, AccountSidCannotChangeTheUrlPath) {
  auto s = settings();
  s.account_sid = "../x?y";
  EXPECT_EQ(twilio_request(s, "+1", "+2", "x").url,
            "http://127.0.0.1:8099/2010-04-01/Accounts/%2E%2E%2Fx%3Fy/Messages.json");
}

TEST(SmsBridgeTwilio, CreatedWithASidIsSent) {
  const auto r = read_twilio_answer(answer(201, R"({"sid":"SM123","status":"queued"})"));
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.provider_id, "SM123");
}

TEST(SmsBridgeTwilio, RefusalCarriesTwiliosMessage) {
  const auto r = read_twilio_answer(answer(
      400,
      R"({"code":21211,"message":"The 'To' number +1 is not a valid phone number.","status":400})"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error,
            "the SMS provider answered 400: The 'To' number +1 is not a valid phone number.");
}

TEST(SmsBridgeTwilio, CreatedWithoutASidIsAnError) {
  const auto r = read_twilio_answer(answer(201, "ok"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error, "the SMS provider answered 201 without a message sid: ok");
}

TEST(SmsBridgeTwilio, NoAnswerIsAnErrorNamingTheTransportError) {
  client_response r;
  r.error = "connection refused";
  EXPECT_EQ(read_twilio_answer(r).error, "no answer from the SMS provider: connection refused");
}

}  // namespace
}  // namespace sms_bridge
