// requests_savings.cpp: the readers of the savings account request views.
#include "mifos/hooks/requests_savings.hpp"

#include "request_fields.hpp"

namespace mifos::hooks {

using detail::read_bool;
using detail::read_dates;
using detail::read_decimal;
using detail::read_text;

void from_json(const nlohmann::json& j, savings_charge_pay_request& r) {
  read_dates(j, r);
  r.amount = read_decimal(j, "amount");
  r.due_date = read_text(j, "dueDate");
}

void from_json(const nlohmann::json& j, savings_close_request& r) {
  read_dates(j, r);
  detail::read_payment_detail(j, r);
  r.closed_on_date = read_text(j, "closedOnDate");
  r.note = read_text(j, "note");
  r.withdraw_balance = read_bool(j, "withdrawBalance");
  r.post_interest_validation_on_closure = read_bool(j, "postInterestValidationOnClosure");
}

void from_json(const nlohmann::json& j, savings_block_request& r) {
  r.reason_for_block = read_text(j, "reasonForBlock");
}

void from_json(const nlohmann::json& j, savings_post_interest_request& r) {
  read_dates(j, r);
  r.transaction_date = read_text(j, "transactionDate");
  r.is_post_interest_as_on = read_bool(j, "isPostInterestAsOn");
}

void from_json(const nlohmann::json& j, savings_hold_amount_request& r) {
  read_dates(j, r);
  r.transaction_date = read_text(j, "transactionDate");
  r.transaction_amount = read_decimal(j, "transactionAmount");
  r.reason_for_block = read_text(j, "reasonForBlock");
  r.lien_allowed = read_bool(j, "lienAllowed");
}

void from_json(const nlohmann::json& j, savings_undo_transaction_request& r) {
  read_dates(j, r);
  r.transaction_date = read_text(j, "transactionDate");
  r.transaction_amount = read_decimal(j, "transactionAmount");
}

}  // namespace mifos::hooks
