// loan_schedule.cpp: the periods of a loan's repayment schedule (loan_schedule.hpp).
#include "portfolio/loans/loan_schedule.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "portfolio/handlers.hpp"
#include "portfolio/loans/loan_money.hpp"
#include "request/money.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;
namespace chr = std::chrono;

struct period_amounts {
  cents principal = 0, interest = 0;
};

chr::year_month_day ymd(const local_date& d) {
  return chr::year{d.year} / chr::month{static_cast<unsigned>(d.month)} /
         chr::day{static_cast<unsigned>(d.day)};
}

local_date from_ymd(chr::year_month_day d) {
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day()))};
}

// `start` moved by `count` periods of `every` days (0), weeks (1), months (2) or years (3); a
// month end that does not exist falls back to the month's last day, as java.time's plusMonths.
local_date due_date(const local_date& start, int count, int every, int frequency_type) {
  const int steps = count * std::max(1, every);
  if (frequency_type == 0 || frequency_type == 1) {
    const int days = frequency_type == 0 ? steps : steps * 7;
    return from_ymd(chr::year_month_day{chr::sys_days{ymd(start)} + chr::days{days}});
  }
  chr::year_month_day d = ymd(start);
  d = frequency_type == 3 ? d + chr::years{steps} : d + chr::months{steps};
  if (!d.ok()) d = d.year() / d.month() / chr::last;
  return from_ymd(d);
}

int days_between(const local_date& from, const local_date& to) {
  return static_cast<int>((chr::sys_days{ymd(to)} - chr::sys_days{ymd(from)}).count());
}

// The periods' principal and interest, walking the balance as scheduled_interest() does.
std::vector<period_amounts> split(const loan& l) {
  const int n = std::max(1, l.number_of_repayments);
  const double r = l.rate_per_period / 100.0;
  std::vector<period_amounts> periods(static_cast<std::size_t>(n));
  cents balance = l.principal;
  const cents flat_total = l.interest_type == 1 ? scheduled_interest(l) : 0;
  const double installment =
      r > 0 && l.amortization_type == 1
          ? static_cast<double>(l.principal) / 100.0 * r / (1.0 - std::pow(1.0 + r, -n))
          : 0.0;
  for (int i = 0; i < n; ++i) {
    period_amounts& p = periods[static_cast<std::size_t>(i)];
    const bool last = i == n - 1;
    if (l.interest_type == 1) {
      p.interest = last ? flat_total - flat_total / n * (n - 1) : flat_total / n;
    } else {
      p.interest = r > 0 ? round_cents(static_cast<double>(balance) / 100.0 * r) : 0;
    }
    cents principal = l.principal / n;
    if (l.interest_type == 0 && installment > 0.0) {
      principal = round_cents(installment) - p.interest;
    }
    p.principal = last ? balance : std::clamp<cents>(principal, 0, balance);
    balance -= p.principal;
  }
  return periods;
}

// Takes up to `due` from `pool`.
cents take(cents& pool, cents due) {
  const cents taken = std::clamp<cents>(pool, 0, due);
  pool -= taken;
  return taken;
}

}  // namespace

json repayment_schedule_json(const loan& l, const std::string& currency) {
  const local_date start = l.disbursed_on.value_or(l.expected_disbursement);
  const std::vector<period_amounts> amounts = split(l);
  // Payments fill each period's interest, then its principal, period by period (Fineract's
  // mifos-standard-strategy), whatever split the loan's summary booked.
  cents paid_pool = l.principal_paid + l.interest_paid;
  cents interest_waived_pool = l.interest_waived;
  cents interest_written_off_pool = l.interest_written_off;
  cents principal_written_off_pool = l.principal_written_off;

  json periods = json::array();
  periods.push_back({{"dueDate", date_json(start)},
                     {"principalDisbursed", amount_json(l.principal)},
                     {"principalLoanBalanceOutstanding", amount_json(l.principal)},
                     {"feeChargesDue", 0.0},
                     {"feeChargesOutstanding", 0.0},
                     {"totalOriginalDueForPeriod", 0.0},
                     {"totalDueForPeriod", 0.0},
                     {"totalOutstandingForPeriod", 0.0},
                     {"totalActualCostOfLoanForPeriod", 0.0}});
  cents balance = l.principal;
  cents total_due = 0, total_paid = 0, total_outstanding = 0, total_principal_paid = 0;
  local_date from = start;
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    const period_amounts& a = amounts[i];
    const local_date due =
        due_date(start, static_cast<int>(i) + 1, l.repayment_every, l.repayment_frequency_type);
    balance -= a.principal;
    const cents interest_waived = take(interest_waived_pool, a.interest);
    const cents interest_paid = take(paid_pool, a.interest - interest_waived);
    const cents principal_paid = take(paid_pool, a.principal);
    const cents interest_written_off =
        take(interest_written_off_pool, a.interest - interest_waived - interest_paid);
    const cents principal_written_off =
        take(principal_written_off_pool, a.principal - principal_paid);
    const cents principal_outstanding = a.principal - principal_paid - principal_written_off;
    const cents interest_outstanding =
        a.interest - interest_waived - interest_paid - interest_written_off;
    const cents due_total = a.principal + a.interest;
    const cents paid_total = principal_paid + interest_paid;
    const cents outstanding = principal_outstanding + interest_outstanding;
    total_due += due_total;
    total_paid += paid_total;
    total_principal_paid += principal_paid;
    total_outstanding += outstanding;
    json p = {{"period", i + 1},
              {"fromDate", date_json(from)},
              {"dueDate", date_json(due)},
              {"complete", outstanding == 0 && l.disbursed_on.has_value()},
              {"daysInPeriod", days_between(from, due)},
              {"principalOriginalDue", amount_json(a.principal)},
              {"principalDue", amount_json(a.principal)},
              {"principalPaid", amount_json(principal_paid)},
              {"principalWrittenOff", amount_json(principal_written_off)},
              {"principalOutstanding", amount_json(principal_outstanding)},
              {"principalLoanBalanceOutstanding", amount_json(balance)},
              {"interestOriginalDue", amount_json(a.interest)},
              {"interestDue", amount_json(a.interest)},
              {"interestPaid", amount_json(interest_paid)},
              {"interestWaived", amount_json(interest_waived)},
              {"interestWrittenOff", amount_json(interest_written_off)},
              {"interestOutstanding", amount_json(interest_outstanding)},
              {"feeChargesDue", 0.0},
              {"feeChargesPaid", 0.0},
              {"feeChargesOutstanding", 0.0},
              {"penaltyChargesDue", 0.0},
              {"penaltyChargesPaid", 0.0},
              {"penaltyChargesOutstanding", 0.0},
              {"totalOriginalDueForPeriod", amount_json(due_total)},
              {"totalDueForPeriod", amount_json(due_total)},
              {"totalPaidForPeriod", amount_json(paid_total)},
              {"totalOutstandingForPeriod", amount_json(outstanding)},
              {"totalActualCostOfLoanForPeriod", amount_json(a.interest)}};
    periods.push_back(std::move(p));
    from = due;
  }
  cents interest_total = 0;
  for (const auto& a : amounts) interest_total += a.interest;
  return {{"currency", currency_json(currency)},
          {"loanTermInDays", days_between(start, from)},
          {"totalPrincipalDisbursed", amount_json(l.principal)},
          {"totalPrincipalExpected", amount_json(l.principal)},
          {"totalPrincipalPaid", amount_json(total_principal_paid)},
          {"totalInterestCharged", amount_json(interest_total)},
          {"totalFeeChargesCharged", 0.0},
          {"totalPenaltyChargesCharged", 0.0},
          {"totalRepaymentExpected", amount_json(total_due)},
          {"totalRepayment", amount_json(total_paid)},
          {"totalOutstanding", amount_json(total_outstanding)},
          {"periods", std::move(periods)}};
}

}  // namespace mifos::mock::detail
