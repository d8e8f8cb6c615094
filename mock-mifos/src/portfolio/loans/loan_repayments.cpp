// loan_repayments.cpp: the money commands under POST /loans/{id}/transactions?command=:
// repayment, recoverypayment, goodwillCredit, refundByCash (LOAN REPAYMENT, RECOVERYPAYMENT,
// GOODWILLCREDIT, REFUNDBYCASH), waiveinterest (WAIVEINTERESTPORTION), creditBalanceRefund;
// POST /loans/{id}/transactions/{tid} (ADJUST, amount 0 undoes); the transactions' GETs and
// the loan's GET JSON. The closing commands are in loan_closures.cpp.
#include <algorithm>
#include <string>
#include <vector>

#include "portfolio/loans/loan_money.hpp"
#include "portfolio/loans/loan_schedule.hpp"
#include "portfolio/loans/loans.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/supported_parameters.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

struct type_name {
  const char* code;
  const char* value;
};

// LoanEnumerations.transactionType: the code and English name of each type.
type_name name_of(loan_transaction_type type) {
  switch (type) {
    case loan_transaction_type::disbursement:
      return {"loanTransactionType.disbursement", "Disbursement"};
    case loan_transaction_type::repayment:
      return {"loanTransactionType.repayment", "Repayment"};
    case loan_transaction_type::waive_interest:
      return {"loanTransactionType.waiver", "Waive interest"};
    case loan_transaction_type::write_off:
      return {"loanTransactionType.writeOff", "Close (as written-off)"};
    case loan_transaction_type::recovery_repayment:
      return {"loanTransactionType.recoveryRepayment", "Repayment (after write-off)"};
    case loan_transaction_type::waive_charges:
      return {"loanTransactionType.waiveCharges", "Waive loan charges"};
    case loan_transaction_type::charge_payment:
      return {"loanTransactionType.chargePayment", "Charge Payment"};
    case loan_transaction_type::refund_for_active_loan:
      return {"loanTransactionType.refund", "Refund"};
    case loan_transaction_type::credit_balance_refund:
      return {"loanTransactionType.creditBalanceRefund", "Credit Balance Refund"};
    case loan_transaction_type::goodwill_credit:
      return {"loanTransactionType.goodwillCredit", "Goodwill Credit"};
  }
  return {"loanTransactionType.invalid", "Invalid"};
}

// The principal outstanding once `t` is booked (Fineract's outstandingLoanBalance): disbursals
// and refunds add their principal portion, payments and write-offs take theirs off.
cents outstanding_after(const loan& l, const loan_transaction& t) {
  cents balance = 0;
  for (const auto& other : l.transactions) {
    if (!other.reversed || other.id == t.id) {
      switch (other.type) {
        case loan_transaction_type::disbursement:
        case loan_transaction_type::refund_for_active_loan:
          balance += other.principal_portion;
          break;
        case loan_transaction_type::repayment:
        case loan_transaction_type::goodwill_credit:
        case loan_transaction_type::charge_payment:
        case loan_transaction_type::write_off:
          balance -= other.principal_portion;
          break;
        default:
          break;
      }
    }
    if (other.id == t.id) break;
  }
  return balance;
}

json transaction_json(const loan& l, const loan_transaction& t, const std::string& currency) {
  const type_name name = name_of(t.type);
  json type = {{"id", static_cast<int>(t.type)}, {"code", name.code}, {"value", name.value}};
  type["disbursement"] = t.disbursement();
  type["repayment"] = t.type == loan_transaction_type::repayment;
  type["waiveInterest"] = t.type == loan_transaction_type::waive_interest;
  type["writeOff"] = t.type == loan_transaction_type::write_off;
  type["recoveryRepayment"] = t.type == loan_transaction_type::recovery_repayment;
  return {{"id", t.id},
          {"loanId", l.id},
          {"type", type},
          {"date", date_json(t.date)},
          {"currency", currency_json(currency)},
          {"amount", amount_json(t.amount)},
          {"principalPortion", amount_json(t.principal_portion)},
          {"interestPortion", amount_json(t.interest_portion)},
          {"feeChargesPortion", amount_json(t.fee_portion)},
          {"overpaymentPortion", amount_json(t.overpayment_portion)},
          {"outstandingLoanBalance", amount_json(outstanding_after(l, t))},
          {"manuallyReversed", t.reversed}};
}

// transactionDate, transactionAmount, locale, dateFormat as sent: how every money command's
// `changes` starts.
json money_changes(const json& body) {
  return {{"transactionDate", value_text(body.at("transactionDate"))},
          {"transactionAmount", value_text(body.at("transactionAmount"))},
          {"locale", value_text(body.at("locale"))},
          {"dateFormat", value_text(body.at("dateFormat"))}};
}

// One of the payment-like commands: what the loan's state must be, and what it books.
struct payment_kind {
  loan_transaction_type type;
  loan_status required;
  const char* rule_code;
  const char* rule_message;
};

const payment_kind kRepayment{loan_transaction_type::repayment, loan_status::active,
                              "repayment.or.waiver.account.is.not.active",
                              "Loan Repayment (or its types) or Waiver is not allowed. Loan "
                              "Account is not active."};
const payment_kind kGoodwillCredit{loan_transaction_type::goodwill_credit, loan_status::active,
                                   kRepayment.rule_code, kRepayment.rule_message};
const payment_kind kRecovery{loan_transaction_type::recovery_repayment, loan_status::written_off,
                             "account.is.not.written.off",
                             "Recovery repayments may only be made on loans which are written off"};
const payment_kind kWaiveInterest{loan_transaction_type::waive_interest, loan_status::active,
                                  kRepayment.rule_code, kRepayment.rule_message};
const payment_kind kRefund{loan_transaction_type::refund_for_active_loan, loan_status::active,
                           "refund.account.is.not.active",
                           "Loan Refund is not allowed. Loan Account is not active."};
const payment_kind kCreditBalanceRefund{
    loan_transaction_type::credit_balance_refund, loan_status::overpaid,
    "credit.balance.refund.account.is.not.overpaid",
    "Loan Credit Balance Refund is not allowed. Loan Account is not Overpaid."};

answer make_payment(state& s, entity_id id, const json& body, const payment_kind& kind) {
  field_reader in(body, "loan.transaction");
  // Fineract's validatePaymentTransaction; the other payment kinds are not checked yet.
  if (kind.type == loan_transaction_type::repayment && !in.only(kLoanRepaymentParameters)) {
    return in.error();
  }
  auto date = in.date("transactionDate");
  auto amount = in.amount("transactionAmount");
  auto payment_type_id = in.id("paymentTypeId", false);
  auto note = in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  if (l->status != kind.required) return loan_state_rule(kind.rule_code, kind.rule_message);
  if (kind.type == loan_transaction_type::refund_for_active_loan &&
      *amount > l->principal_paid + l->interest_paid) {
    // Fineract refunds at most what was paid in advance; the mock has no due dates, so what
    // was paid at all.
    return api_error::domain_rule("error.msg.loan.refund.amount.invalid",
                                  "The refund amount `" + value_text(body.at("transactionAmount")) +
                                      "`` is invalid or loan is not paid in advance.");
  }
  if (kind.type == loan_transaction_type::credit_balance_refund && *amount > l->overpaid) {
    return api_error::validation(
        "transactionAmount",
        "Transaction Amount (" + value_text(body.at("transactionAmount")) +
            ") must be > zero and <= Overpaid amount (" + std::to_string(l->overpaid / 100) + "." +
            (l->overpaid % 100 < 10 ? "0" : "") + std::to_string(l->overpaid % 100) + ").",
        "error.msg.transactionAmount.invalid.must.be.>zero.and<=overpaidamount",
        value_text(body.at("transactionAmount")));
  }
  const entity_id tid = add_loan_transaction(s, *l, kind.type, *date, *amount).id;

  // Fineract echoes the request's strings, then the payment details, then the note; the
  // interest waiver has no payment details, the credit balance refund puts the note first.
  json changes = money_changes(body);
  const bool refund = kind.type == loan_transaction_type::refund_for_active_loan ||
                      kind.type == loan_transaction_type::credit_balance_refund;
  if (refund && note) changes["note"] = *note;
  if (payment_type_id && kind.type != loan_transaction_type::waive_interest &&
      kind.type != loan_transaction_type::refund_for_active_loan) {
    echo_payment_details(body, *payment_type_id, changes);
  }
  if (!refund && note) changes["note"] = *note;
  if (kind.type == loan_transaction_type::credit_balance_refund) {
    // No loanId in this result (LoanWritePlatformServiceJpaRepositoryImpl.creditBalanceRefund).
    json result = loan_result(s, *l, tid, std::move(changes));
    result.erase("loanId");
    return result;
  }
  return loan_result(s, *l, tid, std::move(changes));
}

bool editable(loan_transaction_type type) {
  return type == loan_transaction_type::repayment ||
         type == loan_transaction_type::goodwill_credit ||
         type == loan_transaction_type::recovery_repayment ||
         type == loan_transaction_type::waive_interest;
}

// POST /loans/{id}/transactions/{tid}: replaces a payment with one of the new amount and date
// (resourceId = the new transaction), or with nothing when the amount is 0 (resourceId = the
// adjusted one). Later transactions are booked again.
answer adjust_transaction(state& s, entity_id id, entity_id tid, const json& body) {
  field_reader in(body, "loan.transaction");
  auto date = in.date("transactionDate");
  std::optional<cents> amount;
  if (const json* v = in.find("transactionAmount")) {
    amount = parse_amount(*v);
    if (!amount || *amount < 0) {
      in.fail_rule("transactionAmount", "not.zero.or.greater",
                   "The parameter `transactionAmount` must be greater than or equal to 0.", *v);
    }
  } else {
    in.fail_rule("transactionAmount", "cannot.be.blank",
                 "The parameter `transactionAmount` is mandatory.");
  }
  auto payment_type_id = in.id("paymentTypeId", false);
  auto note = in.text("note", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  loan_transaction* old = nullptr;
  for (auto& t : l->transactions)
    if (t.id == tid) old = &t;
  if (old == nullptr) {
    return api_error::not_found("error.msg.loan.transaction.id.invalid",
                                "Transaction with identifier " + std::to_string(tid) +
                                    " does not exist for loan with identifier " +
                                    std::to_string(id) + ".",
                                tid);
  }
  if (l->status == loan_status::written_off) {
    api_error e = api_error::domain_rule("error.msg.loan.written.off.update.not.allowed",
                                         "Loan transaction:" + std::to_string(tid) +
                                             " update not allowed as loan status is written off");
    e.http_status = 503;  // PlatformServiceUnavailableException
    return e;
  }
  if (old->reversed || !editable(old->type)) {
    return api_error::domain_rule("error.msg.loan.transaction.update.not.allowed",
                                  "Loan transaction: " + std::to_string(tid) +
                                      " update not allowed as loan transaction is a " +
                                      name_of(old->type).code);
  }
  const loan_transaction_type type = old->type;
  old->reversed = true;
  entity_id resource_id = tid;
  if (*amount > 0) {
    resource_id = add_loan_transaction(s, *l, type, *date, *amount).id;
  } else {
    replay_transactions(*l);
  }
  json changes = money_changes(body);
  if (payment_type_id) echo_payment_details(body, *payment_type_id, changes);
  if (note) changes["note"] = *note;
  return loan_result(s, *l, resource_id, std::move(changes));
}

const std::string& currency_of(const state& s, const loan& l) {
  return s.loan_products.at(l.product_id).currency;
}

// PUT /loans/{id}/transactions/{tid}: LoanChargeWritePlatformServiceImpl.undoWaiveLoanCharge.
// The waiver is reversed and the charge owes its amount again.
answer undo_waive_charge(state& s, entity_id id, entity_id tid) {
  loan* l = s.find_loan(id);
  auto t = l == nullptr ? std::vector<loan_transaction>::iterator()
                        : std::find_if(l->transactions.begin(), l->transactions.end(),
                                       [tid](const loan_transaction& x) { return x.id == tid; });
  if (l == nullptr || t == l->transactions.end()) {
    return api_error::not_found("error.msg.loan.transaction.id.invalid",
                                "Transaction with identifier " + std::to_string(tid) +
                                    " does not exist for loan with identifier " +
                                    std::to_string(id) + ".",
                                tid);
  }
  if (t->type != loan_transaction_type::waive_charges) {
    return api_error::domain_rule("error.msg.loan.transaction.undo.waive.charge",
                                  "Transaction is not a waive charge type.");
  }
  if (t->reversed) {
    return api_error::domain_rule("error.msg.transaction.cannot.reverse",
                                  "This loan charge waive cannot be reversed as this transaction "
                                  "is already reversed");
  }
  const loan_charge* charge = nullptr;
  for (const auto& c : l->charges) {
    if (t->loan_charge_id && c.id == *t->loan_charge_id) charge = &c;
  }
  if (charge == nullptr) {
    return api_error::not_found("error.msg.loan.charge.id.invalid",
                                "Loan charge with identifier " +
                                    std::to_string(t->loan_charge_id.value_or(0)) +
                                    " does not exist",
                                t->loan_charge_id.value_or(0));
  }
  if (charge->paid >= charge->amount) {
    return api_error::domain_rule("error.msg.loan.charge.already.paid",
                                  "This loan charge has been completely paid");
  }
  if (l->status != loan_status::active) {
    return api_error::domain_rule("error.msg.loan.charge.associated.loan.inactive",
                                  "This loan charge can be waived as the loan associated with it "
                                  "is currently inactive");
  }
  t->reversed = true;
  const loan_transaction waiver = *t;
  const entity_id charge_id = charge->id;
  replay_transactions(*l);
  // Fineract's changes: the waiver's portions, then its id and date.
  json changes = {{"principalPortion", amount_json(waiver.principal_portion)},
                  {"interestPortion", amount_json(waiver.interest_portion)},
                  {"feeChargesPortion", amount_json(waiver.fee_portion)},
                  {"penaltyChargesPortion", 0},
                  {"outstandingLoanBalance", amount_json(total_outstanding(*l))},
                  {"id", waiver.id},
                  {"date", date_json(waiver.date)}};
  return result_fields{.loan_id = l->id,
                       .resource_id = charge_id,
                       .sub_resource_id = waiver.id,
                       .changes = std::move(changes)}
      .to_json();
}

std::optional<rest_outcome> run_transaction_command(state& s, const rest_call& call, entity_id id,
                                                    const std::string& command) {
  struct named {
    const char* command;
    const char* action;
    const payment_kind* kind;
  };
  static const named kPayments[] = {
      {"repayment", "REPAYMENT", &kRepayment},
      {"recoverypayment", "RECOVERYPAYMENT", &kRecovery},
      {"goodwillCredit", "GOODWILLCREDIT", &kGoodwillCredit},
      {"waiveinterest", "WAIVEINTERESTPORTION", &kWaiveInterest},
      {"refundByCash", "REFUNDBYCASH", &kRefund},
      {"creditBalanceRefund", "CREDITBALANCEREFUND", &kCreditBalanceRefund},
  };
  for (const named& p : kPayments) {
    if (command == p.command) {
      return run_command(call, "LOAN", p.action,
                         [&](const json& body) { return make_payment(s, id, body, *p.kind); });
    }
  }
  return route_loan_closures(s, call, id, command);
}

}  // namespace

loan_transaction& add_loan_transaction(state& s, loan& l, loan_transaction_type type,
                                       local_date date, cents amount) {
  loan_transaction t;
  t.id = s.loan_transaction_ids.take();
  t.type = type;
  t.date = date;
  t.amount = amount;
  l.transactions.push_back(t);
  replay_transactions(l);
  for (auto& booked : l.transactions)
    if (booked.id == t.id) return booked;
  return l.transactions.back();  // not reached: the transaction was just added
}

namespace {

// Fineract's PeriodFrequencyType as LoanEnumerations writes a repayment frequency.
json repayment_frequency_json(int type) {
  static constexpr const char* kNames[][2] = {
      {"days", "Days"}, {"weeks", "Weeks"}, {"months", "Months"}, {"years", "Years"}};
  const auto i = static_cast<std::size_t>(std::clamp(type, 0, 3));
  return {{"id", i},
          {"code", std::string("repaymentFrequency.periodFrequencyType.") + kNames[i][0]},
          {"value", kNames[i][1]}};
}

}  // namespace

json loan_json(const state& s, const loan& l, const rest_call& call) {
  const std::string& currency = currency_of(s, l);
  json j = {{"id", l.id}, {"accountNo", account_no(l.id)}};
  if (l.external_id) j["externalId"] = *l.external_id;
  j["status"] = loan_status_json(l.status);
  if (l.client_id != 0) {
    const client& c = s.clients.at(l.client_id);
    j["clientId"] = c.id;
    j["clientAccountNo"] = account_no(c.id);
    j["clientName"] = c.display_name();
    j["clientOfficeId"] = c.office_id;
  }
  if (l.group_id) {
    const group& g = s.groups.at(*l.group_id);
    j["group"] = {{"id", g.id}, {"name", g.name}, {"officeId", g.office_id}};
  }
  j["loanProductId"] = l.product_id;
  j["loanProductName"] = s.loan_products.at(l.product_id).name;
  if (l.loan_type == "group") {
    j["loanType"] = {{"id", 2}, {"code", "accountType.group"}, {"value", "Group"}};
  } else if (l.loan_type == "jlg") {
    j["loanType"] = {{"id", 3}, {"code", "accountType.jlg"}, {"value", "JLG"}};
  } else {
    j["loanType"] = {{"id", 1}, {"code", "accountType.individual"}, {"value", "Individual"}};
  }
  if (l.loan_officer_id) j["loanOfficerId"] = *l.loan_officer_id;
  j["currency"] = currency_json(currency);
  j["principal"] = amount_json(l.principal);
  j["approvedPrincipal"] = amount_json(l.principal);
  j["proposedPrincipal"] = amount_json(l.proposed_principal);
  j["numberOfRepayments"] = l.number_of_repayments;
  j["repaymentEvery"] = l.repayment_every;
  j["repaymentFrequencyType"] = repayment_frequency_json(l.repayment_frequency_type);
  j["interestRatePerPeriod"] = l.rate_per_period;
  json timeline = {{"submittedOnDate", date_json(l.submitted_on)}};
  if (l.rejected_on) timeline["rejectedOnDate"] = date_json(*l.rejected_on);
  if (l.withdrawn_on) timeline["withdrawnOnDate"] = date_json(*l.withdrawn_on);
  if (l.approved_on) timeline["approvedOnDate"] = date_json(*l.approved_on);
  timeline["expectedDisbursementDate"] = date_json(l.expected_disbursement);
  if (l.disbursed_on) timeline["actualDisbursementDate"] = date_json(*l.disbursed_on);
  if (l.closed_on) timeline["closedOnDate"] = date_json(*l.closed_on);
  if (l.written_off_on) timeline["writtenOffOnDate"] = date_json(*l.written_off_on);
  j["timeline"] = timeline;
  j["summary"] = loan_summary_json(l, currency);
  auto associations = call.query.find("associations");
  const bool all = associations != call.query.end() && associations->second == "all";
  auto wants = [&](const char* what) {
    return all || (associations != call.query.end() &&
                   associations->second.find(what) != std::string::npos);
  };
  if (wants("transactions")) {
    json list = json::array();
    for (const auto& t : l.transactions) list.push_back(transaction_json(l, t, currency));
    j["transactions"] = list;
  }
  if (wants("repaymentSchedule")) j["repaymentSchedule"] = repayment_schedule_json(l, currency);
  if (wants("charges")) j["charges"] = loan_charges_json(s, l);
  return j;
}

std::optional<rest_outcome> route_loan_transactions(state& s, const rest_call& call,
                                                    const segments& p) {
  if (p.size() > 4 || p[2] != "transactions") return std::nullopt;
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (p.size() == 3) {
    if (call.method != "POST") return method_not_allowed(call);
    const std::string* command = command_of(call);
    if (command == nullptr) return unsupported_command(call);
    auto out = run_transaction_command(s, call, *id, *command);
    return out ? *out : unsupported_command(call);
  }
  auto transaction_id = parse_id(p[3]);
  if (!transaction_id) return std::nullopt;
  if (call.method == "POST") {
    if (command_of(call) != nullptr) return unsupported_command(call);
    return run_command(call, "LOAN", "ADJUST", [&](const json& body) {
      return adjust_transaction(s, *id, *transaction_id, body);
    });
  }
  if (call.method == "PUT") {
    // PUT on a transaction always undoes a charge waiver (WAIVECHARGE UNDO).
    return run_command(call, "WAIVECHARGE", "UNDO",
                       [&](const json&) { return undo_waive_charge(s, *id, *transaction_id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  const loan* l = s.find_loan(*id);
  if (l == nullptr) return read_outcome(loan_not_found(*id));
  for (const auto& t : l->transactions) {
    if (t.id == *transaction_id) return read_outcome(transaction_json(*l, t, currency_of(s, *l)));
  }
  return read_outcome(api_error::not_found(
      "error.msg.loan.transaction.id.invalid",
      "Transaction with identifier " + std::to_string(*transaction_id) + " does not exist",
      *transaction_id));
}

}  // namespace mifos::mock::detail
