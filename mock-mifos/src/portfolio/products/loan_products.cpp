// loan_products.cpp: POST /loanproducts (LOANPRODUCT CREATE), PUT /loanproducts/{id} (UPDATE),
// GET /loanproducts and /loanproducts/{id}, and the routing of /loanproducts/{id}/productmix
// (product_mix.cpp). A created product is at once usable by POST /loans. Read from Fineract's
// LoanProductDataValidator and LoanProductWritePlatformServiceJpaRepositoryImpl; the mock keeps
// the fields its loans use and takes the others without checking them.
#include <string>
#include <utility>

#include "portfolio/products/products.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// The schedule of a loan is walked period by period: bound it (loans.cpp bounds a loan's own).
constexpr std::int64_t kMaxRepayments = 1000;

json frequency_json(int type, const char* prefix) {
  static const char* const kNames[] = {"Days", "Weeks", "Months", "Years"};
  static const char* const kCodes[] = {"days", "weeks", "months", "years"};
  const int i = type >= 0 && type <= 3 ? type : 2;
  return {{"id", type}, {"code", std::string(prefix) + kCodes[i]}, {"value", kNames[i]}};
}

// Interest per year for a rate per period of `type` (0 days, 1 weeks, 2 months, 3 years).
double annual_rate(double per_period, int type) {
  switch (type) {
    case 0:
      return per_period * 365;
    case 1:
      return per_period * 52;
    case 3:
      return per_period;
    default:
      return per_period * 12;
  }
}

// The fields POST and PUT read; on PUT nothing is required.
struct loan_product_fields {
  std::optional<std::string> name, short_name, description, currency, strategy, external_id;
  std::optional<cents> principal;
  std::optional<std::int64_t> repayments, every, frequency_type, amortization_type, interest_type,
      calculation_period_type, rate_frequency_type, days_in_year, days_in_month, digits,
      accounting_rule;
  std::optional<double> rate;
};

loan_product_fields read_fields(field_reader& in, bool create) {
  loan_product_fields f;
  f.name = in.text("name", create);
  f.short_name = in.text("shortName", create);
  f.description = in.text("description", false);
  f.external_id = in.text("externalId", false);
  f.currency = in.text("currencyCode", create);
  f.digits = in.whole("digitsAfterDecimal", create);
  f.principal = in.amount("principal", false);
  f.repayments = in.id("numberOfRepayments", create);
  if (f.repayments && *f.repayments > kMaxRepayments) {
    in.fail_rule("numberOfRepayments", "is.greater.than.max",
                 "The parameter `numberOfRepayments` must be less than or equal to " +
                     std::to_string(kMaxRepayments) + ".",
                 *f.repayments);
    f.repayments.reset();
  }
  f.every = in.id("repaymentEvery", create);
  f.frequency_type = in.whole("repaymentFrequencyType", create);
  f.amortization_type = in.whole("amortizationType", create);
  f.interest_type = in.whole("interestType", create);
  f.calculation_period_type = in.whole("interestCalculationPeriodType", create);
  f.strategy = in.text("transactionProcessingStrategyCode", create);
  f.days_in_year = in.whole("daysInYearType", create);
  f.days_in_month = in.whole("daysInMonthType", create);
  f.rate = in.decimal("interestRatePerPeriod", create);
  f.rate_frequency_type = in.whole("interestRateFrequencyType", create);
  f.accounting_rule = in.id("accountingRule", create);
  for (auto [value, name, max] : {std::tuple(f.frequency_type, "repaymentFrequencyType", 3),
                                  std::tuple(f.rate_frequency_type, "interestRateFrequencyType", 3),
                                  std::tuple(f.amortization_type, "amortizationType", 1),
                                  std::tuple(f.interest_type, "interestType", 1),
                                  std::tuple(f.accounting_rule, "accountingRule", 4)}) {
    if (value && *value > max) {
      in.fail_rule(name, "is.not.within.expected.range",
                   std::string("The parameter `") + name + "` must be between 0 and " +
                       std::to_string(max) + ".",
                   *value);
    }
  }
  return f;
}

// Applies the fields that were sent and differ; their names go to `changes` (amounts and rates
// with the request's locale, as LoanProduct.update reports them).
void apply(loan_product& p, const loan_product_fields& f, const json& body, json& changes) {
  update_field(p.name, f.name, "name", changes);
  update_field(p.short_name, f.short_name, "shortName", changes);
  update_field(p.description, f.description, "description", changes);
  update_field(p.external_id, f.external_id, "externalId", changes);
  update_field(p.currency, f.currency, "currencyCode", changes);
  update_field(p.digits_after_decimal, f.digits, "digitsAfterDecimal", changes);
  if (f.principal && p.principal != *f.principal) {
    p.principal = *f.principal;
    changes["principal"] = amount_json(*f.principal);
  }
  update_field(p.number_of_repayments, f.repayments, "numberOfRepayments", changes);
  update_field(p.repayment_every, f.every, "repaymentEvery", changes);
  update_field(p.repayment_frequency_type, f.frequency_type, "repaymentFrequencyType", changes);
  update_field(p.interest_rate_per_period, f.rate, "interestRatePerPeriod", changes);
  update_field(p.interest_rate_frequency_type, f.rate_frequency_type, "interestRateFrequencyType",
               changes);
  update_field(p.amortization_type, f.amortization_type, "amortizationType", changes);
  update_field(p.interest_type, f.interest_type, "interestType", changes);
  update_field(p.interest_calculation_period_type, f.calculation_period_type,
               "interestCalculationPeriodType", changes);
  update_field(p.transaction_processing_strategy_code, f.strategy,
               "transactionProcessingStrategyCode", changes);
  update_field(p.days_in_year_type, f.days_in_year, "daysInYearType", changes);
  update_field(p.days_in_month_type, f.days_in_month, "daysInMonthType", changes);
  update_field(p.accounting_rule, f.accounting_rule, "accountingRule", changes);
  p.annual_interest_rate = annual_rate(p.interest_rate_per_period, p.interest_rate_frequency_type);
  if ((changes.contains("principal") || changes.contains("interestRatePerPeriod")) &&
      body.contains("locale")) {
    changes["locale"] = value_text(body.at("locale"));
  }
}

answer create_product(state& s, const json& body) {
  field_reader in(body, "loanproduct");
  auto fields = read_fields(in, true);
  if (!in.ok()) return in.error();
  if (auto dup = duplicate_product(s.loan_products, 0, *fields.name, *fields.short_name,
                                   "error.msg.product.loan", "Loan product")) {
    return *dup;
  }
  loan_product p;
  p.id = s.loan_product_ids.take();
  p.principal = 0;
  json ignored = json::object();
  apply(p, fields, body, ignored);
  s.loan_products[p.id] = p;
  return result_fields{.resource_id = p.id}.to_json();
}

answer update_product(state& s, entity_id id, const json& body) {
  field_reader in(body, "loanproduct");
  auto fields = read_fields(in, false);
  if (!in.ok()) return in.error();
  auto it = s.loan_products.find(id);
  if (it == s.loan_products.end()) return product_not_found(id, false);
  loan_product& p = it->second;
  if (auto dup = duplicate_product(s.loan_products, id, fields.name.value_or(p.name),
                                   fields.short_name.value_or(p.short_name),
                                   "error.msg.product.loan", "Loan product")) {
    return *dup;
  }
  json changes = json::object();
  apply(p, fields, body, changes);
  return result_fields{.resource_id = id, .changes = std::move(changes)}.to_json();
}

}  // namespace

json loan_product_json(const loan_product& p) {
  json j = {{"id", p.id}, {"name", p.name}, {"shortName", p.short_name}};
  if (p.description) j["description"] = *p.description;
  if (p.external_id) j["externalId"] = *p.external_id;
  j["currency"] = currency_json(p.currency);
  j["principal"] = amount_json(p.principal);
  j["numberOfRepayments"] = p.number_of_repayments;
  j["repaymentEvery"] = p.repayment_every;
  j["repaymentFrequencyType"] =
      frequency_json(p.repayment_frequency_type, "repaymentFrequency.periodFrequencyType.");
  j["interestRatePerPeriod"] = p.interest_rate_per_period;
  j["interestRateFrequencyType"] =
      frequency_json(p.interest_rate_frequency_type, "interestRateFrequency.periodFrequencyType.");
  j["annualInterestRate"] = p.annual_interest_rate;
  j["amortizationType"] = {{"id", p.amortization_type}};
  j["interestType"] = {{"id", p.interest_type}};
  j["interestCalculationPeriodType"] = {{"id", p.interest_calculation_period_type}};
  j["transactionProcessingStrategyCode"] = p.transaction_processing_strategy_code;
  j["daysInYearType"] = {{"id", p.days_in_year_type}};
  j["daysInMonthType"] = {{"id", p.days_in_month_type}};
  j["accountingRule"] = {{"id", p.accounting_rule}};
  j["status"] = "loanProduct.active";
  return j;
}

std::optional<rest_outcome> route_loan_products(state& s, const rest_call& call,
                                                const segments& p) {
  if (p.size() > 3) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "LOANPRODUCT", "CREATE",
                         [&](const json& body) { return create_product(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json list = json::array();
    for (const auto& [id, product] : s.loan_products) list.push_back(loan_product_json(product));
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (p.size() == 3) {
    if (p[2] != "productmix") return std::nullopt;
    return route_product_mix(s, call, *id);
  }
  if (call.method == "PUT") {
    return run_command(call, "LOANPRODUCT", "UPDATE",
                       [&](const json& body) { return update_product(s, *id, body); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.loan_products.find(*id);
  return read_outcome(it != s.loan_products.end() ? answer(loan_product_json(it->second))
                                                  : answer(product_not_found(*id, false)));
}

}  // namespace mifos::mock::detail
