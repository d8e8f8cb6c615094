// state.hpp: what the mock's portfolio holds (offices, clients, groups, products, loans, savings
// accounts, journal entries, staff, client identifiers), the id sequences, and the lookups with
// Fineract's 404s.
//
//   state s = seeded_state();                 // office 1, loan product 1, savings product 1, ...
//   if (client* c = s.find_client(7)) ...     // else: return client_not_found(7);
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/api_error.hpp"
#include "request/dates.hpp"
#include "request/money.hpp"

namespace mifos::mock::detail {

using entity_id = std::int64_t;

// Ids of one kind count up from 1, as a fresh Fineract database's auto-increment columns do.
struct id_sequence {
  entity_id next = 1;
  entity_id take() { return next++; }
};

struct office {
  entity_id id = 0;
  std::string name;
  std::optional<entity_id> parent_id;
  local_date opening_date;
  std::optional<std::string> external_id;
  std::string hierarchy;  // "." for the head office, ".2." for office 2 under it
};

// A member of staff (a loan officer when loan_officer): clients, groups and loans name one.
// Fineract seeds none; neither does the mock.
struct staff_member {
  entity_id id = 0;
  entity_id office_id = 1;
  std::string firstname, lastname;
  std::optional<std::string> external_id, mobile_no;
  bool loan_officer = false;
  bool active = true;
  std::optional<local_date> joining_date;

  // Fineract's Staff.deriveDisplayName: "lastname, firstname".
  std::string display_name() const {
    return firstname.empty() ? lastname : lastname + ", " + firstname;
  }
};

// Fineract's ClientStatus.
enum class client_status {
  pending = 100,
  active = 300,
  transfer_in_progress = 303,
  transfer_on_hold = 304,
  closed = 600,
  rejected = 700,
  withdrawn = 800
};

struct client {
  entity_id id = 0;
  entity_id office_id = 1;
  std::optional<entity_id> group_id;
  std::string firstname, lastname, fullname;  // fullname for clients created with it
  std::optional<std::string> mobile_no, external_id, email_address;
  client_status status = client_status::pending;
  std::optional<local_date> activation_date, submitted_on_date;
  std::optional<entity_id> savings_id;  // the default account from savingsProductId
  std::optional<entity_id> staff_id;
  // Set while a transfer is proposed (303): the office it goes to, and the proposed date.
  std::optional<entity_id> transfer_to_office_id;
  std::optional<local_date> proposed_transfer_date;
  // The last close, rejection and withdrawal, each with its reason (a code value id).
  std::optional<local_date> closure_date, rejection_date, withdrawal_date;
  std::optional<entity_id> closure_reason_id, rejection_reason_id, withdrawal_reason_id;
  std::optional<local_date> reactivation_date, reopened_date;

  bool is_active() const { return status == client_status::active; }
  bool under_transfer() const {
    return status == client_status::transfer_in_progress ||
           status == client_status::transfer_on_hold;
  }
  std::string display_name() const {
    return fullname.empty() ? firstname + " " + lastname : fullname;
  }
};

// A client's identity document (POST /clients/{id}/identifiers). The document type is a code
// value id of the code "Customer Identifier", taken as given.
struct client_identifier {
  entity_id id = 0;
  entity_id client_id = 0;
  entity_id document_type_id = 0;
  std::string document_key;
  std::optional<std::string> description;
  bool active = true;  // status ACTIVE (200) or INACTIVE (100)
};

// A group, or a center (a group one level up); both take ids from one sequence.
struct group {
  entity_id id = 0;
  entity_id office_id = 1;
  bool is_center = false;
  std::string name;
  bool active = false;
  std::optional<local_date> activation_date;
  std::optional<entity_id> center_id;
  std::optional<std::string> external_id;
  std::vector<entity_id> client_members;
};

struct loan_product {
  entity_id id = 0;
  std::string name, currency;
  cents principal = 0;
  int number_of_repayments = 12;
  double annual_interest_rate = 24.0;
};

struct savings_product {
  entity_id id = 0;
  std::string name, currency;
};

struct charge_definition {
  entity_id id = 0;
  std::string name, currency;
  cents amount = 0;
  int applies_to = 2;  // chargeAppliesTo: 1 loan, 2 savings, 3 client
};

enum class loan_status {
  submitted = 100,
  approved = 200,
  active = 300,
  closed = 600,
  overpaid = 700
};

struct loan_transaction {
  entity_id id = 0;
  bool disbursement = false;  // else a repayment
  local_date date;
  cents amount = 0, principal_portion = 0, interest_portion = 0, overpayment_portion = 0;
};

struct loan {
  entity_id id = 0;
  entity_id client_id = 0, product_id = 0;
  std::optional<std::string> external_id;
  cents principal = 0;  // proposed, then disbursed
  int number_of_repayments = 12;
  double rate_per_period = 2.0;  // percent per repayment period
  int interest_type = 0;         // 0 declining balance, 1 flat
  int amortization_type = 1;     // 0 equal principal, 1 equal installments
  loan_status status = loan_status::submitted;
  local_date submitted_on, expected_disbursement;
  std::optional<local_date> approved_on, disbursed_on, closed_on;
  cents interest_charged = 0;  // fixed at disbursal
  cents principal_paid = 0, interest_paid = 0, overpaid = 0;
  std::vector<loan_transaction> transactions;
};

enum class savings_status { submitted = 100, approved = 200, active = 300 };

struct savings_transaction {
  entity_id id = 0;
  int type = 1;  // Fineract's savingsAccountTransactionType: 1 deposit, 2 withdrawal, 7 fee
  local_date date;
  cents amount = 0, running_balance = 0;
};

struct savings_charge {
  entity_id id = 0;
  entity_id charge_id = 0;
  cents amount = 0, paid = 0;
  std::optional<local_date> due_date;
  cents outstanding() const { return amount - paid; }
};

struct savings_account {
  entity_id id = 0;
  entity_id client_id = 0, product_id = 0;
  savings_status status = savings_status::submitted;
  local_date submitted_on;
  std::optional<local_date> approved_on, activated_on;
  cents balance = 0, deposits = 0, withdrawals = 0, fees = 0;
  std::vector<savings_transaction> transactions;
  std::vector<savings_charge> charges;
};

struct journal_line {
  entity_id id = 0;
  entity_id office_id = 1, gl_account_id = 0;
  bool credit = false;
  cents amount = 0;
  std::string transaction_id, currency;
  local_date date;
  std::optional<std::string> comments;
};

struct state {
  std::map<entity_id, office> offices;
  std::map<entity_id, client> clients;
  std::map<entity_id, group> groups;
  std::map<entity_id, loan_product> loan_products;
  std::map<entity_id, savings_product> savings_products;
  std::map<entity_id, charge_definition> charges;
  std::map<entity_id, loan> loans;
  std::map<entity_id, savings_account> savings;
  std::vector<journal_line> journal;
  std::map<entity_id, staff_member> staff;
  std::map<entity_id, client_identifier> client_identifiers;
  id_sequence staff_ids, client_identifier_ids;

  id_sequence office_ids, client_ids, group_ids, loan_ids, loan_transaction_ids, savings_ids,
      savings_transaction_ids, savings_charge_ids, journal_line_ids, journal_transactions;

  office* find_office(entity_id id);
  client* find_client(entity_id id);
  group* find_group(entity_id id, bool center);
  loan* find_loan(entity_id id);
  savings_account* find_savings(entity_id id);
  staff_member* find_staff(entity_id id);
};

// Office 1 "Head Office", loan product 1 "Starter Loan", savings product 1 "Voluntary Savings",
// savings charge 1 "Monthly fee"; the sequences continue after them.
state seeded_state();

// Fineract's default account number: the id, zero-padded to nine digits ("000000001").
std::string account_no(entity_id id);

api_error office_not_found(entity_id id);
api_error client_not_found(entity_id id);
api_error group_not_found(entity_id id, bool center);
api_error loan_not_found(entity_id id);
api_error savings_not_found(entity_id id);
api_error product_not_found(entity_id id, bool savings);
api_error charge_not_found(entity_id id);
api_error staff_not_found(entity_id id);

}  // namespace mifos::mock::detail
