// loan_money.cpp: interest schedules and repayment allocation for the mock's loans.
#include "portfolio/loan_money.hpp"

#include <algorithm>
#include <cmath>

#include "portfolio/handlers.hpp"

namespace mifos::mock::detail {

double rate_per_period(double rate, int rate_frequency_type, int every, int frequency_type) {
  const double annual = rate_frequency_type == 3 ? rate : rate * 12.0;
  const double years_per_period = frequency_type == 0   ? every / 365.0
                                  : frequency_type == 1 ? every / 52.0
                                  : frequency_type == 3 ? every
                                                        : every / 12.0;
  return annual * years_per_period;
}

cents scheduled_interest(const loan& l) {
  const double r = l.rate_per_period / 100.0;
  const int n = std::max(1, l.number_of_repayments);
  const auto principal = static_cast<double>(l.principal) / 100.0;
  if (r <= 0) return 0;
  if (l.interest_type == 1) return round_cents(principal * r * n);
  // Declining balance: walk the schedule, rounding each period's interest to cents.
  const double installment =
      l.amortization_type == 1 ? principal * r / (1.0 - std::pow(1.0 + r, -n)) : 0.0;
  double balance = principal;
  cents interest = 0;
  for (int i = 1; i <= n && balance > 0.0; ++i) {
    const cents period_interest = round_cents(balance * r);
    interest += period_interest;
    double principal_part = l.amortization_type == 1
                                ? installment - static_cast<double>(period_interest) / 100.0
                                : principal / n;
    balance = i == n ? 0.0 : std::max(0.0, balance - principal_part);
  }
  return interest;
}

cents principal_outstanding(const loan& l) {
  return l.disbursed_on ? l.principal - l.principal_paid : 0;
}

cents interest_outstanding(const loan& l) { return l.interest_charged - l.interest_paid; }

repayment_split apply_repayment(loan& l, cents amount) {
  repayment_split split;
  split.interest = std::min(amount, interest_outstanding(l));
  split.principal = std::min(amount - split.interest, principal_outstanding(l));
  split.overpayment = amount - split.interest - split.principal;
  l.interest_paid += split.interest;
  l.principal_paid += split.principal;
  l.overpaid += split.overpayment;
  if (principal_outstanding(l) == 0 && interest_outstanding(l) == 0) {
    l.status = l.overpaid > 0 ? loan_status::overpaid : loan_status::closed;
  }
  return split;
}

nlohmann::ordered_json loan_summary_json(const loan& l, const std::string& currency) {
  const cents disbursed = l.disbursed_on ? l.principal : 0;
  const cents expected = disbursed + l.interest_charged;
  const cents repaid = l.principal_paid + l.interest_paid;
  return {{"currency", currency_json(currency)},
          {"principalDisbursed", amount_json(disbursed)},
          {"principalPaid", amount_json(l.principal_paid)},
          {"principalOutstanding", amount_json(principal_outstanding(l))},
          {"interestCharged", amount_json(l.interest_charged)},
          {"interestPaid", amount_json(l.interest_paid)},
          {"interestOutstanding", amount_json(interest_outstanding(l))},
          {"totalExpectedRepayment", amount_json(expected)},
          {"totalRepayment", amount_json(repaid + l.overpaid)},
          {"totalOutstanding", amount_json(expected - repaid)},
          {"totalOverpaid", amount_json(l.overpaid)}};
}

}  // namespace mifos::mock::detail
