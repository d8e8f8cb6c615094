// parse_failure_test.cpp: the two kinds of failure delivery are marked failed and carry no
// result ids; successes of every shape are not.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

event parsed(const std::string& fixture) {
  auto r = parse(load_fixture(fixture));
  if (!r.ok()) throw std::runtime_error(fixture + ": " + r.error().reason);
  return *r;
}

TEST(ParseFailure, ExceptionEnvelopeIsFailed) {
  const auto e = parsed("deliveries/fineract16-failure-exception-loan-repayment.http");
  EXPECT_TRUE(e.failed);
  EXPECT_EQ(e.shape, body_shape::envelope);
}

TEST(ParseFailure, ExceptionEnvelopeExposesTheErrorBody) {
  const auto e = parsed("deliveries/fineract16-failure-exception-loan-repayment.http");
  ASSERT_TRUE(e.error.has_value());
  EXPECT_EQ(e.error->developer_message, "Validation errors exist.");
  EXPECT_EQ(e.error->default_user_message, "Validation errors exist.");
  EXPECT_EQ(e.error->user_message_globalisation_code, "validation.msg.validation.errors.exist");
  EXPECT_EQ(e.error->http_status, 400);
  ASSERT_EQ(e.error->errors.size(), 1u);
  EXPECT_EQ(e.error->errors[0].at("parameterName"), "transactionAmount");
}

TEST(ParseFailure, ExceptionEnvelopeKeepsErrorCodeAndStatusCodeInThePayload) {
  const auto e = parsed("deliveries/fineract16-failure-exception-loan-repayment.http");
  EXPECT_EQ(e.payload.at("response").at("errorCode"), 1001);
  EXPECT_EQ(e.payload.at("response").at("statusCode"), 400);
  EXPECT_EQ(e.payload.at("status"), "Exception");
}

TEST(ParseFailure, NotFoundExceptionHasHttpStatus404) {
  const auto e = parsed("deliveries/fineract18-failure-exception-client-activate.http");
  EXPECT_TRUE(e.failed);
  ASSERT_TRUE(e.error.has_value());
  EXPECT_EQ(e.error->http_status, 404);
  EXPECT_EQ(e.error->user_message_globalisation_code, "error.msg.client.id.invalid");
}

TEST(ParseFailure, ExceptionEnvelopeHasNoResultIds) {
  const auto e = parsed("deliveries/fineract16-failure-exception-loan-repayment.http");
  EXPECT_FALSE(e.result.office_id.has_value());
  EXPECT_FALSE(e.result.client_id.has_value());
  EXPECT_FALSE(e.result.loan_id.has_value());
  EXPECT_FALSE(e.result.resource_id.has_value());
}

TEST(ParseFailure, ExceptionEnvelopeKeepsTheRequest) {
  const auto e = parsed("deliveries/fineract16-failure-exception-loan-repayment.http");
  EXPECT_EQ(e.request().at("transactionAmount"), "0");
  EXPECT_EQ(e.created_by, 1);
}

TEST(ParseFailure, EnvelopeWithoutResponseIsFailed) {
  const auto e = parsed("deliveries/fineract19-failure-loan-disburse.http");
  EXPECT_TRUE(e.failed);
  EXPECT_FALSE(e.error.has_value());
  EXPECT_FALSE(e.result.office_id.has_value());
  EXPECT_FALSE(e.result.loan_id.has_value());
  EXPECT_EQ(e.request().at("transactionAmount"), "20000000");
  EXPECT_EQ(e.timestamp, "2024-09-22T08:00:01.999Z");
}

TEST(ParseFailure, FormEnvelopeWithoutResponseIsFailed) {
  const auto e = parsed("deliveries/fineract19-failure-client-create-form.http");
  EXPECT_TRUE(e.failed);
  EXPECT_EQ(e.format, body_format::form);
  EXPECT_FALSE(e.result.client_id.has_value());
}

TEST(ParseFailure, SuccessEnvelopeWithoutOfficeAndClientIsNotFailed) {
  const auto e = parsed("deliveries/fineract17-productmix-create.http");
  EXPECT_FALSE(e.failed);
  EXPECT_EQ(e.result.product_id, 1);
  EXPECT_FALSE(e.result.office_id.has_value());
}

TEST(ParseFailure, MakerCheckerEnvelopeIsNotFailed) {
  const auto e = parsed("deliveries/fineract17-maker-checker-loan-approve.http");
  EXPECT_FALSE(e.failed);
  EXPECT_EQ(e.result.command_id, 31);
  EXPECT_EQ(e.result.resource_id, 1);
}

TEST(ParseFailure, BareResultsAreNeverFailed) {
  for (const auto& name : fixture_names("deliveries")) {
    const auto e = parsed(name);
    if (e.shape == body_shape::result) {
      EXPECT_FALSE(e.failed) << name;
    }
  }
}

TEST(ParseFailure, SuccessEnvelopeHasNoErrorBody) {
  const auto e = parsed("deliveries/fineract17-loan-repayment.http");
  EXPECT_FALSE(e.failed);
  EXPECT_FALSE(e.error.has_value());
}

TEST(ParseFailure, ExceptionStatusWinsOverAResponseWithIds) {
  const auto e = parse(
      make_delivery(wire_dialect::fineract, "LOAN", "REPAYMENT",
                    R"({"entityName":"LOAN","actionName":"REPAYMENT","status":"Exception",)"
                    R"("response":{"developerMessage":"x","httpStatusCode":"403","loanId":5}})"));
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->failed);
  EXPECT_FALSE(e->result.loan_id.has_value());
  ASSERT_TRUE(e->error.has_value());
  EXPECT_EQ(e->error->http_status, 403);
}

}  // namespace
}  // namespace mifos::hooks
