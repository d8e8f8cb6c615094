#include "mifos/hooks/requests.hpp"

#include "json_values.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

using detail::read_bool;
using detail::read_decimal;
using detail::read_id;
using detail::read_text;

void read_dates(const nlohmann::json& j, dated_request& r) {
  r.date_format = read_text(j, "dateFormat");
  r.locale = read_text(j, "locale");
}

std::vector<std::int64_t> read_ids(const nlohmann::json& j, std::string_view key) {
  std::vector<std::int64_t> ids;
  const auto* list = detail::member(j, key);
  if (list == nullptr || !list->is_array()) return ids;
  for (const auto& item : *list)
    if (auto id = detail::to_id(item)) ids.push_back(*id);
  return ids;
}

std::vector<journal_entry_line> read_lines(const nlohmann::json& j, std::string_view key) {
  std::vector<journal_entry_line> lines;
  const auto* list = detail::member(j, key);
  if (list == nullptr || !list->is_array()) return lines;
  for (const auto& item : *list) {
    if (!item.is_object()) continue;
    lines.push_back({read_id(item, "glAccountId"), read_decimal(item, "amount")});
  }
  return lines;
}

}  // namespace

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

void from_json(const nlohmann::json& j, loan_create_request& r) {
  read_dates(j, r);
  r.client_id = read_id(j, "clientId");
  r.group_id = read_id(j, "groupId");
  r.product_id = read_id(j, "productId");
  r.loan_type = read_text(j, "loanType");
  r.principal = read_decimal(j, "principal");
  r.loan_term_frequency = read_id(j, "loanTermFrequency");
  r.number_of_repayments = read_id(j, "numberOfRepayments");
  r.interest_rate_per_period = read_decimal(j, "interestRatePerPeriod");
  r.expected_disbursement_date = read_text(j, "expectedDisbursementDate");
  r.submitted_on_date = read_text(j, "submittedOnDate");
  r.external_id = read_text(j, "externalId");
}

void from_json(const nlohmann::json& j, loan_approve_request& r) {
  read_dates(j, r);
  r.approved_on_date = read_text(j, "approvedOnDate");
  r.approved_loan_amount = read_decimal(j, "approvedLoanAmount");
  r.expected_disbursement_date = read_text(j, "expectedDisbursementDate");
  r.note = read_text(j, "note");
}

void from_json(const nlohmann::json& j, loan_disburse_request& r) {
  read_dates(j, r);
  r.actual_disbursement_date = read_text(j, "actualDisbursementDate");
  r.transaction_amount = read_decimal(j, "transactionAmount");
  r.payment_type_id = read_id(j, "paymentTypeId");
  r.note = read_text(j, "note");
}

void from_json(const nlohmann::json& j, transaction_request& r) {
  read_dates(j, r);
  r.transaction_date = read_text(j, "transactionDate");
  r.transaction_amount = read_decimal(j, "transactionAmount");
  r.payment_type_id = read_id(j, "paymentTypeId");
  r.account_number = read_text(j, "accountNumber");
  r.check_number = read_text(j, "checkNumber");
  r.receipt_number = read_text(j, "receiptNumber");
  r.note = read_text(j, "note");
}

void from_json(const nlohmann::json& j, savings_charge_pay_request& r) {
  read_dates(j, r);
  r.amount = read_decimal(j, "amount");
  r.due_date = read_text(j, "dueDate");
}

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
  r.members = read_ids(j, "clientMembers");
  if (r.members.empty()) r.members = read_ids(j, "groupMembers");
}

void from_json(const nlohmann::json& j, journal_entry_request& r) {
  read_dates(j, r);
  r.office_id = read_id(j, "officeId");
  r.transaction_date = read_text(j, "transactionDate");
  r.currency_code = read_text(j, "currencyCode");
  r.comments = read_text(j, "comments");
  r.reference_number = read_text(j, "referenceNumber");
  r.amount = read_decimal(j, "amount");
  r.credits = read_lines(j, "credits");
  r.debits = read_lines(j, "debits");
}

const nlohmann::json& request_source(const event& e) {
  const nlohmann::json& request = e.request();
  if (request.is_object() && !request.empty()) return request;
  return e.changes();
}

}  // namespace mifos::hooks
