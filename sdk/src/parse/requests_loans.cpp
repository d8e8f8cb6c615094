// requests_loans.cpp: the readers of the loan and loan charge request views.
#include "mifos/hooks/requests_loans.hpp"

#include "request_fields.hpp"

namespace mifos::hooks {

using detail::read_dates;
using detail::read_decimal;
using detail::read_id;
using detail::read_text;

void from_json(const nlohmann::json& j, loan_create_request& r) {
  read_dates(j, r);
  r.client_id = read_id(j, "clientId");
  r.group_id = read_id(j, "groupId");
  r.product_id = read_id(j, "productId");
  r.loan_type = read_text(j, "loanType");
  r.principal = read_decimal(j, "principal");
  r.loan_term_frequency = read_id(j, "loanTermFrequency");
  r.number_of_repayments = read_id(j, "numberOfRepayments");
  r.interest_rate_per_period = read_decimal(j, "interestRatePerPeriod");
  r.expected_disbursement_date = read_text(j, "expectedDisbursementDate");
  r.submitted_on_date = read_text(j, "submittedOnDate");
  r.external_id = read_text(j, "externalId");
}

void from_json(const nlohmann::json& j, loan_approve_request& r) {
  read_dates(j, r);
  r.approved_on_date = read_text(j, "approvedOnDate");
  r.approved_loan_amount = read_decimal(j, "approvedLoanAmount");
  r.expected_disbursement_date = read_text(j, "expectedDisbursementDate");
  r.note = read_text(j, "note");
}

void from_json(const nlohmann::json& j, loan_disburse_request& r) {
  read_dates(j, r);
  r.actual_disbursement_date = read_text(j, "actualDisbursementDate");
  r.transaction_amount = read_decimal(j, "transactionAmount");
  r.payment_type_id = read_id(j, "paymentTypeId");
  r.note = read_text(j, "note");
}

void from_json(const nlohmann::json& j, loan_reject_request& r) {
  read_dates(j, r);
  r.rejected_on_date = read_text(j, "rejectedOnDate");
  r.note = read_text(j, "note");
}

void from_json(const nlohmann::json& j, loan_withdraw_request& r) {
  read_dates(j, r);
  r.withdrawn_on_date = read_text(j, "withdrawnOnDate");
  r.note = read_text(j, "note");
}

void from_json(const nlohmann::json& j, loan_note_request& r) { r.note = read_text(j, "note"); }

void from_json(const nlohmann::json& j, loan_transaction_request& r) {
  from_json(j, static_cast<transaction_request&>(r));
  r.external_id = read_text(j, "externalId");
}

void from_json(const nlohmann::json& j, loan_adjust_request& r) {
  from_json(j, static_cast<loan_transaction_request&>(r));
  r.reversal_external_id = read_text(j, "reversalExternalId");
}

void from_json(const nlohmann::json& j, loan_dated_transaction_request& r) {
  read_dates(j, r);
  r.transaction_date = read_text(j, "transactionDate");
  r.note = read_text(j, "note");
  r.external_id = read_text(j, "externalId");
}

void from_json(const nlohmann::json& j, loan_writeoff_request& r) {
  from_json(j, static_cast<loan_dated_transaction_request&>(r));
  r.writeoff_reason_id = read_id(j, "writeoffReasonId");
}

void from_json(const nlohmann::json& j, loan_charge_create_request& r) {
  read_dates(j, r);
  r.charge_id = read_id(j, "chargeId");
  r.amount = read_decimal(j, "amount");
  r.due_date = read_text(j, "dueDate");
  r.external_id = read_text(j, "externalId");
}

void from_json(const nlohmann::json& j, loan_charge_pay_request& r) {
  read_dates(j, r);
  r.transaction_date = read_text(j, "transactionDate");
  r.due_date = read_text(j, "dueDate");
  r.installment_number = read_id(j, "installmentNumber");
  r.external_id = read_text(j, "externalId");
}

}  // namespace mifos::hooks
