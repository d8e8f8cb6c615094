// requests_transfers.cpp: the readers of the account transfer and standing instruction views.
#include "mifos/hooks/requests_transfers.hpp"

#include "request_fields.hpp"

namespace mifos::hooks {
namespace {

using detail::read_decimal;
using detail::read_id;
using detail::read_text;

void read_accounts(const nlohmann::json& j, transfer_accounts& r) {
  detail::read_dates(j, r);
  r.from_office_id = read_id(j, "fromOfficeId");
  r.from_client_id = read_id(j, "fromClientId");
  r.from_account_type = read_id(j, "fromAccountType");
  r.from_account_id = read_id(j, "fromAccountId");
  r.to_office_id = read_id(j, "toOfficeId");
  r.to_client_id = read_id(j, "toClientId");
  r.to_account_type = read_id(j, "toAccountType");
  r.to_account_id = read_id(j, "toAccountId");
}

}  // namespace

void from_json(const nlohmann::json& j, account_transfer_create_request& r) {
  read_accounts(j, r);
  r.transfer_date = read_text(j, "transferDate");
  r.transfer_amount = read_decimal(j, "transferAmount");
  r.transfer_description = read_text(j, "transferDescription");
}

void from_json(const nlohmann::json& j, standing_instruction_create_request& r) {
  read_accounts(j, r);
  r.name = read_text(j, "name");
  r.transfer_type = read_id(j, "transferType");
  r.instruction_type = read_id(j, "instructionType");
  r.status = read_id(j, "status");
  r.priority = read_id(j, "priority");
  r.amount = read_decimal(j, "amount");
  r.valid_from = read_text(j, "validFrom");
  r.valid_till = read_text(j, "validTill");
  r.recurrence_type = read_id(j, "recurrenceType");
  r.recurrence_frequency = read_id(j, "recurrenceFrequency");
  r.recurrence_interval = read_id(j, "recurrenceInterval");
  r.recurrence_on_month_day = read_text(j, "recurrenceOnMonthDay");
  r.month_day_format = read_text(j, "monthDayFormat");
}

}  // namespace mifos::hooks
