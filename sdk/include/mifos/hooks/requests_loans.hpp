// requests_loans.hpp: typed views of loan and loan charge requests (LoanApiConstants and the
// loan validators' parameter sets). Include mifos/hooks/requests.hpp rather than this file.
#pragma once

#include "mifos/hooks/requests_common.hpp"

namespace mifos::hooks {

struct loan_create_request : dated_request {
  static constexpr event_pair pair = pairs::LOAN_CREATE;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> product_id;
  std::optional<std::string> loan_type;  // "individual", "group", "jlg"
  std::optional<std::string> principal;
  std::optional<std::int64_t> loan_term_frequency;
  std::optional<std::int64_t> number_of_repayments;
  std::optional<std::string> interest_rate_per_period;
  std::optional<std::string> expected_disbursement_date;
  std::optional<std::string> submitted_on_date;
  std::optional<std::string> external_id;
};

struct loan_approve_request : dated_request {
  static constexpr event_pair pair = pairs::LOAN_APPROVE;
  std::optional<std::string> approved_on_date;
  std::optional<std::string> approved_loan_amount;
  std::optional<std::string> expected_disbursement_date;
  std::optional<std::string> note;
};

struct loan_disburse_request : dated_request {
  static constexpr event_pair pair = pairs::LOAN_DISBURSE;
  std::optional<std::string> actual_disbursement_date;
  std::optional<std::string> transaction_amount;
  std::optional<std::int64_t> payment_type_id;
  std::optional<std::string> note;
};

struct loan_reject_request : dated_request {
  static constexpr event_pair pair = pairs::LOAN_REJECT;
  std::optional<std::string> rejected_on_date;
  std::optional<std::string> note;
};

struct loan_withdraw_request : dated_request {
  static constexpr event_pair pair = pairs::LOAN_WITHDRAW;
  std::optional<std::string> withdrawn_on_date;
  std::optional<std::string> note;
};

// Undoing an approval or a disbursal takes only a note, which Fineract keeps as a loan note
// and does not echo in `changes` (those hold the new status).
struct loan_note_request {
  std::optional<std::string> note;
};

struct loan_undo_approval_request : loan_note_request {
  static constexpr event_pair pair = pairs::LOAN_APPROVALUNDO;
};
struct loan_undo_disbursal_request : loan_note_request {
  static constexpr event_pair pair = pairs::LOAN_DISBURSALUNDO;
};

// A money movement on a loan: the transaction shape plus the transaction's external id.
struct loan_transaction_request : transaction_request {
  std::optional<std::string> external_id;
};

struct loan_repayment_request : loan_transaction_request {
  static constexpr event_pair pair = pairs::LOAN_REPAYMENT;
};
struct loan_recovery_payment_request : loan_transaction_request {
  static constexpr event_pair pair = pairs::LOAN_RECOVERYPAYMENT;
};
struct loan_waive_interest_request : loan_transaction_request {
  static constexpr event_pair pair = pairs::LOAN_WAIVEINTERESTPORTION;
};

// POST /loans/{id}/transactions/{tid}: the transaction's new amount and date (amount 0
// reverses it).
struct loan_adjust_request : loan_transaction_request {
  static constexpr event_pair pair = pairs::LOAN_ADJUST;
  std::optional<std::string> reversal_external_id;
};

// Write-off, close and foreclosure: a dated transaction without an amount.
struct loan_dated_transaction_request : dated_request {
  std::optional<std::string> transaction_date;
  std::optional<std::string> note;
  std::optional<std::string> external_id;
};

struct loan_writeoff_request : loan_dated_transaction_request {
  static constexpr event_pair pair = pairs::LOAN_WRITEOFF;
  std::optional<std::int64_t> writeoff_reason_id;  // a WriteOffReasons code value
};
struct loan_close_request : loan_dated_transaction_request {
  static constexpr event_pair pair = pairs::LOAN_CLOSE;
};
struct loan_foreclosure_request : loan_dated_transaction_request {
  static constexpr event_pair pair = pairs::LOAN_FORECLOSURE;
};

// POST /loans/{id}/charges.
struct loan_charge_create_request : dated_request {
  static constexpr event_pair pair = pairs::LOANCHARGE_CREATE;
  std::optional<std::int64_t> charge_id;
  std::optional<std::string> amount;
  std::optional<std::string> due_date;
  std::optional<std::string> external_id;
};

// POST /loans/{id}/charges/{chargeId}?command=pay: the amount is the charge's, not sent.
struct loan_charge_pay_request : dated_request {
  static constexpr event_pair pair = pairs::LOANCHARGE_PAY;
  std::optional<std::string> transaction_date;
  std::optional<std::string> due_date;
  std::optional<std::int64_t> installment_number;
  std::optional<std::string> external_id;
};

void from_json(const nlohmann::json& j, loan_create_request& r);
void from_json(const nlohmann::json& j, loan_approve_request& r);
void from_json(const nlohmann::json& j, loan_disburse_request& r);
void from_json(const nlohmann::json& j, loan_reject_request& r);
void from_json(const nlohmann::json& j, loan_withdraw_request& r);
void from_json(const nlohmann::json& j, loan_note_request& r);
void from_json(const nlohmann::json& j, loan_transaction_request& r);
void from_json(const nlohmann::json& j, loan_adjust_request& r);
void from_json(const nlohmann::json& j, loan_dated_transaction_request& r);
void from_json(const nlohmann::json& j, loan_writeoff_request& r);
void from_json(const nlohmann::json& j, loan_charge_create_request& r);
void from_json(const nlohmann::json& j, loan_charge_pay_request& r);

}  // namespace mifos::hooks
