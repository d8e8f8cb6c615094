// requests_shares.cpp: the readers of the share account views.
#include "mifos/hooks/requests_shares.hpp"

#include "request_fields.hpp"

namespace mifos::hooks {
namespace {

using detail::read_decimal;
using detail::read_id;
using detail::read_text;

share_account_charge read_charge(const nlohmann::json& j) {
  return {read_id(j, "chargeId"), read_decimal(j, "amount")};
}

}  // namespace

void from_json(const nlohmann::json& j, share_account_create_request& r) {
  detail::read_dates(j, r);
  r.client_id = read_id(j, "clientId");
  r.product_id = read_id(j, "productId");
  r.savings_account_id = read_id(j, "savingsAccountId");
  r.requested_shares = read_id(j, "requestedShares");
  r.submitted_date = read_text(j, "submittedDate");
  r.application_date = read_text(j, "applicationDate");
  r.external_id = read_text(j, "externalId");
  r.lockin_period_frequency = read_id(j, "lockinPeriodFrequency");
  r.lockin_period_frequency_type = read_id(j, "lockinPeriodFrequencyType");
  r.minimum_active_period = read_id(j, "minimumActivePeriod");
  r.minimum_active_period_frequency_type = read_id(j, "minimumActivePeriodFrequencyType");
  r.allow_dividend_calculation_for_inactive_clients =
      detail::read_bool(j, "allowDividendCalculationForInactiveClients");
  r.charges = detail::read_objects<share_account_charge>(j, "charges", read_charge);
}

void from_json(const nlohmann::json& j, share_account_apply_additional_shares_request& r) {
  detail::read_dates(j, r);
  r.requested_date = read_text(j, "requestedDate");
  r.requested_shares = read_id(j, "requestedShares");
  r.unit_price = read_decimal(j, "unitPrice");
}

}  // namespace mifos::hooks
