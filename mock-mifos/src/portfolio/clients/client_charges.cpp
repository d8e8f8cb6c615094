// client_charges.cpp: charges on a client and the transactions paying them:
// POST /clients/{id}/charges (CLIENTCHARGE CREATE), DELETE .../charges/{chargeId} (DELETE),
// POST .../charges/{chargeId}?command=paycharge|waive (PAY, WAIVE; inactivate fails as in
// Fineract, which has no handler for it), POST /clients/{id}/transactions/{tid}?command=undo
// (CLIENT UNDOTRANSACTION) and the GETs, as ClientChargeWritePlatformServiceImpl and
// ClientTransactionWritePlatformServiceJpaRepositoryImpl run them. Every command needs an
// active client (403 error.msg.client.not.active.exception).
#include <string>

#include "portfolio/clients/client_commands.hpp"
#include "portfolio/handlers.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// ClientChargeDataValidator's resource: errors read validation.msg.CLIENTCHARGE.<...>.
constexpr const char* kResource = "CLIENTCHARGE";

std::variant<client*, api_error> active_client(state& s, entity_id id) {
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (!c->is_active()) {
    return api_error::domain_rule("error.msg.client.not.active.exception",
                                  "The Client with id `" + std::to_string(id) + "` is not active");
  }
  return c;
}

api_error client_charge_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.client.charge.id.invalid",
      "Client charge with identifier " + std::to_string(id) + " does not exist", id);
}

// failWithCodeNoParameterAddedToErrorCode on the CLIENTCHARGE resource.
api_error charge_rule(const std::string& postfix, std::string parameter = "id",
                      json value = nullptr) {
  return state_rule(std::string("validation.msg.") + kResource + "." + postfix,
                    "Failed data validation due to: " + postfix + ".", std::move(parameter),
                    std::move(value));
}

// validatePaymentDateAndAmount without the date and amount checks: what delete and waive check.
std::optional<api_error> check_open(const client_charge& c) {
  if (!c.active) return charge_rule("charge.is.not.active");
  if (c.is_waived()) return charge_rule("transaction.invalid.account.charge.is.already.waived");
  if (c.is_paid()) return charge_rule("transaction.invalid.account.charge.is.paid");
  return std::nullopt;
}

api_error transaction_not_found(entity_id client_id, entity_id transaction_id) {
  return api_error::not_found("error.msg.client.transaction.not.found.exception",
                              "The Transaction with id `" + std::to_string(transaction_id) +
                                  "` does not exist for a Client with id `" +
                                  std::to_string(client_id),
                              transaction_id);
}

json charge_result(const client& c, entity_id charge_id) {
  return result_fields{.office_id = c.office_id, .client_id = c.id, .resource_id = charge_id}
      .to_json();
}

struct found_charge {
  client* owner;
  client_charge* charge;
};

std::variant<found_charge, api_error> find_charge(state& s, entity_id client_id,
                                                  entity_id charge_id) {
  auto found = active_client(s, client_id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  auto it = s.client_charges.find(charge_id);
  // Fineract finds the charge by its id alone.
  if (it == s.client_charges.end()) return client_charge_not_found(charge_id);
  return found_charge{std::get<client*>(found), &it->second};
}

answer add_charge(state& s, entity_id client_id, const json& body) {
  field_reader in(body, kResource);
  if (!in.only({"chargeId", "amount", "dueDate", "dateFormat", "locale"})) return in.error();
  auto amount = in.amount("amount");
  auto due_date = in.date("dueDate");
  auto charge_id = in.id("chargeId", false);
  if (!in.ok()) return in.error();
  auto found = active_client(s, client_id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  client& c = *std::get<client*>(found);
  auto def = charge_id ? s.charges.find(*charge_id) : s.charges.end();
  if (def == s.charges.end()) return charge_not_found(charge_id.value_or(0));
  if (def->second.applies_to != 3) {
    return api_error::domain_rule(
        "error.msg.charge.cannot.be.applied.toclient",
        "Charge with identifier " + std::to_string(*charge_id) + " cannot be applied to a Client");
  }
  if (c.activation_date && *due_date < *c.activation_date) {
    return charge_rule("dueDate.before.activationDate", "dueDate", value_text(body.at("dueDate")));
  }
  client_charge cc;
  cc.id = s.client_charge_ids.take();
  cc.client_id = c.id;
  cc.charge_id = *charge_id;
  cc.amount = *amount;
  cc.due_date = *due_date;
  s.client_charges[cc.id] = cc;
  return charge_result(c, cc.id);
}

answer delete_charge(state& s, entity_id client_id, entity_id charge_id) {
  auto found = find_charge(s, client_id, charge_id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  auto [owner, charge] = std::get<found_charge>(found);
  if (auto e = check_open(*charge)) return *e;
  s.client_charges.erase(charge_id);
  return charge_result(*owner, charge_id);
}

client_transaction& book(state& s, const client& c, const client_charge& charge, int type,
                         local_date date, cents amount) {
  client_transaction t;
  t.id = s.client_transaction_ids.take();
  t.client_id = c.id;
  t.office_id = c.office_id;
  t.client_charge_id = charge.id;
  t.type = type;
  t.date = date;
  t.amount = amount;
  return s.client_transactions[t.id] = t;
}

answer pay_charge(state& s, const rest_call& call, entity_id client_id, entity_id charge_id,
                  const json& body) {
  field_reader in(body, kResource);
  if (!in.only({"amount", "transactionDate", "dateFormat", "locale", "paymentTypeId",
                "accountNumber", "checkNumber", "routingCode", "receiptNumber", "bankNumber",
                "externalId"})) {
    return in.error();
  }
  auto amount = in.amount("amount");
  auto date = in.date("transactionDate");
  auto payment_type_id = in.id("paymentTypeId", false);
  auto external_id = in.text("externalId", false);
  if (!in.ok()) return in.error();
  auto found = find_charge(s, client_id, charge_id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  auto [owner, charge] = std::get<found_charge>(found);
  if (!charge->active) return charge_rule("charge.is.not.active");
  const json date_text = value_text(body.at("transactionDate"));
  if (owner->activation_date && *date < *owner->activation_date) {
    return charge_rule("transaction.before.activationDate", "transactionDate", date_text);
  }
  if (date_of(call.now) < *date) {
    return charge_rule("transaction.is.futureDate", "transactionDate", date_text);
  }
  if (auto e = check_open(*charge)) return *e;
  if (*amount > charge->outstanding()) {
    return charge_rule("transaction.invalid.charge.amount.paid.in.access");
  }
  charge->paid += *amount;
  client_transaction& t = book(s, *owner, *charge, 1, *date, *amount);
  t.external_id = external_id;
  t.payment_type_id = payment_type_id;
  return result_fields{.office_id = owner->office_id,
                       .client_id = owner->id,
                       .resource_id = charge_id,
                       .sub_resource_id = t.id,
                       .transaction_id = std::to_string(t.id)}
      .to_json();
}

answer waive_charge(state& s, const rest_call& call, entity_id client_id, entity_id charge_id) {
  auto found = find_charge(s, client_id, charge_id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  auto [owner, charge] = std::get<found_charge>(found);
  if (auto e = check_open(*charge)) return *e;
  const cents amount = charge->outstanding();
  charge->waived += amount;
  const client_transaction& t = book(s, *owner, *charge, 2, date_of(call.now), amount);
  return result_fields{.office_id = owner->office_id,
                       .client_id = owner->id,
                       .resource_id = charge_id,
                       .transaction_id = std::to_string(t.id)}
      .to_json();
}

answer undo_transaction(state& s, entity_id client_id, entity_id transaction_id) {
  auto found = active_client(s, client_id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  const client& c = *std::get<client*>(found);
  auto it = s.client_transactions.find(transaction_id);
  if (it == s.client_transactions.end() || it->second.client_id != client_id) {
    return transaction_not_found(client_id, transaction_id);
  }
  client_transaction& t = it->second;
  if (t.reversed) {
    return api_error::domain_rule("error.msg.clients.transaction.cannot.be.undone",
                                  "Client transaction with identifier " +
                                      std::to_string(transaction_id) +
                                      " for client with identifier " + std::to_string(client_id) +
                                      " has already been reversed");
  }
  t.reversed = true;
  // The charge it paid or waived owes the amount again (a deleted charge has nothing to undo).
  if (auto charge = s.client_charges.find(t.client_charge_id); charge != s.client_charges.end()) {
    (t.type == 1 ? charge->second.paid : charge->second.waived) -= t.amount;
  }
  return result_fields{.office_id = c.office_id, .client_id = c.id, .resource_id = t.id}.to_json();
}

json charge_json(const state& s, const client_charge& c) {
  const charge_definition& def = s.charges.at(c.charge_id);
  return {
      {"id", c.id},
      {"clientId", c.client_id},
      {"chargeId", c.charge_id},
      {"name", def.name},
      {"chargeTimeType",
       {{"id", 2}, {"code", "chargeTimeType.specifiedDueDate"}, {"value", "Specified due date"}}},
      {"dueDate", date_json(c.due_date)},
      {"chargeCalculationType",
       {{"id", 1}, {"code", "chargeCalculationType.flat"}, {"value", "Flat"}}},
      {"currency", currency_json(def.currency)},
      {"amount", amount_json(c.amount)},
      {"amountPaid", amount_json(c.paid)},
      {"amountWaived", amount_json(c.waived)},
      {"amountWrittenOff", amount_json(0)},
      {"amountOutstanding", amount_json(c.outstanding())},
      {"penalty", def.penalty},
      {"isActive", c.active},
      {"isPaid", c.is_paid()},
      {"isWaived", c.is_waived()}};
}

json transaction_json(const state& s, const client_transaction& t) {
  const bool pay = t.type == 1;
  json j = {
      {"id", t.id},
      {"officeId", t.office_id},
      {"officeName", s.offices.at(t.office_id).name},
      {"type",
       {{"id", t.type},
        {"code", pay ? "clientTransactionType.payCharge" : "clientTransactionType.waiveCharge"},
        {"value", pay ? "PAY_CHARGE" : "WAIVE_CHARGE"}}},
      {"date", date_json(t.date)}};
  auto charge = s.client_charges.find(t.client_charge_id);
  const std::string currency =
      charge != s.client_charges.end() ? s.charges.at(charge->second.charge_id).currency : "USD";
  j["currency"] = currency_json(currency);
  if (t.payment_type_id) j["paymentDetailData"] = {{"paymentType", {{"id", *t.payment_type_id}}}};
  j["amount"] = amount_json(t.amount);
  if (t.external_id) j["externalId"] = *t.external_id;
  j["submittedOnDate"] = date_json(t.date);
  j["reversed"] = t.reversed;
  return j;
}

std::optional<rest_outcome> route_charges(state& s, const rest_call& call, entity_id client_id,
                                          const segments& p) {
  if (p.size() == 3) {
    if (call.method == "POST") {
      return run_command(call, "CLIENTCHARGE", "CREATE",
                         [&](const json& body) { return add_charge(s, client_id, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    if (s.find_client(client_id) == nullptr) return read_outcome(client_not_found(client_id));
    json list = json::array();
    for (const auto& [id, c] : s.client_charges) {
      if (c.client_id == client_id) list.push_back(charge_json(s, c));
    }
    return read_outcome(page(call, std::move(list)));
  }
  if (p[3] == "template") return std::nullopt;
  auto charge_id = parse_id(p[3]);
  if (!charge_id) return std::nullopt;
  if (call.method == "DELETE") {
    return run_command(call, "CLIENTCHARGE", "DELETE",
                       [&](const json&) { return delete_charge(s, client_id, *charge_id); });
  }
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    const std::string name = command != nullptr ? *command : "";
    if (name == "paycharge") {
      return run_command(call, "CLIENTCHARGE", "PAY", [&](const json& body) {
        return pay_charge(s, call, client_id, *charge_id, body);
      });
    }
    if (name == "waive") {
      return run_command(call, "CLIENTCHARGE", "WAIVE",
                         [&](const json&) { return waive_charge(s, call, client_id, *charge_id); });
    }
    if (name == "inactivate") {
      // Fineract builds CLIENTCHARGE INACTIVATE but has no handler for it: the
      // UnsupportedCommandException's 400, and nothing is published for the pair (fires = n).
      const std::string key = "CLIENTCHARGE|INACTIVATE";
      return rest_outcome{
          400,
          to_json(api_error::validation(key, "The command " + key + " is not supported.",
                                        "error.msg.command.unsupported", key)),
          std::nullopt};
    }
    return unsupported_command(call);
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.client_charges.find(*charge_id);
  if (it == s.client_charges.end() || it->second.client_id != client_id) {
    return read_outcome(client_charge_not_found(*charge_id));
  }
  return read_outcome(charge_json(s, it->second));
}

std::optional<rest_outcome> route_transactions(state& s, const rest_call& call, entity_id client_id,
                                               const segments& p) {
  if (p.size() == 3) {
    if (call.method != "GET") return method_not_allowed(call);
    if (s.find_client(client_id) == nullptr) return read_outcome(client_not_found(client_id));
    json list = json::array();
    for (const auto& [id, t] : s.client_transactions) {
      if (t.client_id == client_id) list.push_back(transaction_json(s, t));
    }
    return read_outcome(page(call, std::move(list)));
  }
  auto transaction_id = parse_id(p[3]);
  if (!transaction_id) return std::nullopt;
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    if (command == nullptr || *command != "undo") return unsupported_command(call);
    return run_command(call, "CLIENT", "UNDOTRANSACTION", [&](const json&) {
      return undo_transaction(s, client_id, *transaction_id);
    });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.client_transactions.find(*transaction_id);
  if (it == s.client_transactions.end() || it->second.client_id != client_id) {
    return read_outcome(transaction_not_found(client_id, *transaction_id));
  }
  return read_outcome(transaction_json(s, it->second));
}

}  // namespace

std::optional<rest_outcome> route_client_charges(state& s, const rest_call& call,
                                                 const segments& p) {
  if (p.size() < 3 || p.size() > 4 || p[0] != "clients") return std::nullopt;
  auto client_id = parse_id(p[1]);
  if (!client_id) return std::nullopt;
  if (p[2] == "charges") return route_charges(s, call, *client_id, p);
  if (p[2] == "transactions") return route_transactions(s, call, *client_id, p);
  return std::nullopt;
}

}  // namespace mifos::mock::detail
