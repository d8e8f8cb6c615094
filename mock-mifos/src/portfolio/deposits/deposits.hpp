// deposits.hpp: fixed and recurring deposits: their products with interest rate
// charts, their accounts, and the handlers of /fixeddepositproducts, /recurringdepositproducts,
// /interestratecharts, /fixeddepositaccounts and /recurringdepositaccounts.
//
// A deposit account is a savings account in Fineract (one m_savings_account table, told apart by
// deposit_type_enum 200 / 300), so its ids and transaction ids come from the savings sequences and
// its status is the savings status enum (plus 700 premature closed and 800 matured). The deposit
// book lives next to the portfolio's state, not in it, so its records stay in this folder:
//
//   deposits_book book = seeded_deposits(s.savings_product_ids);  // products 2 and 3, 2 charts
//   auto out = route_deposits(s, book, call, parts);   // nullopt: not a deposit path
//
// Maturity: Fineract's nightly job marks an active deposit matured once its maturity date is not
// after the business date; the mock does the same when the account is next read or commanded
// (refresh_maturity), so a test reaches maturity with dates in the past.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/rest_call.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/state.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {

// Fineract's DepositAccountType values.
enum class deposit_kind { fixed = 200, recurring = 300 };

// One row of a chart: a rate for a term range (periodType 0 days .. 3 years) and/or an amount
// range.
struct chart_slab {
  entity_id id = 0;
  std::optional<std::string> description;
  std::optional<int> period_type, from_period, to_period;
  std::optional<cents> amount_from, amount_to;
  double annual_rate = 0;
  std::string currency;
};

struct rate_chart {
  entity_id id = 0;
  std::optional<entity_id> product_id;
  std::optional<std::string> name, description;
  local_date from_date;
  std::optional<local_date> end_date;
  bool primary_grouping_by_amount = false;
  std::map<entity_id, chart_slab> slabs;
};

struct deposit_product {
  entity_id id = 0;
  deposit_kind kind = deposit_kind::fixed;
  std::string name, short_name, description, currency = "USD";
  int digits_after_decimal = 2;
  double nominal_rate = 0;
  int compounding_type = 1, posting_type = 4, calculation_type = 1, days_in_year = 365;
  int accounting_rule = 1;
  int min_term = 1, min_term_type = 2;
  std::optional<int> max_term, max_term_type;
  cents deposit_amount = 0;
  std::optional<cents> min_deposit_amount, max_deposit_amount;
  bool pre_closure_penal_applicable = false;
  double pre_closure_penal_interest = 0;
  // Recurring deposits only.
  bool mandatory_deposit = false, allow_withdrawal = false, adjust_advance_payments = false;
};

struct deposit_account {
  savings_account account;  // status, dates, money and transactions, as for savings
  deposit_kind kind = deposit_kind::fixed;
  std::optional<entity_id> group_id;
  cents deposit_amount = 0;  // fixed: the deposit; recurring: the installments expected in total
  std::optional<int> deposit_period;
  int deposit_period_type = 2;  // SavingsPeriodFrequencyType: 0 days, 1 weeks, 2 months, 3 years
  double rate = 0;              // the account's rate: its own, else the chart's, else the product's
  bool rate_from_chart = false;
  std::optional<local_date> maturity_date;
  cents maturity_amount = 0;
  std::optional<int> on_closure_type;  // DepositAccountOnClosureType once closed
  std::optional<entity_id> transfer_to_savings_id;
  // Recurring deposits: the installment amount and the schedule's frequency.
  cents recommended_amount = 0;
  int recurring_frequency = 1, recurring_frequency_type = 2;
  bool allow_withdrawal = false, mandatory_deposit = false, calendar_inherited = false;
  std::optional<local_date> expected_first_deposit_on;
};

struct deposits_book {
  std::map<entity_id, deposit_product> products;
  std::map<entity_id, rate_chart> charts;
  std::map<entity_id, deposit_account> accounts;
  id_sequence chart_ids,
      slab_ids;  // products take the savings products' ids: one table in Fineract
};

// Product 2 "Fixed Deposit" and product 3 "Recurring Deposit" (after savings product 1, as they
// share Fineract's m_savings_product ids), each with a chart of one slab (6% and 5% a year).
deposits_book seeded_deposits(id_sequence& product_ids);

// Every deposit path; nullopt for the others.
std::optional<rest_outcome> route_deposits(state& s, deposits_book& book, const rest_call& call,
                                           const segments& p);

// --- shared by the files of this folder ---

// "fixeddepositaccount" / "recurringdepositaccount": Fineract's resource names in error codes.
std::string deposit_resource(deposit_kind kind);
// "FIXEDDEPOSITACCOUNT" / "RECURRINGDEPOSITACCOUNT": the hook entities.
std::string deposit_entity(deposit_kind kind);

// The account of that kind, after refresh_maturity, or its 404 (a savings account or the other
// kind of deposit is not found, as Fineract's findByIdAndDepositAccountType).
std::variant<deposit_account*, api_error> find_deposit(state& s, deposits_book& book, entity_id id,
                                                       deposit_kind kind, local_date today);
// Active and matured on or before `today`: 800, with the interest up to maturity posted.
void refresh_maturity(state& s, deposit_account& d, local_date today);

// {officeId, clientId, savingsId, resourceId, [changes]} as the deposit commands answer (groupId
// for a group's account).
nlohmann::ordered_json deposit_result(const state& s, const deposit_account& d,
                                      entity_id resource_id,
                                      std::optional<nlohmann::ordered_json> changes);

// Maturity date and amount from the account's terms, counted from its activation date (or its
// submission while not active); recurring deposits sum their installments.
void update_maturity(deposit_account& d);
// The interest the account's standing deposits earn up to `to` at `rate` (each from its date).
cents interest_until(const deposit_account& d, local_date to, double rate);
// Simple interest on `amount` at `rate` percent a year from `from` to `to` (365-day year).
cents simple_interest(cents amount, double rate, local_date from, local_date to);
// The number of installments of a recurring deposit and the date of installment `n` (0-based).
int installment_count(const deposit_account& d);
local_date installment_date(const deposit_account& d, int n);
local_date add_period(local_date from, int count, int period_type);

// The rate a product's charts give for an amount, a term and a date; nullopt when none applies.
std::optional<double> chart_rate(const deposits_book& book, entity_id product_id, cents amount,
                                 int period, int period_type, local_date on);

// The commands of the files of this folder; nullopt: not theirs.
std::optional<rest_outcome> deposit_product_route(state& s, deposits_book& book,
                                                  const rest_call& call, const segments& p);
std::optional<rest_outcome> rate_chart_route(state& s, deposits_book& book, const rest_call& call,
                                             const segments& p);
// A chart in a request (a product's charts[i], or POST /interestratecharts) with its chartSlabs,
// numbered 1.. (the caller takes real ids); errors go to `parent`, named with `prefix`.
std::optional<rate_chart> read_rate_chart(field_reader& parent,
                                          const nlohmann::ordered_json& element,
                                          const std::string& prefix);
nlohmann::ordered_json rate_chart_json(const rate_chart& c);
// {"id":2,"code":"savings.period.frequency.months","value":"Months"}
nlohmann::ordered_json deposit_period_type_json(int type);
api_error deposit_product_not_found(entity_id id, deposit_kind kind);
// The account for a command: find_deposit, then Fineract's checkClientOrGroupActive (403).
std::variant<deposit_account*, api_error> deposit_for_command(state& s, deposits_book& book,
                                                              entity_id id, deposit_kind kind,
                                                              const rest_call& call);
std::optional<rest_outcome> deposit_lifecycle_command(state& s, deposits_book& book,
                                                      const rest_call& call, deposit_kind kind,
                                                      entity_id id, std::string_view command);
std::optional<rest_outcome> deposit_closure_command(state& s, deposits_book& book,
                                                    const rest_call& call, deposit_kind kind,
                                                    entity_id id, std::string_view command);
std::optional<rest_outcome> deposit_transaction_command(state& s, deposits_book& book,
                                                        const rest_call& call, deposit_kind kind,
                                                        entity_id id, std::optional<entity_id> tid,
                                                        std::string_view command);
// GET /fixeddepositaccounts/{id}: the account as Fineract's FixedDepositAccountData writes it.
nlohmann::ordered_json deposit_account_json(const state& s, const deposits_book& book,
                                            const deposit_account& d, const rest_call& call);

}  // namespace mifos::mock::detail
