// loan_money.hpp: a loan's money: the interest its schedule charges, how a repayment splits
// into interest and principal, and the summary GET /loans/{id} shows.
//
//   l.interest_charged = scheduled_interest(l);        // at disbursal
//   repayment_split r = apply_repayment(l, 50000);     // interest first, then principal
#pragma once

#include <nlohmann/json.hpp>

#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// The percent of interest per repayment period for a rate given per month (frequency type 2)
// or per year (3), with repayments every `every` days (0), weeks (1), months (2) or years (3).
double rate_per_period(double rate, int rate_frequency_type, int every, int frequency_type);

// Total interest of the loan's schedule on its principal: flat (interest_type 1), or declining
// balance (0) with equal installments (amortization_type 1) or equal principal (0).
cents scheduled_interest(const loan& l);

cents principal_outstanding(const loan& l);
cents interest_outstanding(const loan& l);

struct repayment_split {
  cents principal = 0, interest = 0, overpayment = 0;
};

// Books a repayment of `amount` on an active loan: outstanding interest first, then principal
// (a simplification of Fineract's per-installment strategies), any excess as overpayment. A
// loan repaid in full closes (600, obligations met); one repaid beyond is overpaid (700).
repayment_split apply_repayment(loan& l, cents amount);

// The loan's `summary` object (currency, principal, interest and total figures).
nlohmann::ordered_json loan_summary_json(const loan& l, const std::string& currency);

}  // namespace mifos::mock::detail
