// day_requests.hpp: the REST request bodies the day's commands send, as a Fineract client (the
// web app, a mobile banking app) would send them: dates as "dd MMMM yyyy" strings with dateFormat
// and locale, amounts as strings, ids as numbers. Offsets are microseconds from 08:00 of the day
// simulated; negative offsets fall on earlier days.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "generate/random.hpp"
#include "model/api_user.hpp"

namespace mifos::mock {

// The dateFormat every dated request names.
inline constexpr const char* kRequestDateFormat = "dd MMMM yyyy";

// Where an account transfer goes (Fineract's accountType: 1 loan, 2 savings).
struct transfer_target {
  std::int64_t client_id = 0;
  std::int64_t account_id = 0;
  bool loan = false;
};

// One member's attendance at a center meeting.
struct attendance {
  std::int64_t client_id = 0;
  bool present = true;
};

// One line of a collection sheet: a loan repaid or a savings account credited.
struct sheet_line {
  std::int64_t account_id = 0;
  double amount = 0;
};

class day_requests {
 public:
  day_requests(int year, int month, int day);

  // Three staff members sharing the day's work: the administrator and two loan officers.
  const api_user& user(std::uint64_t which) const;

  nlohmann::ordered_json new_client(std::size_t index, std::int64_t at_us, bool active,
                                    bool with_savings, seeded_random& rng) const;
  nlohmann::ordered_json activation(std::int64_t at_us) const;
  // linked_savings_id: the savings account the loan's charges are paid from (0: none).
  nlohmann::ordered_json loan_application(std::int64_t client_id, double principal,
                                          std::int64_t at_us,
                                          std::int64_t linked_savings_id = 0) const;
  nlohmann::ordered_json approval(std::int64_t at_us) const;
  nlohmann::ordered_json disbursal(std::int64_t at_us, double amount) const;
  nlohmann::ordered_json repayment(std::int64_t at_us, double amount, seeded_random& rng) const;
  nlohmann::ordered_json savings_application(std::int64_t client_id, std::int64_t at_us) const;
  nlohmann::ordered_json savings_approval(std::int64_t at_us) const;
  nlohmann::ordered_json savings_activation(std::int64_t at_us) const;
  nlohmann::ordered_json transaction(std::int64_t at_us,
                                     double amount) const;  // deposit, withdrawal
  nlohmann::ordered_json savings_charge(std::int64_t at_us) const;
  nlohmann::ordered_json charge_payment(std::int64_t at_us) const;
  nlohmann::ordered_json group(std::size_t index, std::int64_t at_us, bool center) const;
  nlohmann::ordered_json journal_entry(std::int64_t at_us, double amount, bool balanced,
                                       std::size_t index) const;

  // day_requests_lifecycle.cpp: the lifecycle commands.
  nlohmann::ordered_json loan_rejection(std::int64_t at_us) const;
  nlohmann::ordered_json loan_withdrawal(std::int64_t at_us) const;
  nlohmann::ordered_json write_off(std::int64_t at_us) const;
  nlohmann::ordered_json late_fee(std::int64_t at_us, double amount) const;
  nlohmann::ordered_json loan_charge_payment(std::int64_t at_us) const;
  nlohmann::ordered_json teller_correction(std::int64_t at_us, double amount) const;
  nlohmann::ordered_json mobile_number(std::size_t index) const;
  nlohmann::ordered_json client_closure(std::int64_t at_us) const;
  nlohmann::ordered_json savings_closure(std::int64_t at_us) const;
  nlohmann::ordered_json hold(std::int64_t at_us, double amount, seeded_random& rng) const;
  nlohmann::ordered_json transfer(std::int64_t at_us, std::int64_t from_client_id,
                                  std::int64_t from_savings_id, const transfer_target& to,
                                  double amount) const;

  // day_requests_products.cpp: deposits, shares, client charges, center meetings.
  nlohmann::ordered_json fixed_deposit(std::int64_t client_id, double amount, int months,
                                       std::int64_t at_us) const;
  nlohmann::ordered_json recurring_deposit(std::int64_t client_id, double installment,
                                           std::int64_t at_us) const;
  // to_savings_id 0: the proceeds are paid out in cash.
  nlohmann::ordered_json deposit_closure(std::int64_t at_us, std::int64_t to_savings_id) const;
  nlohmann::ordered_json share_application(std::int64_t client_id, std::int64_t savings_id,
                                           int shares, std::int64_t at_us) const;
  // approvedDate, activatedDate.
  nlohmann::ordered_json share_dated(const char* field, std::int64_t at_us) const;
  nlohmann::ordered_json additional_shares(std::int64_t at_us, int shares) const;
  nlohmann::ordered_json approve_additional_shares(std::int64_t request_id) const;
  nlohmann::ordered_json membership_fee_definition(const char* name, double amount) const;
  nlohmann::ordered_json client_charge(std::int64_t at_us, std::int64_t charge_id,
                                       double amount) const;
  nlohmann::ordered_json client_charge_payment(std::int64_t at_us, double amount) const;
  nlohmann::ordered_json center_calendar(std::int64_t at_us) const;
  nlohmann::ordered_json group_in_center(std::size_t index, std::int64_t center_id,
                                         const std::vector<std::int64_t>& members,
                                         std::int64_t at_us) const;
  nlohmann::ordered_json meeting(std::int64_t at_us, std::int64_t calendar_id,
                                 const std::vector<attendance>& who) const;
  nlohmann::ordered_json attendance_update(const std::vector<attendance>& who) const;
  nlohmann::ordered_json collection_sheet(std::int64_t at_us, std::int64_t calendar_id,
                                          const std::vector<sheet_line>& repayments,
                                          const std::vector<sheet_line>& deposits) const;

  // "24 October 2024" for the day `at_us` falls on.
  std::string date(std::int64_t at_us) const;

 private:
  nlohmann::ordered_json dated(const char* field, std::int64_t at_us) const;
  static nlohmann::ordered_json attendance_list(const std::vector<attendance>& who);

  int year_, month_, day_;
  api_user staff_[3];
};

// "1234.50": two decimals, as the web app sends amounts.
std::string money_text(double amount);

}  // namespace mifos::mock
