// deposit_products.cpp: POST/PUT/DELETE /fixeddepositproducts and /recurringdepositproducts
// (FIXEDDEPOSITPRODUCT / RECURRINGDEPOSITPRODUCT CREATE, UPDATE, DELETE), their GETs, and the
// seeded products. Fineract's checks: DepositProductDataValidator (resource "fixeddeposit" /
// "recurringdeposit"); a product's charts are created with it (its `charts` array).
#include <algorithm>
#include <string>

#include "portfolio/deposits/deposits.hpp"
#include "portfolio/handlers.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

const char* product_resource(deposit_kind kind) {
  return kind == deposit_kind::fixed ? "fixeddeposit" : "recurringdeposit";
}

}  // namespace

api_error deposit_product_not_found(entity_id id, deposit_kind kind) {
  const bool fixed = kind == deposit_kind::fixed;
  return api_error::not_found(fixed ? "error.msg.fixeddepositproduct.id.invalid"
                                    : "error.msg.recurringdepositproduct.id.invalid",
                              std::string(fixed ? "Fixed" : "Recurring") +
                                  " deposit product with identifier " + std::to_string(id) +
                                  " does not exist",
                              id);
}

namespace {

json period_type_json(int type) {
  static const char* kValues[] = {"Days", "Weeks", "Months", "Years"};
  const int i = type >= 0 && type <= 3 ? type : 2;
  std::string value = kValues[i];
  std::string code = value;
  code[0] = static_cast<char>(code[0] - 'A' + 'a');
  return {{"id", i}, {"code", "savings.period.frequency." + code}, {"value", value}};
}

// DepositProductDataValidator's whole-number enum fields and the range each takes.
struct enum_field {
  const char* name;
  int deposit_product::*member;
  int low, high;
};
constexpr enum_field kEnums[] = {
    {"interestCompoundingPeriodType", &deposit_product::compounding_type, 1, 7},
    {"interestPostingPeriodType", &deposit_product::posting_type, 1, 7},
    {"interestCalculationType", &deposit_product::calculation_type, 1, 2},
    {"interestCalculationDaysInYearType", &deposit_product::days_in_year, 360, 365},
    {"accountingRule", &deposit_product::accounting_rule, 1, 3},
};

// Reads the fields of a product body into `p` (create: the mandatory ones must be there) and
// lists what changed in `changes`.
void read_product(field_reader& in, const json& body, deposit_product& p, bool create,
                  json& changes) {
  auto text_field = [&](const char* name, std::string deposit_product::*member) {
    if (auto v = in.text(name, create); v && *v != p.*member) {
      p.*member = *v;
      changes[name] = *v;
    }
  };
  text_field("name", &deposit_product::name);
  text_field("shortName", &deposit_product::short_name);
  text_field("description", &deposit_product::description);
  text_field("currencyCode", &deposit_product::currency);
  if (auto v = in.whole("digitsAfterDecimal", create); v && *v != p.digits_after_decimal) {
    p.digits_after_decimal = static_cast<int>(*v);
    changes["digitsAfterDecimal"] = *v;
  }
  for (const enum_field& f : kEnums) {
    auto v = in.whole(f.name, create);
    if (!v) continue;
    if (*v < f.low || *v > f.high) {
      in.fail_rule(
          f.name, "is.not.one.of.expected.enumerations",
          "The parameter `" + std::string(f.name) + "` must be one of the expected values.", *v);
    } else if (*v != p.*f.member) {
      p.*f.member = static_cast<int>(*v);
      changes[f.name] = *v;
    }
  }
  if (auto v = in.decimal("nominalAnnualInterestRate", false); v && *v != p.nominal_rate) {
    p.nominal_rate = *v;
    changes["nominalAnnualInterestRate"] = *v;
  }
  // Terms beyond 1200 periods (a century of months) are taken as 1200: dates stay in range.
  if (auto v = in.id("minDepositTerm", create); v && *v != p.min_term) {
    p.min_term = static_cast<int>(std::min<std::int64_t>(*v, 1200));
    changes["minDepositTerm"] = *v;
  }
  if (auto v = in.whole("minDepositTermTypeId", false); v && *v <= 3) p.min_term_type = int(*v);
  if (auto v = in.id("maxDepositTerm", false)) {
    p.max_term = static_cast<int>(std::min<std::int64_t>(*v, 1200));
  }
  if (auto v = in.whole("maxDepositTermTypeId", false); v && *v <= 3) p.max_term_type = int(*v);
  if (auto v = in.amount("depositAmount", create); v && *v != p.deposit_amount) {
    p.deposit_amount = *v;
    changes["depositAmount"] = value_text(body.at("depositAmount"));
  }
  if (auto v = in.amount("minDepositAmount", false)) p.min_deposit_amount = v;
  if (auto v = in.amount("maxDepositAmount", false)) p.max_deposit_amount = v;
  if (auto v = in.flag("preClosurePenalApplicable", false)) p.pre_closure_penal_applicable = *v;
  if (auto v = in.decimal("preClosurePenalInterest", false)) p.pre_closure_penal_interest = *v;
  if (p.kind == deposit_kind::recurring) {
    if (auto v = in.flag("isMandatoryDeposit", false)) p.mandatory_deposit = *v;
    if (auto v = in.flag("allowWithdrawal", false)) p.allow_withdrawal = *v;
    if (auto v = in.flag("adjustAdvanceTowardsFuturePayments", false)) {
      p.adjust_advance_payments = *v;
    }
  }
  if (!changes.empty() && body.contains("locale")) changes["locale"] = value_text(body["locale"]);
}

// DEPOSIT_PRODUCT_REQUEST_DATA_PARAMETERS with the pre-closure and term ones; recurring deposits
// also take the recurring details (DepositsApiConstants). False, with the 400, for any other.
bool only_product_fields(field_reader& in, const json& body, deposit_kind kind) {
  json common = body;
  if (kind == deposit_kind::recurring && common.is_object()) {
    for (const char* key :
         {"mandatoryRecommendedDepositAmount", "isMandatoryDeposit", "allowWithdrawal",
          "adjustAdvanceTowardsFuturePayments", "recurringFrequencyType", "recurringFrequency",
          "isCalendarInherited", "minBalanceForInterestCalculation"}) {
      common.erase(key);
    }
  }
  field_reader check(common, product_resource(kind));
  if (check.only({"locale",
                  "monthDayFormat",
                  "name",
                  "shortName",
                  "description",
                  "currencyCode",
                  "digitsAfterDecimal",
                  "inMultiplesOf",
                  "nominalAnnualInterestRate",
                  "interestCompoundingPeriodType",
                  "interestPostingPeriodType",
                  "interestCalculationType",
                  "interestCalculationDaysInYearType",
                  "lockinPeriodFrequency",
                  "lockinPeriodFrequencyType",
                  "accountingRule",
                  "charges",
                  "incomeFromFeeAccountId",
                  "incomeFromPenaltyAccountId",
                  "interestOnSavingsAccountId",
                  "paymentChannelToFundSourceMappings",
                  "savingsControlAccountId",
                  "transfersInSuspenseAccountId",
                  "savingsReferenceAccountId",
                  "feeToIncomeAccountMappings",
                  "penaltyToIncomeAccountMappings",
                  "interestPayableAccountId",
                  "penaltiesReceivableAccountId",
                  "feesReceivableAccountId",
                  "charts",
                  "withHoldTax",
                  "taxGroupId",
                  "preClosurePenalApplicable",
                  "preClosurePenalInterest",
                  "preClosurePenalInterestOnTypeId",
                  "minDepositTerm",
                  "maxDepositTerm",
                  "minDepositTermTypeId",
                  "maxDepositTermTypeId",
                  "inMultiplesOfDepositTerm",
                  "inMultiplesOfDepositTermTypeId",
                  "depositAmount",
                  "minDepositAmount",
                  "maxDepositAmount"})) {
    return true;
  }
  in.absorb(check);
  return false;
}

answer create_product(deposits_book& book, id_sequence& product_ids, const json& body,
                      deposit_kind kind) {
  field_reader in(body, product_resource(kind));
  if (!only_product_fields(in, body, kind)) return in.error();
  deposit_product p;
  p.kind = kind;
  json ignored = json::object();
  read_product(in, body, p, true, ignored);
  const json* charts = in.find("charts");
  if (charts == nullptr || !charts->is_array() || charts->empty()) {
    in.fail_rule("charts", charts == nullptr ? "cannot.be.blank" : "cannot.be.empty",
                 "The parameter `charts` is mandatory.");
  }
  std::vector<rate_chart> made;
  if (charts != nullptr && charts->is_array()) {
    for (std::size_t i = 0; i < charts->size(); ++i) {
      auto chart = read_rate_chart(in, (*charts)[i], "charts[" + std::to_string(i) + "].");
      if (chart) made.push_back(std::move(*chart));
    }
  }
  if (!in.ok()) return in.error();
  p.id = product_ids.take();
  for (rate_chart& c : made) {
    c.id = book.chart_ids.take();
    c.product_id = p.id;
    for (auto& [slab_id, slab] : c.slabs) slab.currency = p.currency;
    std::map<entity_id, chart_slab> numbered;
    for (auto& [slab_id, slab] : c.slabs) {
      slab.id = book.slab_ids.take();
      numbered[slab.id] = slab;
    }
    c.slabs = std::move(numbered);
    book.charts[c.id] = std::move(c);
  }
  book.products[p.id] = p;
  return result_fields{.resource_id = p.id}.to_json();
}

answer update_product(deposits_book& book, entity_id id, const json& body, deposit_kind kind) {
  field_reader in(body, product_resource(kind));
  if (!only_product_fields(in, body, kind)) return in.error();
  auto it = book.products.find(id);
  if (it == book.products.end() || it->second.kind != kind)
    return deposit_product_not_found(id, kind);
  deposit_product updated = it->second;
  json changes = json::object();
  read_product(in, body, updated, false, changes);
  if (!in.ok()) return in.error();
  it->second = updated;
  return result_fields{.resource_id = id, .changes = std::move(changes)}.to_json();
}

answer delete_product(deposits_book& book, entity_id id, deposit_kind kind) {
  auto it = book.products.find(id);
  if (it == book.products.end() || it->second.kind != kind)
    return deposit_product_not_found(id, kind);
  for (const auto& [account_id, d] : book.accounts) {
    if (d.account.product_id == id) {
      // The account's foreign key stops the delete: Fineract's data integrity 403.
      return api_error::domain_rule(std::string("error.msg.") + product_resource(kind) +
                                        "product.unknown.data.integrity.issue",
                                    "Unknown data integrity issue with resource.");
    }
  }
  std::erase_if(book.charts, [id](const auto& c) { return c.second.product_id == id; });
  book.products.erase(it);
  return result_fields{.resource_id = id}.to_json();
}

json product_json(const deposits_book& book, const deposit_product& p) {
  json charts = json::array();
  for (const auto& [id, c] : book.charts) {
    if (c.product_id == p.id) charts.push_back(rate_chart_json(c));
  }
  json j = {{"id", p.id},
            {"name", p.name},
            {"shortName", p.short_name},
            {"description", p.description},
            {"currency", currency_json(p.currency)},
            {"nominalAnnualInterestRate", p.nominal_rate},
            {"interestCompoundingPeriodType", {{"id", p.compounding_type}}},
            {"interestPostingPeriodType", {{"id", p.posting_type}}},
            {"interestCalculationType", {{"id", p.calculation_type}}},
            {"interestCalculationDaysInYearType", {{"id", p.days_in_year}}},
            {"accountingRule", {{"id", p.accounting_rule}}},
            {"preClosurePenalApplicable", p.pre_closure_penal_applicable},
            {"minDepositTerm", p.min_term},
            {"minDepositTermType", period_type_json(p.min_term_type)},
            {"depositAmount", amount_json(p.deposit_amount)}};
  if (p.pre_closure_penal_applicable) j["preClosurePenalInterest"] = p.pre_closure_penal_interest;
  if (p.max_term) j["maxDepositTerm"] = *p.max_term;
  if (p.max_term_type) j["maxDepositTermType"] = period_type_json(*p.max_term_type);
  if (p.min_deposit_amount) j["minDepositAmount"] = amount_json(*p.min_deposit_amount);
  if (p.max_deposit_amount) j["maxDepositAmount"] = amount_json(*p.max_deposit_amount);
  if (p.kind == deposit_kind::recurring) {
    j["isMandatoryDeposit"] = p.mandatory_deposit;
    j["allowWithdrawal"] = p.allow_withdrawal;
    j["adjustAdvanceTowardsFuturePayments"] = p.adjust_advance_payments;
  }
  if (!charts.empty()) j["activeChart"] = charts.back();
  return j;
}

}  // namespace

json deposit_period_type_json(int type) { return period_type_json(type); }

std::optional<rest_outcome> deposit_product_route(state& s, deposits_book& book,
                                                  const rest_call& call, const segments& p) {
  (void)s;
  const deposit_kind kind =
      p[0] == "fixeddepositproducts" ? deposit_kind::fixed : deposit_kind::recurring;
  const std::string entity =
      kind == deposit_kind::fixed ? "FIXEDDEPOSITPRODUCT" : "RECURRINGDEPOSITPRODUCT";
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, entity, "CREATE", [&](const json& body) {
        return create_product(book, s.savings_product_ids, body, kind);
      });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json list = json::array();
    for (const auto& [id, product] : book.products) {
      if (product.kind == kind) list.push_back(product_json(book, product));
    }
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, entity, "UPDATE",
                       [&](const json& body) { return update_product(book, *id, body, kind); });
  }
  if (call.method == "DELETE") {
    return run_command(call, entity, "DELETE",
                       [&](const json&) { return delete_product(book, *id, kind); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = book.products.find(*id);
  if (it == book.products.end() || it->second.kind != kind) {
    return read_outcome(deposit_product_not_found(*id, kind));
  }
  return read_outcome(product_json(book, it->second));
}

deposits_book seeded_deposits(id_sequence& product_ids) {
  deposits_book book;
  for (deposit_kind kind : {deposit_kind::fixed, deposit_kind::recurring}) {
    deposit_product p;
    p.id = product_ids.take();
    p.kind = kind;
    const bool fixed = kind == deposit_kind::fixed;
    p.name = fixed ? "Fixed Deposit" : "Recurring Deposit";
    p.short_name = fixed ? "FD" : "RD";
    p.description = fixed ? "A term deposit of 1 to 60 months" : "Monthly installments";
    p.deposit_amount = fixed ? 100000 : 10000;
    p.max_term = 60;
    p.max_term_type = 2;
    p.allow_withdrawal = !fixed;
    book.products[p.id] = p;
    rate_chart c;
    c.id = book.chart_ids.take();
    c.product_id = p.id;
    c.name = fixed ? "FD rates" : "RD rates";
    c.from_date = {2009, 1, 1};
    chart_slab slab;
    slab.id = book.slab_ids.take();
    slab.period_type = 2;
    slab.from_period = 1;
    slab.annual_rate = fixed ? 6.0 : 5.0;
    slab.currency = p.currency;
    c.slabs[slab.id] = slab;
    book.charts[c.id] = c;
  }
  return book;
}

}  // namespace mifos::mock::detail
