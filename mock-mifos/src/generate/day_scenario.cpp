// day_scenario.cpp: the day is a queue of timed steps. Each step runs one REST command on the
// portfolio, writes the delivery its hook fires, and may schedule the client's next step (a loan
// application is approved later, then disbursed), so ids are consistent across the day.
#include "generate/day_scenario.hpp"

#include <cstdio>
#include <queue>
#include <stdexcept>
#include <vector>

#include "generate/day_requests.hpp"
#include "generate/random.hpp"
#include "portfolio/portfolio.hpp"
#include "wire/url.hpp"

namespace mifos::mock {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kMinute = 60'000'000;           // microseconds
constexpr std::int64_t kDayLength = 9 * 60 * kMinute;  // 08:00 to 17:00

struct person {
  std::int64_t client_id = 0;
  std::int64_t loan_id = 0;     // 0: none
  std::int64_t savings_id = 0;  // 0: none
  double installment = 0;       // what one loan repayment is
  double savings_balance = 0;   // as far as the day knows
};

struct step {
  std::int64_t at_us;
  std::uint64_t order;  // ties keep the order they were scheduled in
  std::size_t person_index;
  std::function<void(std::int64_t at_us, person&)> run;
  bool operator>(const step& o) const {
    return at_us != o.at_us ? at_us > o.at_us : order > o.order;
  }
};

class day {
 public:
  day(const scenario_options& o, const command_runner& run)
      : o_(o), run_(run), rng_(o.seed), requests_(o.year, o.month, o.day) {
    start_ = std::chrono::sys_days(std::chrono::year(o.year) / o.month / o.day) + 8h;
  }

  scenario_summary run() {
    people_.resize(o_.clients);
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
    for (std::size_t g = 0; g < std::max<std::size_t>(1, o_.clients / 50); ++g)
      schedule(rng_.between(0, kDayLength - 1), 0, [this, g](std::int64_t t, person&) {
        run_command(t, "POST", g % 4 == 3 ? "/centers" : "/groups", {},
                    requests_.group(g, t, g % 4 == 3));
      });
    for (std::size_t j = 0; j < std::max<std::size_t>(1, o_.clients / 20); ++j)
      schedule(rng_.between(0, kDayLength - 1), 0, [this, j](std::int64_t t, person&) {
        // One in ten does not balance: Fineract refuses it, and the hook still fires.
        bool balanced = !rng_.chance(0.1);
        run_command(
            t, "POST", "/journalentries", {},
            requests_.journal_entry(t, 50.0 + static_cast<double>(rng_.below(500)), balanced, j));
      });
    while (!queue_.empty()) {
      step s = queue_.top();
      queue_.pop();
      if (s.at_us >= kDayLength) continue;  // tomorrow's work
      s.run(s.at_us, people_[s.person_index]);
    }
    return summary_;
  }

 private:
  void schedule(std::int64_t at_us, std::size_t who,
                std::function<void(std::int64_t, person&)> run) {
    queue_.push({at_us, next_order_++, who, std::move(run)});
  }
  std::size_t index_of(const person& p) const {
    return static_cast<std::size_t>(&p - people_.data());
  }

  // Runs one command at `at_us` (negative: an earlier day, not delivered). Returns its outcome.
  rest_outcome run_command(std::int64_t at_us, std::string method, std::string path,
                           std::map<std::string, std::string> query, nlohmann::ordered_json body) {
    rest_call call;
    call.method = std::move(method);
    call.path = std::move(path);
    call.query = std::move(query);
    call.body = std::move(body);
    call.user = requests_.user(rng_.below(3));
    call.tenant = o_.tenant;
    call.now = start_ + std::chrono::microseconds(at_us);
    rest_outcome out = run_(at_us, call);
    if (at_us >= 0 && out.event) {
      ++summary_.commands;
      if (out.event->failed()) ++summary_.failed;
    }
    return out;
  }

  static std::int64_t id_of(const rest_outcome& out, const char* key) {
    return out.status == 200 ? out.body.value(key, std::int64_t{0}) : 0;
  }

  // Before today: an active client with a savings account, often with a disbursed loan.
  void open_earlier_client(person& p) {
    std::int64_t earlier = -static_cast<std::int64_t>(rng_.between(20, 400)) * 24 * 60 * kMinute;
    auto client = run_command(earlier, "POST", "/clients", {},
                              requests_.new_client(index_of(p), earlier, true, true, rng_));
    p.client_id = id_of(client, "clientId");
    p.savings_id = id_of(client, "savingsId");
    if (p.savings_id) {
      double amount = 100.0 * static_cast<double>(rng_.between(1, 20));
      auto d = run_command(earlier + kMinute, "POST", savings_path(p) + "/transactions",
                           {{"command", "deposit"}}, requests_.transaction(earlier, amount));
      if (d.status == 200) p.savings_balance += amount;
    }
    if (rng_.chance(0.8)) {
      double principal = 1000.0 * static_cast<double>(rng_.between(2, 20));
      open_loan(earlier + 2 * kMinute, p, principal, /*delivered=*/false);
    }
  }

  void open_loan(std::int64_t t, person& p, double principal, bool delivered) {
    auto loan =
        run_command(t, "POST", "/loans", {}, requests_.loan_application(p.client_id, principal, t));
    p.loan_id = id_of(loan, "loanId");
    if (!p.loan_id) return;
    p.installment = principal / 12.0 * 1.12;
    auto approve_and_disburse = [this, principal](std::int64_t at, person& who) {
      auto approved = run_command(at, "POST", "/loans/" + std::to_string(who.loan_id),
                                  {{"command", "approve"}}, requests_.approval(at));
      if (approved.status != 200) return;
      auto disburse = [this, principal](std::int64_t at2, person& w) {
        run_command(at2, "POST", "/loans/" + std::to_string(w.loan_id), {{"command", "disburse"}},
                    requests_.disbursal(at2, principal));
      };
      if (at < 0) return disburse(at + kMinute, who);
      schedule(at + rng_.between(10, 90) * kMinute, index_of(who), disburse);
    };
    if (!delivered) return approve_and_disburse(t + kMinute, p);
    schedule(t + rng_.between(30, 180) * kMinute, index_of(p), approve_and_disburse);
  }

  std::string savings_path(const person& p) const {
    return "/savingsaccounts/" + std::to_string(p.savings_id);
  }

  void plan_existing_client_day(std::size_t i) {
    person& p = people_[i];
    if (p.loan_id && rng_.chance(0.85)) {
      schedule(rng_.between(0, kDayLength - 1), i, [this](std::int64_t t, person& who) {
        // A zero repayment now and then: a validation failure, fired like any other.
        double amount = rng_.chance(0.03) ? 0.0 : who.installment;
        run_command(t, "POST", "/loans/" + std::to_string(who.loan_id) + "/transactions",
                    {{"command", "repayment"}}, requests_.repayment(t, amount, rng_));
      });
    }
    if (!p.savings_id) return;
    if (rng_.chance(0.4))
      schedule(rng_.between(0, kDayLength - 1), i, [this](std::int64_t t, person& who) {
        double amount = 50.0 * static_cast<double>(rng_.between(1, 40));
        auto r = run_command(t, "POST", savings_path(who) + "/transactions",
                             {{"command", "deposit"}}, requests_.transaction(t, amount));
        if (r.status == 200) who.savings_balance += amount;
      });
    if (rng_.chance(0.2))
      schedule(rng_.between(0, kDayLength - 1), i, [this](std::int64_t t, person& who) {
        // One in ten asks for more than the balance: refused by the domain rule.
        double amount =
            rng_.chance(0.1)
                ? who.savings_balance + 1000.0
                : std::min(who.savings_balance, 20.0 * static_cast<double>(rng_.between(1, 10)));
        if (amount <= 0) return;
        auto r = run_command(t, "POST", savings_path(who) + "/transactions",
                             {{"command", "withdrawal"}}, requests_.transaction(t, amount));
        if (r.status == 200) who.savings_balance -= amount;
      });
    if (rng_.chance(0.1))
      schedule(rng_.between(0, kDayLength - 1), i, [this](std::int64_t t, person& who) {
        auto added =
            run_command(t, "POST", savings_path(who) + "/charges", {}, requests_.savings_charge(t));
        std::int64_t charge_id = id_of(added, "resourceId");
        if (!charge_id) return;
        schedule(t + rng_.between(1, 30) * kMinute, index_of(who),
                 [this, charge_id](std::int64_t t2, person& w) {
                   auto r = run_command(t2, "POST",
                                        savings_path(w) + "/charges/" + std::to_string(charge_id),
                                        {{"command", "paycharge"}}, requests_.charge_payment(t2));
                   if (r.status == 200) w.savings_balance -= 2.0;
                 });
      });
  }

  // A new client: created (active or pending), activated later if pending, often a savings
  // account and a loan application.
  void join_today(std::int64_t t, person& p) {
    bool active_now = rng_.chance(0.5);
    auto client = run_command(t, "POST", "/clients", {},
                              requests_.new_client(index_of(p), t, active_now, false, rng_));
    p.client_id = id_of(client, "clientId");
    if (!p.client_id) return;
    std::int64_t next = t + rng_.between(2, 30) * kMinute;
    if (!active_now || rng_.chance(0.05)) {
      // Activating an active client (one in twenty) fails: a domain rule.
      schedule(next, index_of(p), [this](std::int64_t at, person& who) {
        run_command(at, "POST", "/clients/" + std::to_string(who.client_id),
                    {{"command", "activate"}}, requests_.activation(at));
      });
      next += rng_.between(2, 20) * kMinute;
    }
    if (rng_.chance(0.6))
      schedule(next, index_of(p),
               [this](std::int64_t at, person& who) { open_savings_today(at, who); });
    if (rng_.chance(0.5))
      schedule(next + rng_.between(5, 60) * kMinute, index_of(p),
               [this](std::int64_t at, person& who) {
                 open_loan(at, who, 1000.0 * static_cast<double>(rng_.between(1, 10)), true);
               });
  }

  void first_deposit(std::int64_t t, person& p) {
    double amount = 50.0 * static_cast<double>(rng_.between(1, 20));
    auto d = run_command(t, "POST", savings_path(p) + "/transactions", {{"command", "deposit"}},
                         requests_.transaction(t, amount));
    if (d.status == 200) p.savings_balance += amount;
  }

  void open_savings_today(std::int64_t t, person& p) {
    auto created = run_command(t, "POST", "/savingsaccounts", {},
                               requests_.savings_application(p.client_id, t));
    p.savings_id = id_of(created, "savingsId");
    if (!p.savings_id) return;
    schedule(t + rng_.between(5, 60) * kMinute, index_of(p), [this](std::int64_t at, person& who) {
      if (run_command(at, "POST", savings_path(who), {{"command", "approve"}},
                      requests_.savings_approval(at))
              .status != 200)
        return;
      schedule(at + rng_.between(1, 30) * kMinute, index_of(who),
               [this](std::int64_t at2, person& w) {
                 if (run_command(at2, "POST", savings_path(w), {{"command", "activate"}},
                                 requests_.savings_activation(at2))
                         .status != 200)
                   return;
                 // The first deposit comes a little later: a step of its own, so that time
                 // never goes back in the file.
                 schedule(at2 + rng_.between(1, 10) * kMinute, index_of(w),
                          [this](std::int64_t at3, person& v) { first_deposit(at3, v); });
               });
    });
  }

  const scenario_options& o_;
  const command_runner& run_;
  seeded_random rng_;
  day_requests requests_;
  std::chrono::system_clock::time_point start_;
  std::vector<person> people_;
  std::priority_queue<step, std::vector<step>, std::greater<>> queue_;
  std::uint64_t next_order_ = 0;
  scenario_summary summary_;
};

}  // namespace

scenario_summary run_day(const scenario_options& options, const command_runner& run) {
  if (options.clients == 0) throw std::invalid_argument("--clients must be at least 1");
  return day(options, run).run();
}

scenario_summary generate_day(const scenario_options& options,
                              const std::function<void(const hooks::traffic_record&)>& emit) {
  auto url = parse_http_url(options.payload_url);
  if (!url) throw std::invalid_argument("not an http(s) URL: " + options.payload_url);
  if (options.dialect == hooks::wire_dialect::fineract && has_path_without_trailing_slash(*url))
    throw std::invalid_argument(
        "Fineract 1.7+ refuses a Payload URL with a path and no "
        "trailing '/': use " +
        options.payload_url + "/");
  hook web_hook;
  web_hook.id = 1;
  web_hook.template_name = "Web";
  web_hook.display_name = "mock-mifos generate";
  web_hook.active = true;
  web_hook.config = {
      {"Payload URL", options.payload_url},
      {"Content Type", options.format == hooks::body_format::form ? "form" : "json"}};
  payload_settings settings;
  settings.dialect = options.dialect;
  settings.failures = options.failures;
  settings.endpoint = options.server_url + (options.dialect == hooks::wire_dialect::mifos
                                                ? "/mifosng-provider/api/v1/"
                                                : "/fineract-provider/api/");
  portfolio accounts;
  std::size_t deliveries = 0;
  std::map<std::string, std::size_t> per_event;
  scenario_summary summary = run_day(options, [&](std::int64_t at_us, const rest_call& call) {
    std::optional<rest_outcome> out = accounts.handle(call);
    if (!out) throw std::logic_error("the portfolio does not serve " + call.path);
    if (at_us < 0 || !out->event) return std::move(*out);
    if (auto d = build_hook_delivery(*out->event, web_hook, settings)) {
      ++deliveries;
      ++per_event[out->event->entity + "." + out->event->action];
      emit(hooks::traffic_record{at_us, std::move(d->message)});
    }
    return std::move(*out);
  });
  summary.deliveries = deliveries;
  summary.per_event = std::move(per_event);
  return summary;
}

}  // namespace mifos::mock
