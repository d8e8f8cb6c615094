// day_plan.cpp: the day's queue, the morning's portfolio (clients of earlier days), the clients
// who join today, and the back office (groups, journal entries, month-end interest).
#include "generate/day_plan.hpp"

#include <algorithm>
#include <cmath>

namespace mifos::mock::day_plan {

using namespace std::chrono_literals;

working_day::working_day(const scenario_options& o, const command_runner& run)
    : o_(o), run_(run), rng_(o.seed), requests_(o.year, o.month, o.day) {
  start_ = std::chrono::sys_days(std::chrono::year(o.year) / o.month / o.day) + 8h;
}

scenario_summary working_day::run() {
  people_.resize(o_.clients);
  define_membership_fee();
  for (std::size_t i = 0; i < people_.size(); ++i) {
    // Seven in ten were clients before today; the others join today.
    if (rng_.chance(0.7)) {
      open_earlier_client(people_[i]);
      plan_existing_client_day(i);
    } else {
      schedule(rng_.between(0, 7 * 60 * kMinute), i,
               [this](std::int64_t t, person& p) { join_today(t, p); });
    }
  }
  form_centers();
  plan_back_office();
  while (!queue_.empty()) {
    step s = queue_.top();
    queue_.pop();
    if (s.at_us >= kDayLength) continue;  // tomorrow's work
    s.run(s.at_us, people_[s.person_index]);
  }
  return summary_;
}

void working_day::schedule(std::int64_t at_us, std::size_t who, action run) {
  queue_.push({at_us, next_order_++, who, std::move(run)});
}

rest_outcome working_day::run_command(std::int64_t at_us, expect planned, std::string method,
                                      std::string path, std::map<std::string, std::string> query,
                                      nlohmann::ordered_json body) {
  rest_call call;
  call.method = std::move(method);
  call.path = std::move(path);
  call.query = std::move(query);
  call.body = std::move(body);
  call.user = requests_.user(rng_.below(3));
  call.tenant = o_.tenant;
  call.now = start_ + std::chrono::microseconds(at_us);
  rest_outcome out = run_(at_us, call);
  const bool succeeded = out.status == 200;
  if (succeeded != (planned == expect::success)) {
    std::string command = call.query.count("command") ? "?command=" + call.query.at("command") : "";
    summary_.unexpected.push_back(call.method + " " + call.path + command + " answered " +
                                  std::to_string(out.status) + ", planned to " +
                                  (planned == expect::success ? "succeed" : "fail") + ": " +
                                  out.body.dump());
  }
  if (at_us >= 0 && out.event) {
    ++summary_.commands;
    if (out.event->failed()) ++summary_.failed;
  }
  return out;
}

std::int64_t working_day::id_of(const rest_outcome& out, const char* key) {
  return out.status == 200 ? out.body.value(key, std::int64_t{0}) : 0;
}

std::string working_day::loan_path(const person& p) {
  return "/loans/" + std::to_string(p.loan_id);
}

std::string working_day::savings_path(const person& p) {
  return "/savingsaccounts/" + std::to_string(p.savings_id);
}

// Before today: an active client with a savings account, often with a disbursed loan, now and
// then one written off since.
void working_day::open_earlier_client(person& p) {
  p.joined_before_today = true;
  std::int64_t earlier = -static_cast<std::int64_t>(rng_.between(20, 400)) * 24 * 60 * kMinute;
  auto client = run_command(earlier, expect::success, "POST", "/clients", {},
                            requests_.new_client(index_of(p), earlier, true, true, rng_));
  p.client_id = id_of(client, "clientId");
  p.savings_id = id_of(client, "savingsId");
  p.savings_active = p.savings_id != 0;
  double amount = 100.0 * static_cast<double>(rng_.between(1, 20));
  auto d =
      run_command(earlier + kMinute, expect::success, "POST", savings_path(p) + "/transactions",
                  {{"command", "deposit"}}, requests_.transaction(earlier, amount));
  if (d.status == 200) p.savings_balance += amount;
  if (rng_.chance(0.8)) {
    double principal = 1000.0 * static_cast<double>(rng_.between(2, 20));
    open_loan(earlier + 2 * kMinute, p, principal, /*delivered=*/false);
    // One loan in twenty went bad and was written off halfway between then and today.
    if (p.loan_id && rng_.chance(0.05)) write_off_earlier(earlier / 2, p);
  }
  open_earlier_products(p, earlier);
}

void working_day::open_loan(std::int64_t t, person& p, double principal, bool delivered) {
  // Loans of earlier days are linked to the client's savings: late fees are paid from there.
  auto loan = run_command(
      t, expect::success, "POST", "/loans", {},
      requests_.loan_application(p.client_id, principal, t, delivered ? 0 : p.savings_id));
  p.loan_id = id_of(loan, "loanId");
  if (!p.loan_id) return;
  p.installment = std::round(principal / 12.0 * 1.12 * 100.0) / 100.0;  // in cents
  if (!delivered) {
    run_command(t + kMinute, expect::success, "POST", loan_path(p), {{"command", "approve"}},
                requests_.approval(t + kMinute));
    run_command(t + 2 * kMinute, expect::success, "POST", loan_path(p), {{"command", "disburse"}},
                requests_.disbursal(t + 2 * kMinute, principal));
    return;
  }
  schedule_for(
      p, t + rng_.between(30, 180) * kMinute,
      [this, principal](std::int64_t at, person& who) { decide_application(at, who, principal); });
}

// The credit committee approves eight applications in ten and rejects one in eight; the others
// are withdrawn by the applicant.
void working_day::decide_application(std::int64_t t, person& p, double principal) {
  const double verdict = rng_.unit();
  if (verdict < 0.12) {
    run_command(t, expect::success, "POST", loan_path(p), {{"command", "reject"}},
                requests_.loan_rejection(t));
    return;
  }
  if (verdict < 0.20) {
    run_command(t, expect::success, "POST", loan_path(p), {{"command", "withdrawnByApplicant"}},
                requests_.loan_withdrawal(t));
    return;
  }
  run_command(t, expect::success, "POST", loan_path(p), {{"command", "approve"}},
              requests_.approval(t));
  schedule_for(p, t + rng_.between(10, 90) * kMinute,
               [this, principal](std::int64_t at, person& w) {
                 run_command(at, expect::success, "POST", loan_path(w), {{"command", "disburse"}},
                             requests_.disbursal(at, principal));
               });
}

// A new client: created (active or pending), activated later if pending, often a savings
// account and a loan application.
void working_day::join_today(std::int64_t t, person& p) {
  bool active_now = rng_.chance(0.5);
  auto client = run_command(t, expect::success, "POST", "/clients", {},
                            requests_.new_client(index_of(p), t, active_now, false, rng_));
  p.client_id = id_of(client, "clientId");
  if (!p.client_id) return;
  std::int64_t next = t + rng_.between(2, 30) * kMinute;
  if (!active_now || rng_.chance(0.05)) {
    // Activating an active client (one in twenty) fails: a domain rule.
    schedule_for(p, next, [this, active_now](std::int64_t at, person& who) {
      run_command(at, active_now ? expect::failure : expect::success, "POST",
                  "/clients/" + std::to_string(who.client_id), {{"command", "activate"}},
                  requests_.activation(at));
    });
    next += rng_.between(2, 20) * kMinute;
  }
  // Seven new clients in ten are charged the membership fee once active.
  if (rng_.chance(0.7)) {
    schedule_for(p, next, [this](std::int64_t at, person& who) { charge_membership_fee(at, who); });
    next += rng_.between(2, 20) * kMinute;
  }
  if (rng_.chance(0.6))
    schedule_for(p, next, [this](std::int64_t at, person& who) { open_savings_today(at, who); });
  if (rng_.chance(0.5))
    schedule_for(p, next + rng_.between(5, 60) * kMinute, [this](std::int64_t at, person& who) {
      open_loan(at, who, 1000.0 * static_cast<double>(rng_.between(1, 10)), true);
    });
}

void working_day::open_savings_today(std::int64_t t, person& p) {
  auto created = run_command(t, expect::success, "POST", "/savingsaccounts", {},
                             requests_.savings_application(p.client_id, t));
  p.savings_id = id_of(created, "savingsId");
  if (!p.savings_id) return;
  schedule_for(p, t + rng_.between(5, 60) * kMinute, [this](std::int64_t at, person& who) {
    run_command(at, expect::success, "POST", savings_path(who), {{"command", "approve"}},
                requests_.savings_approval(at));
    schedule_for(who, at + rng_.between(1, 30) * kMinute, [this](std::int64_t at2, person& w) {
      run_command(at2, expect::success, "POST", savings_path(w), {{"command", "activate"}},
                  requests_.savings_activation(at2));
      w.savings_active = true;
      // The first deposit comes a little later: a step of its own, so that time never goes
      // back in the file.
      schedule_for(w, at2 + rng_.between(1, 10) * kMinute, [this](std::int64_t at3, person& x) {
        deposit(at3, x, 50.0 * static_cast<double>(rng_.between(1, 20)));
      });
    });
  });
}

bool working_day::is_month_end() const {
  using namespace std::chrono;
  const sys_days today = sys_days(year(o_.year) / o_.month / o_.day);
  return year_month_day{today + days(1)}.day() == day(1);
}

// Groups and centers formed, journal entries posted by the accountant (one in ten does not
// balance: Fineract refuses it, and the hook still fires), and on the last day of a month the
// interest of every open savings account posted after the counter closes.
void working_day::plan_back_office() {
  for (std::size_t g = 0; g < std::max<std::size_t>(1, o_.clients / 50); ++g)
    schedule(any_time(), 0, [this, g](std::int64_t t, person&) {
      const bool center = g % 4 == 3;
      auto r = run_command(t, expect::success, "POST", center ? "/centers" : "/groups", {},
                           requests_.group(g, t, center));
      const std::int64_t center_id = center ? id_of(r, "resourceId") : 0;
      if (!center_id) return;
      schedule(t + rng_.between(5, 30) * kMinute, 0,
               [this, center_id](std::int64_t t2, person&) { give_calendar(t2, center_id); });
    });
  for (std::size_t j = 0; j < std::max<std::size_t>(1, o_.clients / 20); ++j)
    schedule(any_time(), 0, [this, j](std::int64_t t, person&) {
      bool balanced = !rng_.chance(0.1);
      run_command(
          t, balanced ? expect::success : expect::failure, "POST", "/journalentries", {},
          requests_.journal_entry(t, 50.0 + static_cast<double>(rng_.below(500)), balanced, j));
    });
  if (!is_month_end()) return;
  for (std::size_t i = 0; i < people_.size(); ++i)
    schedule(rng_.between(8 * 60 * kMinute + 30 * kMinute, kDayLength - 1), i,
             [this](std::int64_t t, person& p) {
               if (p.savings_active) post_interest(t, p);
             });
}

}  // namespace mifos::mock::day_plan
