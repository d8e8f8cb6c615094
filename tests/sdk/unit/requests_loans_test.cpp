// requests_loans_test.cpp: the loan and loan charge request views, from an envelope's request
// (numbers as doubles or text) and from a bare result's changes where Fineract echoes them.
#include <gtest/gtest.h>

#include "request_events.hpp"

namespace mifos::hooks {
namespace {

using test::bare_view;
using test::envelope_view;

// The ids of a loan command result (LOAN rows of the catalog).
std::string loan_result(const std::string& changes) {
  return R"({"commandId":3,"officeId":1,"clientId":1,"loanId":5,"resourceId":5,"changes":)" +
         changes + "}";
}

TEST(LoanRequests, RejectFromAnEnvelope) {
  const auto r = envelope_view<loan_reject_request>(
      R"({"rejectedOnDate":"02 May 2024","note":"income not verified","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.rejected_on_date, "02 May 2024");
  EXPECT_EQ(r.note, "income not verified");
  EXPECT_EQ(r.locale, "en");
}

TEST(LoanRequests, RejectFromBareChanges) {
  const auto r = bare_view<loan_reject_request>(loan_result(
      R"({"status":{"id":500,"code":"loanStatusType.rejected","value":"Rejected"},)"
      R"("locale":"en","dateFormat":"dd MMMM yyyy","rejectedOnDate":"02 May 2024","closedOnDate":"02 May 2024"})"));
  EXPECT_EQ(r.rejected_on_date, "02 May 2024");
  EXPECT_EQ(r.date_format, "dd MMMM yyyy");
  EXPECT_FALSE(r.note.has_value());
}

TEST(LoanRequests, WithdrawFromAnEnvelope) {
  const auto r = envelope_view<loan_withdraw_request>(
      R"({"withdrawnOnDate":"03 May 2024","note":"found cheaper credit","locale":"en"})");
  EXPECT_EQ(r.withdrawn_on_date, "03 May 2024");
  EXPECT_EQ(r.note, "found cheaper credit");
}

TEST(LoanRequests, WithdrawFromBareChanges) {
  const auto r = bare_view<loan_withdraw_request>(loan_result(
      R"({"withdrawnOnDate":"03 May 2024","locale":"en","note":"found cheaper credit"})"));
  EXPECT_EQ(r.withdrawn_on_date, "03 May 2024");
  EXPECT_EQ(r.note, "found cheaper credit");
}

TEST(LoanRequests, UndoApprovalAndUndoDisbursalReadTheirNote) {
  EXPECT_EQ(envelope_view<loan_undo_approval_request>(R"({"note":"wrong amount"})").note,
            "wrong amount");
  EXPECT_EQ(envelope_view<loan_undo_disbursal_request>(R"({"note":"cash not handed over"})").note,
            "cash not handed over");
}

// Their `changes` carry the new status, not the note, which Fineract files as a loan note.
TEST(LoanRequests, UndoApprovalFromBareChangesHasNoNote) {
  const auto changes =
      R"({"status":{"id":100,"code":"loanStatusType.submitted.and.pending.approval","value":"Submitted and pending approval"}})";
  EXPECT_FALSE(bare_view<loan_undo_approval_request>(loan_result(changes)).note.has_value());
  EXPECT_FALSE(bare_view<loan_undo_disbursal_request>(loan_result(changes)).note.has_value());
}

TEST(LoanRequests, WriteOffFromAnEnvelope) {
  const auto r = envelope_view<loan_writeoff_request>(
      R"({"transactionDate":"04 May 2024","writeoffReasonId":"31","note":"deceased",)"
      R"("externalId":"WO-1","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.transaction_date, "04 May 2024");
  EXPECT_EQ(r.writeoff_reason_id, 31);
  EXPECT_EQ(r.note, "deceased");
  EXPECT_EQ(r.external_id, "WO-1");
}

TEST(LoanRequests, WriteOffFromBareChanges) {
  const auto r = bare_view<loan_writeoff_request>(loan_result(
      R"({"transactionDate":"04 May 2024","locale":"en","dateFormat":"dd MMMM yyyy","writeoffReasonId":31,"note":"deceased"})"));
  EXPECT_EQ(r.transaction_date, "04 May 2024");
  EXPECT_EQ(r.writeoff_reason_id, 31);
  EXPECT_EQ(r.note, "deceased");
}

TEST(LoanRequests, RecoveryPaymentFromAnEnvelope) {
  const auto r = envelope_view<loan_recovery_payment_request>(
      R"({"transactionDate":"05 May 2024","transactionAmount":1.0E7,"paymentTypeId":"2",)"
      R"("receiptNumber":884,"routingCode":"RC-9","externalId":"REC-1","locale":"en"})");
  EXPECT_EQ(r.transaction_date, "05 May 2024");
  EXPECT_EQ(r.transaction_amount, "10000000");
  EXPECT_EQ(r.payment_type_id, 2);
  EXPECT_EQ(r.receipt_number, "884");
  EXPECT_EQ(r.routing_code, "RC-9");
  EXPECT_EQ(r.external_id, "REC-1");
}

TEST(LoanRequests, RecoveryPaymentFromBareChanges) {
  const auto r = bare_view<loan_recovery_payment_request>(loan_result(
      R"({"transactionDate":"05 May 2024","transactionAmount":"300.50","locale":"en","dateFormat":"dd MMMM yyyy","paymentTypeId":2})"));
  EXPECT_EQ(r.transaction_amount, "300.50");
  EXPECT_EQ(r.payment_type_id, 2);
}

TEST(LoanRequests, WaiveInterestFromAnEnvelope) {
  const auto r = envelope_view<loan_waive_interest_request>(
      R"({"transactionDate":"06 May 2024","transactionAmount":"125.75","note":"goodwill","locale":"en"})");
  EXPECT_EQ(r.transaction_date, "06 May 2024");
  EXPECT_EQ(r.transaction_amount, "125.75");
  EXPECT_EQ(r.note, "goodwill");
}

TEST(LoanRequests, WaiveInterestFromBareChanges) {
  const auto r = bare_view<loan_waive_interest_request>(loan_result(
      R"({"transactionDate":"06 May 2024","transactionAmount":"125.75","locale":"en"})"));
  EXPECT_EQ(r.transaction_amount, "125.75");
}

TEST(LoanRequests, CloseFromAnEnvelopeAndBareChanges) {
  const auto r = envelope_view<loan_close_request>(
      R"({"transactionDate":"07 May 2024","note":"settled","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.transaction_date, "07 May 2024");
  EXPECT_EQ(r.note, "settled");
  const auto b = bare_view<loan_close_request>(loan_result(
      R"({"transactionDate":"07 May 2024","locale":"en","dateFormat":"dd MMMM yyyy"})"));
  EXPECT_EQ(b.transaction_date, "07 May 2024");
}

TEST(LoanRequests, ForeclosureFromAnEnvelopeAndBareChanges) {
  const auto r = envelope_view<loan_foreclosure_request>(
      R"({"transactionDate":"08 May 2024","note":"paid early","externalId":123,"locale":"en"})");
  EXPECT_EQ(r.transaction_date, "08 May 2024");
  EXPECT_EQ(r.external_id, "123");
  const auto b = bare_view<loan_foreclosure_request>(
      R"({"loanId":5,"resourceId":5,"changes":{"dateFormat":"dd MMMM yyyy","transactionDate":"08 May 2024"}})");
  EXPECT_EQ(b.transaction_date, "08 May 2024");
  EXPECT_EQ(b.date_format, "dd MMMM yyyy");
}

TEST(LoanRequests, AdjustFromAnEnvelope) {
  const auto r = envelope_view<loan_adjust_request>(
      R"({"transactionDate":"09 May 2024","transactionAmount":0.0,"reversalExternalId":"REV-7",)"
      R"("paymentTypeId":1.0,"note":"typo","locale":"en"})");
  EXPECT_EQ(r.transaction_amount, "0");
  EXPECT_EQ(r.reversal_external_id, "REV-7");
  EXPECT_EQ(r.payment_type_id, 1);
  EXPECT_EQ(r.note, "typo");
}

TEST(LoanRequests, AdjustFromBareChanges) {
  const auto r = bare_view<loan_adjust_request>(loan_result(
      R"({"transactionDate":"09 May 2024","transactionAmount":"450","locale":"en","externalId":"TX-1"})"));
  EXPECT_EQ(r.transaction_date, "09 May 2024");
  EXPECT_EQ(r.transaction_amount, "450");
  EXPECT_EQ(r.external_id, "TX-1");
}

TEST(LoanRequests, ChargeCreateFromAnEnvelope) {
  const auto r = envelope_view<loan_charge_create_request>(
      R"({"chargeId":"2","amount":150.5,"dueDate":"30 May 2024","externalId":"CH-1","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.charge_id, 2);
  EXPECT_EQ(r.amount, "150.5");
  EXPECT_EQ(r.due_date, "30 May 2024");
  EXPECT_EQ(r.external_id, "CH-1");
}

TEST(LoanRequests, ChargePayFromAnEnvelope) {
  const auto r = envelope_view<loan_charge_pay_request>(
      R"({"transactionDate":"31 May 2024","installmentNumber":"2","dueDate":"30 May 2024","locale":"en"})");
  EXPECT_EQ(r.transaction_date, "31 May 2024");
  EXPECT_EQ(r.installment_number, 2);
  EXPECT_EQ(r.due_date, "30 May 2024");
}

// Loan charges answer without `changes`.
TEST(LoanRequests, ChargeBareResultsGiveEmptyViews) {
  const std::string result =
      R"({"commandId":3,"officeId":1,"clientId":1,"loanId":5,"resourceId":9})";
  EXPECT_FALSE(bare_view<loan_charge_create_request>(result).charge_id.has_value());
  EXPECT_FALSE(bare_view<loan_charge_pay_request>(result).transaction_date.has_value());
}

TEST(LoanRequests, RepaymentNowReadsItsExternalIdAndBankDetails) {
  const auto r = envelope_view<loan_repayment_request>(
      R"({"transactionAmount":"500.00","externalId":"MPESA-QX1","bankNumber":"0123","routingCode":"R1"})");
  EXPECT_EQ(r.external_id, "MPESA-QX1");
  EXPECT_EQ(r.bank_number, "0123");
  EXPECT_EQ(r.routing_code, "R1");
}

TEST(LoanRequests, EachViewNamesItsCatalogPair) {
  EXPECT_EQ(loan_reject_request::pair.action, "REJECT");
  EXPECT_EQ(loan_withdraw_request::pair.action, "WITHDRAW");
  EXPECT_EQ(loan_undo_approval_request::pair.action, "APPROVALUNDO");
  EXPECT_EQ(loan_undo_disbursal_request::pair.action, "DISBURSALUNDO");
  EXPECT_EQ(loan_writeoff_request::pair.action, "WRITEOFF");
  EXPECT_EQ(loan_recovery_payment_request::pair.action, "RECOVERYPAYMENT");
  EXPECT_EQ(loan_waive_interest_request::pair.action, "WAIVEINTERESTPORTION");
  EXPECT_EQ(loan_close_request::pair.action, "CLOSE");
  EXPECT_EQ(loan_foreclosure_request::pair.action, "FORECLOSURE");
  EXPECT_EQ(loan_adjust_request::pair.action, "ADJUST");
  EXPECT_EQ(loan_charge_create_request::pair.entity, "LOANCHARGE");
  EXPECT_EQ(loan_charge_pay_request::pair.action, "PAY");
}

}  // namespace
}  // namespace mifos::hooks
