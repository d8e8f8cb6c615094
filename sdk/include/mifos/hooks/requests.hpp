// requests.hpp: typed views of the request that caused the commonest hook events.
//
// In the envelope era (Fineract >= 1.5) the API caller's request arrives in `request`, with every
// number turned into a double; in the bare-result era only `changes` carries (some of) it. Each
// view reads whichever the event has, and every field is optional because callers send
// different subsets. Amounts are kept as decimal text ("500.00", or "10000000" for 1.0E7): money
// never goes through a binary double.
//
//   if (e.entity == "LOAN" && e.action == "REPAYMENT") {
//     auto req = mifos::hooks::read_request<mifos::hooks::loan_repayment_request>(e);
//     if (req.transaction_amount) charge(*req.transaction_amount);
//   }
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mifos/hooks/catalog.hpp"

namespace mifos::hooks {

struct event;

// Fields every dated Fineract request carries.
struct dated_request {
  std::optional<std::string> date_format;  // e.g. "dd MMMM yyyy"
  std::optional<std::string> locale;       // e.g. "en"
};

struct client_create_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_CREATE;
  std::optional<std::int64_t> office_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> legal_form_id;
  std::optional<std::int64_t> savings_product_id;
  std::optional<std::string> firstname;
  std::optional<std::string> middlename;
  std::optional<std::string> lastname;
  std::optional<std::string> fullname;
  std::optional<std::string> mobile_no;
  std::optional<std::string> external_id;
  std::optional<bool> active;
  std::optional<std::string> activation_date;
  std::optional<std::string> submitted_on_date;
};

struct client_activate_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_ACTIVATE;
  std::optional<std::string> activation_date;
};

struct loan_create_request : dated_request {
  static constexpr event_pair pair = pairs::LOAN_CREATE;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> product_id;
  std::optional<std::string> loan_type;  // "individual", "group", "jlg"
  std::optional<std::string> principal;
  std::optional<std::int64_t> loan_term_frequency;
  std::optional<std::int64_t> number_of_repayments;
  std::optional<std::string> interest_rate_per_period;
  std::optional<std::string> expected_disbursement_date;
  std::optional<std::string> submitted_on_date;
  std::optional<std::string> external_id;
};

struct loan_approve_request : dated_request {
  static constexpr event_pair pair = pairs::LOAN_APPROVE;
  std::optional<std::string> approved_on_date;
  std::optional<std::string> approved_loan_amount;
  std::optional<std::string> expected_disbursement_date;
  std::optional<std::string> note;
};

struct loan_disburse_request : dated_request {
  static constexpr event_pair pair = pairs::LOAN_DISBURSE;
  std::optional<std::string> actual_disbursement_date;
  std::optional<std::string> transaction_amount;
  std::optional<std::int64_t> payment_type_id;
  std::optional<std::string> note;
};

// Loan repayments and savings deposits and withdrawals share one shape.
struct transaction_request : dated_request {
  std::optional<std::string> transaction_date;
  std::optional<std::string> transaction_amount;
  std::optional<std::int64_t> payment_type_id;
  std::optional<std::string> account_number;
  std::optional<std::string> check_number;
  std::optional<std::string> receipt_number;
  std::optional<std::string> note;
};

struct loan_repayment_request : transaction_request {
  static constexpr event_pair pair = pairs::LOAN_REPAYMENT;
};
struct savings_deposit_request : transaction_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNT_DEPOSIT;
};
struct savings_withdrawal_request : transaction_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNT_WITHDRAWAL;
};

struct savings_charge_pay_request : dated_request {
  static constexpr event_pair pair = pairs::SAVINGSACCOUNTCHARGE_PAY;
  std::optional<std::string> amount;
  std::optional<std::string> due_date;
};

// Groups and centers are created with the same fields (a center is a group).
struct group_like_create_request : dated_request {
  std::optional<std::int64_t> office_id;
  std::optional<std::int64_t> staff_id;
  std::optional<std::int64_t> center_id;
  std::optional<std::string> name;
  std::optional<std::string> external_id;
  std::optional<bool> active;
  std::optional<std::string> activation_date;
  std::optional<std::string> submitted_on_date;
  std::vector<std::int64_t> members;  // clientMembers of a group, groupMembers of a center
};

struct group_create_request : group_like_create_request {
  static constexpr event_pair pair = pairs::GROUP_CREATE;
};
struct center_create_request : group_like_create_request {
  static constexpr event_pair pair = pairs::CENTER_CREATE;
};

struct journal_entry_line {
  std::optional<std::int64_t> gl_account_id;
  std::optional<std::string> amount;
};

struct journal_entry_request : dated_request {
  static constexpr event_pair pair = pairs::JOURNALENTRY_CREATE;
  std::optional<std::int64_t> office_id;
  std::optional<std::string> transaction_date;
  std::optional<std::string> currency_code;
  std::optional<std::string> comments;
  std::optional<std::string> reference_number;
  std::optional<std::string> amount;
  std::vector<journal_entry_line> credits;
  std::vector<journal_entry_line> debits;
};

// nlohmann/json style readers: tolerant of missing keys, numbers as doubles or strings, and
// wrong types (a field of the wrong type is left empty). They never throw.
void from_json(const nlohmann::json& j, client_create_request& r);
void from_json(const nlohmann::json& j, client_activate_request& r);
void from_json(const nlohmann::json& j, loan_create_request& r);
void from_json(const nlohmann::json& j, loan_approve_request& r);
void from_json(const nlohmann::json& j, loan_disburse_request& r);
void from_json(const nlohmann::json& j, transaction_request& r);
void from_json(const nlohmann::json& j, savings_charge_pay_request& r);
void from_json(const nlohmann::json& j, group_like_create_request& r);
void from_json(const nlohmann::json& j, journal_entry_request& r);

// The request object a view is read from: the envelope's `request` when it is a non-empty
// object, else the command result's `changes`.
const nlohmann::json& request_source(const event& e);

// Reads view `View` from an event. Whatever the event holds, this returns a view (fields
// the event lacks stay empty) and never throws.
template <typename View>
View read_request(const event& e) {
  View view;
  from_json(request_source(e), view);
  return view;
}

}  // namespace mifos::hooks
