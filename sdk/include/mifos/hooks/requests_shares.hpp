// requests_shares.hpp: typed views of share account requests (ShareAccountApiConstants).
// Include mifos/hooks/requests.hpp rather than this file.
#pragma once

#include <vector>

#include "mifos/hooks/requests_common.hpp"

namespace mifos::hooks {

// A charge named on a share account application.
struct share_account_charge {
  std::optional<std::int64_t> charge_id;
  std::optional<std::string> amount;
};

// POST /accounts/share. Period types are Fineract's: 0 days, 1 weeks, 2 months, 3 years.
// The result has no `changes`, so the view comes from the envelope's request only.
struct share_account_create_request : dated_request {
  static constexpr event_pair pair = pairs::SHAREACCOUNT_CREATE;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> product_id;
  std::optional<std::int64_t> savings_account_id;  // the client's active savings account
  std::optional<std::int64_t> requested_shares;
  std::optional<std::string> submitted_date;
  std::optional<std::string> application_date;
  std::optional<std::string> external_id;
  std::optional<std::int64_t> lockin_period_frequency;
  std::optional<std::int64_t> lockin_period_frequency_type;
  std::optional<std::int64_t> minimum_active_period;
  std::optional<std::int64_t> minimum_active_period_frequency_type;
  std::optional<bool> allow_dividend_calculation_for_inactive_clients;
  std::vector<share_account_charge> charges;
};

// POST /accounts/share/{id}?command=applyadditionalshares: a purchase that waits for approval.
// Its `changes` hold only the new request's id (`additionalshares`).
struct share_account_apply_additional_shares_request : dated_request {
  static constexpr event_pair pair = pairs::SHAREACCOUNT_APPLYADDITIONALSHARES;
  std::optional<std::string> requested_date;
  std::optional<std::int64_t> requested_shares;
  std::optional<std::string> unit_price;
};

void from_json(const nlohmann::json& j, share_account_create_request& r);
void from_json(const nlohmann::json& j, share_account_apply_additional_shares_request& r);

}  // namespace mifos::hooks
