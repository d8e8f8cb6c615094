// requests_savings_test.cpp: the savings, account transfer and standing instruction request
// views, from an envelope's request and from a bare result's changes where Fineract echoes them.
#include <gtest/gtest.h>

#include "request_events.hpp"

namespace mifos::hooks {
namespace {

using test::bare_view;
using test::envelope_view;

// The ids of a savings command result (SAVINGSACCOUNT rows of the catalog).
std::string savings_result(const std::string& changes) {
  return R"({"officeId":1,"clientId":1,"savingsId":3,"resourceId":3,"changes":)" + changes + "}";
}

TEST(SavingsRequests, CloseFromAnEnvelope) {
  const auto r = envelope_view<savings_close_request>(
      R"({"closedOnDate":"10 June 2024","withdrawBalance":"true","paymentTypeId":1.0,)"
      R"("checkNumber":7731,"postInterestValidationOnClosure":false,"note":"moving abroad",)"
      R"("locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.closed_on_date, "10 June 2024");
  EXPECT_EQ(r.withdraw_balance, true);
  EXPECT_EQ(r.payment_type_id, 1);
  EXPECT_EQ(r.check_number, "7731");
  EXPECT_EQ(r.post_interest_validation_on_closure, false);
  EXPECT_EQ(r.note, "moving abroad");
}

TEST(SavingsRequests, CloseFromBareChanges) {
  const auto r = bare_view<savings_close_request>(savings_result(
      R"({"status":{"id":600,"code":"savingsAccountStatusType.closed","value":"Closed"},)"
      R"("locale":"en","dateFormat":"dd MMMM yyyy","closedOnDate":"10 June 2024","note":"moving abroad"})"));
  EXPECT_EQ(r.closed_on_date, "10 June 2024");
  EXPECT_EQ(r.note, "moving abroad");
  EXPECT_FALSE(r.withdraw_balance.has_value());
}

TEST(SavingsRequests, BlockFromAnEnvelope) {
  EXPECT_EQ(
      envelope_view<savings_block_request>(R"({"reasonForBlock":"court order"})").reason_for_block,
      "court order");
}

// BLOCK's `changes` hold only the new sub-status.
TEST(SavingsRequests, BlockFromBareChangesHasNoReason) {
  const auto r = bare_view<savings_block_request>(savings_result(
      R"({"subStatus":{"id":400,"code":"SavingsAccountSubStatusEnum.block","value":"Block"}})"));
  EXPECT_FALSE(r.reason_for_block.has_value());
}

TEST(SavingsRequests, PostInterestFromAnEnvelope) {
  const auto r = envelope_view<savings_post_interest_request>(
      R"({"isPostInterestAsOn":"true","transactionDate":"30 June 2024","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.is_post_interest_as_on, true);
  EXPECT_EQ(r.transaction_date, "30 June 2024");
}

TEST(SavingsRequests, HoldAmountFromAnEnvelope) {
  const auto r = envelope_view<savings_hold_amount_request>(
      R"({"transactionDate":"11 June 2024","transactionAmount":2500.0,"reasonForBlock":"loan guarantee",)"
      R"("lienAllowed":true,"locale":"en"})");
  EXPECT_EQ(r.transaction_date, "11 June 2024");
  EXPECT_EQ(r.transaction_amount, "2500");
  EXPECT_EQ(r.reason_for_block, "loan guarantee");
  EXPECT_EQ(r.lien_allowed, true);
}

TEST(SavingsRequests, UndoTransactionFromAnEnvelope) {
  const auto r = envelope_view<savings_undo_transaction_request>(
      R"({"transactionDate":"12 June 2024","transactionAmount":0,"locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.transaction_date, "12 June 2024");
  EXPECT_EQ(r.transaction_amount, "0");
  EXPECT_EQ(r.locale, "en");
}

// POSTINTEREST, HOLDAMOUNT and UNDOTRANSACTION answer without `changes`.
TEST(SavingsRequests, BareResultsWithoutChangesGiveEmptyViews) {
  const std::string result = R"({"officeId":1,"clientId":1,"savingsId":3,"resourceId":3})";
  EXPECT_FALSE(bare_view<savings_post_interest_request>(result).transaction_date.has_value());
  EXPECT_FALSE(bare_view<savings_hold_amount_request>(result).transaction_amount.has_value());
  EXPECT_FALSE(bare_view<savings_undo_transaction_request>(result).transaction_date.has_value());
}

TEST(TransferRequests, AccountTransferFromAnEnvelope) {
  const auto r = envelope_view<account_transfer_create_request>(
      R"({"fromOfficeId":1.0,"fromClientId":"1","fromAccountType":2.0,"fromAccountId":3.0,)"
      R"("toOfficeId":1.0,"toClientId":2.0,"toAccountType":"1","toAccountId":5.0,)"
      R"("transferDate":"13 June 2024","transferAmount":"1200.75","transferDescription":"repay from savings",)"
      R"("locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.from_office_id, 1);
  EXPECT_EQ(r.from_client_id, 1);
  EXPECT_EQ(r.from_account_type, 2);
  EXPECT_EQ(r.from_account_id, 3);
  EXPECT_EQ(r.to_client_id, 2);
  EXPECT_EQ(r.to_account_type, 1);
  EXPECT_EQ(r.to_account_id, 5);
  EXPECT_EQ(r.transfer_date, "13 June 2024");
  EXPECT_EQ(r.transfer_amount, "1200.75");
  EXPECT_EQ(r.transfer_description, "repay from savings");
}

TEST(TransferRequests, StandingInstructionFromAnEnvelope) {
  const auto r = envelope_view<standing_instruction_create_request>(
      R"({"name":"monthly rent","fromOfficeId":1.0,"fromClientId":1.0,"fromAccountType":2.0,)"
      R"("fromAccountId":3.0,"toOfficeId":1.0,"toClientId":2.0,"toAccountType":2.0,"toAccountId":4.0,)"
      R"("transferType":1.0,"instructionType":"1","status":1.0,"priority":2.0,"amount":"300",)"
      R"("validFrom":"01 July 2024","validTill":"01 July 2025","recurrenceType":1.0,)"
      R"("recurrenceFrequency":2.0,"recurrenceInterval":1.0,"recurrenceOnMonthDay":"05 July",)"
      R"("monthDayFormat":"dd MMMM","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.name, "monthly rent");
  EXPECT_EQ(r.from_account_id, 3);
  EXPECT_EQ(r.to_account_id, 4);
  EXPECT_EQ(r.transfer_type, 1);
  EXPECT_EQ(r.instruction_type, 1);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.priority, 2);
  EXPECT_EQ(r.amount, "300");
  EXPECT_EQ(r.valid_from, "01 July 2024");
  EXPECT_EQ(r.valid_till, "01 July 2025");
  EXPECT_EQ(r.recurrence_type, 1);
  EXPECT_EQ(r.recurrence_frequency, 2);
  EXPECT_EQ(r.recurrence_interval, 1);
  EXPECT_EQ(r.recurrence_on_month_day, "05 July");
  EXPECT_EQ(r.month_day_format, "dd MMMM");
}

// Transfers and standing instructions answer without `changes`.
TEST(TransferRequests, BareResultsGiveEmptyViews) {
  EXPECT_FALSE(
      bare_view<account_transfer_create_request>(R"({"savingsId":3,"loanId":5,"resourceId":8})")
          .transfer_amount.has_value());
  EXPECT_FALSE(bare_view<standing_instruction_create_request>(R"({"clientId":1,"resourceId":2})")
                   .name.has_value());
}

TEST(SavingsRequests, EachViewNamesItsCatalogPair) {
  EXPECT_EQ(savings_close_request::pair.action, "CLOSE");
  EXPECT_EQ(savings_block_request::pair.action, "BLOCK");
  EXPECT_EQ(savings_post_interest_request::pair.action, "POSTINTEREST");
  EXPECT_EQ(savings_hold_amount_request::pair.action, "HOLDAMOUNT");
  EXPECT_EQ(savings_undo_transaction_request::pair.action, "UNDOTRANSACTION");
  EXPECT_EQ(savings_undo_transaction_request::pair.entity, "SAVINGSACCOUNT");
  EXPECT_EQ(account_transfer_create_request::pair.entity, "ACCOUNTTRANSFER");
  EXPECT_EQ(standing_instruction_create_request::pair.entity, "STANDINGINSTRUCTION");
}

}  // namespace
}  // namespace mifos::hooks
