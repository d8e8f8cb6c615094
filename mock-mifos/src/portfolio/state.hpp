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
#include "portfolio/clients/client_contacts.hpp"
#include "portfolio/shares/share_state.hpp"
#include "portfolio/state_extras.hpp"
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
  // Groups and centers: closed (600) once closed, with its date and reason (a code
  // value id of GroupClosureReason / CenterClosureReason); the staff member it is assigned to.
  bool closed = false;
  std::optional<local_date> submitted_on, closure_date;
  std::optional<entity_id> closure_reason_id, staff_id;
};

struct loan_product {
  entity_id id = 0;
  std::string name, currency;
  cents principal = 0;
  int number_of_repayments = 12;
  double annual_interest_rate = 24.0;
  // LOANPRODUCT CREATE/UPDATE: what POST /loanproducts sets besides the above, with
  // the seeded product's values as defaults. Frequency types: 0 days, 1 weeks, 2 months, 3 years.
  std::string short_name = "STL";
  std::optional<std::string> description = {}, external_id = {};
  int digits_after_decimal = 2, repayment_every = 1, repayment_frequency_type = 2;
  double interest_rate_per_period = 2.0;
  int interest_rate_frequency_type = 2, amortization_type = 1, interest_type = 0,
      interest_calculation_period_type = 1, days_in_year_type = 1, days_in_month_type = 1,
      accounting_rule = 1;
  std::string transaction_processing_strategy_code = "mifos-standard-strategy";
};

struct savings_product {
  entity_id id = 0;
  std::string name, currency;
  // SAVINGSPRODUCT CREATE/UPDATE: the seeded product's values as defaults.
  std::string short_name = "VS";
  std::optional<std::string> description = {};
  int digits_after_decimal = 2;
  double nominal_annual_interest_rate = 0;
  int interest_compounding_period_type = 1, interest_posting_period_type = 4,
      interest_calculation_type = 1, interest_calculation_days_in_year_type = 365,
      accounting_rule = 1;
};

// A product mix (POST /loanproducts/{id}/productmix): a client with a loan of `product_id` may
// not take one of `restricted_id`.
struct product_mix {
  entity_id id = 0, product_id = 0, restricted_id = 0;
};

struct charge_definition {
  entity_id id = 0;
  std::string name, currency;
  cents amount = 0;
  int applies_to = 2;  // chargeAppliesTo: 1 loan, 2 savings, 3 client, 4 shares
  // CHARGE CREATE/UPDATE: Fineract's ChargeTimeType (2 specified due date) and
  // ChargeCalculationType (1 flat) ids, and the flags.
  int time_type = 2, calculation_type = 1;
  bool active = true, penalty = false;
};

// Fineract's LoanStatus (transfers 303/304 are not modelled).
enum class loan_status {
  submitted = 100,
  approved = 200,
  active = 300,
  withdrawn = 400,
  rejected = 500,
  closed = 600,
  written_off = 601,
  rescheduled = 602,
  overpaid = 700
};

// Fineract's LoanTransactionType ids for the transactions the mock books.
enum class loan_transaction_type {
  disbursement = 1,
  repayment = 2,
  waive_interest = 4,
  write_off = 6,
  recovery_repayment = 8,
  waive_charges = 9,
  charge_payment = 17,
  refund_for_active_loan = 18,
  credit_balance_refund = 20,
  goodwill_credit = 23
};

struct loan_transaction {
  entity_id id = 0;
  loan_transaction_type type = loan_transaction_type::repayment;
  local_date date;
  cents amount = 0, principal_portion = 0, interest_portion = 0, fee_portion = 0,
        overpayment_portion = 0;
  bool reversed = false;
  std::optional<entity_id> loan_charge_id;  // the charge a charge payment or waiver is for
  bool disbursement() const { return type == loan_transaction_type::disbursement; }
};

// A charge applied to a loan (POST /loans/{id}/charges).
struct loan_charge {
  entity_id id = 0;
  entity_id charge_id = 0;
  cents amount = 0, paid = 0, waived = 0;
  std::optional<local_date> due_date;
  bool active = true;             // false once deleted
  bool account_transfer = false;  // chargePaymentMode 1: paid from the linked savings account
  cents outstanding() const { return amount - paid - waived; }
};

// A guarantor (POST /loans/{id}/guarantors): an existing client (type 1) or someone outside
// the bank (type 3), named in the request.
struct loan_guarantor {
  entity_id id = 0;
  int type = 1;
  std::optional<entity_id> client_id;
  std::string firstname, lastname;
};

// Collateral pledged against a loan (POST /loans/{id}/collaterals).
struct loan_collateral {
  entity_id id = 0;
  entity_id type_id = 0;
  cents value = 0;
  std::string description;
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
  // Repayments every `repayment_every` days (0), weeks (1), months (2) or years (3).
  int repayment_every = 1, repayment_frequency_type = 2;
  loan_status status = loan_status::submitted;
  local_date submitted_on, expected_disbursement;
  std::optional<local_date> approved_on, disbursed_on, closed_on;
  cents interest_charged = 0;  // fixed at disbursal
  cents principal_paid = 0, interest_paid = 0, overpaid = 0;
  // What replay_transactions() books besides payments (loan_money.hpp).
  cents fees_paid = 0, interest_waived = 0, fees_waived = 0, principal_written_off = 0,
        interest_written_off = 0, fees_written_off = 0, recovered = 0;
  std::vector<loan_transaction> transactions;
  // Loan lifecycle: the fields the commands beyond repayment need.
  std::optional<entity_id> group_id;     // group and JLG loans
  std::string loan_type = "individual";  // individual, group, jlg
  std::optional<entity_id> loan_officer_id;
  cents proposed_principal = 0;    // the amount applied for; undo approval restores it
  cents in_arrears_tolerance = 0;  // CLOSE writes off at most this much
  std::optional<local_date> rejected_on, withdrawn_on, written_off_on, rescheduled_on;
  std::optional<entity_id> linked_savings_id;  // linkAccountId: disburseToSavings pays into it
  std::vector<loan_charge> charges;
  std::map<entity_id, loan_guarantor> guarantors;
  std::map<entity_id, loan_collateral> collaterals;
};

// A loan reschedule request (POST /rescheduleloans): 100 submitted, 200 approved, 300 rejected.
struct reschedule_request {
  entity_id id = 0, loan_id = 0;
  int status = 100;
  local_date reschedule_from, submitted_on;
  std::optional<local_date> adjusted_due_date;
  std::optional<int> extra_terms;
  entity_id reason_id = 0;
};

// Fineract's SavingsAccountStatusType (303/304 are not reached by the mock's commands; 700 and
// 800 only by fixed and recurring deposits).
enum class savings_status {
  submitted = 100,
  approved = 200,
  active = 300,
  withdrawn_by_applicant = 400,
  rejected = 500,
  closed = 600,
  premature_closed = 700,
  matured = 800
};

// Fineract's SavingsAccountSubStatusEnum, as far as the block commands set it.
enum class savings_sub_status { none = 0, block = 400, block_credit = 500, block_debit = 600 };

struct savings_transaction {
  entity_id id = 0;
  // Fineract's savingsAccountTransactionType: 1 deposit, 2 withdrawal, 3 interest posting,
  // 6 waive charge, 7 pay charge, 20 amount on hold, 21 amount release.
  int type = 1;
  local_date date;
  cents amount = 0, running_balance = 0;
  bool reversed = false;                 // undone, or reversed by a later reversal
  bool is_reversal = false;              // the reversal of another transaction (?command=reverse)
  std::optional<entity_id> released_by;  // a hold (20): the release (21) that freed it
};

struct savings_charge {
  entity_id id = 0;
  entity_id charge_id = 0;
  cents amount = 0, paid = 0, waived = 0;
  std::optional<local_date> due_date;
  bool active = true;
  cents outstanding() const { return amount - paid - waived; }
};

struct savings_account {
  entity_id id = 0;
  entity_id client_id = 0, product_id = 0;
  savings_status status = savings_status::submitted;
  savings_sub_status sub_status = savings_sub_status::none;
  local_date submitted_on;
  std::optional<local_date> approved_on, activated_on,
      closed_on;  // closed_on: also rejected/withdrawn
  std::optional<std::string> external_id, reason_for_block;
  double nominal_annual_interest_rate = 0;  // percent; 0 posts no interest
  cents balance = 0, deposits = 0, withdrawals = 0, fees = 0, interest_posted = 0;
  cents on_hold = 0;  // held amounts: lowers availableBalance, not accountBalance
  std::vector<savings_transaction> transactions;
  std::vector<savings_charge> charges;
  std::optional<entity_id> field_officer_id;  // ?command=assignSavingsOfficer
  cents available() const { return balance - on_hold; }
};

// POST /savings/{id}/notes
struct savings_note {
  entity_id id = 0;
  entity_id savings_id = 0;
  std::string note;
};

// POST /standinginstructions: a transfer Fineract's scheduler would run; the mock keeps it.
struct standing_instruction {
  entity_id id = 0;
  std::string name;
  entity_id from_office_id = 1, from_client_id = 0, from_account_id = 0;
  entity_id to_office_id = 1, to_client_id = 0, to_account_id = 0;
  int from_account_type = 2, to_account_type = 2;  // 1 loan, 2 savings
  int transfer_type = 1, priority = 1, status = 1, instruction_type = 1, recurrence_type = 1;
  std::optional<int> recurrence_frequency,
      recurrence_interval;  // status: 1 active, 2 disabled, 3 deleted
  std::optional<cents> amount;
  local_date valid_from;
  std::optional<local_date> valid_till;
};

struct journal_line {
  entity_id id = 0;
  entity_id office_id = 1, gl_account_id = 0;
  bool credit = false;
  cents amount = 0;
  std::string transaction_id, currency;
  local_date date;
  std::optional<std::string> comments;
  bool reversed = false;  // JOURNALENTRY REVERSE booked the opposite lines
};

// A general ledger account (/glaccounts). type: 1 asset, 2 liability, 3 equity, 4 income,
// 5 expense; usage: 1 detail (takes entries), 2 header (groups other accounts).
struct gl_account {
  entity_id id = 0;
  std::string name, gl_code;
  std::optional<entity_id> parent_id = {};
  int type = 1, usage = 1;
  bool manual_entries_allowed = true, disabled = false;
  std::optional<std::string> description = {};
  std::optional<entity_id> tag_id = {};
};

// An accounting closure (/glclosures): no journal entry of the office on or before the date.
struct gl_closure {
  entity_id id = 0;
  entity_id office_id = 1;
  local_date closing_date;
  std::optional<std::string> comments;
};

// An accounting rule (/accountingrules): a named debit/credit pair for manual entries.
struct accounting_rule {
  entity_id id = 0;
  std::string name;
  std::optional<entity_id> office_id, debit_account_id, credit_account_id;
  std::optional<std::string> description = {};
};

// A financial activity's GL account (/financialactivityaccounts), e.g. 100 asset transfer.
struct financial_activity_mapping {
  entity_id id = 0;
  int activity = 0;
  entity_id gl_account_id = 0;
};

// A note on a client (type 100), loan (200) or group (600): Fineract's one m_note table.
// Savings notes (500) keep their own map (savings_notes) but share the id sequence.
struct entity_note {
  entity_id id = 0;
  int type = 100;
  entity_id owner_id = 0;
  std::string note;
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
  std::map<entity_id, savings_note> savings_notes;
  std::map<entity_id, standing_instruction> standing_instructions;
  std::map<entity_id, reschedule_request> reschedule_requests;
  std::map<entity_id, staff_member> staff;
  std::map<entity_id, client_identifier> client_identifiers;
  id_sequence staff_ids, client_identifier_ids;

  id_sequence office_ids, client_ids, group_ids, loan_ids, loan_transaction_ids, savings_ids,
      savings_transaction_ids, savings_charge_ids, journal_line_ids, journal_transactions;
  id_sequence note_ids, standing_instruction_ids, account_transfer_ids;
  id_sequence loan_charge_ids, guarantor_ids, collateral_ids, reschedule_ids;
  // Accounting, charges, notes.
  std::map<entity_id, gl_account> gl_accounts;
  std::map<entity_id, gl_closure> gl_closures;
  std::map<entity_id, accounting_rule> accounting_rules;
  std::map<entity_id, financial_activity_mapping> activity_mappings;
  std::map<entity_id, entity_note> notes;
  id_sequence gl_account_ids, gl_closure_ids, accounting_rule_ids, activity_mapping_ids, charge_ids;
  // Group roles, calendars, meetings, client charges (state_extras.hpp).
  std::map<entity_id, group_role> group_roles;
  std::map<entity_id, calendar> calendars;
  std::map<entity_id, meeting> meetings;
  std::map<entity_id, client_charge> client_charges;
  std::map<entity_id, client_transaction> client_transactions;
  id_sequence group_role_ids, calendar_ids, meeting_ids, client_charge_ids, client_transaction_ids;
  // Shares and product definitions: share products, accounts and dividends
  // (shares/share_state.hpp); product mixes; ids of created loan and savings products.
  share_book shares;
  std::vector<product_mix> product_mixes;
  id_sequence product_mix_ids, loan_product_ids{2}, savings_product_ids{2};
  // Family members and addresses of clients (clients/client_contacts.hpp).
  std::map<entity_id, family_member> family_members;
  std::map<entity_id, client_address> client_addresses;
  id_sequence family_member_ids, client_address_ids;

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
