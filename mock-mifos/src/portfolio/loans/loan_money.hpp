// loan_money.hpp: a loan's money: the interest its schedule charges, how its transactions split
// into fees, interest and principal, and the summary GET /loans/{id} shows.
//
//   l.interest_charged = scheduled_interest(l);        // at disbursal
//   l.transactions.push_back(repayment);
//   replay_transactions(l);                            // portions, totals and status again
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
cents fees_outstanding(const loan& l);
cents total_outstanding(const loan& l);
// The fees the loan's active charges add up to.
cents fees_charged(const loan& l);

// Books every transaction that is not reversed again, oldest first, from a loan with nothing
// paid: each one's portions, the loan's totals, and its status. Payments (repayment, goodwill
// credit, charge payment) pay fees first, then interest, then principal (a simplification of
// Fineract's per-installment strategies), any excess as overpayment; waivers reduce what is
// owed; a write-off books what is left; a refund gives paid principal (then interest) back; a
// credit balance refund pays out the overpayment; a recovery payment only counts as recovered.
// A loan that was active, closed or overpaid is then closed (600) when nothing is outstanding,
// overpaid (700) when more was paid, and active (300) otherwise.
void replay_transactions(loan& l);

// The loan's `summary` object (currency, principal, interest, fee and total figures).
nlohmann::ordered_json loan_summary_json(const loan& l, const std::string& currency);

}  // namespace mifos::mock::detail
