// share_products.cpp: POST /products/share (SHAREPRODUCT CREATE), GET /products/share and
// /products/share/{id}, and the product's dividends: POST /shareproduct/{id}/dividend (or
// /products/share/{id}?command=dividend; CREATE_DIVIDEND), PUT .../dividend/{dividendId}
// ?command=approve (APPROVE_DIVIDEND), DELETE .../dividend/{dividendId} (DELETE_DIVIDEND), and
// their GETs. Read from Fineract's ShareProductDataSerializer,
// ShareProductWritePlatformServiceJpaRepositoryImpl and ShareProductDividendAssembler.
#include <algorithm>
#include <string>
#include <utility>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/shares/shares.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json accounting_rule_json(int rule) {
  static const char* const kCodes[] = {"accountingRuleType.none", "accountingRuleType.cash",
                                       "accountingRuleType.accrual.periodic",
                                       "accountingRuleType.accrual.upfront"};
  static const char* const kValues[] = {"NONE", "CASH BASED", "ACCRUAL PERIODIC",
                                        "ACCRUAL UPFRONT"};
  const int i = std::clamp(rule, 1, 4) - 1;
  return {{"id", rule}, {"code", kCodes[i]}, {"value", kValues[i]}};
}

json product_json(const share_product& p) {
  json j = {{"id", p.id}, {"name", p.name}, {"shortName", p.short_name}};
  if (p.description) j["description"] = *p.description;
  if (p.external_id) j["externalId"] = *p.external_id;
  j["currency"] = currency_json(p.currency);
  j["totalShares"] = p.total_shares;
  if (p.shares_issued) j["totalSharesIssued"] = *p.shares_issued;
  j["unitPrice"] = amount_json(p.unit_price);
  j["shareCapital"] = amount_json(round_cents(static_cast<double>(p.shares_issued.value_or(1)) *
                                              static_cast<double>(p.unit_price) / 100.0));
  if (p.minimum_shares) j["minimumShares"] = *p.minimum_shares;
  if (p.nominal_shares) j["nominalShares"] = *p.nominal_shares;
  if (p.maximum_shares) j["maximumShares"] = *p.maximum_shares;
  j["marketPrice"] = json::array();
  j["charges"] = json::array();
  j["allowDividendCalculationForInactiveClients"] = p.allow_dividends_for_inactive_clients;
  if (p.lockin) {
    j["lockinPeriod"] = p.lockin->every;
    j["lockPeriodTypeEnum"] = {{"id", p.lockin->type}};
  }
  if (p.minimum_active) {
    j["minimumActivePeriod"] = p.minimum_active->every;
    j["minimumActivePeriodForDividendsTypeEnum"] = {{"id", p.minimum_active->type}};
  }
  j["accountingRule"] = accounting_rule_json(p.accounting_rule);
  return j;
}

json dividend_json(const share_dividend& d) {
  const bool approved = d.status == 300;
  json accounts = json::array();
  for (const auto& [account_id, amount] : d.per_account) {
    accounts.push_back({{"accountId", account_id}, {"amount", amount_json(amount)}});
  }
  return {{"id", d.id},
          {"amount", amount_json(d.amount)},
          {"status",
           {{"id", d.status},
            {"code", approved ? "shareAccountDividendStatusType.approved"
                              : "shareAccountDividendStatusType.initiated"},
            {"value", approved ? "Dividend Approved" : "Dividend Initiated"}}},
          {"dividendPeriodStartDate", date_json(d.period_start)},
          {"dividendPeriodEndDate", date_json(d.period_end)},
          {"accountDividendsData", std::move(accounts)}};
}

// An optional period: `every` and its frequency type (0 days .. 3 years), both needed.
std::optional<share_period> read_period(field_reader& in, std::string_view every,
                                        std::string_view type) {
  auto n = in.whole(every, false);
  auto t = in.whole(type, false);
  if (t && *t > 3) {
    in.fail_rule(type, "invalid", "The parameter `" + std::string(type) + "` is invalid.", *t);
  }
  if (!n || !t || *t > 3) return std::nullopt;
  return share_period{*n, static_cast<int>(*t)};
}

void check_length(field_reader& in, const std::optional<std::string>& value, std::string_view name,
                  std::size_t max) {
  if (value && value->size() > max) {
    in.fail_rule(name, "exceeds.max.length",
                 "The parameter `" + std::string(name) + "` exceeds max length of " +
                     std::to_string(max) + ".",
                 *value);
  }
}

answer create_product(state& s, const json& body) {
  field_reader in(body, "sharesproduct");
  if (!in.only({"locale",
                "name",
                "shortName",
                "description",
                "externalId",
                "totalShares",
                "currencyCode",
                "digitsAfterDecimal",
                "inMultiplesOf",
                "sharesIssued",
                "unitPrice",
                "minimumShares",
                "nominalShares",
                "maximumShares",
                "marketPricePeriods",
                "chargesSelected",
                "allowDividendCalculationForInactiveClients",
                "lockinPeriodFrequency",
                "lockinPeriodFrequencyType",
                "minimumActivePeriodForDividends",
                "minimumactiveperiodFrequencyType",
                "shareCapital",
                "accountingRule",
                "incomeFromFeeAccountId",
                "shareEquityId",
                "shareReferenceId",
                "shareSuspenseId"})) {
    return in.error();
  }
  share_product p;
  auto name = in.text("name");
  check_length(in, name, "name", 200);
  auto short_name = in.text("shortName");
  check_length(in, short_name, "shortName", 4);
  auto description = in.text("description");
  check_length(in, description, "description", 500);
  p.external_id = in.text("externalId", false);
  auto total = in.id("totalShares");
  auto issued = in.whole("sharesIssued", false);
  if (issued && total && *issued > *total) {
    in.fail(
        "sharesIssued",
        "Failed data validation due to: sharesIssued.cannot.be.greater.than.totalNumberOfShares.",
        "validation.msg.sharesproduct.sharesIssued.cannot.be.greater.than.totalNumberOfShares",
        *issued);
  }
  auto currency = in.text("currencyCode");
  in.whole("digitsAfterDecimal", false);
  in.whole("inMultiplesOf", false);
  auto unit_price = in.amount("unitPrice");
  auto accounting_rule = in.id("accountingRule");
  auto minimum = in.whole("minimumShares", false);
  auto nominal = in.id("nominalShares");
  if (minimum && nominal && *minimum != *nominal && *nominal <= *minimum) {
    in.fail_rule("nominalShares", "not.greater.than.specified.number",
                 "The parameter `nominalShares` must be greater than " + std::to_string(*minimum),
                 *nominal);
  }
  auto maximum = in.whole("maximumShares", false);
  if (maximum && nominal && *maximum != *nominal && *maximum <= *nominal) {
    in.fail_rule("maximumShares", "not.greater.than.specified.number",
                 "The parameter `maximumShares` must be greater than " + std::to_string(*nominal),
                 *maximum);
  }
  auto inactive = in.flag("allowDividendCalculationForInactiveClients", false);
  p.lockin = read_period(in, "lockinPeriodFrequency", "lockinPeriodFrequencyType");
  p.minimum_active =
      read_period(in, "minimumActivePeriodForDividends", "minimumactiveperiodFrequencyType");
  if (!in.ok()) return in.error();
  for (const auto& [id, other] : s.shares.products) {
    if (other.name == *name) {
      return api_error::domain_rule("error.msg.shareproduct.duplicate.name",
                                    "Share Product with name `" + *name + "` already exists");
    }
  }
  p.id = s.shares.next_product++;
  p.name = *name;
  p.short_name = *short_name;
  p.description = description;
  p.currency = *currency;
  p.total_shares = *total;
  p.shares_issued = issued;
  p.unit_price = *unit_price;
  p.minimum_shares = minimum;
  p.nominal_shares = nominal;
  p.maximum_shares = maximum;
  p.allow_dividends_for_inactive_clients = inactive.value_or(false);
  p.accounting_rule = static_cast<int>(std::min<std::int64_t>(*accounting_rule, 4));
  s.shares.products[p.id] = p;
  return result_fields{.resource_id = p.id}.to_json();
}

// ShareProductDividendAssembler: each account's shares times the days it held them in the
// period (purchases older than the product's minimum active period only), and the amount split
// in proportion. nullopt: no account of the product to pay (404); an empty map: no share-days.
std::optional<std::map<std::int64_t, cents>> split_dividend(const state& s, const share_product& p,
                                                            const local_date& start,
                                                            const local_date& end, cents amount) {
  std::map<std::int64_t, std::int64_t> share_days_of;
  bool any_account = false;
  const std::int64_t minimum_days = p.minimum_active ? p.minimum_active->every : 0;
  for (const auto& [id, a] : s.shares.accounts) {
    const bool eligible =
        a.status == share_account_status::active ||
        (p.allow_dividends_for_inactive_clients && a.status == share_account_status::closed &&
         a.closed_on && start < *a.closed_on);
    if (a.product_id != p.id || !eligible) continue;
    std::int64_t held = 0, total = 0;
    std::optional<std::chrono::sys_days> last;
    for (const auto& r : a.requests) {
      if (r.status != share_request_status::approved) continue;
      any_account = true;
      auto from = std::max(share_days(r.date), share_days(start));
      if (!r.redemption && (share_days(end) - from).count() < minimum_days) continue;
      if (last) total += (from - *last).count() * held;
      last = from;
      held += r.redemption ? -r.shares : r.shares;
    }
    if (last) total += (share_days(end) - *last).count() * held;
    share_days_of[id] = total;
  }
  if (!any_account) return std::nullopt;
  std::int64_t all = 0;
  for (const auto& [id, n] : share_days_of) all += n;
  std::map<std::int64_t, cents> parts;
  if (all <= 0) return parts;
  for (const auto& [id, n] : share_days_of) {
    parts[id] = round_cents(static_cast<double>(amount) / 100.0 * static_cast<double>(n) /
                            static_cast<double>(all));
  }
  return parts;
}

answer create_dividend(state& s, std::int64_t product_id, const json& body) {
  field_reader in(body, "sharesproduct.dividend.processing");
  if (!in.only({"locale", "dateFormat", "dividendPeriodStartDate", "dividendPeriodEndDate",
                "dividendAmount"})) {
    return in.error();
  }
  auto start = in.date("dividendPeriodStartDate");
  auto end = in.date("dividendPeriodEndDate");
  // Fineract checks the end date under the start date's name.
  if (start && end && *start > *end) {
    in.fail_rule("dividendPeriodStartDate", "is.less.than.date",
                 "The parameter `dividendPeriodStartDate` must be greater than the provided date",
                 value_text(body.at("dividendPeriodEndDate")));
  }
  auto amount = in.amount("dividendAmount");
  if (!in.ok()) return in.error();
  const share_product* p = s.shares.find_product(product_id);
  if (p == nullptr) return share_product_not_found(product_id);
  auto parts = split_dividend(s, *p, *start, *end, *amount);
  if (!parts) {
    return api_error::not_found(
        "error.msg.shareproduct.shareaccounts.not.defined",
        " No Share Accounts found for this prodct " + std::to_string(product_id), product_id);
  }
  if (parts->empty()) {
    return api_error::domain_rule("error.msg.divident.processing.eligible.shares.not.found",
                                  "No eligible shares for creating dividends");
  }
  share_dividend d;
  d.id = s.shares.next_dividend++;
  d.product_id = product_id;
  d.amount = *amount;
  d.period_start = *start;
  d.period_end = *end;
  d.per_account = std::move(*parts);
  s.shares.dividends[d.id] = d;
  return result_fields{.resource_id = product_id, .sub_resource_id = d.id}.to_json();
}

// APPROVE_DIVIDEND and DELETE_DIVIDEND: an initiated dividend only (403 "alreay.approved", as
// Fineract spells it).
answer decide_dividend(state& s, std::int64_t dividend_id, bool approve) {
  auto it = s.shares.dividends.find(dividend_id);
  if (it == s.shares.dividends.end()) return share_dividend_not_found(dividend_id);
  if (it->second.status == 300) {
    return api_error::domain_rule("error.msg.divident.processing.alreay.approved",
                                  approve ? "Can't approve already appoved  dividends "
                                          : "Can't delete already appoved  dividends ");
  }
  if (approve) {
    it->second.status = 300;
  } else {
    s.shares.dividends.erase(it);
  }
  return result_fields{.resource_id = dividend_id}.to_json();
}

rest_outcome dividend_command(state& s, const rest_call& call, std::int64_t product_id) {
  return run_command(call, "SHAREPRODUCT", "CREATE_DIVIDEND",
                     [&](const json& body) { return create_dividend(s, product_id, body); });
}

}  // namespace

std::optional<rest_outcome> route_share_products(state& s, const rest_call& call,
                                                 const segments& p) {
  // /products/{type}: only "share" is a product type Fineract serves here.
  if (p.size() < 2 || p.size() > 3 || p[1] != "share") return std::nullopt;
  if (p.size() == 2) {
    if (call.method == "POST") {
      return run_command(call, "SHAREPRODUCT", "CREATE",
                         [&](const json& body) { return create_product(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json items = json::array();
    for (const auto& [id, product] : s.shares.products) items.push_back(product_json(product));
    return read_outcome(page(call, std::move(items)));
  }
  auto id = parse_id(p[2]);
  if (!id) return std::nullopt;
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    if (command == nullptr || *command != "dividend") return unsupported_command(call);
    return dividend_command(s, call, *id);
  }
  if (call.method != "GET") return method_not_allowed(call);
  const share_product* product = s.shares.find_product(*id);
  return read_outcome(product != nullptr ? answer(product_json(*product))
                                         : answer(share_product_not_found(*id)));
}

std::optional<rest_outcome> route_share_dividends(state& s, const rest_call& call,
                                                  const segments& p) {
  // /shareproduct/{productId}/dividend[/{dividendId}]
  if (p.size() < 3 || p.size() > 4 || p[2] != "dividend") return std::nullopt;
  auto product_id = parse_id(p[1]);
  if (!product_id) return std::nullopt;
  if (p.size() == 3) {
    if (call.method == "POST") return dividend_command(s, call, *product_id);
    if (call.method != "GET") return method_not_allowed(call);
    json items = json::array();
    for (const auto& [id, d] : s.shares.dividends) {
      if (d.product_id == *product_id) items.push_back(dividend_json(d));
    }
    return read_outcome(page(call, std::move(items)));
  }
  auto dividend_id = parse_id(p[3]);
  if (!dividend_id) return std::nullopt;
  if (call.method == "PUT") {
    const std::string* command = command_of(call);
    if (command == nullptr || *command != "approve") return unsupported_command(call);
    return run_command(call, "SHAREPRODUCT", "APPROVE_DIVIDEND",
                       [&](const json&) { return decide_dividend(s, *dividend_id, true); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "SHAREPRODUCT", "DELETE_DIVIDEND",
                       [&](const json&) { return decide_dividend(s, *dividend_id, false); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.shares.dividends.find(*dividend_id);
  return read_outcome(it != s.shares.dividends.end()
                          ? answer(dividend_json(it->second))
                          : answer(share_dividend_not_found(*dividend_id)));
}

}  // namespace mifos::mock::detail
