// requests_deposits.hpp: typed views of fixed and recurring deposit requests (DepositsApiConstants
// and DepositAccountDataValidator / DepositAccountTransactionDataValidator). Include
// mifos/hooks/requests.hpp rather than this file.
#pragma once

#include "mifos/hooks/requests_common.hpp"

namespace mifos::hooks {

// POST /fixeddepositaccounts: the application. The deposit is taken at activation.
struct fixed_deposit_create_request : dated_request {
  static constexpr event_pair pair = pairs::FIXEDDEPOSITACCOUNT_CREATE;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> product_id;
  std::optional<std::int64_t> field_officer_id;
  std::optional<std::string> submitted_on_date;
  std::optional<std::string> external_id;
  std::optional<std::string> deposit_amount;
  std::optional<std::int64_t> deposit_period;
  // SavingsPeriodFrequencyType: 0 days, 1 weeks, 2 months, 3 years.
  std::optional<std::int64_t> deposit_period_frequency_id;
  std::optional<std::string> nominal_annual_interest_rate;
  // The savings account the deposit is paid from (linkAccountId) and where interest goes.
  std::optional<std::int64_t> link_account_id;
  std::optional<bool> transfer_interest_to_savings;
  // What happens at maturity (DepositAccountOnClosureType: 100 withdraw, 200 transfer to
  // transferToSavingsId, 300/400 reinvest).
  std::optional<std::int64_t> maturity_instruction_id;
  std::optional<std::int64_t> transfer_to_savings_id;
};

// POST /recurringdepositaccounts/{id}/transactions?command=deposit: an installment.
struct recurring_deposit_deposit_request : transaction_request {
  static constexpr event_pair pair = pairs::RECURRINGDEPOSITACCOUNT_DEPOSIT;
};

// POST /fixeddepositaccounts/{id}?command=prematureClose: closing before maturity, the money
// withdrawn (onAccountClosureId 100, with the payment details) or transferred to the savings
// account toSavingsAccountId (200).
struct fixed_deposit_premature_close_request : dated_request, payment_detail {
  static constexpr event_pair pair = pairs::FIXEDDEPOSITACCOUNT_PREMATURECLOSE;
  std::optional<std::string> closed_on_date;
  std::optional<std::int64_t> on_account_closure_id;
  std::optional<std::int64_t> to_savings_account_id;
  std::optional<std::string> transfer_description;
  std::optional<std::string> note;
};

void from_json(const nlohmann::json& j, fixed_deposit_create_request& r);
void from_json(const nlohmann::json& j, fixed_deposit_premature_close_request& r);

}  // namespace mifos::hooks
