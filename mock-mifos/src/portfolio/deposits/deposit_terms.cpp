// deposit_terms.cpp: a deposit's terms: maturity date and amount, the installments of a recurring
// deposit, the rate a chart gives, maturity on the business date, and the lookups and results the
// deposit files share.
//
// Interest is a simplification of Fineract's posting periods: simple interest at the account's
// rate on a 365-day year (a recurring installment earns from its due date to maturity).
#include <chrono>
#include <string>

#include "portfolio/deposits/deposits.hpp"
#include "portfolio/savings/savings.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

std::chrono::sys_days day_of(local_date d) {
  using namespace std::chrono;
  return sys_days(year(d.year) / month(static_cast<unsigned>(d.month)) /
                  day(static_cast<unsigned>(d.day)));
}

local_date from_days(std::chrono::sys_days t) {
  const std::chrono::year_month_day ymd(t);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Fineract's terms are in SavingsPeriodFrequencyType; a slab's term is compared in days.
std::int64_t term_days(int count, int period_type, local_date from) {
  return (day_of(add_period(from, count, period_type)) - day_of(from)).count();
}

// Caps the number of installments a schedule can have, whatever the request asked for.
constexpr int kMaxInstallments = 1200;

}  // namespace

std::string deposit_resource(deposit_kind kind) {
  return kind == deposit_kind::fixed ? "fixeddepositaccount" : "recurringdepositaccount";
}

std::string deposit_entity(deposit_kind kind) {
  return kind == deposit_kind::fixed ? "FIXEDDEPOSITACCOUNT" : "RECURRINGDEPOSITACCOUNT";
}

local_date add_period(local_date from, int count, int period_type) {
  using namespace std::chrono;
  switch (period_type) {
    case 0:
      return from_days(day_of(from) + days(count));
    case 1:
      return from_days(day_of(from) + weeks(count));
    default: {
      // Months and years keep the day, clamped to the month's last (31 Jan + 1 month = 28 Feb).
      const int months_to_add = period_type == 3 ? count * 12 : count;
      const int total = from.year * 12 + (from.month - 1) + months_to_add;
      local_date out{total / 12, total % 12 + 1, from.day};
      while (out.day > 28 && !is_valid_date(out)) --out.day;
      return out;
    }
  }
}

cents simple_interest(cents amount, double rate, local_date from, local_date to) {
  const auto days = (day_of(to) - day_of(from)).count();
  if (days <= 0 || rate <= 0 || amount <= 0) return 0;
  return round_cents(static_cast<double>(amount) / 100.0 * rate / 100.0 *
                     static_cast<double>(days) / 365.0);
}

int installment_count(const deposit_account& d) {
  if (!d.maturity_date) return 0;
  const local_date start =
      d.expected_first_deposit_on.value_or(d.account.activated_on.value_or(d.account.submitted_on));
  int n = 0;
  while (n < kMaxInstallments && add_period(start, n * d.recurring_frequency,
                                            d.recurring_frequency_type) < *d.maturity_date) {
    ++n;
  }
  return n;
}

local_date installment_date(const deposit_account& d, int n) {
  const local_date start =
      d.expected_first_deposit_on.value_or(d.account.activated_on.value_or(d.account.submitted_on));
  return add_period(start, n * d.recurring_frequency, d.recurring_frequency_type);
}

void update_maturity(deposit_account& d) {
  const local_date start = d.account.activated_on.value_or(d.account.submitted_on);
  if (!d.deposit_period) {
    d.maturity_date.reset();
    d.maturity_amount = 0;
    return;
  }
  d.maturity_date = add_period(start, *d.deposit_period, d.deposit_period_type);
  if (d.kind == deposit_kind::fixed) {
    d.maturity_amount =
        d.deposit_amount + simple_interest(d.deposit_amount, d.rate, start, *d.maturity_date);
    return;
  }
  const int n = installment_count(d);
  d.deposit_amount = d.recommended_amount * n;
  d.maturity_amount = d.deposit_amount;
  for (int i = 0; i < n; ++i) {
    d.maturity_amount +=
        simple_interest(d.recommended_amount, d.rate, installment_date(d, i), *d.maturity_date);
  }
}

std::optional<double> chart_rate(const deposits_book& book, entity_id product_id, cents amount,
                                 int period, int period_type, local_date on) {
  for (const auto& [id, chart] : book.charts) {
    if (chart.product_id != product_id || on < chart.from_date ||
        (chart.end_date && *chart.end_date < on)) {
      continue;
    }
    const std::int64_t days = term_days(period, period_type, on);
    for (const auto& [slab_id, slab] : chart.slabs) {
      if (slab.from_period && slab.period_type &&
          days < term_days(*slab.from_period, *slab.period_type, on)) {
        continue;
      }
      if (slab.to_period && slab.period_type &&
          days > term_days(*slab.to_period, *slab.period_type, on)) {
        continue;
      }
      if ((slab.amount_from && amount < *slab.amount_from) ||
          (slab.amount_to && amount > *slab.amount_to)) {
        continue;
      }
      return slab.annual_rate;
    }
  }
  return std::nullopt;
}

void refresh_maturity(state& s, deposit_account& d, local_date today) {
  if (d.account.status != savings_status::active || !d.maturity_date || today < *d.maturity_date) {
    return;
  }
  d.account.status = savings_status::matured;
  // The interest up to maturity, less what was posted, is posted on the maturity date.
  const cents due = interest_until(d, *d.maturity_date, d.rate) - d.account.interest_posted;
  if (due > 0) book_savings_transaction(s, d.account, 3, *d.maturity_date, due);
}

cents interest_until(const deposit_account& d, local_date to, double rate) {
  cents total = 0;
  for (const auto& t : d.account.transactions) {
    if (t.type == 1 && !t.reversed && !t.is_reversal) {
      total += simple_interest(t.amount, rate, t.date, to);
    }
  }
  return total;
}

std::variant<deposit_account*, api_error> find_deposit(state& s, deposits_book& book, entity_id id,
                                                       deposit_kind kind, local_date today) {
  auto it = book.accounts.find(id);
  if (it == book.accounts.end() || it->second.kind != kind) return savings_not_found(id);
  refresh_maturity(s, it->second, today);
  return &it->second;
}

std::variant<deposit_account*, api_error> deposit_for_command(state& s, deposits_book& book,
                                                              entity_id id, deposit_kind kind,
                                                              const rest_call& call) {
  auto found = find_deposit(s, book, id, kind, date_of(call.now));
  if (auto* d = std::get_if<deposit_account*>(&found)) {
    const client& c = s.clients.at((*d)->account.client_id);
    if (!c.is_active()) {
      return api_error::domain_rule(
          "error.msg.client.not.active",
          "Client with identifier " + std::to_string(c.id) + " is not active");
    }
  }
  return found;
}

json deposit_result(const state& s, const deposit_account& d, entity_id resource_id,
                    std::optional<json> changes) {
  return result_fields{.office_id = s.clients.at(d.account.client_id).office_id,
                       .group_id = d.group_id,
                       .client_id = d.account.client_id,
                       .savings_id = d.account.id,
                       .resource_id = resource_id,
                       .changes = std::move(changes)}
      .to_json();
}

}  // namespace mifos::mock::detail
