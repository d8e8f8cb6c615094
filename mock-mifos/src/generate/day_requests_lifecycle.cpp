// day_requests_lifecycle.cpp: the bodies of the day's rarer lifecycle commands (closures,
// write-offs, late fees, holds, transfers, corrections), as the web app sends them. The reason
// ids are the code values mock-mifos seeds: 1 "Client request" (ClientClosureReason), 7 "Bad debt"
// (WriteOffReasons).
#include <iterator>

#include "generate/day_requests.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kClientClosureReason = 1;
constexpr std::int64_t kWriteOffReason = 7;
constexpr std::int64_t kLoanAccount = 1, kSavingsAccount = 2;

constexpr const char* kHoldReasons[] = {"Lien for a group member's loan guarantee",
                                        "Disputed mobile money deposit", "Court order"};

}  // namespace

json day_requests::loan_rejection(std::int64_t at_us) const {
  return {{"rejectedOnDate", date(at_us)},
          {"note", "Declined by the credit committee"},
          {"dateFormat", kRequestDateFormat},
          {"locale", "en"}};
}

json day_requests::loan_withdrawal(std::int64_t at_us) const {
  return {{"withdrawnOnDate", date(at_us)},
          {"note", "The applicant no longer needs the loan"},
          {"dateFormat", kRequestDateFormat},
          {"locale", "en"}};
}

json day_requests::write_off(std::int64_t at_us) const {
  return {{"transactionDate", date(at_us)},
          {"writeoffReasonId", kWriteOffReason},
          {"note", "Over 180 days in arrears"},
          {"dateFormat", kRequestDateFormat},
          {"locale", "en"}};
}

// A late-payment fee, paid from the loan's linked savings account (chargePaymentMode 1). The mock
// keeps one charge definition, so the fee is charge 1 with the fee's amount.
json day_requests::late_fee(std::int64_t at_us, double amount) const {
  return {{"chargeId", 1},          {"amount", money_text(amount)},     {"dueDate", date(at_us)},
          {"chargePaymentMode", 1}, {"dateFormat", kRequestDateFormat}, {"locale", "en"}};
}

json day_requests::loan_charge_payment(std::int64_t at_us) const {
  return dated("transactionDate", at_us);
}

json day_requests::teller_correction(std::int64_t at_us, double amount) const {
  return {{"transactionDate", date(at_us)},
          {"transactionAmount", money_text(amount)},
          {"paymentTypeId", 1},
          {"note", "Teller correction: amount mistyped"},
          {"dateFormat", kRequestDateFormat},
          {"locale", "en"}};
}

// A new SIM: numbers in Safaricom's 011x range, one per client, none of them the client's old
// +2547... number.
json day_requests::mobile_number(std::size_t index) const {
  return {{"mobileNo", "+25411" + std::to_string(1'000'000 + index * 6007 % 8'999'999)}};
}

json day_requests::client_closure(std::int64_t at_us) const {
  return {{"closureDate", date(at_us)},
          {"closureReasonId", kClientClosureReason},
          {"dateFormat", kRequestDateFormat},
          {"locale", "en"}};
}

json day_requests::savings_closure(std::int64_t at_us) const {
  return {{"closedOnDate", date(at_us)},
          {"withdrawBalance", true},
          {"paymentTypeId", 1},
          {"note", "The client leaves the institution"},
          {"dateFormat", kRequestDateFormat},
          {"locale", "en"}};
}

json day_requests::hold(std::int64_t at_us, double amount, seeded_random& rng) const {
  return {{"transactionDate", date(at_us)},
          {"transactionAmount", money_text(amount)},
          {"reasonForBlock", kHoldReasons[rng.below(std::size(kHoldReasons))]},
          {"dateFormat", kRequestDateFormat},
          {"locale", "en"}};
}

json day_requests::transfer(std::int64_t at_us, std::int64_t from_client_id,
                            std::int64_t from_savings_id, const transfer_target& to,
                            double amount) const {
  return {{"fromOfficeId", 1},
          {"fromClientId", from_client_id},
          {"fromAccountType", kSavingsAccount},
          {"fromAccountId", from_savings_id},
          {"toOfficeId", 1},
          {"toClientId", to.client_id},
          {"toAccountType", to.loan ? kLoanAccount : kSavingsAccount},
          {"toAccountId", to.account_id},
          {"transferDate", date(at_us)},
          {"transferAmount", money_text(amount)},
          {"transferDescription",
           to.loan ? "Loan instalment from savings" : "Transfer to a family member"},
          {"dateFormat", kRequestDateFormat},
          {"locale", "en"}};
}

}  // namespace mifos::mock
