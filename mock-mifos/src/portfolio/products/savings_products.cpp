// savings_products.cpp: POST /savingsproducts (SAVINGSPRODUCT CREATE), PUT and DELETE
// /savingsproducts/{id} (UPDATE, DELETE), GET /savingsproducts and /savingsproducts/{id}. A
// created product is at once usable by POST /savingsaccounts and by clients opened with
// savingsProductId. Read from Fineract's SavingsProductDataValidator and
// SavingsProductWritePlatformServiceJpaRepositoryImpl (results carry resourceId only).
#include <string>
#include <utility>

#include "portfolio/products/products.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

struct savings_product_fields {
  std::optional<std::string> name, short_name, description, currency;
  std::optional<std::int64_t> digits, compounding, posting, calculation, days_in_year,
      accounting_rule;
  std::optional<double> rate;
};

savings_product_fields read_savings_product_fields(field_reader& in, bool create) {
  savings_product_fields f;
  f.name = in.text("name", create);
  f.short_name = in.text("shortName", create);
  f.description = in.text("description", false);
  if (f.description && f.description->size() > 500) {
    in.fail_rule("description", "exceeds.max.length",
                 "The parameter `description` exceeds max length of 500.", *f.description);
  }
  f.currency = in.text("currencyCode", create);
  f.digits = in.whole("digitsAfterDecimal", create);
  f.rate = in.decimal("nominalAnnualInterestRate", create);
  f.compounding = in.whole("interestCompoundingPeriodType", create);
  f.posting = in.whole("interestPostingPeriodType", create);
  f.calculation = in.whole("interestCalculationType", create);
  f.days_in_year = in.whole("interestCalculationDaysInYearType", create);
  f.accounting_rule = in.id("accountingRule", create);
  if (f.accounting_rule && *f.accounting_rule > 3) {
    in.fail_rule("accountingRule", "is.not.within.expected.range",
                 "The parameter `accountingRule` must be between 1 and 3.", *f.accounting_rule);
  }
  return f;
}

// Applies what was sent and differs, naming it in `changes` (SavingsProduct.update).
void apply_savings_product_fields(savings_product& p, const savings_product_fields& f,
                                  const json& body, json& changes) {
  update_field(p.name, f.name, "name", changes);
  update_field(p.short_name, f.short_name, "shortName", changes);
  update_field(p.description, f.description, "description", changes);
  update_field(p.currency, f.currency, "currencyCode", changes);
  update_field(p.digits_after_decimal, f.digits, "digitsAfterDecimal", changes);
  if (f.rate && p.nominal_annual_interest_rate != *f.rate) {
    update_field(p.nominal_annual_interest_rate, f.rate, "nominalAnnualInterestRate", changes);
    if (body.contains("locale")) changes["locale"] = value_text(body.at("locale"));
  }
  update_field(p.interest_compounding_period_type, f.compounding, "interestCompoundingPeriodType",
               changes);
  update_field(p.interest_posting_period_type, f.posting, "interestPostingPeriodType", changes);
  update_field(p.interest_calculation_type, f.calculation, "interestCalculationType", changes);
  update_field(p.interest_calculation_days_in_year_type, f.days_in_year,
               "interestCalculationDaysInYearType", changes);
  update_field(p.accounting_rule, f.accounting_rule, "accountingRule", changes);
}

std::optional<api_error> duplicate_savings_product(const state& s, entity_id self,
                                                   const savings_product& p) {
  return duplicate_product(s.savings_products, self, p.name, p.short_name,
                           "error.msg.savingsproduct", "Savings product");
}

answer create_savings_product(state& s, const json& body) {
  field_reader in(body, "savingsproduct");
  auto fields = read_savings_product_fields(in, true);
  if (!in.ok()) return in.error();
  savings_product p;
  json ignored = json::object();
  apply_savings_product_fields(p, fields, body, ignored);
  if (auto dup = duplicate_savings_product(s, 0, p)) return *dup;
  p.id = s.savings_product_ids.take();
  s.savings_products[p.id] = p;
  return result_fields{.resource_id = p.id}.to_json();
}

answer update_savings_product(state& s, entity_id id, const json& body) {
  field_reader in(body, "savingsproduct");
  auto fields = read_savings_product_fields(in, false);
  if (!in.ok()) return in.error();
  auto it = s.savings_products.find(id);
  if (it == s.savings_products.end()) return product_not_found(id, true);
  savings_product updated = it->second;
  json changes = json::object();
  apply_savings_product_fields(updated, fields, body, changes);
  if (auto dup = duplicate_savings_product(s, id, updated)) return *dup;
  it->second = updated;
  return result_fields{.resource_id = id, .changes = std::move(changes)}.to_json();
}

// Fineract deletes the row; the database refuses while accounts name the product, which
// Fineract reports as a data integrity error (403).
answer delete_savings_product(state& s, entity_id id) {
  if (!s.savings_products.contains(id)) return product_not_found(id, true);
  for (const auto& [account_id, a] : s.savings) {
    if (a.product_id == id) {
      return api_error::domain_rule("error.msg.savingsproduct.unknown.data.integrity.issue",
                                    "Unknown data integrity issue with resource.");
    }
  }
  s.savings_products.erase(id);
  return result_fields{.resource_id = id}.to_json();
}

json savings_product_json(const savings_product& p) {
  json j = {{"id", p.id}, {"name", p.name}, {"shortName", p.short_name}};
  if (p.description) j["description"] = *p.description;
  j["currency"] = currency_json(p.currency);
  j["nominalAnnualInterestRate"] = p.nominal_annual_interest_rate;
  j["interestCompoundingPeriodType"] = {{"id", p.interest_compounding_period_type}};
  j["interestPostingPeriodType"] = {{"id", p.interest_posting_period_type}};
  j["interestCalculationType"] = {{"id", p.interest_calculation_type}};
  j["interestCalculationDaysInYearType"] = {{"id", p.interest_calculation_days_in_year_type}};
  j["accountingRule"] = {{"id", p.accounting_rule}};
  return j;
}

}  // namespace

std::optional<rest_outcome> route_savings_products(state& s, const rest_call& call,
                                                   const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "SAVINGSPRODUCT", "CREATE",
                         [&](const json& body) { return create_savings_product(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json list = json::array();
    for (const auto& [id, product] : s.savings_products) {
      list.push_back(savings_product_json(product));
    }
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "SAVINGSPRODUCT", "UPDATE",
                       [&](const json& body) { return update_savings_product(s, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "SAVINGSPRODUCT", "DELETE",
                       [&](const json&) { return delete_savings_product(s, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.savings_products.find(*id);
  return read_outcome(it != s.savings_products.end() ? answer(savings_product_json(it->second))
                                                     : answer(product_not_found(*id, true)));
}

}  // namespace mifos::mock::detail
