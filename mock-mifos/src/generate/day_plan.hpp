// day_plan.hpp: the working day as a queue of timed steps. Each step runs one REST command on the
// portfolio and may schedule the client's next step (a loan application is approved later, then
// disbursed), so ids are consistent across the day. Every command is planned to succeed or to
// fail; a command that does otherwise is listed in scenario_summary::unexpected, which the tests
// require to stay empty.
//
// The plan is spread over five files: day_plan.cpp (the queue, the morning's portfolio, the new
// clients, the back office), day_counter.cpp (what the clients of earlier days do at the counter),
// day_lifecycle.cpp (the rarer lifecycle commands: closures, write-offs, holds, corrections,
// transfers), day_products.cpp (fixed and recurring deposits, shares, the membership fee) and
// day_meetings.cpp (the centers' weekly meetings and their collection sheets). The proportions are
// in mock-mifos/README.md ("The day's proportions").
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <string>
#include <vector>

#include "generate/day_requests.hpp"
#include "generate/day_scenario.hpp"
#include "generate/random.hpp"

namespace mifos::mock::day_plan {

inline constexpr std::int64_t kMinute = 60'000'000;           // microseconds
inline constexpr std::int64_t kDayLength = 9 * 60 * kMinute;  // 08:00 to 17:00
inline constexpr std::int64_t kCalendarDay = 24 * 60 * kMinute;

// What a command is planned to do.
enum class expect { success, failure };

// One client and what the day knows of their accounts.
struct person {
  std::int64_t client_id = 0;
  std::int64_t loan_id = 0;     // 0: none
  std::int64_t savings_id = 0;  // 0: none
  double installment = 0;       // what one loan repayment is
  // What the day may still take out of the savings account: deposits minus withdrawals, holds
  // and fees. Never more than the account's available balance, so a debit within it succeeds.
  double savings_balance = 0;
  bool savings_active = false;    // activated and not closed
  bool loan_written_off = false;  // on an earlier day
  bool joined_before_today = false;
  bool leaves_today = false;  // closes the savings account, then the client
  // A fixed deposit opened on an earlier day; matured (a day past its term) or not (a day
  // before it). One near its maturity date is left alone, so the plan never guesses.
  std::int64_t fixed_deposit_id = 0;
  bool fixed_deposit_matured = false;
  std::int64_t recurring_deposit_id = 0;
  double recurring_installment = 0;
  std::int64_t share_account_id = 0;
  // A client with deposits or shares stays: closing them all is not a day's work at the counter.
  bool holds_products() const {
    return fixed_deposit_id != 0 || recurring_deposit_id != 0 || share_account_id != 0;
  }
};

class working_day {
 public:
  working_day(const scenario_options& o, const command_runner& run);
  scenario_summary run();

 private:
  struct step {
    std::int64_t at_us;
    std::uint64_t order;  // ties keep the order they were scheduled in
    std::size_t person_index;
    std::function<void(std::int64_t at_us, person&)> run;
    bool operator>(const step& o) const {
      return at_us != o.at_us ? at_us > o.at_us : order > o.order;
    }
  };
  using action = std::function<void(std::int64_t, person&)>;

  // day_plan.cpp
  void schedule(std::int64_t at_us, std::size_t who, action run);
  void schedule_for(const person& p, std::int64_t at_us, action run) {
    schedule(at_us, index_of(p), std::move(run));
  }
  std::size_t index_of(const person& p) const {
    return static_cast<std::size_t>(&p - people_.data());
  }
  std::int64_t any_time() { return rng_.between(0, kDayLength - 1); }
  // Runs one command at `at_us` (negative: an earlier day, not delivered) and checks it did what
  // `planned` says. Returns its outcome.
  rest_outcome run_command(std::int64_t at_us, expect planned, std::string method, std::string path,
                           std::map<std::string, std::string> query, nlohmann::ordered_json body);
  static std::int64_t id_of(const rest_outcome& out, const char* key);
  static std::string loan_path(const person& p);
  static std::string savings_path(const person& p);
  void open_earlier_client(person& p);
  void open_loan(std::int64_t t, person& p, double principal, bool delivered);
  void decide_application(std::int64_t t, person& p, double principal);
  void join_today(std::int64_t t, person& p);
  void open_savings_today(std::int64_t t, person& p);
  void plan_back_office();
  bool is_month_end() const;

  // day_counter.cpp
  void plan_existing_client_day(std::size_t i);
  void plan_loan_day(person& p);
  void plan_savings_day(std::size_t i);
  void repay(std::int64_t t, person& p);
  void deposit(std::int64_t t, person& p, double amount);

  // day_products.cpp
  std::int64_t open_earlier_account(std::int64_t t, const std::string& resource,
                                    nlohmann::ordered_json application,
                                    nlohmann::ordered_json approval,
                                    nlohmann::ordered_json activation);
  void open_earlier_products(person& p, std::int64_t earlier);
  void plan_products_day(person& p);
  void open_fixed_deposit_today(std::int64_t t, person& p);
  void buy_shares_today(std::int64_t t, person& p);
  void buy_more_shares(std::int64_t t, person& p);
  bool reserve_shares(int shares);
  void define_membership_fee();
  void charge_membership_fee(std::int64_t t, person& p);

  // day_meetings.cpp
  void form_centers();
  void form_center(std::size_t index, const std::vector<std::size_t>& members);
  void hold_center_meeting(std::int64_t t, std::int64_t center_id, std::int64_t calendar_id,
                           std::vector<std::size_t> members);
  void save_collection_sheet(std::int64_t t, std::int64_t center_id, std::int64_t calendar_id,
                             const std::vector<std::size_t>& present);
  void give_calendar(std::int64_t t, std::int64_t center_id);

  // day_lifecycle.cpp
  void write_off_earlier(std::int64_t t, person& p);
  void plan_written_off_loan(person& p);
  void plan_late_loan(person& p);
  void plan_leaving(person& p);
  void plan_mobile_number_change(person& p);
  void plan_hold(person& p);
  void plan_savings_transfer(std::size_t i);
  void mistyped_deposit(std::int64_t t, person& p);
  void mistyped_repayment(std::int64_t t, person& p);
  void post_interest(std::int64_t t, person& p);

  const scenario_options& o_;
  const command_runner& run_;
  seeded_random rng_;
  day_requests requests_;
  std::chrono::sys_time<std::chrono::microseconds> start_;
  std::vector<person> people_;
  std::priority_queue<step, std::vector<step>, std::greater<>> queue_;
  std::uint64_t next_order_ = 0;
  scenario_summary summary_;
  std::int64_t membership_fee_id_ = 0;       // the client charge defined before the day
  int shares_subscribed_ = 0;                // of the seeded product, by every account of the day
  std::vector<std::size_t> center_members_;  // repay at their center's meeting, not the counter
};

}  // namespace mifos::mock::day_plan
