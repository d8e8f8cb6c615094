// savings_interest.cpp: ?command=postInterest (SAVINGSACCOUNT POSTINTEREST) and
// ?command=calculateInterest (SAVINGSACCOUNT CALCULATEINTEREST, which Fineract runs with no JSON
// body and so publishes no hook: the command runs and the mock drops its event).
//
// The interest is a simplification of Fineract's posting periods: simple daily interest at the
// account's nominalAnnualInterestRate (0 unless set by PUT) on the balance, from the last
// posting (or activation) to the call's date, on a 365-day year. At 0% nothing is posted, as in
// Fineract (SavingsAccountWritePlatformServiceJpaRepositoryImpl.postInterest).
#include <chrono>
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

std::int64_t days_between(local_date from, local_date to) {
  using namespace std::chrono;
  auto day = [](local_date d) {
    return sys_days(year(d.year) / month(static_cast<unsigned>(d.month)) /
                    std::chrono::day(static_cast<unsigned>(d.day)));
  };
  return (day(to) - day(from)).count();
}

// The interest earned since the last posting, and the date it runs to.
cents interest_due(const savings_account& a, local_date today) {
  if (a.nominal_annual_interest_rate <= 0 || a.balance <= 0 || !a.activated_on) return 0;
  local_date from = *a.activated_on;
  for (const auto& t : a.transactions) {
    if (t.type == 3 && !t.reversed && t.date > from) from = t.date;
  }
  const std::int64_t days = days_between(from, today);
  if (days <= 0) return 0;
  return round_cents(static_cast<double>(a.balance) / 100.0 * a.nominal_annual_interest_rate /
                     100.0 * static_cast<double>(days) / 365.0);
}

answer post_interest(state& s, entity_id id, const rest_call& call, bool post) {
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  if (a->status != savings_status::active) {
    return state_rule("error.msg.savingsaccount.transaction.account.is.not.active",
                      "Transaction is not allowed. Account is not active.");
  }
  const local_date today = date_of(call.now);
  const cents interest = interest_due(*a, today);
  if (post && interest > 0) book_savings_transaction(s, *a, 3, today, interest);
  return savings_result(s, *a, a->id, std::nullopt);
}

}  // namespace

std::optional<rest_outcome> savings_interest_command(state& s, const rest_call& call, entity_id id,
                                                     std::string_view command) {
  if (command == "postInterest") {
    return run_command(call, "SAVINGSACCOUNT", "POSTINTEREST",
                       [&](const json&) { return post_interest(s, id, call, true); });
  }
  if (command == "calculateInterest") {
    rest_outcome out = run_command(call, "SAVINGSACCOUNT", "CALCULATEINTEREST",
                                   [&](const json&) { return post_interest(s, id, call, false); });
    out.event.reset();  // fires = n: Fineract builds this command withNoJsonBody()
    return out;
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
