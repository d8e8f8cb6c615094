// account_transfers.cpp: POST /accounttransfers (ACCOUNTTRANSFER CREATE): money from a savings
// account to another savings account (a withdrawal and a deposit) or to a loan (a repayment).
// The result is {savingsId: the from-account, resourceId: the transfer's id}
// (AccountTransfersWritePlatformServiceImpl.transferFunds). Loan-to-savings transfers (refunds of
// an overpaid loan) are not modelled: 400 as an unsupported account type pair.
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/loans/loan_money.hpp"
#include "portfolio/loans/loans.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kLoanAccount = 1, kSavingsAccount = 2;

struct transfer_request {
  entity_id from_account = 0, to_account = 0;
  std::int64_t from_type = 0, to_type = 0;
  local_date date;
  cents amount = 0;
};

// The fields AccountTransfersDataValidator requires ("validation.msg.accounttransfer.*").
std::variant<transfer_request, api_error> read_transfer(const json& body) {
  field_reader in(body, "accounttransfer");
  in.id("fromOfficeId");
  in.id("fromClientId");
  auto from_account = in.id("fromAccountId");
  auto from_type = in.whole("fromAccountType");
  in.id("toOfficeId");
  in.id("toClientId");
  auto to_account = in.id("toAccountId");
  auto to_type = in.whole("toAccountType");
  auto date = in.date("transferDate");
  auto amount = in.amount("transferAmount");
  auto description = in.text("transferDescription");
  if (description && description->size() > 200) {
    in.fail_rule("transferDescription", "exceeds.max.length",
                 "The parameter `transferDescription` exceeds max length of 200.", *description);
  }
  for (auto [name, type] : {std::pair("fromAccountType", from_type), {"toAccountType", to_type}}) {
    if (type && *type != kLoanAccount && *type != kSavingsAccount) {
      in.fail_rule(name, "is.not.one.of.expected.enumerations",
                   std::string("The parameter `") + name + "` must be one of [1, 2] .", *type);
    }
  }
  if (!in.ok()) return in.error();
  return transfer_request{*from_account, *to_account, *from_type, *to_type, *date, *amount};
}

api_error not_active(const savings_account&) {
  return state_rule("error.msg.savingsaccount.transaction.account.is.not.active",
                    "Transaction is not allowed. Account is not active.");
}

answer create_transfer(state& s, const json& body) {
  auto read = read_transfer(body);
  if (auto* e = std::get_if<api_error>(&read)) return *e;
  const transfer_request& r = std::get<transfer_request>(read);
  if (r.from_type != kSavingsAccount) {
    return api_error::validation(
        "fromAccountType", "Transfers from a loan account are not supported by the mock.",
        "validation.msg.accounttransfer.fromAccountType.not.supported", r.from_type);
  }
  savings_account* from = s.find_savings(r.from_account);
  if (from == nullptr) return savings_not_found(r.from_account);
  if (from->status != savings_status::active) return not_active(*from);
  if (auto refused = refuse_debit(*from, r.amount)) return *refused;

  if (r.to_type == kSavingsAccount) {
    savings_account* to = s.find_savings(r.to_account);
    if (to == nullptr) return savings_not_found(r.to_account);
    if (to->status != savings_status::active) return not_active(*to);
    if (auto refused = refuse_credit(*to)) return *refused;
    book_savings_transaction(s, *from, 2, r.date, -r.amount);
    book_savings_transaction(s, *to, 1, r.date, r.amount);
  } else {
    loan* l = s.find_loan(r.to_account);
    if (l == nullptr) return loan_not_found(r.to_account);
    if (l->status != loan_status::active) {
      return state_rule("error.msg.loan.repayment.or.waiver.account.is.not.active",
                        "Loan Repayment (or its types) or Waiver is not allowed. Loan Account is "
                        "not active.");
    }
    book_savings_transaction(s, *from, 2, r.date, -r.amount);
    add_loan_transaction(s, *l, loan_transaction_type::repayment, r.date, r.amount);
    if (l->status != loan_status::active) l->closed_on = r.date;
  }
  return result_fields{.savings_id = from->id, .resource_id = s.account_transfer_ids.take()}
      .to_json();
}

}  // namespace

std::optional<rest_outcome> route_account_transfers(state& s, const rest_call& call,
                                                    const segments& p) {
  if (p.size() != 1) return std::nullopt;
  if (call.method != "POST") return method_not_allowed(call);
  return run_command(call, "ACCOUNTTRANSFER", "CREATE",
                     [&](const json& body) { return create_transfer(s, body); });
}

}  // namespace mifos::mock::detail
