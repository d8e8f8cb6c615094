// requests_clients.cpp: the readers of the client request views.
#include "mifos/hooks/requests_clients.hpp"

#include "request_fields.hpp"

namespace mifos::hooks {

using detail::read_bool;
using detail::read_dates;
using detail::read_id;
using detail::read_text;

void from_json(const nlohmann::json& j, client_create_request& r) {
  read_dates(j, r);
  r.office_id = read_id(j, "officeId");
  r.group_id = read_id(j, "groupId");
  r.legal_form_id = read_id(j, "legalFormId");
  r.savings_product_id = read_id(j, "savingsProductId");
  r.firstname = read_text(j, "firstname");
  r.middlename = read_text(j, "middlename");
  r.lastname = read_text(j, "lastname");
  r.fullname = read_text(j, "fullname");
  r.mobile_no = read_text(j, "mobileNo");
  r.external_id = read_text(j, "externalId");
  r.active = read_bool(j, "active");
  r.activation_date = read_text(j, "activationDate");
  r.submitted_on_date = read_text(j, "submittedOnDate");
}

void from_json(const nlohmann::json& j, client_activate_request& r) {
  read_dates(j, r);
  r.activation_date = read_text(j, "activationDate");
}

void from_json(const nlohmann::json& j, client_update_request& r) {
  read_dates(j, r);
  r.account_no = read_text(j, "accountNo");
  r.external_id = read_text(j, "externalId");
  r.firstname = read_text(j, "firstname");
  r.middlename = read_text(j, "middlename");
  r.lastname = read_text(j, "lastname");
  r.fullname = read_text(j, "fullname");
  r.displayname = read_text(j, "displayname");
  r.mobile_no = read_text(j, "mobileNo");
  r.email_address = read_text(j, "emailAddress");
  r.staff_id = read_id(j, "staffId");
  r.savings_product_id = read_id(j, "savingsProductId");
  r.gender_id = read_id(j, "genderId");
  r.client_type_id = read_id(j, "clientTypeId");
  r.client_classification_id = read_id(j, "clientClassificationId");
  r.legal_form_id = detail::read_id_or_option(j, "legalFormId");
  r.is_staff = read_bool(j, "isStaff");
  r.active = read_bool(j, "active");
  r.activation_date = read_text(j, "activationDate");
  r.submitted_on_date = read_text(j, "submittedOnDate");
  r.date_of_birth = read_text(j, "dateOfBirth");
}

void from_json(const nlohmann::json& j, client_close_request& r) {
  read_dates(j, r);
  r.closure_date = read_text(j, "closureDate");
  r.closure_reason_id = read_id(j, "closureReasonId");
}

void from_json(const nlohmann::json& j, client_reject_request& r) {
  read_dates(j, r);
  r.rejection_date = read_text(j, "rejectionDate");
  r.rejection_reason_id = read_id(j, "rejectionReasonId");
}

void from_json(const nlohmann::json& j, client_withdraw_request& r) {
  read_dates(j, r);
  r.withdrawal_date = read_text(j, "withdrawalDate");
  r.withdrawal_reason_id = read_id(j, "withdrawalReasonId");
}

void from_json(const nlohmann::json& j, client_reactivate_request& r) {
  read_dates(j, r);
  r.reactivation_date = read_text(j, "reactivationDate");
}

void from_json(const nlohmann::json& j, client_propose_transfer_request& r) {
  read_dates(j, r);
  r.destination_office_id = read_id(j, "destinationOfficeId");
  r.transfer_date = read_text(j, "transferDate");
  r.transfer_active_loans = read_bool(j, "transferActiveLoans");
  r.note = read_text(j, "note");
}

void from_json(const nlohmann::json& j, client_accept_transfer_request& r) {
  r.staff_id = read_id(j, "staffId");
  r.destination_group_id = read_id(j, "destinationGroupId");
  r.note = read_text(j, "note");
}

void from_json(const nlohmann::json& j, client_assign_staff_request& r) {
  r.staff_id = read_id(j, "staffId");
}

}  // namespace mifos::hooks
