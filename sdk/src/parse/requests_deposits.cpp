// requests_deposits.cpp: the readers of the fixed and recurring deposit request views.
#include "mifos/hooks/requests_deposits.hpp"

#include "request_fields.hpp"

namespace mifos::hooks {

using detail::read_bool;
using detail::read_dates;
using detail::read_decimal;
using detail::read_id;
using detail::read_text;

void from_json(const nlohmann::json& j, fixed_deposit_create_request& r) {
  read_dates(j, r);
  r.client_id = read_id(j, "clientId");
  r.group_id = read_id(j, "groupId");
  r.product_id = read_id(j, "productId");
  r.field_officer_id = read_id(j, "fieldOfficerId");
  r.submitted_on_date = read_text(j, "submittedOnDate");
  r.external_id = read_text(j, "externalId");
  r.deposit_amount = read_decimal(j, "depositAmount");
  r.deposit_period = read_id(j, "depositPeriod");
  r.deposit_period_frequency_id = read_id(j, "depositPeriodFrequencyId");
  r.nominal_annual_interest_rate = read_decimal(j, "nominalAnnualInterestRate");
  r.link_account_id = read_id(j, "linkAccountId");
  r.transfer_interest_to_savings = read_bool(j, "transferInterestToSavings");
  r.maturity_instruction_id = read_id(j, "maturityInstructionId");
  r.transfer_to_savings_id = read_id(j, "transferToSavingsId");
}

void from_json(const nlohmann::json& j, fixed_deposit_premature_close_request& r) {
  read_dates(j, r);
  detail::read_payment_detail(j, r);
  r.closed_on_date = read_text(j, "closedOnDate");
  r.on_account_closure_id = read_id(j, "onAccountClosureId");
  r.to_savings_account_id = read_id(j, "toSavingsAccountId");
  r.transfer_description = read_text(j, "transferDescription");
  r.note = read_text(j, "note");
}

}  // namespace mifos::hooks
