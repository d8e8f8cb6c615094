#include "generate/day_requests.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace mifos::mock {
namespace {

constexpr const char* kDateFormat = kRequestDateFormat;

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

// Names as found at microfinance institutions that run Mifos: East and West Africa, South Asia,
// the Philippines, Latin America.
constexpr const char* kFirstNames[] = {
    "Amina",  "Joseph",   "Grace",  "Kwame",  "Fatima",  "Peter",  "Wanjiru", "Abdul",
    "Maria",  "Juan",     "Priya",  "Ravi",   "Nirmala", "Jose",   "Ana",     "Esther",
    "Samuel", "Halima",   "Daniel", "Mercy",  "Luz",     "Carlos", "Anjali",  "Mohammed",
    "Ruth",   "Emmanuel", "Zawadi", "Tendai", "Chipo",   "Rosa",   "Nasra",   "Imran"};
constexpr const char* kLastNames[] = {
    "Otieno",  "Mensah",   "Kamau", "Okafor", "Mwangi", "Banda",    "Phiri",   "Diallo",
    "Santos",  "Reyes",    "Cruz",  "Sharma", "Patel",  "Rahman",   "Hossain", "Mutua",
    "Achieng", "Nyirenda", "Moyo",  "Garcia", "Lopez",  "Bautista", "Kiprop",  "Wekesa"};
constexpr const char* kRepaymentNotes[] = {"cash at branch", "mobile money", "collected at meeting",
                                           "paid by relative", ""};

}  // namespace

day_requests::day_requests(int year, int month, int day) : year_(year), month_(month), day_(day) {
  staff_[0] = api_user{};  // mifos, App Administrator
  staff_[1] = api_user{2, "jwanjiru", "", "Joyce Wanjiru", 1};
  staff_[2] = api_user{3, "pmensah", "", "Peter Mensah", 1};
}

const api_user& day_requests::user(std::uint64_t which) const { return staff_[which % 3]; }

std::string day_requests::date(std::int64_t at_us) const {
  using namespace std::chrono;
  sys_days day = sys_days(year(year_) / month_ / day_);
  // 08:00 plus the offset; floor so that negative offsets land on earlier days.
  auto instant = sys_time<microseconds>(day) + hours(8) + microseconds(at_us);
  year_month_day ymd{floor<days>(instant)};
  char text[40];
  std::snprintf(text, sizeof text, "%02u %s %d", static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
  return text;
}

nlohmann::ordered_json day_requests::dated(const char* field, std::int64_t at_us) const {
  return {{field, date(at_us)}, {"dateFormat", kDateFormat}, {"locale", "en"}};
}

std::string money_text(double amount) {
  char text[40];
  std::snprintf(text, sizeof text, "%.2f", std::round(amount * 100.0) / 100.0);
  return text;
}

nlohmann::ordered_json day_requests::new_client(std::size_t index, std::int64_t at_us, bool active,
                                                bool with_savings, seeded_random& rng) const {
  nlohmann::ordered_json r = {
      {"officeId", 1},
      {"legalFormId", 1},
      {"firstname", kFirstNames[rng.below(std::size(kFirstNames))]},
      {"lastname", kLastNames[rng.below(std::size(kLastNames))]},
      {"mobileNo", "+2547" + std::to_string(10'000'000 + index * 7919 % 89'999'999)},
      {"externalId", "EXT-" + std::to_string(100'000 + index)},
      {"active", active}};
  if (active) r["activationDate"] = date(at_us);
  r["submittedOnDate"] = date(at_us);
  if (with_savings) r["savingsProductId"] = 1;
  r["dateFormat"] = kDateFormat;
  r["locale"] = "en";
  return r;
}

nlohmann::ordered_json day_requests::activation(std::int64_t at_us) const {
  return dated("activationDate", at_us);
}

nlohmann::ordered_json day_requests::loan_application(std::int64_t client_id, double principal,
                                                      std::int64_t at_us,
                                                      std::int64_t linked_savings_id) const {
  nlohmann::ordered_json r = {{"clientId", client_id},
                              {"productId", 1},
                              {"principal", money_text(principal)},
                              {"loanTermFrequency", 12},
                              {"loanTermFrequencyType", 2},
                              {"numberOfRepayments", 12},
                              {"repaymentEvery", 1},
                              {"repaymentFrequencyType", 2},
                              {"interestRatePerPeriod", 2},
                              {"amortizationType", 1},
                              {"interestType", 0},
                              {"interestCalculationPeriodType", 1},
                              {"transactionProcessingStrategyCode", "mifos-standard-strategy"},
                              {"expectedDisbursementDate", date(at_us)},
                              {"submittedOnDate", date(at_us)},
                              {"loanType", "individual"}};
  if (linked_savings_id != 0) r["linkAccountId"] = linked_savings_id;
  r["dateFormat"] = kDateFormat;
  r["locale"] = "en";
  return r;
}

nlohmann::ordered_json day_requests::approval(std::int64_t at_us) const {
  return {{"approvedOnDate", date(at_us)},
          {"note", "Approved by the credit committee"},
          {"dateFormat", kDateFormat},
          {"locale", "en"}};
}

nlohmann::ordered_json day_requests::disbursal(std::int64_t at_us, double amount) const {
  return {{"actualDisbursementDate", date(at_us)},
          {"transactionAmount", money_text(amount)},
          {"paymentTypeId", 1},
          {"dateFormat", kDateFormat},
          {"locale", "en"}};
}

nlohmann::ordered_json day_requests::repayment(std::int64_t at_us, double amount,
                                               seeded_random& rng) const {
  nlohmann::ordered_json r = {{"dateFormat", kDateFormat},
                              {"locale", "en"},
                              {"transactionDate", date(at_us)},
                              {"transactionAmount", money_text(amount)},
                              {"paymentTypeId", std::to_string(rng.between(1, 3))}};
  std::string note = kRepaymentNotes[rng.below(std::size(kRepaymentNotes))];
  if (!note.empty()) r["note"] = note;
  return r;
}

nlohmann::ordered_json day_requests::savings_application(std::int64_t client_id,
                                                         std::int64_t at_us) const {
  return {{"clientId", client_id},
          {"productId", 1},
          {"submittedOnDate", date(at_us)},
          {"dateFormat", kDateFormat},
          {"locale", "en"}};
}

nlohmann::ordered_json day_requests::savings_approval(std::int64_t at_us) const {
  return dated("approvedOnDate", at_us);
}

nlohmann::ordered_json day_requests::savings_activation(std::int64_t at_us) const {
  return dated("activatedOnDate", at_us);
}

nlohmann::ordered_json day_requests::transaction(std::int64_t at_us, double amount) const {
  return {{"transactionDate", date(at_us)},
          {"transactionAmount", money_text(amount)},
          {"paymentTypeId", 1},
          {"dateFormat", kDateFormat},
          {"locale", "en"}};
}

nlohmann::ordered_json day_requests::savings_charge(std::int64_t at_us) const {
  return {{"chargeId", 1},
          {"amount", "2.00"},
          {"dueDate", date(at_us)},
          {"dateFormat", kDateFormat},
          {"locale", "en"}};
}

nlohmann::ordered_json day_requests::charge_payment(std::int64_t at_us) const {
  return {
      {"amount", "2.00"}, {"dueDate", date(at_us)}, {"dateFormat", kDateFormat}, {"locale", "en"}};
}

nlohmann::ordered_json day_requests::group(std::size_t index, std::int64_t at_us,
                                           bool center) const {
  static constexpr const char* kGroupNames[] = {"Umoja",   "Tumaini",   "Bayanihan", "Ekta",
                                                "Sankofa", "Esperanza", "Harambee",  "Ubuntu"};
  std::string name = std::string(kGroupNames[index % std::size(kGroupNames)]) +
                     (center ? " Center " : " Group ") + std::to_string(index + 1);
  return {{"officeId", 1},
          {"name", name},
          {"active", true},
          {"activationDate", date(at_us)},
          {"submittedOnDate", date(at_us)},
          {"dateFormat", kDateFormat},
          {"locale", "en"}};
}

nlohmann::ordered_json day_requests::journal_entry(std::int64_t at_us, double amount, bool balanced,
                                                   std::size_t index) const {
  static constexpr const char* kComments[] = {"Petty cash top-up", "Branch rent",
                                              "Transport refund", "Stationery"};
  double debit = balanced ? amount : amount + 10.0;
  return {{"officeId", 1},
          {"transactionDate", date(at_us)},
          {"currencyCode", "USD"},
          {"credits", {{{"glAccountId", 12}, {"amount", amount}}}},
          {"debits", {{{"glAccountId", 8}, {"amount", debit}}}},
          {"comments", kComments[index % std::size(kComments)]},
          {"dateFormat", kDateFormat},
          {"locale", "en"}};
}

}  // namespace mifos::mock
