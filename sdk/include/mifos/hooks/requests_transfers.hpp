// requests_transfers.hpp: typed views of account transfers and standing instructions
// (AccountDetailConstants, AccountTransfersApiConstants, StandingInstructionApiConstants).
// Include mifos/hooks/requests.hpp rather than this file.
#pragma once

#include "mifos/hooks/requests_common.hpp"

namespace mifos::hooks {

// Both ends of a transfer. Account types are Fineract's PortfolioAccountType: 1 loan,
// 2 savings.
struct transfer_accounts : dated_request {
  std::optional<std::int64_t> from_office_id;
  std::optional<std::int64_t> from_client_id;
  std::optional<std::int64_t> from_account_type;
  std::optional<std::int64_t> from_account_id;
  std::optional<std::int64_t> to_office_id;
  std::optional<std::int64_t> to_client_id;
  std::optional<std::int64_t> to_account_type;
  std::optional<std::int64_t> to_account_id;
};

struct account_transfer_create_request : transfer_accounts {
  static constexpr event_pair pair = pairs::ACCOUNTTRANSFER_CREATE;
  std::optional<std::string> transfer_date;
  std::optional<std::string> transfer_amount;
  std::optional<std::string> transfer_description;
};

// Codes as Fineract numbers them: transferType 1 account transfer, 2 loan repayment, 3 charge
// payment; instructionType 1 fixed, 2 dues; status 1 active, 2 disabled; priority 1 urgent to
// 4 low; recurrenceType 1 periodic, 2 as per dues; recurrenceFrequency 0 days to 3 years.
struct standing_instruction_create_request : transfer_accounts {
  static constexpr event_pair pair = pairs::STANDINGINSTRUCTION_CREATE;
  std::optional<std::string> name;
  std::optional<std::int64_t> transfer_type;
  std::optional<std::int64_t> instruction_type;
  std::optional<std::int64_t> status;
  std::optional<std::int64_t> priority;
  std::optional<std::string> amount;
  std::optional<std::string> valid_from;
  std::optional<std::string> valid_till;
  std::optional<std::int64_t> recurrence_type;
  std::optional<std::int64_t> recurrence_frequency;
  std::optional<std::int64_t> recurrence_interval;
  std::optional<std::string> recurrence_on_month_day;  // e.g. "10 October", in monthDayFormat
  std::optional<std::string> month_day_format;         // e.g. "dd MMMM"
};

void from_json(const nlohmann::json& j, account_transfer_create_request& r);
void from_json(const nlohmann::json& j, standing_instruction_create_request& r);

}  // namespace mifos::hooks
