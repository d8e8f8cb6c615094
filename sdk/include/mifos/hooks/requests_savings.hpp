// requests_savings.hpp: typed views of savings account requests (SavingsApiConstants and the
// savings validators' parameter sets). Include mifos/hooks/requests.hpp rather than this file.
#pragma once

#include "mifos/hooks/requests_common.hpp"

namespace mifos::hooks {

struct savings_deposit_request : transaction_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNT_DEPOSIT;
};
struct savings_withdrawal_request : transaction_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNT_WITHDRAWAL;
};

struct savings_charge_pay_request : dated_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNTCHARGE_PAY;
  std::optional<std::string> amount;
  std::optional<std::string> due_date;
};

// Closing may withdraw the balance, with the payment details of that withdrawal.
struct savings_close_request : dated_request, payment_detail {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNT_CLOSE;
  std::optional<std::string> closed_on_date;
  std::optional<std::string> note;
  std::optional<bool> withdraw_balance;
  std::optional<bool> post_interest_validation_on_closure;
};

// Blocking takes no date. Fineract's `changes` hold only the new subStatus.
struct savings_block_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNT_BLOCK;
  std::optional<std::string> reason_for_block;
};

// Without isPostInterestAsOn, Fineract posts up to today and ignores transactionDate.
struct savings_post_interest_request : dated_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNT_POSTINTEREST;
  std::optional<std::string> transaction_date;
  std::optional<bool> is_post_interest_as_on;
};

// POST /savingsaccounts/{id}/transactions?command=holdAmount.
struct savings_hold_amount_request : dated_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNT_HOLDAMOUNT;
  std::optional<std::string> transaction_date;
  std::optional<std::string> transaction_amount;
  std::optional<std::string> reason_for_block;
  std::optional<bool> lien_allowed;
};

// POST /savingsaccounts/{id}/transactions/{tid}?command=undo. Fineract reads nothing from
// the body (the path names the transaction); clients that send the transaction's date and
// amount anyway find them here.
struct savings_undo_transaction_request : dated_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNT_UNDOTRANSACTION;
  std::optional<std::string> transaction_date;
  std::optional<std::string> transaction_amount;
};

void from_json(const nlohmann::json& j, savings_charge_pay_request& r);
void from_json(const nlohmann::json& j, savings_close_request& r);
void from_json(const nlohmann::json& j, savings_block_request& r);
void from_json(const nlohmann::json& j, savings_post_interest_request& r);
void from_json(const nlohmann::json& j, savings_hold_amount_request& r);
void from_json(const nlohmann::json& j, savings_undo_transaction_request& r);

}  // namespace mifos::hooks
