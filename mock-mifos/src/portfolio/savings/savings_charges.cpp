// savings_charges.cpp: POST /savingsaccounts/{id}/charges (SAVINGSACCOUNTCHARGE CREATE),
// POST /savingsaccounts/{id}/charges/{cid}?command=paycharge|waive|inactivate
// (SAVINGSACCOUNTCHARGE PAY, WAIVE, INACTIVATE), PUT and DELETE of a charge (UPDATE, DELETE),
// and their GETs.
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json charge_json(const state& s, const savings_account& a, const savings_charge& c) {
  const charge_definition& def = s.charges.at(c.charge_id);
  json j = {{"id", c.id},
            {"chargeId", c.charge_id},
            {"accountId", a.id},
            {"name", def.name},
            {"currency", currency_json(def.currency)},
            {"amount", amount_json(c.amount)},
            {"amountPaid", amount_json(c.paid)},
            {"amountWaived", amount_json(c.waived)},
            {"amountOutstanding", amount_json(c.outstanding())},
            {"isActive", c.active}};
  if (c.due_date) j["dueDate"] = date_json(*c.due_date);
  j["isPaid"] = c.outstanding() == 0 && c.waived == 0;
  j["isWaived"] = c.waived > 0;
  return j;
}

savings_charge* find_charge(savings_account& a, entity_id id) {
  for (auto& c : a.charges) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

api_error account_charge_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.savings.account.charge.id.invalid",
      "Savings Account charge with identifier " + std::to_string(id) + " does not exist", id);
}

answer add_charge(state& s, entity_id id, const json& body) {
  field_reader in(body, "savingsaccountcharge");
  auto charge_id = in.id("chargeId");
  auto amount = in.amount("amount", false);
  auto due_date = in.date("dueDate", false);
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  auto def = s.charges.find(*charge_id);
  if (def == s.charges.end()) return charge_not_found(*charge_id);
  savings_charge c;
  c.id = s.savings_charge_ids.take();
  c.charge_id = *charge_id;
  c.amount = amount.value_or(def->second.amount);
  c.due_date = due_date;
  a->charges.push_back(c);
  return savings_result(s, *a, c.id, std::nullopt);
}

answer pay_charge(state& s, entity_id id, entity_id charge_id, const json& body) {
  field_reader in(body, "savingsaccountcharge");
  auto amount = in.amount("amount");
  auto due_date = in.date("dueDate");
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  savings_charge* c = find_charge(*a, charge_id);
  if (c == nullptr) return account_charge_not_found(charge_id);
  // Fineract reports these three as 400 validation errors of the savings account.
  if (a->status != savings_status::active) {
    return state_rule("validation.msg.savingsaccount.transaction.invalid.account.is.not.active",
                      "Failed data validation due to: transaction.invalid.account.is.not.active.");
  }
  if (c->outstanding() == 0) {
    return state_rule("validation.msg.savingsaccount.transaction.invalid.account.charge.is.paid",
                      "Failed data validation due to: transaction.invalid.account.charge.is.paid.");
  }
  if (*amount > c->outstanding()) {
    return state_rule(
        "validation.msg.savingsaccount.transaction.invalid.charge.amount.paid.in.access",
        "Failed data validation due to: transaction.invalid.charge.amount.paid.in.access.",
        "amount", value_text(body.at("amount")));
  }
  if (*amount > a->balance) {
    return api_error::domain_rule(
        "error.msg.savingsaccount.transaction.insufficient.account.balance",
        "Insufficient account balance.");
  }
  c->paid += *amount;
  book_savings_transaction(s, *a, 7, *due_date, -*amount);
  return savings_result(s, *a, c->id, std::nullopt);
}

// waive and inactivate need an active account (SavingsAccount.waiveCharge / inactivateCharge).
std::optional<api_error> charge_account_rule(const savings_account& a) {
  const bool closed = a.status == savings_status::closed || a.status == savings_status::rejected ||
                      a.status == savings_status::withdrawn_by_applicant;
  if (closed) return savings_rule("savingsaccount", "transaction.invalid.account.is.closed");
  if (a.status != savings_status::active) {
    return savings_rule("savingsaccount", "transaction.invalid.account.is.not.active");
  }
  return std::nullopt;
}

answer waive_charge(state& s, entity_id id, entity_id charge_id, const rest_call& call) {
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  savings_charge* c = find_charge(*a, charge_id);
  if (c == nullptr) return account_charge_not_found(charge_id);
  if (auto rule = charge_account_rule(*a)) return *rule;
  if (!c->active) return savings_rule("savingsaccount", "charge.is.not.active");
  if (c->waived > 0) {
    return savings_rule("savingsaccount", "transaction.invalid.account.charge.is.already.waived");
  }
  if (c->outstanding() == 0) {
    return savings_rule("savingsaccount", "transaction.invalid.account.charge.is.paid");
  }
  const cents waived = c->outstanding();
  c->waived = waived;
  // A waiver is booked (type 6) but moves no money.
  savings_transaction t;
  t.id = s.savings_transaction_ids.take();
  t.type = 6;
  t.date = date_of(call.now);
  t.amount = waived;
  t.running_balance = a->balance;
  a->transactions.push_back(t);
  return savings_result(s, *a, c->id, std::nullopt);
}

answer inactivate_charge(state& s, entity_id id, entity_id charge_id) {
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  savings_charge* c = find_charge(*a, charge_id);
  if (c == nullptr) return account_charge_not_found(charge_id);
  if (auto rule = charge_account_rule(*a)) return *rule;
  c->active = false;
  return savings_result(s, *a, c->id, std::nullopt);
}

// PUT: dueDate and amount, `changes` in SavingsAccountCharge.update's order.
answer update_charge(state& s, entity_id id, entity_id charge_id, const json& body) {
  field_reader in(body, "savingsaccountcharge");
  auto amount = in.amount("amount", false);
  auto due_date = in.date("dueDate", false);
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  savings_charge* c = find_charge(*a, charge_id);
  if (c == nullptr) return account_charge_not_found(charge_id);
  json changes = json::object();
  if (due_date && due_date != c->due_date) {
    changes["dueDate"] = value_text(body.at("dueDate"));
    changes["dateFormat"] = value_text(body.at("dateFormat"));
    changes["locale"] = value_text(body.at("locale"));
    c->due_date = due_date;
  }
  if (amount && *amount != c->amount) {
    changes["amount"] = amount_json(*amount);
    if (body.contains("locale")) changes["locale"] = value_text(body.at("locale"));
    c->amount = *amount;
  }
  return savings_result(s, *a, c->id, std::move(changes));
}

// DELETE: only while the application is pending (SavingsAccount.removeCharge).
answer delete_charge(state& s, entity_id id, entity_id charge_id) {
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  savings_charge* c = find_charge(*a, charge_id);
  if (c == nullptr) return account_charge_not_found(charge_id);
  if (a->status == savings_status::closed || a->status == savings_status::rejected ||
      a->status == savings_status::withdrawn_by_applicant) {
    return savings_rule("savingsaccount", "delete.transaction.invalid.account.is.closed");
  }
  if (a->status == savings_status::active || a->status == savings_status::approved) {
    return savings_rule("savingsaccount", "delete.transaction.invalid.account.is.active");
  }
  json result = savings_result(s, *a, c->id, std::nullopt);
  std::erase_if(a->charges, [charge_id](const savings_charge& x) { return x.id == charge_id; });
  return result;
}

}  // namespace

std::optional<rest_outcome> route_savings_charges(state& s, const rest_call& call,
                                                  const segments& p) {
  if (p.size() > 4) return std::nullopt;
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (p.size() == 3) {
    if (call.method == "POST") {
      return run_command(call, "SAVINGSACCOUNTCHARGE", "CREATE",
                         [&](const json& body) { return add_charge(s, *id, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    const savings_account* a = s.find_savings(*id);
    if (a == nullptr) return read_outcome(savings_not_found(*id));
    json list = json::array();
    for (const auto& c : a->charges) list.push_back(charge_json(s, *a, c));
    return read_outcome(list);
  }
  auto charge_id = parse_id(p[3]);
  if (!charge_id) return std::nullopt;
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    auto is = [command](const char* name) { return command != nullptr && *command == name; };
    if (is("waive")) {
      return run_command(call, "SAVINGSACCOUNTCHARGE", "WAIVE",
                         [&](const json&) { return waive_charge(s, *id, *charge_id, call); });
    }
    if (is("inactivate")) {
      return run_command(call, "SAVINGSACCOUNTCHARGE", "INACTIVATE",
                         [&](const json&) { return inactivate_charge(s, *id, *charge_id); });
    }
    if (!is("paycharge")) return unsupported_command(call);
    return run_command(call, "SAVINGSACCOUNTCHARGE", "PAY",
                       [&](const json& body) { return pay_charge(s, *id, *charge_id, body); });
  }
  if (call.method == "PUT") {
    return run_command(call, "SAVINGSACCOUNTCHARGE", "UPDATE",
                       [&](const json& body) { return update_charge(s, *id, *charge_id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "SAVINGSACCOUNTCHARGE", "DELETE",
                       [&](const json&) { return delete_charge(s, *id, *charge_id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  savings_account* a = s.find_savings(*id);
  if (a == nullptr) return read_outcome(savings_not_found(*id));
  const savings_charge* c = find_charge(*a, *charge_id);
  return read_outcome(c != nullptr ? answer(charge_json(s, *a, *c))
                                   : answer(account_charge_not_found(*charge_id)));
}

}  // namespace mifos::mock::detail
