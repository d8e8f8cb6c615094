// requests_deposits_test.cpp: the fixed and recurring deposit request views, from an envelope's
// request (numbers as Fineract's doubles) and from a bare result's changes.
#include <gtest/gtest.h>

#include "request_events.hpp"

namespace mifos::hooks {
namespace {

using test::bare_view;
using test::envelope_view;

TEST(DepositRequests, FixedDepositCreateFromAnEnvelope) {
  const auto r = envelope_view<fixed_deposit_create_request>(
      R"({"clientId":1.0,"productId":"2","submittedOnDate":"14 May 2024","depositAmount":5000.0,)"
      R"("depositPeriod":12.0,"depositPeriodFrequencyId":2.0,"linkAccountId":7.0,)"
      R"("maturityInstructionId":200.0,"transferToSavingsId":7.0,"locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.client_id, 1);
  EXPECT_EQ(r.product_id, 2);
  EXPECT_EQ(r.submitted_on_date, "14 May 2024");
  EXPECT_EQ(r.deposit_amount, "5000");
  EXPECT_EQ(r.deposit_period, 12);
  EXPECT_EQ(r.deposit_period_frequency_id, 2);
  EXPECT_EQ(r.link_account_id, 7);
  EXPECT_EQ(r.maturity_instruction_id, 200);
  EXPECT_EQ(r.transfer_to_savings_id, 7);
  EXPECT_EQ(r.date_format, "dd MMMM yyyy");
  EXPECT_FALSE(r.group_id.has_value());
}

TEST(DepositRequests, RecurringDepositInstallmentFromAnEnvelope) {
  const auto r = envelope_view<recurring_deposit_deposit_request>(
      R"({"transactionDate":"10 June 2024","transactionAmount":"100.00","paymentTypeId":1.0,)"
      R"("receiptNumber":"R-77","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.transaction_date, "10 June 2024");
  EXPECT_EQ(r.transaction_amount, "100.00");
  EXPECT_EQ(r.payment_type_id, 1);
  EXPECT_EQ(r.receipt_number, "R-77");
}

TEST(DepositRequests, PrematureCloseFromAnEnvelope) {
  const auto r = envelope_view<fixed_deposit_premature_close_request>(
      R"({"closedOnDate":"20 October 2024","onAccountClosureId":200.0,"toSavingsAccountId":"3",)"
      R"("transferDescription":"to savings","note":"needs cash","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.closed_on_date, "20 October 2024");
  EXPECT_EQ(r.on_account_closure_id, 200);
  EXPECT_EQ(r.to_savings_account_id, 3);
  EXPECT_EQ(r.transfer_description, "to savings");
  EXPECT_EQ(r.note, "needs cash");
}

// The result's `changes` echo the status, the date and the note, never the closure choice.
TEST(DepositRequests, PrematureCloseFromBareChanges) {
  const auto r = bare_view<fixed_deposit_premature_close_request>(
      R"({"officeId":1,"clientId":1,"savingsId":4,"resourceId":4,"changes":{"status":{"id":700,)"
      R"("code":"savingsAccountStatusType.pre.mature.closure","value":"Premature Closed"},"locale":"en",)"
      R"("dateFormat":"dd MMMM yyyy","closedOnDate":"20 October 2024","note":"needs cash"}})");
  EXPECT_EQ(r.closed_on_date, "20 October 2024");
  EXPECT_EQ(r.note, "needs cash");
  EXPECT_FALSE(r.on_account_closure_id.has_value());
}

TEST(DepositRequests, WrongTypesLeaveFieldsEmpty) {
  const auto r = envelope_view<fixed_deposit_create_request>(
      R"({"clientId":{"a":1},"depositAmount":[1],"depositPeriod":"soon"})");
  EXPECT_FALSE(r.client_id.has_value());
  EXPECT_FALSE(r.deposit_amount.has_value());
  EXPECT_FALSE(r.deposit_period.has_value());
}

}  // namespace
}  // namespace mifos::hooks
