// requests_shares_test.cpp: the share account request views, from an envelope's request (their
// results carry no fields of the request in `changes`).
#include <gtest/gtest.h>

#include "request_events.hpp"

namespace mifos::hooks {
namespace {

using test::bare_view;
using test::envelope_view;

TEST(ShareRequests, CreateFromAnEnvelope) {
  const auto r = envelope_view<share_account_create_request>(
      R"({"clientId":1.0,"productId":1.0,"savingsAccountId":"3","requestedShares":20.0,)"
      R"("submittedDate":"14 May 2024","applicationDate":"14 May 2024","externalId":"SH-7",)"
      R"("lockinPeriodFrequency":1.0,"lockinPeriodFrequencyType":3.0,)"
      R"("allowDividendCalculationForInactiveClients":"true",)"
      R"("charges":[{"chargeId":4.0,"amount":"2.50"},"junk"],)"
      R"("locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.client_id, 1);
  EXPECT_EQ(r.product_id, 1);
  EXPECT_EQ(r.savings_account_id, 3);
  EXPECT_EQ(r.requested_shares, 20);
  EXPECT_EQ(r.submitted_date, "14 May 2024");
  EXPECT_EQ(r.application_date, "14 May 2024");
  EXPECT_EQ(r.external_id, "SH-7");
  EXPECT_EQ(r.lockin_period_frequency, 1);
  EXPECT_EQ(r.lockin_period_frequency_type, 3);
  EXPECT_EQ(r.allow_dividend_calculation_for_inactive_clients, true);
  ASSERT_EQ(r.charges.size(), 1u);
  EXPECT_EQ(r.charges[0].charge_id, 4);
  EXPECT_EQ(r.charges[0].amount, "2.50");
  EXPECT_EQ(r.date_format, "dd MMMM yyyy");
}

TEST(ShareRequests, CreateFromABareResultIsEmpty) {
  const auto r = bare_view<share_account_create_request>(R"({"resourceId":1})");
  EXPECT_FALSE(r.client_id.has_value());
  EXPECT_TRUE(r.charges.empty());
}

TEST(ShareRequests, ApplyAdditionalSharesFromAnEnvelope) {
  const auto r = envelope_view<share_account_apply_additional_shares_request>(
      R"({"requestedDate":"20 May 2024","requestedShares":5.0,"unitPrice":10.0,)"
      R"("locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.requested_date, "20 May 2024");
  EXPECT_EQ(r.requested_shares, 5);
  EXPECT_EQ(r.unit_price, "10");
  EXPECT_EQ(r.locale, "en");
}

// The result's `changes` name only the new request's id.
TEST(ShareRequests, ApplyAdditionalSharesFromBareChangesHasNoShares) {
  const auto r = bare_view<share_account_apply_additional_shares_request>(
      R"({"resourceId":1,"changes":{"additionalshares":2}})");
  EXPECT_FALSE(r.requested_shares.has_value());
  EXPECT_FALSE(r.requested_date.has_value());
}

TEST(ShareRequests, WrongTypesLeaveFieldsEmpty) {
  const auto r = envelope_view<share_account_create_request>(
      R"({"clientId":"x","requestedShares":-1,"charges":"none","submittedDate":{}})");
  EXPECT_FALSE(r.client_id.has_value());
  EXPECT_FALSE(r.requested_shares.has_value());
  EXPECT_TRUE(r.charges.empty());
  EXPECT_FALSE(r.submitted_date.has_value());
}

}  // namespace
}  // namespace mifos::hooks
