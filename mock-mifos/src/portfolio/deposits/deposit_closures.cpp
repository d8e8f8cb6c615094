// deposit_closures.cpp: ?command=prematureClose (PREMATURECLOSE: an active deposit before its
// maturity, with the interest earned so far less any pre-closure penalty) and ?command=close
// (CLOSE: a matured deposit, on or after its maturity date). onAccountClosureId says where the
// money goes (DepositAccountOnClosureType): 100 withdrawn, 200 transferred to the savings account
// toSavingsAccountId, 300/400 reinvested in a new application (close only: Fineract refuses it
// for a premature close). Rules: DepositAccountTransactionDataValidator.validateClosing and
// FixedDepositAccount / RecurringDepositAccount close() and prematureClosure().
#include <string>

#include "portfolio/deposits/deposits.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

struct closure_request {
  local_date closed_on;
  int closure_type = 100;
  std::optional<entity_id> to_savings_id, payment_type_id;
};

std::variant<closure_request, api_error> read_closure(const json& body, deposit_kind kind,
                                                      bool premature) {
  field_reader in(body, deposit_resource(kind));
  if (!in.only({"locale", "dateFormat", "closedOnDate", "note", "onAccountClosureId",
                "paymentTypeId", "accountNumber", "checkNumber", "routingCode", "receiptNumber",
                "bankNumber", "transferDescription", "toSavingsAccountId"})) {
    return in.error();
  }
  closure_request r;
  auto closed = in.date("closedOnDate");
  auto type = in.whole("onAccountClosureId");
  if (type && (*type < 100 || *type > 400 || *type % 100 != 0)) {
    in.fail_rule("onAccountClosureId", "is.not.one.of.expected.enumerations",
                 "The parameter `onAccountClosureId` must be one of [100, 200, 300, 400] .", *type);
  } else if (type == 200) {
    r.to_savings_id = in.id("toSavingsAccountId", false);
    if (!r.to_savings_id && in.ok()) {
      in.fail_rule("toSavingsAccountId",
                   "cannot.be.blank.when.onAccountClosureId.is.depositAccountClosureType."
                   "transferToSavings",
                   "The parameter `toSavingsAccountId` cannot be blank when onAccountClosureId is "
                   "depositAccountClosureType.transferToSavings.");
    }
  } else if (type && *type >= 300 && premature) {
    in.fail_rule("onAccountClosureId", "reinvest.not.allowed",
                 "Re-Invest is not supported for account pre mature close", *type);
  }
  r.payment_type_id = in.id("paymentTypeId", false);
  if (!in.ok()) return in.error();
  r.closed_on = *closed;
  r.closure_type = static_cast<int>(*type);
  return r;
}

// The date rules both closures share, in Fineract's order, after the state rule.
std::optional<api_error> check_dates(const deposit_account& d, const closure_request& r,
                                     const std::string& resource, const json& sent,
                                     const rest_call& call, bool premature) {
  const char* param = "closedOnDate";
  if (d.account.activated_on && r.closed_on < *d.account.activated_on) {
    return savings_rule(resource, "closedOnDate.must.be.after.activation.date", param, sent);
  }
  if (premature && d.maturity_date && r.closed_on > *d.maturity_date) {
    return savings_rule(resource, "closedOnDate.must.be.before.maturity.date", param, sent);
  }
  if (!premature && d.maturity_date && r.closed_on < *d.maturity_date) {
    return savings_rule(resource, "closedOnDate.must.be.after.account.maturity.date", param, sent);
  }
  if (r.closed_on > date_of(call.now)) {
    return savings_rule(resource, "closedOnDate.cannot.be.a.future.date", param, sent);
  }
  for (const auto& t : d.account.transactions) {
    if (!t.reversed && t.date > r.closed_on) {
      return savings_rule(resource, "closedOnDate.must.be.after.last.transaction.date", param,
                          sent);
    }
  }
  return std::nullopt;
}

// A new application for the reinvested money, submitted on the closure date.
void reinvest(state& s, deposits_book& book, const deposit_account& d, cents amount,
              local_date on) {
  deposit_account again = d;
  again.account = savings_account{};
  again.account.id = s.savings_ids.take();
  again.account.client_id = d.account.client_id;
  again.account.product_id = d.account.product_id;
  again.account.submitted_on = on;
  again.on_closure_type.reset();
  again.transfer_to_savings_id.reset();
  if (d.kind == deposit_kind::fixed) again.deposit_amount = amount;
  update_maturity(again);
  book.accounts[again.account.id] = again;
}

answer close(state& s, deposits_book& book, entity_id id, deposit_kind kind, const json& body,
             const rest_call& call, bool premature) {
  auto request = read_closure(body, kind, premature);
  if (auto* e = std::get_if<api_error>(&request)) return *e;
  const closure_request& r = std::get<closure_request>(request);
  auto found = deposit_for_command(s, book, id, kind, call);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  const std::string resource = deposit_resource(kind) + (premature ? ".preMatureClose" : ".close");
  if (premature && kind == deposit_kind::recurring && !d.maturity_date) {
    return savings_rule(resource, "can.not.close.as.premature");
  }
  if (premature && d.account.status != savings_status::active) {
    return savings_rule(resource, "not.in.active.state");
  }
  if (!premature && d.account.status != savings_status::matured &&
      (kind == deposit_kind::fixed || d.maturity_date)) {
    return savings_rule(resource, "not.in.matured.state");
  }
  const json sent = body.at("closedOnDate");
  if (auto refused = check_dates(d, r, resource, sent, call, premature)) return *refused;
  savings_account* to = nullptr;
  if (r.to_savings_id) {
    to = s.find_savings(*r.to_savings_id);
    if (to == nullptr) return savings_not_found(*r.to_savings_id);
    if (to->status != savings_status::active) {
      return state_rule("error.msg.savingsaccount.transaction.account.is.not.active",
                        "Transaction is not allowed. Account is not active.");
    }
    if (auto refused = refuse_credit(*to)) return *refused;
  }
  if (premature) {
    const deposit_product& product = book.products.at(d.account.product_id);
    double rate = d.rate;
    if (product.pre_closure_penal_applicable) {
      rate = std::max(0.0, rate - product.pre_closure_penal_interest);
    }
    const cents due = interest_until(d, r.closed_on, rate) - d.account.interest_posted;
    if (due > 0) book_savings_transaction(s, d.account, 3, r.closed_on, due);
  }
  json changes = json::object();
  if (r.payment_type_id) echo_payment_details(body, *r.payment_type_id, changes);
  const cents balance = d.account.balance;
  if (r.closure_type >= 300) {
    reinvest(s, book, d, r.closure_type == 400 ? d.deposit_amount : balance, r.closed_on);
  }
  if (balance > 0) book_savings_transaction(s, d.account, 2, r.closed_on, -balance);
  if (to != nullptr && balance > 0) {
    book_savings_transaction(s, *to, 1, r.closed_on, balance);
    d.transfer_to_savings_id = to->id;
  }
  d.account.status = premature ? savings_status::premature_closed : savings_status::closed;
  d.account.closed_on = r.closed_on;
  d.on_closure_type = r.closure_type;
  changes["status"] = savings_status_json(d.account.status);
  changes["locale"] = value_text(body.at("locale"));
  changes["dateFormat"] = value_text(body.at("dateFormat"));
  changes["closedOnDate"] = value_text(sent);
  if (body.contains("note") && !value_text(body["note"]).empty()) {
    changes["note"] = value_text(body["note"]);
  }
  return deposit_result(s, d, d.account.id, std::move(changes));
}

}  // namespace

std::optional<rest_outcome> deposit_closure_command(state& s, deposits_book& book,
                                                    const rest_call& call, deposit_kind kind,
                                                    entity_id id, std::string_view command) {
  if (command != "close" && command != "prematureClose") return std::nullopt;
  const bool premature = command == "prematureClose";
  return run_command(
      call, deposit_entity(kind), premature ? "PREMATURECLOSE" : "CLOSE",
      [&](const json& body) { return close(s, book, id, kind, body, call, premature); });
}

}  // namespace mifos::mock::detail
