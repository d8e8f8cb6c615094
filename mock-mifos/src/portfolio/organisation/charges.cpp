// charges.cpp: charge definitions: POST /charges (CHARGE CREATE), PUT /charges/{id} (UPDATE with
// Charge.update's changes), DELETE /charges/{id} (refused while a loan or savings account uses
// the charge) and the GETs (ChargeWritePlatformServiceJpaRepositoryImpl,
// ChargeDefinitionCommandFromApiJsonDeserializer). Loan and savings charges name these ids.
#include <string>

#include "portfolio/accounting/accounting.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

struct enum_name {
  int id;
  const char* code;
  const char* value;
};

const enum_name kAppliesTo[] = {{1, "chargeAppliesTo.loan", "Loan"},
                                {2, "chargeAppliesTo.savings", "Savings"},
                                {3, "chargeAppliesTo.client", "Client"},
                                {4, "chargeAppliesTo.shares", "Shares"}};
const enum_name kTimeTypes[] = {{1, "chargeTimeType.disbursement", "Disbursement"},
                                {2, "chargeTimeType.specifiedDueDate", "Specified due date"},
                                {3, "chargeTimeType.savingsActivation", "Savings Activation"},
                                {5, "chargeTimeType.withdrawalFee", "Withdrawal Fee"},
                                {6, "chargeTimeType.annualFee", "Annual Fee"},
                                {7, "chargeTimeType.monthlyFee", "Monthly Fee"},
                                {8, "chargeTimeType.instalmentFee", "Installment Fee"},
                                {9, "chargeTimeType.overdueInstallment", "Overdue Fees"}};
const enum_name kCalculationTypes[] = {
    {1, "chargeCalculationType.flat", "Flat"},
    {2, "chargeCalculationType.percent.of.amount", "% Amount"},
    {3, "chargeCalculationType.percent.of.amount.and.interest", "% Loan Amount + Interest"},
    {4, "chargeCalculationType.percent.of.interest", "% Interest"},
    {5, "chargeCalculationType.percent.of.disbursement.amount", "% Disbursement Amount"}};

template <std::size_t N>
json enum_json(const enum_name (&names)[N], int id) {
  for (const enum_name& n : names)
    if (n.id == id) return {{"id", n.id}, {"code", n.code}, {"value", n.value}};
  return {{"id", id}, {"code", "invalid"}, {"value", "Invalid"}};
}

json charge_json(const charge_definition& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"active", c.active},
          {"penalty", c.penalty},
          {"currency", currency_json(c.currency)},
          {"amount", amount_json(c.amount)},
          {"chargeTimeType", enum_json(kTimeTypes, c.time_type)},
          {"chargeAppliesTo", enum_json(kAppliesTo, c.applies_to)},
          {"chargeCalculationType", enum_json(kCalculationTypes, c.calculation_type)}};
}

bool only_charge_parameters(field_reader& in) {
  return in.only({"name",
                  "amount",
                  "locale",
                  "currencyCode",
                  "penalty",
                  "chargeCalculationType",
                  "chargeTimeType",
                  "chargeAppliesTo",
                  "active",
                  "chargePaymentMode",
                  "feeOnMonthDay",
                  "feeInterval",
                  "monthDayFormat",
                  "minCap",
                  "maxCap",
                  "feeFrequency",
                  "enableFreeWithdrawalCharge",
                  "freeWithdrawalFrequency",
                  "restartCountFrequency",
                  "countFrequencyType",
                  "enablePaymentType",
                  "paymentTypeId",
                  "taxGroupId",
                  "glAccountId"});
}

void check_applies_to(field_reader& in, std::optional<std::int64_t> v) {
  if (v && (*v < 1 || *v > 4)) {
    in.fail_rule("chargeAppliesTo", "is.not.one.of.expected.enumerations",
                 "The parameter `chargeAppliesTo` must be one of [ 1, 2, 3, 4 ] .", *v);
  }
}

// Charge names are unique (the m_charge name key): 403 PlatformDataIntegrityException.
std::optional<api_error> duplicate_name(const state& s, const std::string& name, entity_id self) {
  for (const auto& [id, c] : s.charges) {
    if (id != self && c.name == name) {
      return api_error::domain_rule("error.msg.charge.duplicate.name",
                                    "Charge with name `" + name + "` already exists");
    }
  }
  return std::nullopt;
}

// An active loan or savings charge of this definition (isAnyLoans/SavingsAssociateWithThisCharge).
bool in_use(const state& s, entity_id charge_id) {
  for (const auto& [id, l] : s.loans)
    for (const auto& c : l.charges)
      if (c.charge_id == charge_id && c.active) return true;
  for (const auto& [id, a] : s.savings)
    for (const auto& c : a.charges)
      if (c.charge_id == charge_id && c.active) return true;
  return false;
}

answer create_charge(state& s, const json& body) {
  field_reader in(body, "charge");
  if (!only_charge_parameters(in)) return in.error();
  auto applies_to = in.whole("chargeAppliesTo");
  auto calculation = in.whole("chargeCalculationType");
  auto time_type = in.whole("chargeTimeType");
  auto name = in.text("name");
  auto currency = in.text("currencyCode");
  auto amount = in.amount("amount");
  auto penalty = in.flag("penalty", false);
  auto active = in.flag("active", false);
  check_applies_to(in, applies_to);
  if (!in.ok()) return in.error();
  if (auto e = duplicate_name(s, *name, 0)) return *e;
  charge_definition c{.id = s.charge_ids.take(),
                      .name = *name,
                      .currency = *currency,
                      .amount = *amount,
                      .applies_to = static_cast<int>(*applies_to),
                      .time_type = static_cast<int>(*time_type),
                      .calculation_type = static_cast<int>(*calculation),
                      .active = active.value_or(false),
                      .penalty = penalty.value_or(false)};
  s.charges[c.id] = c;
  return result_fields{.resource_id = c.id}.to_json();
}

answer update_charge(state& s, entity_id id, const json& body) {
  field_reader in(body, "charge");
  if (!only_charge_parameters(in)) return in.error();
  auto name = in.text("name", false);
  auto currency = in.text("currencyCode", false);
  auto amount = in.amount("amount", false);
  auto time_type = in.whole("chargeTimeType", false);
  auto applies_to = in.whole("chargeAppliesTo", false);
  auto calculation = in.whole("chargeCalculationType", false);
  auto penalty = in.flag("penalty", false);
  auto active = in.flag("active", false);
  check_applies_to(in, applies_to);
  if (!in.ok()) return in.error();
  auto it = s.charges.find(id);
  if (it == s.charges.end()) return charge_not_found(id);
  charge_definition& c = it->second;
  if (applies_to && *applies_to != c.applies_to) {
    return api_error::domain_rule("error.msg.charge.update.of.charge.applies.to.is.not.supported",
                                  "Update of Charge applies to is not supported");
  }
  if (name && *name != c.name) {
    if (auto e = duplicate_name(s, *name, id)) return *e;
  }
  // Charge.update's order; amount and the enum codes bring the request's locale along.
  const std::string locale = body.value("locale", "en");
  json changes = json::object();
  if (name && *name != c.name) changes["name"] = c.name = *name;
  if (currency && *currency != c.currency) changes["currencyCode"] = c.currency = *currency;
  if (amount && *amount != c.amount) {
    c.amount = *amount;
    changes["amount"] = amount_json(*amount);
    changes["locale"] = locale;
  }
  if (time_type && *time_type != c.time_type) {
    c.time_type = static_cast<int>(*time_type);
    changes["chargeTimeType"] = *time_type;
    changes["locale"] = locale;
  }
  if (calculation && *calculation != c.calculation_type) {
    c.calculation_type = static_cast<int>(*calculation);
    changes["chargeCalculationType"] = *calculation;
    changes["locale"] = locale;
  }
  if (penalty && *penalty != c.penalty) changes["penalty"] = c.penalty = *penalty;
  if (active && *active != c.active) changes["active"] = c.active = *active;
  return result_fields{.resource_id = id, .changes = std::move(changes)}.to_json();
}

answer delete_charge(state& s, entity_id id) {
  if (s.charges.count(id) == 0) return charge_not_found(id);
  if (in_use(s, id)) {
    return api_error::domain_rule("error.msg.charge.cannot.be.deleted.it.is.already.used.in.loan",
                                  "This charge cannot be deleted, it is already used in loan");
  }
  s.charges.erase(id);
  return result_fields{.resource_id = id}.to_json();
}

}  // namespace

std::optional<rest_outcome> route_charges(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "CHARGE", "CREATE",
                         [&](const json& body) { return create_charge(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json list = json::array();
    for (const auto& [id, c] : s.charges) list.push_back(charge_json(c));
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "CHARGE", "UPDATE",
                       [&](const json& body) { return update_charge(s, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "CHARGE", "DELETE",
                       [&](const json&) { return delete_charge(s, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.charges.find(*id);
  return read_outcome(it != s.charges.end() ? answer(charge_json(it->second))
                                            : answer(charge_not_found(*id)));
}

}  // namespace mifos::mock::detail
