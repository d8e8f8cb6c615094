// day_requests_products.cpp: the bodies of the day's deposit, share, client charge and center
// meeting commands, as the web app sends them. The ids are those mock-mifos seeds: deposit
// products 2 (fixed) and 3 (recurring), share product 1; attendance types 1 present, 2 absent.
#include <chrono>

#include "generate/day_requests.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kFixedDepositProduct = 2, kRecurringDepositProduct = 3;
constexpr std::int64_t kShareProduct = 1;
constexpr int kMonthsFrequency = 2;  // Fineract's period frequency type for months
// onAccountClosureId: 100 withdraw in cash, 200 transfer to a savings account.
constexpr int kWithdrawOnClosure = 100, kTransferOnClosure = 200;

json with_date_format(json r) {
  r["dateFormat"] = kRequestDateFormat;
  r["locale"] = "en";
  return r;
}

}  // namespace

json day_requests::fixed_deposit(std::int64_t client_id, double amount, int months,
                                 std::int64_t at_us) const {
  return with_date_format({{"clientId", client_id},
                           {"productId", kFixedDepositProduct},
                           {"submittedOnDate", date(at_us)},
                           {"depositAmount", money_text(amount)},
                           {"depositPeriod", months},
                           {"depositPeriodFrequencyId", kMonthsFrequency}});
}

// Monthly installments for two years, not linked to a group meeting, no withdrawals.
json day_requests::recurring_deposit(std::int64_t client_id, double installment,
                                     std::int64_t at_us) const {
  return with_date_format({{"clientId", client_id},
                           {"productId", kRecurringDepositProduct},
                           {"submittedOnDate", date(at_us)},
                           {"mandatoryRecommendedDepositAmount", money_text(installment)},
                           {"depositPeriod", 24},
                           {"depositPeriodFrequencyId", kMonthsFrequency},
                           {"isCalendarInherited", false},
                           {"recurringFrequency", 1},
                           {"recurringFrequencyType", kMonthsFrequency},
                           {"allowWithdrawal", false}});
}

json day_requests::deposit_closure(std::int64_t at_us, std::int64_t to_savings_id) const {
  json r = {{"closedOnDate", date(at_us)},
            {"onAccountClosureId", to_savings_id ? kTransferOnClosure : kWithdrawOnClosure}};
  if (to_savings_id) {
    r["toSavingsAccountId"] = to_savings_id;
    r["note"] = "Matured: proceeds to savings";
  } else {
    r["paymentTypeId"] = 1;
    r["note"] = "School fees due";
  }
  return with_date_format(std::move(r));
}

json day_requests::share_application(std::int64_t client_id, std::int64_t savings_id, int shares,
                                     std::int64_t at_us) const {
  return with_date_format({{"clientId", client_id},
                           {"productId", kShareProduct},
                           {"savingsAccountId", savings_id},
                           {"requestedShares", shares},
                           {"submittedDate", date(at_us)},
                           {"applicationDate", date(at_us)}});
}

json day_requests::share_dated(const char* field, std::int64_t at_us) const {
  return dated(field, at_us);
}

json day_requests::additional_shares(std::int64_t at_us, int shares) const {
  return with_date_format({{"requestedDate", date(at_us)}, {"requestedShares", shares}});
}

json day_requests::approve_additional_shares(std::int64_t request_id) const {
  return {{"requestedShares", {{{"id", request_id}}}}};
}

// The membership fee every new client pays once (a charge on the client, due on a date).
json day_requests::membership_fee_definition(const char* name, double amount) const {
  return {{"name", name},          {"chargeAppliesTo", 3},
          {"currencyCode", "USD"}, {"amount", money_text(amount)},
          {"chargeTimeType", 2},   {"chargeCalculationType", 1},
          {"active", true},        {"penalty", false},
          {"locale", "en"}};
}

json day_requests::client_charge(std::int64_t at_us, std::int64_t charge_id, double amount) const {
  return with_date_format(
      {{"chargeId", charge_id}, {"amount", money_text(amount)}, {"dueDate", date(at_us)}});
}

json day_requests::client_charge_payment(std::int64_t at_us, double amount) const {
  return with_date_format({{"amount", money_text(amount)}, {"transactionDate", date(at_us)}});
}

// Weekly on the start date's weekday (repeatsOnDay: Fineract's 1 Monday to 7 Sunday).
json day_requests::center_calendar(std::int64_t at_us) const {
  using namespace std::chrono;
  const auto start =
      floor<days>(sys_days(year(year_) / month_ / day_) + hours(8) + microseconds(at_us));
  return with_date_format({{"title", "Weekly collection meeting"},
                           {"location", "Center hall"},
                           {"startDate", date(at_us)},
                           {"typeId", 1},
                           {"repeating", true},
                           {"frequency", 2},
                           {"interval", 1},
                           {"repeatsOnDay", weekday(start).iso_encoding()}});
}

json day_requests::group_in_center(std::size_t index, std::int64_t center_id,
                                   const std::vector<std::int64_t>& members,
                                   std::int64_t at_us) const {
  json r = group(index, at_us, false);
  r.erase("officeId");
  r["centerId"] = center_id;
  r["clientMembers"] = members;
  return r;
}

json day_requests::attendance_list(const std::vector<attendance>& who) {
  json list = json::array();
  for (const auto& a : who)
    list.push_back({{"clientId", a.client_id}, {"attendanceType", a.present ? 1 : 2}});
  return list;
}

json day_requests::meeting(std::int64_t at_us, std::int64_t calendar_id,
                           const std::vector<attendance>& who) const {
  return with_date_format({{"meetingDate", date(at_us)},
                           {"calendarId", calendar_id},
                           {"clientsAttendance", attendance_list(who)}});
}

json day_requests::attendance_update(const std::vector<attendance>& who) const {
  return {{"clientsAttendance", attendance_list(who)}};
}

json day_requests::collection_sheet(std::int64_t at_us, std::int64_t calendar_id,
                                    const std::vector<sheet_line>& repayments,
                                    const std::vector<sheet_line>& deposits) const {
  json loans = json::array(), savings = json::array();
  for (const auto& l : repayments)
    loans.push_back({{"loanId", l.account_id}, {"transactionAmount", money_text(l.amount)}});
  for (const auto& d : deposits)
    savings.push_back({{"savingsId", d.account_id}, {"transactionAmount", money_text(d.amount)}});
  return with_date_format({{"transactionDate", date(at_us)},
                           {"calendarId", calendar_id},
                           {"bulkRepaymentTransactions", loans},
                           {"bulkSavingsDueTransactions", savings},
                           {"note", "Collected at the weekly meeting"}});
}

}  // namespace mifos::mock
