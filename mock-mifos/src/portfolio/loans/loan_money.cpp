// loan_money.cpp: interest schedules and the booking of a loan's transactions.
#include "portfolio/loans/loan_money.hpp"

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
  return l.disbursed_on ? l.principal - l.principal_paid - l.principal_written_off : 0;
}

cents interest_outstanding(const loan& l) {
  return l.interest_charged - l.interest_paid - l.interest_waived - l.interest_written_off;
}

cents fees_charged(const loan& l) {
  cents total = 0;
  for (const auto& c : l.charges)
    if (c.active) total += c.amount;
  return total;
}

cents fees_outstanding(const loan& l) {
  return fees_charged(l) - l.fees_paid - l.fees_waived - l.fees_written_off;
}

cents total_outstanding(const loan& l) {
  return principal_outstanding(l) + interest_outstanding(l) + fees_outstanding(l);
}

namespace {

loan_charge* find_charge(loan& l, std::optional<entity_id> id) {
  for (auto& c : l.charges)
    if (id && c.id == *id && c.active) return &c;
  return nullptr;
}

// Pays `amount` into the loan: the named charge first, then every charge, interest, principal.
void book_payment(loan& l, loan_transaction& t) {
  cents left = t.amount;
  auto pay_charge = [&](loan_charge& c) {
    const cents part = std::min(left, c.outstanding());
    c.paid += part;
    l.fees_paid += part;
    t.fee_portion += part;
    left -= part;
  };
  if (loan_charge* named = find_charge(l, t.loan_charge_id)) pay_charge(*named);
  for (auto& c : l.charges)
    if (c.active) pay_charge(c);
  t.interest_portion = std::min(left, interest_outstanding(l));
  l.interest_paid += t.interest_portion;
  left -= t.interest_portion;
  t.principal_portion = std::min(left, principal_outstanding(l));
  l.principal_paid += t.principal_portion;
  left -= t.principal_portion;
  t.overpayment_portion = left;
  l.overpaid += left;
}

void book(loan& l, loan_transaction& t) {
  t.principal_portion = t.interest_portion = t.fee_portion = t.overpayment_portion = 0;
  switch (t.type) {
    case loan_transaction_type::disbursement:
      t.principal_portion = t.amount;
      break;
    case loan_transaction_type::repayment:
    case loan_transaction_type::goodwill_credit:
    case loan_transaction_type::charge_payment:
      book_payment(l, t);
      break;
    case loan_transaction_type::waive_interest:
      t.interest_portion = std::min(t.amount, interest_outstanding(l));
      l.interest_waived += t.interest_portion;
      break;
    case loan_transaction_type::waive_charges:
      if (loan_charge* c = find_charge(l, t.loan_charge_id)) {
        t.fee_portion = std::min(t.amount, c->outstanding());
        c->waived += t.fee_portion;
        l.fees_waived += t.fee_portion;
      }
      break;
    case loan_transaction_type::write_off:
      t.principal_portion = principal_outstanding(l);
      t.interest_portion = interest_outstanding(l);
      t.fee_portion = fees_outstanding(l);
      t.amount = t.principal_portion + t.interest_portion + t.fee_portion;
      l.principal_written_off += t.principal_portion;
      l.interest_written_off += t.interest_portion;
      l.fees_written_off += t.fee_portion;
      break;
    case loan_transaction_type::recovery_repayment:
      l.recovered += t.amount;
      break;
    case loan_transaction_type::refund_for_active_loan:
      t.principal_portion = std::min(t.amount, l.principal_paid);
      l.principal_paid -= t.principal_portion;
      t.interest_portion = std::min(t.amount - t.principal_portion, l.interest_paid);
      l.interest_paid -= t.interest_portion;
      break;
    case loan_transaction_type::credit_balance_refund:
      t.overpayment_portion = std::min(t.amount, l.overpaid);
      l.overpaid -= t.overpayment_portion;
      break;
  }
}

}  // namespace

void replay_transactions(loan& l) {
  l.principal_paid = l.interest_paid = l.overpaid = l.fees_paid = 0;
  l.interest_waived = l.fees_waived = l.recovered = 0;
  l.principal_written_off = l.interest_written_off = l.fees_written_off = 0;
  for (auto& c : l.charges) c.paid = c.waived = 0;
  std::stable_sort(l.transactions.begin(), l.transactions.end(),
                   [](const loan_transaction& a, const loan_transaction& b) {
                     return a.date < b.date || (a.date == b.date && a.id < b.id);
                   });
  std::optional<local_date> last;
  for (auto& t : l.transactions) {
    if (t.reversed) continue;
    book(l, t);
    last = t.date;
  }
  const bool open = l.status == loan_status::active || l.status == loan_status::closed ||
                    l.status == loan_status::overpaid;
  if (!open || !l.disbursed_on) return;
  if (total_outstanding(l) > 0) {
    l.status = loan_status::active;
    l.closed_on.reset();
  } else {
    l.status = l.overpaid > 0 ? loan_status::overpaid : loan_status::closed;
    // Fineract clears the closing date of an overpaid loan (handleLoanOverpayment).
    if (l.status == loan_status::closed)
      l.closed_on = last;
    else
      l.closed_on.reset();
  }
}

nlohmann::ordered_json loan_summary_json(const loan& l, const std::string& currency) {
  const cents disbursed = l.disbursed_on ? l.principal : 0;
  const cents fees = fees_charged(l);
  const cents expected = disbursed + l.interest_charged + fees;
  const cents repaid = l.principal_paid + l.interest_paid + l.fees_paid;
  const cents waived = l.interest_waived + l.fees_waived;
  const cents written_off = l.principal_written_off + l.interest_written_off + l.fees_written_off;
  return {{"currency", currency_json(currency)},
          {"principalDisbursed", amount_json(disbursed)},
          {"principalPaid", amount_json(l.principal_paid)},
          {"principalWrittenOff", amount_json(l.principal_written_off)},
          {"principalOutstanding", amount_json(principal_outstanding(l))},
          {"interestCharged", amount_json(l.interest_charged)},
          {"interestPaid", amount_json(l.interest_paid)},
          {"interestWaived", amount_json(l.interest_waived)},
          {"interestWrittenOff", amount_json(l.interest_written_off)},
          {"interestOutstanding", amount_json(interest_outstanding(l))},
          {"feeChargesCharged", amount_json(fees)},
          {"feeChargesPaid", amount_json(l.fees_paid)},
          {"feeChargesWaived", amount_json(l.fees_waived)},
          {"feeChargesWrittenOff", amount_json(l.fees_written_off)},
          {"feeChargesOutstanding", amount_json(fees_outstanding(l))},
          {"totalExpectedRepayment", amount_json(expected)},
          {"totalRepayment", amount_json(repaid + l.overpaid)},
          {"totalWaived", amount_json(waived)},
          {"totalWrittenOff", amount_json(written_off)},
          {"totalOutstanding", amount_json(total_outstanding(l))},
          {"totalOverpaid", amount_json(l.overpaid)},
          {"totalRecovered", amount_json(l.recovered)}};
}

}  // namespace mifos::mock::detail
