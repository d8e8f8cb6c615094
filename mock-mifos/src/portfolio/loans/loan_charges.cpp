// loan_charges.cpp: charges on a loan: POST /loans/{id}/charges (LOANCHARGE CREATE), PUT and
// DELETE /loans/{id}/charges/{cid} (UPDATE, DELETE, while the loan is pending approval), POST
// /loans/{id}/charges/{cid}?command=waive (WAIVE) and ?command=pay (PAY, from the linked
// savings account), and their GETs. The mock takes any charge definition (Fineract requires
// one that applies to loans; the seeded charge 1 applies to savings).
#include <string>

#include "portfolio/loans/loan_money.hpp"
#include "portfolio/loans/loans.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

loan_charge* find_loan_charge(loan& l, entity_id id) {
  for (auto& c : l.charges)
    if (c.id == id && c.active) return &c;
  return nullptr;
}

api_error loan_charge_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.loanCharge.id.invalid",
      "Loan charge with identifier " + std::to_string(id) + " does not exist", id);
}

// LoanCharge{Cannot...}Exception: 403 with the reason's code.
api_error charge_rule(const std::string& code, const std::string& message) {
  return api_error::domain_rule("error.msg.loan.charge." + code, message);
}

json charge_result(const state& s, const loan& l, entity_id charge_id, json changes,
                   std::optional<entity_id> sub_resource_id = std::nullopt) {
  return loan_result(s, l, charge_id, std::move(changes), sub_resource_id);
}

answer add_charge(state& s, entity_id id, const json& body) {
  field_reader in(body, "loanCharge");
  auto charge_id = in.id("chargeId");
  auto amount = in.amount("amount", false);
  auto due_date = in.date("dueDate", false);
  auto mode = in.whole("chargePaymentMode", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  auto def = s.charges.find(*charge_id);
  if (def == s.charges.end()) return charge_not_found(*charge_id);
  loan_charge c;
  c.id = s.loan_charge_ids.take();
  c.charge_id = *charge_id;
  c.amount = amount.value_or(def->second.amount);
  c.due_date = due_date;
  c.account_transfer = mode.value_or(0) == 1;
  l->charges.push_back(c);
  replay_transactions(*l);
  return charge_result(s, *l, c.id, nullptr);
}

answer update_charge(state& s, entity_id id, entity_id charge_id, const json& body) {
  field_reader in(body, "loanCharge");
  auto amount = in.amount("amount", false);
  auto due_date = in.date("dueDate", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  loan_charge* c = find_loan_charge(*l, charge_id);
  if (c == nullptr) return loan_charge_not_found(charge_id);
  if (l->status != loan_status::submitted) {
    return charge_rule("associated.loan.not.in.submitted.and.pending.approval.stage",
                       "This charge cannot be updated as the loan it is associated with is not "
                       "in submitted and pending approval stage");
  }
  // LoanCharge.update: each changed value, then the locale (and dateFormat for the date).
  json changes = json::object();
  if (due_date && due_date != c->due_date) {
    c->due_date = due_date;
    changes["dueDate"] = value_text(body.at("dueDate"));
    changes["dateFormat"] = value_text(body.at("dateFormat"));
    changes["locale"] = value_text(body.at("locale"));
  }
  if (amount && *amount != c->amount) {
    c->amount = *amount;
    changes["amount"] = amount_json(*amount);
    changes["locale"] = body.contains("locale") ? json(value_text(body.at("locale"))) : json("en");
  }
  return charge_result(s, *l, c->id, std::move(changes));
}

answer delete_charge(state& s, entity_id id, entity_id charge_id) {
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  loan_charge* c = find_loan_charge(*l, charge_id);
  if (c == nullptr) return loan_charge_not_found(charge_id);
  if (l->status != loan_status::submitted) {
    return charge_rule("associated.loan.not.in.submitted.and.pending.approval.stage",
                       "This loan charge cannot be deleted as the loan it is associated with is "
                       "not in submitted and pending approval stage");
  }
  c->active = false;
  return charge_result(s, *l, charge_id, nullptr);
}

// The checks waive and pay share: an active loan, a charge neither waived nor paid.
std::optional<api_error> check_settleable(const loan& l, const loan_charge& c, const char* verb) {
  if (l.status != loan_status::active) {
    return charge_rule("associated.loan.inactive",
                       std::string("This loan charge can be ") + verb +
                           " as the loan associated with it is currently inactive");
  }
  if (c.waived > 0)
    return charge_rule("already.waived", "This loan charge has already been waived");
  if (c.outstanding() == 0) {
    return charge_rule("already.paid", "This loan charge has been completely paid");
  }
  return std::nullopt;
}

answer waive_charge(state& s, const rest_call& call, entity_id id, entity_id charge_id) {
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  loan_charge* c = find_loan_charge(*l, charge_id);
  if (c == nullptr) return loan_charge_not_found(charge_id);
  if (auto e = check_settleable(*l, *c, "waived")) return *e;
  const cents amount = c->outstanding();
  loan_transaction& t =
      add_loan_transaction(s, *l, loan_transaction_type::waive_charges, date_of(call.now), amount);
  t.loan_charge_id = charge_id;
  const entity_id tid = t.id;
  replay_transactions(*l);
  return charge_result(s, *l, charge_id, {{"amount", amount_json(amount)}}, tid);
}

// Pays the charge from the loan's linked savings account (Fineract pays a loan charge only by
// account transfer). Ids only, with savingsId.
answer pay_charge(state& s, entity_id id, entity_id charge_id, const json& body) {
  field_reader in(body, "loanCharge");
  auto date = in.date("transactionDate");
  auto amount = in.amount("amount", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(id);
  if (l == nullptr) return loan_not_found(id);
  loan_charge* c = find_loan_charge(*l, charge_id);
  if (c == nullptr) return loan_charge_not_found(charge_id);
  if (auto e = check_settleable(*l, *c, "payed")) return *e;
  if (!c->account_transfer) {
    return charge_rule("transfer.not.allowed",
                       "This loan charge can be payed as the charge payment mode is not account "
                       "transfer");
  }
  savings_account* a = l->linked_savings_id ? s.find_savings(*l->linked_savings_id) : nullptr;
  if (a == nullptr) {
    return api_error::domain_rule("error.msg.loanCharge.pay.requires.linked.account",
                                  "No Savings account is linked with loan charge for payment");
  }
  const cents paid = amount.value_or(c->outstanding());
  if (a->balance < paid) {
    return api_error::domain_rule(
        "error.msg.savingsaccount.transaction.insufficient.account.balance",
        "Insufficient account balance.");
  }
  a->balance -= paid;
  a->withdrawals += paid;
  savings_transaction withdrawal;
  withdrawal.id = s.savings_transaction_ids.take();
  withdrawal.type = 2;
  withdrawal.date = *date;
  withdrawal.amount = paid;
  withdrawal.running_balance = a->balance;
  a->transactions.push_back(withdrawal);
  loan_transaction& t =
      add_loan_transaction(s, *l, loan_transaction_type::charge_payment, *date, paid);
  t.loan_charge_id = charge_id;
  const entity_id tid = t.id;
  replay_transactions(*l);
  json result = charge_result(s, *l, charge_id, nullptr, tid);
  // savingsId sits between loanId and resourceId in Fineract's order.
  return result_fields{.office_id = result.value("officeId", std::int64_t{1}),
                       .group_id = l->group_id,
                       .client_id = l->client_id != 0 ? std::optional(l->client_id) : std::nullopt,
                       .loan_id = l->id,
                       .savings_id = a->id,
                       .resource_id = charge_id,
                       .sub_resource_id = tid}
      .to_json();
}

}  // namespace

json loan_charges_json(const state& s, const loan& l) {
  json list = json::array();
  for (const auto& c : l.charges) {
    if (!c.active) continue;
    const charge_definition& def = s.charges.at(c.charge_id);
    json j = {{"id", c.id},
              {"chargeId", c.charge_id},
              {"name", def.name},
              {"currency", currency_json(def.currency)},
              {"amount", amount_json(c.amount)},
              {"amountPaid", amount_json(c.paid)},
              {"amountWaived", amount_json(c.waived)},
              {"amountOutstanding", amount_json(c.outstanding())}};
    if (c.due_date) j["dueDate"] = date_json(*c.due_date);
    j["paid"] = c.paid > 0 && c.outstanding() == 0;
    j["waived"] = c.waived > 0;
    list.push_back(std::move(j));
  }
  return list;
}

std::optional<rest_outcome> route_loan_charges(state& s, const rest_call& call, const segments& p) {
  auto id = parse_id(p[1]);
  if (!id || p.size() > 4) return std::nullopt;
  if (p.size() == 3) {
    if (call.method == "POST") {
      if (command_of(call) != nullptr) return unsupported_command(call);
      return run_command(call, "LOANCHARGE", "CREATE",
                         [&](const json& body) { return add_charge(s, *id, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    const loan* l = s.find_loan(*id);
    return read_outcome(l != nullptr ? answer(loan_charges_json(s, *l))
                                     : answer(loan_not_found(*id)));
  }
  auto charge_id = parse_id(p[3]);
  if (!charge_id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "LOANCHARGE", "UPDATE",
                       [&](const json& body) { return update_charge(s, *id, *charge_id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "LOANCHARGE", "DELETE",
                       [&](const json&) { return delete_charge(s, *id, *charge_id); });
  }
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    if (command != nullptr && *command == "waive") {
      return run_command(call, "LOANCHARGE", "WAIVE",
                         [&](const json&) { return waive_charge(s, call, *id, *charge_id); });
    }
    if (command != nullptr && *command == "pay") {
      return run_command(call, "LOANCHARGE", "PAY",
                         [&](const json& body) { return pay_charge(s, *id, *charge_id, body); });
    }
    return unsupported_command(call);
  }
  if (call.method != "GET") return method_not_allowed(call);
  loan* l = s.find_loan(*id);
  if (l == nullptr) return read_outcome(loan_not_found(*id));
  for (const auto& c : loan_charges_json(s, *l))
    if (c["id"] == *charge_id) return read_outcome(c);
  return read_outcome(loan_charge_not_found(*charge_id));
}

std::optional<rest_outcome> route_loan_parts(state& s, const rest_call& call, const segments& p) {
  if (p[2] == "charges") return route_loan_charges(s, call, p);
  if (p[2] == "guarantors" || p[2] == "collaterals") return route_loan_guarantors(s, call, p);
  return std::nullopt;
}

}  // namespace mifos::mock::detail
