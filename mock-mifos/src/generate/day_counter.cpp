// day_counter.cpp: what the clients of earlier days do today: repay their instalment (in cash, or
// from their savings), deposit, withdraw, pay charges, and the rarer events of day_lifecycle.cpp.
// Each command is planned to succeed or fail; the amounts stay within what the day knows of the
// balance, so a debit planned to succeed does.
#include <algorithm>

#include "generate/day_plan.hpp"

namespace mifos::mock::day_plan {

void working_day::plan_existing_client_day(std::size_t i) {
  person& p = people_[i];
  // One client without a loan in ten leaves today, and does nothing else.
  if (!p.loan_id && !p.holds_products() && rng_.chance(0.10)) return plan_leaving(p);
  // A quarter of the borrowers repay at their center's weekly meeting (day_meetings.cpp).
  if (p.loan_id && !p.loan_written_off && rng_.chance(0.25)) {
    center_members_.push_back(i);
  } else if (p.loan_id) {
    plan_loan_day(p);
  }
  plan_savings_day(i);
  plan_products_day(p);
  if (rng_.chance(0.03)) plan_mobile_number_change(p);
}

void working_day::plan_loan_day(person& p) {
  if (p.loan_written_off) return plan_written_off_loan(p);
  if (rng_.chance(0.85)) {
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) { repay(t, who); });
  } else {
    plan_late_loan(p);
  }
  // One borrower in a hundred asks to leave with the loan and savings still open: refused (403
  // error.msg.client.close.loan.non-closed), a failure of the new kind.
  if (rng_.chance(0.01))
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
      run_command(t, expect::failure, "POST", "/clients/" + std::to_string(who.client_id),
                  {{"command", "close"}}, requests_.client_closure(t));
    });
}

// One instalment in six comes from the client's savings by an account transfer, when the
// savings cover it; the others are paid in cash. A zero repayment now and then is a validation
// failure, fired like any other; one cash repayment in fifty is mistyped and corrected.
void working_day::repay(std::int64_t t, person& p) {
  if (p.savings_active && p.savings_balance >= p.installment && rng_.chance(0.15)) {
    const transfer_target to{p.client_id, p.loan_id, true};
    auto r = run_command(t, expect::success, "POST", "/accounttransfers", {},
                         requests_.transfer(t, p.client_id, p.savings_id, to, p.installment));
    if (r.status == 200) p.savings_balance -= p.installment;
    return;
  }
  if (rng_.chance(0.02)) return mistyped_repayment(t, p);
  const bool zero = rng_.chance(0.03);
  run_command(t, zero ? expect::failure : expect::success, "POST", loan_path(p) + "/transactions",
              {{"command", "repayment"}}, requests_.repayment(t, zero ? 0.0 : p.installment, rng_));
}

void working_day::deposit(std::int64_t t, person& p, double amount) {
  auto r = run_command(t, expect::success, "POST", savings_path(p) + "/transactions",
                       {{"command", "deposit"}}, requests_.transaction(t, amount));
  if (r.status == 200) p.savings_balance += amount;
}

void working_day::plan_savings_day(std::size_t i) {
  person& p = people_[i];
  if (rng_.chance(0.4))
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
      // One deposit in fifty is mistyped by the teller, undone and entered again.
      if (rng_.chance(0.02)) return mistyped_deposit(t, who);
      deposit(t, who, 50.0 * static_cast<double>(rng_.between(1, 40)));
    });
  if (rng_.chance(0.2))
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
      // One in ten asks for more than the balance: refused by the domain rule.
      const bool over = rng_.chance(0.1);
      double amount =
          over ? who.savings_balance + 5000.0
               : std::min(who.savings_balance, 20.0 * static_cast<double>(rng_.between(1, 10)));
      if (amount <= 0) return;
      auto r = run_command(t, over ? expect::failure : expect::success, "POST",
                           savings_path(who) + "/transactions", {{"command", "withdrawal"}},
                           requests_.transaction(t, amount));
      if (r.status == 200) who.savings_balance -= amount;
    });
  if (rng_.chance(0.1))
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
      auto added = run_command(t, expect::success, "POST", savings_path(who) + "/charges", {},
                               requests_.savings_charge(t));
      std::int64_t charge_id = id_of(added, "resourceId");
      if (!charge_id) return;
      schedule_for(who, t + rng_.between(1, 30) * kMinute,
                   [this, charge_id](std::int64_t t2, person& w) {
                     if (w.savings_balance < 2.0) return;  // left unpaid
                     auto r = run_command(t2, expect::success, "POST",
                                          savings_path(w) + "/charges/" + std::to_string(charge_id),
                                          {{"command", "paycharge"}}, requests_.charge_payment(t2));
                     if (r.status == 200) w.savings_balance -= 2.0;
                   });
    });
  if (rng_.chance(0.03)) plan_savings_transfer(i);
  if (rng_.chance(0.03)) plan_hold(p);
  // Outside month ends, one account in fifty has its interest posted by hand (a statement asked
  // for, an account about to change product).
  if (!is_month_end() && rng_.chance(0.02))
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) { post_interest(t, who); });
}

}  // namespace mifos::mock::day_plan
