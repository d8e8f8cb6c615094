// requests_groups.cpp: the readers of the group, center and collection sheet views.
#include "mifos/hooks/requests_groups.hpp"

#include "request_fields.hpp"

namespace mifos::hooks {
namespace {

using detail::read_bool;
using detail::read_dates;
using detail::read_decimal;
using detail::read_id;
using detail::read_text;

collection_sheet_repayment read_repayment(const nlohmann::json& item) {
  collection_sheet_repayment line;
  detail::read_payment_detail(item, line);
  line.loan_id = read_id(item, "loanId");
  line.transaction_amount = read_decimal(item, "transactionAmount");
  line.external_id = read_text(item, "externalId");
  return line;
}

collection_sheet_savings_due read_savings_due(const nlohmann::json& item) {
  collection_sheet_savings_due line;
  detail::read_payment_detail(item, line);
  line.savings_id = read_id(item, "savingsId");
  line.transaction_amount = read_decimal(item, "transactionAmount");
  line.deposit_account_type = read_id(item, "depositAccountType");
  return line;
}

}  // namespace

void from_json(const nlohmann::json& j, group_like_create_request& r) {
  read_dates(j, r);
  r.office_id = read_id(j, "officeId");
  r.staff_id = read_id(j, "staffId");
  r.center_id = read_id(j, "centerId");
  r.name = read_text(j, "name");
  r.external_id = read_text(j, "externalId");
  r.active = read_bool(j, "active");
  r.activation_date = read_text(j, "activationDate");
  r.submitted_on_date = read_text(j, "submittedOnDate");
  r.members = detail::read_ids(j, "clientMembers");
  if (r.members.empty()) r.members = detail::read_ids(j, "groupMembers");
}

void from_json(const nlohmann::json& j, center_save_collection_sheet_request& r) {
  read_dates(j, r);
  detail::read_payment_detail(j, r);
  r.transaction_date = read_text(j, "transactionDate");
  r.actual_disbursement_date = read_text(j, "actualDisbursementDate");
  r.calendar_id = read_id(j, "calendarId");
  r.note = read_text(j, "note");
  r.is_transaction_date_on_non_meeting_date = read_bool(j, "isTransactionDateOnNonMeetingDate");
  r.bulk_repayment_transactions = detail::read_objects<collection_sheet_repayment>(
      j, "bulkRepaymentTransactions", read_repayment);
  r.bulk_savings_due_transactions = detail::read_objects<collection_sheet_savings_due>(
      j, "bulkSavingsDueTransactions", read_savings_due);
}

}  // namespace mifos::hooks
