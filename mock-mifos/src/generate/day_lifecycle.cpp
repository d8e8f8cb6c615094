// day_lifecycle.cpp: the day's rarer lifecycle commands: bad loans written off and recovered,
// late fees, clients who leave or change their mobile number, holds on savings, transfers
// between clients, teller corrections and interest postings. How often each happens, and why, is
// in mock-mifos/README.md ("The day's proportions").
#include <cmath>

#include "generate/day_plan.hpp"

namespace mifos::mock::day_plan {
namespace {

constexpr double kLateFee = 5.0;

double cents_of(double amount) { return std::round(amount * 100.0) / 100.0; }

}  // namespace

// On an earlier day (not delivered): the loan went bad and was written off.
void working_day::write_off_earlier(std::int64_t t, person& p) {
  auto r = run_command(t, expect::success, "POST", loan_path(p) + "/transactions",
                       {{"command", "writeoff"}}, requests_.write_off(t));
  p.loan_written_off = r.status == 200;
}

// A written-off loan: three borrowers in ten pay something back today (LOAN RECOVERYPAYMENT);
// for one in fourteen of the others an officer who missed the write-off tries it again, which
// Fineract refuses (400 ...writtenoff.account.is.not.active).
void working_day::plan_written_off_loan(person& p) {
  if (rng_.chance(0.3)) {
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
      double amount = 50.0 * static_cast<double>(rng_.between(1, 10));
      run_command(t, expect::success, "POST", loan_path(who) + "/transactions",
                  {{"command", "recoverypayment"}}, requests_.transaction(t, amount));
    });
  } else if (rng_.chance(0.07)) {
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
      run_command(t, expect::failure, "POST", loan_path(who) + "/transactions",
                  {{"command", "writeoff"}}, requests_.write_off(t));
    });
  }
}

// A borrower who misses today's instalment. One in three is charged a late fee (LOANCHARGE
// CREATE): later in the day it is paid from the linked savings when they cover it (LOANCHARGE
// PAY, six in ten), waived by the branch manager (WAIVE, two in ten) or left outstanding. Of the
// others, one in eight is long overdue and written off in the afternoon; one write-off in five
// is submitted twice, and the second is refused (400).
void working_day::plan_late_loan(person& p) {
  if (rng_.chance(1.0 / 3.0)) {
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
      auto added = run_command(t, expect::success, "POST", loan_path(who) + "/charges", {},
                               requests_.late_fee(t, kLateFee));
      const std::int64_t charge_id = id_of(added, "resourceId");
      if (!charge_id) return;
      const double settle = rng_.unit();
      if (settle >= 0.8) return;
      schedule_for(who, t + rng_.between(5, 120) * kMinute,
                   [this, charge_id, settle](std::int64_t t2, person& w) {
                     const std::string path =
                         loan_path(w) + "/charges/" + std::to_string(charge_id);
                     if (settle < 0.6 && w.savings_balance >= kLateFee) {
                       auto r = run_command(t2, expect::success, "POST", path, {{"command", "pay"}},
                                            requests_.loan_charge_payment(t2));
                       if (r.status == 200) w.savings_balance -= kLateFee;
                       return;
                     }
                     run_command(t2, expect::success, "POST", path, {{"command", "waive"}},
                                 nlohmann::ordered_json::object());
                   });
    });
    return;
  }
  if (!rng_.chance(0.125)) return;
  const bool twice = rng_.chance(0.2);
  schedule_for(p, rng_.between(5 * 60 * kMinute, kDayLength - 10 * kMinute),
               [this, twice](std::int64_t t, person& who) {
                 run_command(t, expect::success, "POST", loan_path(who) + "/transactions",
                             {{"command", "writeoff"}}, requests_.write_off(t));
                 if (!twice) return;
                 schedule_for(who, t + kMinute, [this](std::int64_t t2, person& w) {
                   run_command(t2, expect::failure, "POST", loan_path(w) + "/transactions",
                               {{"command", "writeoff"}}, requests_.write_off(t2));
                 });
               });
}

// A client without a loan leaves: the savings account is closed with its balance paid out
// (SAVINGSACCOUNT CLOSE, withdrawBalance), then the client is closed (CLIENT CLOSE).
void working_day::plan_leaving(person& p) {
  p.leaves_today = true;
  schedule_for(p, rng_.between(0, 7 * 60 * kMinute), [this](std::int64_t t, person& who) {
    run_command(t, expect::success, "POST", savings_path(who), {{"command", "close"}},
                requests_.savings_closure(t));
    who.savings_active = false;
    who.savings_balance = 0;
    schedule_for(who, t + rng_.between(2, 15) * kMinute, [this](std::int64_t t2, person& w) {
      run_command(t2, expect::success, "POST", "/clients/" + std::to_string(w.client_id),
                  {{"command", "close"}}, requests_.client_closure(t2));
    });
  });
}

// A new SIM card: the client's mobile number changes (CLIENT UPDATE, changes.mobileNo).
void working_day::plan_mobile_number_change(person& p) {
  schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
    run_command(t, expect::success, "PUT", "/clients/" + std::to_string(who.client_id), {},
                requests_.mobile_number(index_of(who)));
  });
}

// A hold on part of the balance (a lien, a disputed deposit, a court order): SAVINGSACCOUNT
// HOLDAMOUNT. Half are released within hours (RELEASEAMOUNT); one release in three is clicked
// twice, and the second is refused (400 ...amount.is.not.on.hold).
void working_day::plan_hold(person& p) {
  schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
    if (who.savings_balance < 20.0) return;
    const double amount =
        cents_of(who.savings_balance * static_cast<double>(rng_.between(10, 50)) / 100.0);
    auto held = run_command(t, expect::success, "POST", savings_path(who) + "/transactions",
                            {{"command", "holdAmount"}}, requests_.hold(t, amount, rng_));
    const std::int64_t hold_id = id_of(held, "resourceId");
    if (!hold_id) return;
    who.savings_balance -= amount;
    if (!rng_.chance(0.5)) return;
    const bool twice = rng_.chance(1.0 / 3.0);
    schedule_for(
        who, t + rng_.between(60, 240) * kMinute,
        [this, hold_id, amount, twice](std::int64_t t2, person& w) {
          const std::string path = savings_path(w) + "/transactions/" + std::to_string(hold_id);
          auto r = run_command(t2, expect::success, "POST", path, {{"command", "releaseAmount"}},
                               nlohmann::ordered_json::object());
          if (r.status == 200) w.savings_balance += amount;
          if (!twice) return;
          schedule_for(w, t2 + kMinute, [this, path](std::int64_t t3, person&) {
            run_command(t3, expect::failure, "POST", path, {{"command", "releaseAmount"}},
                        nlohmann::ordered_json::object());
          });
        });
  });
}

// Money sent to another client's savings (a relative, a supplier): ACCOUNTTRANSFER CREATE. The
// recipient is a client of earlier days planned before this one who is not leaving. One transfer
// in five asks for more than the balance and is refused (403 insufficient balance): the sender
// counts on money not yet credited more often than at the counter, where the teller sees it.
void working_day::plan_savings_transfer(std::size_t i) {
  std::size_t to = i;
  for (int tries = 0; tries < 3 && i > 0 && to == i; ++tries) {
    std::size_t k = static_cast<std::size_t>(rng_.below(i));
    if (people_[k].joined_before_today && people_[k].savings_id && !people_[k].leaves_today) to = k;
  }
  if (to == i) return;
  schedule(any_time(), i, [this, to](std::int64_t t, person& who) {
    person& recipient = people_[to];
    const bool over = rng_.chance(0.2);
    const double amount =
        over ? who.savings_balance + 5000.0
             : std::min(who.savings_balance, 10.0 * static_cast<double>(rng_.between(1, 20)));
    if (amount <= 0) return;
    const transfer_target target{recipient.client_id, recipient.savings_id, false};
    auto r = run_command(t, over ? expect::failure : expect::success, "POST", "/accounttransfers",
                         {}, requests_.transfer(t, who.client_id, who.savings_id, target, amount));
    if (r.status != 200) return;
    who.savings_balance -= amount;
    recipient.savings_balance += amount;
  });
}

// The teller types a deposit wrong (an extra hundreds digit), undoes it a few minutes later
// (SAVINGSACCOUNT UNDOTRANSACTION) and enters the right amount. The wrong deposit is never
// counted in what the day may take out, so undoing it cannot overdraw.
void working_day::mistyped_deposit(std::int64_t t, person& p) {
  const double right = 50.0 * static_cast<double>(rng_.between(1, 20));
  const double wrong = right + 100.0 * static_cast<double>(rng_.between(1, 9));
  auto r = run_command(t, expect::success, "POST", savings_path(p) + "/transactions",
                       {{"command", "deposit"}}, requests_.transaction(t, wrong));
  const std::int64_t tid = id_of(r, "resourceId");
  if (!tid) return;
  schedule_for(p, t + rng_.between(1, 5) * kMinute, [this, tid, right](std::int64_t t2, person& w) {
    run_command(t2, expect::success, "POST",
                savings_path(w) + "/transactions/" + std::to_string(tid), {{"command", "undo"}},
                nlohmann::ordered_json::object());
    schedule_for(w, t2 + rng_.between(1, 3) * kMinute,
                 [this, right](std::int64_t t3, person& x) { deposit(t3, x, right); });
  });
}

// The teller enters a repayment 100 too high and corrects it (LOAN ADJUST with the right
// amount; resourceId = the replacing transaction).
void working_day::mistyped_repayment(std::int64_t t, person& p) {
  auto r =
      run_command(t, expect::success, "POST", loan_path(p) + "/transactions",
                  {{"command", "repayment"}}, requests_.repayment(t, p.installment + 100.0, rng_));
  const std::int64_t tid = id_of(r, "resourceId");
  if (!tid) return;
  schedule_for(p, t + rng_.between(1, 10) * kMinute, [this, tid](std::int64_t t2, person& w) {
    run_command(t2, expect::success, "POST", loan_path(w) + "/transactions/" + std::to_string(tid),
                {}, requests_.teller_correction(t2, w.installment));
  });
}

// SAVINGSACCOUNT POSTINTEREST. The seeded savings product pays 0%, so the mock books nothing,
// as Fineract would; the command and its hook are what a receiver sees.
void working_day::post_interest(std::int64_t t, person& p) {
  run_command(t, expect::success, "POST", savings_path(p), {{"command", "postInterest"}},
              nlohmann::ordered_json::object());
}

}  // namespace mifos::mock::day_plan
