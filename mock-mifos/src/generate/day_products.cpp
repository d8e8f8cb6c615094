// day_products.cpp: the day's deposit and share work and the membership fee. Clients of earlier
// days hold fixed deposits (some matured, closed today), recurring deposits (an installment paid
// today) and member shares (more bought today); a few open a fixed deposit or buy their first
// shares; new clients are charged the membership fee and most pay it at once. How often, and
// why, is in mock-mifos/README.md ("The day's proportions").
#include <array>

#include "generate/day_plan.hpp"

namespace mifos::mock::day_plan {
namespace {

constexpr double kMembershipFee = 10.0;
constexpr const char* kMembershipFeeName = "Membership fee";
// The seeded share product issues 1000 shares; the day keeps a margin so that every approval it
// plans stays within them (400 ...exceeding.totalshares.issuable otherwise).
constexpr int kShareCap = 900;

}  // namespace

bool working_day::reserve_shares(int shares) {
  if (shares_subscribed_ + shares > kShareCap) return false;
  shares_subscribed_ += shares;
  return true;
}

// Before the day (not delivered): the accountant defines the client charge new clients pay,
// unless an earlier scenario on the same server did (charge names are unique: 403).
void working_day::define_membership_fee() {
  auto charges = run_command(-kCalendarDay, expect::success, "GET", "/charges", {}, {});
  if (charges.status == 200 && charges.body.is_array()) {
    for (const auto& c : charges.body) {
      if (c.value("name", "") == kMembershipFeeName) {
        membership_fee_id_ = c.value("id", std::int64_t{0});
        return;
      }
    }
  }
  auto r = run_command(-kCalendarDay, expect::success, "POST", "/charges", {},
                       requests_.membership_fee_definition(kMembershipFeeName, kMembershipFee));
  membership_fee_id_ = id_of(r, "resourceId");
}

// Runs an account's application, approval and activation on an earlier day (not delivered), a
// minute apart from `t`. Returns its id (0: not created).
std::int64_t working_day::open_earlier_account(std::int64_t t, const std::string& resource,
                                               nlohmann::ordered_json application,
                                               nlohmann::ordered_json approval,
                                               nlohmann::ordered_json activation) {
  auto created = run_command(t, expect::success, "POST", resource, {}, std::move(application));
  const std::int64_t id = id_of(created, "resourceId");
  if (!id) return 0;
  const std::string path = resource + "/" + std::to_string(id);
  run_command(t + kMinute, expect::success, "POST", path, {{"command", "approve"}},
              std::move(approval));
  run_command(t + 2 * kMinute, expect::success, "POST", path, {{"command", "activate"}},
              std::move(activation));
  return id;
}

// Earlier products, opened the day the client joined: a fixed deposit (8%) for 3, 6 or 12
// months, a recurring deposit (12%) of 20 to 200 a month for two years, member shares (10%).
void working_day::open_earlier_products(person& p, std::int64_t earlier) {
  const std::int64_t days_ago = -earlier / kCalendarDay;
  if (rng_.chance(0.08)) {
    const int months = std::array{3, 6, 12}[rng_.below(3)];
    const double amount = 500.0 * static_cast<double>(rng_.between(2, 20));
    const std::int64_t id = open_earlier_account(
        earlier + 3 * kMinute, "/fixeddepositaccounts",
        requests_.fixed_deposit(p.client_id, amount, months, earlier),
        requests_.savings_approval(earlier), requests_.savings_activation(earlier));
    // Months are 28 to 31 days: keep clear of the maturity date itself.
    if (days_ago > months * 31 + 1) {
      p.fixed_deposit_id = id;
      p.fixed_deposit_matured = true;
    } else if (days_ago < months * 28 - 1) {
      p.fixed_deposit_id = id;
    }
  }
  if (rng_.chance(0.12)) {
    const double installment = 10.0 * static_cast<double>(rng_.between(2, 20));
    p.recurring_deposit_id = open_earlier_account(
        earlier + 6 * kMinute, "/recurringdepositaccounts",
        requests_.recurring_deposit(p.client_id, installment, earlier),
        requests_.savings_approval(earlier), requests_.savings_activation(earlier));
    p.recurring_installment = installment;
  }
  const int shares = static_cast<int>(rng_.between(1, 5));
  if (p.savings_active && rng_.chance(0.10) && reserve_shares(shares)) {
    p.share_account_id = open_earlier_account(
        earlier + 9 * kMinute, "/accounts/share",
        requests_.share_application(p.client_id, p.savings_id, shares, earlier),
        requests_.share_dated("approvedDate", earlier),
        requests_.share_dated("activatedDate", earlier));
  }
}

// Today: half the matured fixed deposits are closed (to savings), 3% of the running ones are
// broken early (in cash), a quarter of the recurring deposits get this month's installment, 8%
// of shareholders buy more shares, 1% of the others buy their first, 1% open a fixed deposit.
void working_day::plan_products_day(person& p) {
  if (p.fixed_deposit_id && (p.fixed_deposit_matured ? rng_.chance(0.5) : rng_.chance(0.03))) {
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
      const bool matured = who.fixed_deposit_matured;
      run_command(t, expect::success, "POST",
                  "/fixeddepositaccounts/" + std::to_string(who.fixed_deposit_id),
                  {{"command", matured ? "close" : "prematureClose"}},
                  requests_.deposit_closure(t, matured && who.savings_active ? who.savings_id : 0));
      who.fixed_deposit_id = 0;
    });
  }
  if (p.recurring_deposit_id && rng_.chance(0.25)) {
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) {
      run_command(
          t, expect::success, "POST",
          "/recurringdepositaccounts/" + std::to_string(who.recurring_deposit_id) + "/transactions",
          {{"command", "deposit"}}, requests_.transaction(t, who.recurring_installment));
    });
  }
  if (p.share_account_id && rng_.chance(0.08)) {
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) { buy_more_shares(t, who); });
  } else if (!p.share_account_id && p.savings_active && rng_.chance(0.01)) {
    schedule_for(p, any_time(), [this](std::int64_t t, person& who) { buy_shares_today(t, who); });
  }
  if (rng_.chance(0.01)) {
    schedule_for(p, rng_.between(0, 6 * 60 * kMinute),
                 [this](std::int64_t t, person& who) { open_fixed_deposit_today(t, who); });
  }
}

// Applied for at the counter, approved by the branch manager within hours, then activated.
void working_day::open_fixed_deposit_today(std::int64_t t, person& p) {
  const double amount = 500.0 * static_cast<double>(rng_.between(2, 20));
  auto fd = run_command(t, expect::success, "POST", "/fixeddepositaccounts", {},
                        requests_.fixed_deposit(p.client_id, amount, 12, t));
  const std::int64_t id = id_of(fd, "resourceId");
  if (!id) return;
  const std::string path = "/fixeddepositaccounts/" + std::to_string(id);
  schedule_for(p, t + rng_.between(30, 120) * kMinute, [this, path](std::int64_t t2, person& w) {
    run_command(t2, expect::success, "POST", path, {{"command", "approve"}},
                requests_.savings_approval(t2));
    schedule_for(w, t2 + rng_.between(5, 60) * kMinute, [this, path](std::int64_t t3, person&) {
      run_command(t3, expect::success, "POST", path, {{"command", "activate"}},
                  requests_.savings_activation(t3));
    });
  });
}

void working_day::buy_shares_today(std::int64_t t, person& p) {
  const int shares = static_cast<int>(rng_.between(1, 5));
  if (!p.savings_active || !reserve_shares(shares)) return;
  auto sa = run_command(t, expect::success, "POST", "/accounts/share", {},
                        requests_.share_application(p.client_id, p.savings_id, shares, t));
  const std::int64_t id = id_of(sa, "resourceId");
  if (!id) return;
  p.share_account_id = id;
  const std::string path = "/accounts/share/" + std::to_string(id);
  schedule_for(p, t + rng_.between(30, 120) * kMinute, [this, path](std::int64_t t2, person& w) {
    run_command(t2, expect::success, "POST", path, {{"command", "approve"}},
                requests_.share_dated("approvedDate", t2));
    schedule_for(w, t2 + rng_.between(5, 60) * kMinute, [this, path](std::int64_t t3, person&) {
      run_command(t3, expect::success, "POST", path, {{"command", "activate"}},
                  requests_.share_dated("activatedDate", t3));
    });
  });
}

// SHAREACCOUNT APPLYADDITIONALSHARES; four requests in five are approved later in the day
// (APPROVEADDITIONALSHARES), the others wait for tomorrow.
void working_day::buy_more_shares(std::int64_t t, person& p) {
  const int shares = static_cast<int>(rng_.between(1, 5));
  if (!reserve_shares(shares)) return;
  const std::string path = "/accounts/share/" + std::to_string(p.share_account_id);
  auto r = run_command(t, expect::success, "POST", path, {{"command", "applyadditionalshares"}},
                       requests_.additional_shares(t, shares));
  if (r.status != 200 || !rng_.chance(0.8)) return;
  const std::int64_t request_id = r.body["changes"].value("additionalshares", std::int64_t{0});
  schedule_for(
      p, t + rng_.between(30, 180) * kMinute, [this, path, request_id](std::int64_t t2, person&) {
        run_command(t2, expect::success, "POST", path, {{"command", "approveadditionalshares"}},
                    requests_.approve_additional_shares(request_id));
      });
}

// CLIENTCHARGE CREATE for a new client; nine in ten pay it at once (CLIENTCHARGE PAY).
void working_day::charge_membership_fee(std::int64_t t, person& p) {
  if (!membership_fee_id_) return;
  const std::string path = "/clients/" + std::to_string(p.client_id) + "/charges";
  auto r = run_command(t, expect::success, "POST", path, {},
                       requests_.client_charge(t, membership_fee_id_, kMembershipFee));
  const std::int64_t charge_id = id_of(r, "resourceId");
  if (!charge_id || !rng_.chance(0.9)) return;
  schedule_for(p, t + rng_.between(1, 10) * kMinute,
               [this, path, charge_id](std::int64_t t2, person&) {
                 run_command(t2, expect::success, "POST", path + "/" + std::to_string(charge_id),
                             {{"command", "paycharge"}},
                             requests_.client_charge_payment(t2, kMembershipFee));
               });
}

}  // namespace mifos::mock::day_plan
