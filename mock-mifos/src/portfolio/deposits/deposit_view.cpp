// deposit_view.cpp: GET /fixeddepositaccounts/{id} and /recurringdepositaccounts/{id} (and their
// lists), with the keys of Fineract's FixedDepositAccountData / RecurringDepositAccountData, and
// `transactions` (newest first, as Fineract orders them) with ?associations=transactions|all.
#include <string>

#include "portfolio/deposits/deposits.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/savings/savings.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// SavingsEnumerations.transactionType for the transactions a deposit books.
json transaction_type_json(int type) {
  const char* code = type == 1 ? "deposit" : type == 2 ? "withdrawal" : "interestPosting";
  const char* value = type == 1 ? "Deposit" : type == 2 ? "Withdrawal" : "Interest Posting";
  return {{"id", type},
          {"code", std::string("savingsAccountTransactionType.") + code},
          {"value", value},
          {"deposit", type == 1},
          {"withdrawal", type == 2},
          {"interestPosting", type == 3}};
}

json on_closure_json(int type) {
  const char* code = type == 100   ? "withdrawDeposit"
                     : type == 200 ? "transferToSavings"
                     : type == 300 ? "reinvestPrincipalAndInterest"
                                   : "reinvestPrincipalOnly";
  const char* value = type == 100   ? "Withdraw Deposit"
                      : type == 200 ? "Transfer to Savings"
                      : type == 300 ? "Re-Invest Principal and Interest"
                                    : "Re-Invest Principal Only";
  return {
      {"id", type}, {"code", std::string("depositAccountClosureType.") + code}, {"value", value}};
}

json transactions_json(const deposit_account& d, const std::string& currency) {
  json list = json::array();
  for (auto t = d.account.transactions.rbegin(); t != d.account.transactions.rend(); ++t) {
    list.push_back({{"id", t->id},
                    {"transactionType", transaction_type_json(t->type)},
                    {"accountId", d.account.id},
                    {"accountNo", account_no(d.account.id)},
                    {"date", date_json(t->date)},
                    {"currency", currency_json(currency)},
                    {"amount", amount_json(t->amount)},
                    {"runningBalance", amount_json(t->running_balance)},
                    {"reversed", t->reversed}});
  }
  return list;
}

}  // namespace

json deposit_account_json(const state& s, const deposits_book& book, const deposit_account& d,
                          const rest_call& call) {
  const savings_account& a = d.account;
  const client& c = s.clients.at(a.client_id);
  const deposit_product& product = book.products.at(a.product_id);
  const bool fixed = d.kind == deposit_kind::fixed;
  json j = {{"id", a.id}, {"accountNo", account_no(a.id)}};
  if (a.external_id) j["externalId"] = *a.external_id;
  j["clientId"] = c.id;
  j["clientName"] = c.display_name();
  if (d.group_id) j["groupId"] = *d.group_id;
  j["depositProductId"] = product.id;
  j["depositProductName"] = product.name;
  j["status"] = savings_status_json(a.status);
  j["timeline"] = savings_timeline_json(a);
  j["currency"] = currency_json(product.currency);
  j["nominalAnnualInterestRate"] = d.rate;
  j["interestCompoundingPeriodType"] = {{"id", product.compounding_type}};
  j["interestPostingPeriodType"] = {{"id", product.posting_type}};
  j["interestCalculationType"] = {{"id", product.calculation_type}};
  j["interestCalculationDaysInYearType"] = {{"id", product.days_in_year}};
  j["depositType"] = {
      {"id", static_cast<int>(d.kind)},
      {"code", fixed ? "depositAccountType.fixedDeposit" : "depositAccountType.recurringDeposit"},
      {"value", fixed ? "Fixed Deposit" : "Recurring Deposit"}};
  j["summary"] = {{"currency", currency_json(product.currency)},
                  {"totalDeposits", amount_json(a.deposits)},
                  {"totalWithdrawals", amount_json(a.withdrawals)},
                  {"totalInterestPosted", amount_json(a.interest_posted)},
                  {"accountBalance", amount_json(a.balance)}};
  j["preClosurePenalApplicable"] = product.pre_closure_penal_applicable;
  if (product.pre_closure_penal_applicable) {
    j["preClosurePenalInterest"] = product.pre_closure_penal_interest;
  }
  j["minDepositTerm"] = product.min_term;
  j["minDepositTermType"] = deposit_period_type_json(product.min_term_type);
  if (product.max_term) j["maxDepositTerm"] = *product.max_term;
  if (product.max_term_type)
    j["maxDepositTermType"] = deposit_period_type_json(*product.max_term_type);
  j["depositAmount"] = amount_json(d.deposit_amount);
  if (d.maturity_date) {
    j["maturityAmount"] = amount_json(d.maturity_amount);
    j["maturityDate"] = date_json(*d.maturity_date);
  }
  if (d.deposit_period) j["depositPeriod"] = *d.deposit_period;
  j["depositPeriodFrequency"] = deposit_period_type_json(d.deposit_period_type);
  if (d.on_closure_type) j["onAccountClosure"] = on_closure_json(*d.on_closure_type);
  if (d.transfer_to_savings_id) j["transferToSavingsId"] = *d.transfer_to_savings_id;
  if (!fixed) {
    j["mandatoryRecommendedDepositAmount"] = amount_json(d.recommended_amount);
    j["isMandatoryDeposit"] = d.mandatory_deposit;
    j["allowWithdrawal"] = d.allow_withdrawal;
    j["isCalendarInherited"] = d.calendar_inherited;
    j["recurringFrequency"] = d.recurring_frequency;
    j["recurringFrequencyType"] = deposit_period_type_json(d.recurring_frequency_type);
    if (d.expected_first_deposit_on) {
      j["expectedFirstDepositOnDate"] = date_json(*d.expected_first_deposit_on);
    }
    j["totalDeposits"] = amount_json(a.deposits);
  }
  j["activationCharge"] = 0.0;
  auto associations = call.query.find("associations");
  if (associations != call.query.end() &&
      (associations->second.find("transactions") != std::string::npos ||
       associations->second.find("all") != std::string::npos) &&
      !a.transactions.empty()) {
    j["transactions"] = transactions_json(d, product.currency);
  }
  return j;
}

}  // namespace mifos::mock::detail
