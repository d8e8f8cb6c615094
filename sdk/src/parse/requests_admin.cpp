// requests_admin.cpp: the readers of the journal entry, user and staff views.
#include "mifos/hooks/requests_admin.hpp"

#include "request_fields.hpp"

namespace mifos::hooks {
namespace {

using detail::read_bool;
using detail::read_dates;
using detail::read_decimal;
using detail::read_id;
using detail::read_text;

journal_entry_line read_line(const nlohmann::json& item) {
  return {read_id(item, "glAccountId"), read_decimal(item, "amount")};
}

}  // namespace

void from_json(const nlohmann::json& j, journal_entry_request& r) {
  read_dates(j, r);
  r.office_id = read_id(j, "officeId");
  r.transaction_date = read_text(j, "transactionDate");
  r.currency_code = read_text(j, "currencyCode");
  r.comments = read_text(j, "comments");
  r.reference_number = read_text(j, "referenceNumber");
  r.amount = read_decimal(j, "amount");
  r.credits = detail::read_objects<journal_entry_line>(j, "credits", read_line);
  r.debits = detail::read_objects<journal_entry_line>(j, "debits", read_line);
}

void from_json(const nlohmann::json& j, user_create_request& r) {
  r.username = read_text(j, "username");
  r.firstname = read_text(j, "firstname");
  r.lastname = read_text(j, "lastname");
  r.email = read_text(j, "email");
  r.office_id = read_id(j, "officeId");
  r.staff_id = read_id(j, "staffId");
  r.roles = detail::read_ids(j, "roles");
  r.clients = detail::read_ids(j, "clients");
  r.send_password_to_email = read_bool(j, "sendPasswordToEmail");
  r.password_never_expires = read_bool(j, "passwordNeverExpires");
  r.is_self_service_user = read_bool(j, "isSelfServiceUser");
}

void from_json(const nlohmann::json& j, staff_create_request& r) {
  read_dates(j, r);
  r.office_id = read_id(j, "officeId");
  r.firstname = read_text(j, "firstname");
  r.lastname = read_text(j, "lastname");
  r.external_id = read_text(j, "externalId");
  r.mobile_no = read_text(j, "mobileNo");
  r.is_loan_officer = read_bool(j, "isLoanOfficer");
  r.is_active = read_bool(j, "isActive");
  r.joining_date = read_text(j, "joiningDate");
}

}  // namespace mifos::hooks
