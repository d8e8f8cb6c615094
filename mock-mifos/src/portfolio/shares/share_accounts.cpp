// share_accounts.cpp: POST /accounts/share (SHAREACCOUNT CREATE), GET /accounts/share and
// /accounts/share/{id}, and the routing of the account commands (share_lifecycle.cpp,
// share_purchases.cpp). Read from Fineract's AccountsApiResource, ShareAccountDataSerializer and
// ShareAccountReadPlatformServiceImpl.
#include <string>
#include <utility>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"
#include "portfolio/shares/shares.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json option(std::int64_t id, const std::string& code, const char* value) {
  return {{"id", id}, {"code", code}, {"value", value}};
}

const char* period_name(int type) {
  switch (type) {
    case 0:
      return "Days";
    case 1:
      return "Weeks";
    case 2:
      return "Months";
    default:
      return "Years";
  }
}

// SharesEnumerations.lockinPeriodFrequencyType / minimumActivePeriodFrequencyType.
json period_json(const share_period& p, const char* prefix) {
  static const char* const kCodes[] = {
      "sharePeriodFrequencyType.days", "sharePeriodFrequencyType.weeks",
      "sharePeriodFrequencyType.months", "sharePeriodFrequencyType.years"};
  return option(p.type, std::string(prefix) + kCodes[p.type], period_name(p.type));
}

json request_status_json(share_request_status st) {
  switch (st) {
    case share_request_status::applied:
      return option(100, "purchasedSharesStatusType.applied", "Pending Approval");
    case share_request_status::approved:
      return option(300, "purchasedSharesStatusType.approved", "Approved");
    case share_request_status::rejected:
      return option(400, "purchasedSharesStatusType.rejected", "Rejected");
    case share_request_status::purchased:
      return option(500, "purchasedSharesType.purchased", "Purchase");
    case share_request_status::redeemed:
      return option(600, "purchasedSharesType.redeemed", "Redeem");
  }
  return option(0, "purchasedSharesStatusType.invalid", "Invalid");
}

json timeline_json(const share_account& a) {
  json t = {{"submittedOnDate", date_json(a.submitted_on)}};
  if (a.rejected_on) t["rejectedDate"] = date_json(*a.rejected_on);
  if (a.approved_on) t["approvedDate"] = date_json(*a.approved_on);
  if (a.activated_on) t["activatedDate"] = date_json(*a.activated_on);
  if (a.closed_on) t["closedDate"] = date_json(*a.closed_on);
  return t;
}

json purchased_shares_json(const share_account& a) {
  json list = json::array();
  for (const auto& r : a.requests) {
    if (!r.active) continue;
    const cents amount = r.amount();
    json j = {{"id", r.id},
              {"accountId", a.id},
              {"purchasedDate", date_json(r.date)},
              {"numberOfShares", r.shares},
              {"purchasedPrice", amount_json(r.unit_price)},
              {"status", request_status_json(r.status)},
              {"type", request_status_json(r.redemption ? share_request_status::redeemed
                                                        : share_request_status::purchased)}};
    // Fineract reads zero amounts as null, which Gson leaves out.
    if (amount != 0) j["amount"] = amount_json(amount);
    if (amount != 0) j["amountPaid"] = amount_json(amount);
    list.push_back(std::move(j));
  }
  return list;
}

json dividends_json(const state& s, const share_account& a) {
  json list = json::array();
  for (const auto& [id, d] : s.shares.dividends) {
    auto part = d.per_account.find(a.id);
    if (part == d.per_account.end()) continue;
    list.push_back({{"id", id},
                    {"amount", amount_json(part->second)},
                    {"status", option(100, "shareAccountDividendStatusType.initiated",
                                      "Dividend Initiated")}});
  }
  return list;
}

answer create_account(state& s, const json& body) {
  field_reader in(body, "sharesaccount");
  if (!in.only({"locale",
                "dateFormat",
                "id",
                "clientId",
                "productId",
                "submittedDate",
                "approvedDate",
                "externalId",
                "currencyCode",
                "digitsAfterDecimal",
                "inMultiplesOf",
                "requestedShares",
                "savingsAccountId",
                "lockinPeriodFrequency",
                "lockinPeriodFrequencyType",
                "minimumActivePeriod",
                "minimumActivePeriodFrequencyType",
                "allowDividendCalculationForInactiveClients",
                "charges",
                "applicationDate",
                "purchasedDate",
                "numberOfShares",
                "unitPrice"})) {
    return in.error();
  }
  auto client_id = in.id("clientId");
  auto product_id = in.id("productId");
  // Fineract looks the product up as soon as it has read its id: an unknown one is a 404 first.
  const share_product* product = product_id ? s.shares.find_product(*product_id) : nullptr;
  if (product_id && product == nullptr) return share_product_not_found(*product_id);
  auto submitted_on = in.date("submittedDate");
  auto external_id = in.text("externalId", false);
  auto savings_id = in.id("savingsAccountId");
  auto requested = in.id("requestedShares");
  if (requested && product != nullptr) {
    if (product->minimum_shares && *requested < *product->minimum_shares) {
      in.fail("requestedShares", "Client can not purchase shares less than product definition",
              "validation.msg.sharesaccount.requestedShares.client.can.not.purchase.shares."
              "lessthan.product.definition",
              *requested);
    }
    if (product->maximum_shares && *requested > *product->maximum_shares) {
      in.fail("requestedShares", "Client can not purchase shares more than product definition",
              "validation.msg.sharesaccount.requestedShares.client.can.not.purchase.shares."
              "morethan.product.definition",
              *requested);
    }
  }
  auto application_date = in.date("applicationDate");
  auto dividends_for_inactive = in.flag("allowDividendCalculationForInactiveClients", false);
  auto lockin = in.whole("lockinPeriodFrequency", false);
  auto lockin_type = in.whole("lockinPeriodFrequencyType", false);
  auto minimum_active = in.whole("minimumActivePeriod", false);
  auto minimum_active_type = in.whole("minimumActivePeriodFrequencyType", false);
  for (auto [value, name] : {std::pair(lockin_type, "lockinPeriodFrequencyType"),
                             std::pair(minimum_active_type, "minimumActivePeriodFrequencyType")}) {
    if (value && *value > 3) {
      in.fail_rule(name, "invalid", std::string("The parameter `") + name + "` is invalid.",
                   *value);
    }
  }
  const json* charges = in.find("charges");
  if (charges != nullptr && !charges->is_array()) {
    in.fail_rule("charges", "invalid", "The parameter `charges` is invalid.", *charges);
  }
  if (!in.ok()) return in.error();

  if (s.find_client(*client_id) == nullptr) return client_not_found(*client_id);
  // SavingsAccountReadPlatformService.isAccountBelongsToClient: the client's own active savings
  // account in the product's currency, else "not found".
  const savings_account* savings = s.find_savings(*savings_id);
  if (savings == nullptr || savings->client_id != *client_id ||
      savings->status != savings_status::active ||
      s.savings_products.at(savings->product_id).currency != product->currency) {
    return savings_not_found(*savings_id);
  }
  // The charges are checked as Fineract checks them, not kept: the mock books no share fees.
  for (const auto& c : charges != nullptr ? *charges : json::array()) {
    const json* charge_id = c.is_object() && c.contains("chargeId") ? &c["chargeId"] : nullptr;
    if (charge_id == nullptr) continue;
    auto id = charge_id->is_number_integer() ? charge_id->get<std::int64_t>() : std::int64_t{0};
    auto found = s.charges.find(id);
    if (found == s.charges.end()) return charge_not_found(id);
    if (found->second.currency != product->currency) {
      return api_error::domain_rule("error.msg.charge.attach.to.share.account.invalid.currency",
                                    "Charge and Share Account must have the same currency.");
    }
  }

  share_account a;
  a.id = s.shares.next_account++;
  a.client_id = *client_id;
  a.product_id = product->id;
  a.savings_id = *savings_id;
  a.external_id = external_id;
  a.submitted_on = *submitted_on;
  a.total_pending = *requested;
  a.allow_dividends_for_inactive_clients = dividends_for_inactive.value_or(false);
  if (lockin && lockin_type) a.lockin = share_period{*lockin, static_cast<int>(*lockin_type)};
  if (minimum_active && minimum_active_type) {
    a.minimum_active = share_period{*minimum_active, static_cast<int>(*minimum_active_type)};
  }
  share_request purchase;
  purchase.id = s.shares.next_request++;
  purchase.date = *application_date;
  purchase.shares = *requested;
  purchase.unit_price = product->unit_price;
  a.requests.push_back(purchase);
  s.shares.accounts[a.id] = a;
  return share_result(a.id, std::nullopt);
}

}  // namespace

json share_result(std::int64_t account_id, std::optional<json> changes) {
  return result_fields{.resource_id = account_id, .changes = std::move(changes)}.to_json();
}

api_error share_rule(std::string_view rule, std::string parameter, json value) {
  return savings_rule("sharesaccount", rule, std::move(parameter), std::move(value));
}

json share_status_json(share_account_status st) {
  const char* code = "shareAccountStatusType.submitted.and.pending.approval";
  const char* value = "Submitted and pending approval";
  switch (st) {
    case share_account_status::submitted:
      break;
    case share_account_status::approved:
      code = "shareAccountStatusType.approved", value = "Approved";
      break;
    case share_account_status::active:
      code = "shareAccountStatusType.active", value = "Active";
      break;
    case share_account_status::rejected:
      code = "shareAccountStatusType.rejected", value = "Rejected";
      break;
    case share_account_status::closed:
      code = "shareAccountStatusType.closed", value = "Closed";
      break;
  }
  return {{"id", static_cast<int>(st)},
          {"code", code},
          {"value", value},
          {"submittedAndPendingApproval", st == share_account_status::submitted},
          {"approved", st == share_account_status::approved},
          {"rejected", st == share_account_status::rejected},
          {"active", st == share_account_status::active},
          {"closed", st == share_account_status::closed || st == share_account_status::rejected}};
}

json share_account_json(const state& s, const share_account& a) {
  const share_product& p = s.shares.products.at(a.product_id);
  const client& c = s.clients.at(a.client_id);
  json j = {{"id", a.id}, {"accountNo", account_no(a.id)}};
  if (a.external_id) j["externalId"] = *a.external_id;
  j["savingsAccountNumber"] = account_no(a.savings_id);
  j["clientId"] = c.id;
  j["clientName"] = c.display_name();
  j["productId"] = p.id;
  j["productName"] = p.name;
  j["status"] = share_status_json(a.status);
  j["timeline"] = timeline_json(a);
  j["currency"] = currency_json(p.currency);
  json summary = {{"id", a.id}, {"accountNo", account_no(a.id)}};
  if (a.total_approved) summary["totalApprovedShares"] = *a.total_approved;
  if (a.total_pending) summary["totalPendingForApprovalShares"] = *a.total_pending;
  if (a.external_id) summary["externalId"] = *a.external_id;
  summary["productId"] = p.id;
  summary["productName"] = p.name;
  summary["status"] = j["status"];
  summary["currency"] = j["currency"];
  summary["timeline"] = j["timeline"];
  j["summary"] = std::move(summary);
  j["purchasedShares"] = purchased_shares_json(a);
  j["savingsAccountId"] = a.savings_id;
  j["currentMarketPrice"] = amount_json(p.unit_price);
  if (a.lockin) {
    j["lockinPeriod"] = a.lockin->every;
    j["lockPeriodTypeEnum"] = period_json(*a.lockin, "shares.lockin.");
  }
  if (a.minimum_active) {
    j["minimumActivePeriod"] = a.minimum_active->every;
    j["minimumActivePeriodTypeEnum"] = period_json(*a.minimum_active, "shares.minimumactive.");
  }
  j["allowDividendCalculationForInactiveClients"] = a.allow_dividends_for_inactive_clients;
  j["charges"] = json::array();
  j["dividends"] = dividends_json(s, a);
  return j;
}

std::variant<share_account*, api_error> share_account_of(state& s, std::int64_t id) {
  share_account* a = s.shares.find_account(id);
  if (a == nullptr) return share_account_not_found(id);
  return a;
}

std::chrono::sys_days share_days(const local_date& d) {
  return std::chrono::sys_days(std::chrono::year(d.year) / std::chrono::month(d.month) /
                               std::chrono::day(d.day));
}

bool before_existing_requests(const share_account& a, const local_date& d, bool active_only) {
  for (const auto& r : a.requests)
    if ((r.active || !active_only) && d < r.date) return true;
  return false;
}

std::optional<rest_outcome> route_share_accounts(state& s, const rest_call& call,
                                                 const segments& p) {
  // /accounts/{type}: Fineract finds the type's services by name; only "share" has them.
  if (p.size() < 2 || p.size() > 3 || p[1] != "share") return std::nullopt;
  if (p.size() == 2) {
    if (call.method == "POST") {
      return run_command(call, "SHAREACCOUNT", "CREATE",
                         [&](const json& body) { return create_account(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    // ShareAccountReadPlatformServiceImpl.retrieveAll lists the active accounts only.
    json items = json::array();
    for (const auto& [id, a] : s.shares.accounts) {
      if (a.status == share_account_status::active) items.push_back(share_account_json(s, a));
    }
    return read_outcome(page(call, std::move(items)));
  }
  auto id = parse_id(p[2]);
  if (!id) return std::nullopt;
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    const std::string_view name = command != nullptr ? std::string_view(*command) : "";
    if (auto out = share_lifecycle_command(s, call, *id, name)) return out;
    if (auto out = share_purchase_command(s, call, *id, name)) return out;
    return unsupported_command(call);
  }
  if (call.method != "GET") return method_not_allowed(call);
  const share_account* a = s.shares.find_account(*id);
  return read_outcome(a != nullptr ? answer(share_account_json(s, *a))
                                   : answer(share_account_not_found(*id)));
}

}  // namespace mifos::mock::detail
