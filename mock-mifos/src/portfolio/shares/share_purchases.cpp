// share_purchases.cpp: buying and selling shares on an account: ?command=applyadditionalshares
// (SHAREACCOUNT APPLYADDITIONALSHARES, a purchase request pending until approved),
// approveadditionalshares / rejectadditionalshares (the requests named by id) and redeemshares
// (REDEEMSHARES, within the approved shares and the lock-in period), as Fineract's
// ShareAccountDataSerializer rules them.
#include <chrono>
#include <string>
#include <vector>

#include "portfolio/routing.hpp"
#include "portfolio/shares/shares.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// Fineract reads these for every purchase and redemption command.
bool only_purchase_parameters(field_reader& in) {
  return in.only({"locale", "requestedDate", "requestedShares", "unitPrice", "dateFormat"});
}

answer apply_shares(state& s, std::int64_t id, const json& body) {
  field_reader in(body, "sharesaccount");
  if (!only_purchase_parameters(in)) return in.error();
  auto found = share_account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  share_account& a = *std::get<share_account*>(found);
  if (a.status != share_account_status::active) return share_rule("is.not.in.active.state");
  auto date = in.date("requestedDate");
  auto shares = in.id("requestedShares");
  if (!in.ok()) return in.error();
  const share_product& p = s.shares.products.at(a.product_id);
  if (p.maximum_shares && a.total_approved.value_or(0) + *shares > *p.maximum_shares) {
    return state_rule(
        "validation.msg.sharesaccount.requestedShares.exceeding.maximum.limit.defined.in.the."
        "shareproduct",
        "Existing and requested shares count is more than product definition", "requestedShares",
        *shares);
  }
  if (before_existing_requests(a, *date, false)) {
    return share_rule("purchase.transaction.date.cannot.be.before.existing.transactions",
                      "requestedDate", value_text(body.at("requestedDate")));
  }
  share_request purchase;
  purchase.id = s.shares.next_request++;
  purchase.date = *date;
  purchase.shares = *shares;
  purchase.unit_price = p.unit_price;
  a.requests.push_back(purchase);
  a.total_pending = a.total_pending.value_or(0) + *shares;
  return share_result(a.id, json{{"additionalshares", purchase.id}});
}

// The ids of `requestedShares: [{"id": 5}, ...]`; an error when it is not such a list.
std::optional<std::vector<std::int64_t>> request_ids(field_reader& in) {
  std::vector<std::int64_t> ids;
  const json* list = in.find("requestedShares");
  if (list == nullptr) return ids;
  if (!list->is_array()) {
    in.fail_rule("requestedShares", "invalid", "The parameter `requestedShares` is invalid.",
                 *list);
    return std::nullopt;
  }
  for (const auto& item : *list) {
    field_reader element = in.nested(item, "requestedShares.");
    auto request_id = item.is_object() ? element.id("id") : std::nullopt;
    if (!item.is_object()) {
      in.fail_rule("requestedShares", "cannot.be.blank",
                   "The parameter `requestedShares` is mandatory.");
    }
    in.absorb(element);
    if (request_id) ids.push_back(*request_id);
  }
  if (!in.ok()) return std::nullopt;
  return ids;
}

// approveadditionalshares and rejectadditionalshares. Fineract checks no account status; ids of
// requests that are not pending purchases are listed but change nothing (Fineract would count
// them a second time).
answer decide_shares(state& s, std::int64_t id, const json& body, bool approve) {
  field_reader in(body, "sharesaccount");
  if (!only_purchase_parameters(in)) return in.error();
  auto ids = request_ids(in);
  if (!ids) return in.error();
  auto found = share_account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  share_account& a = *std::get<share_account*>(found);
  share_product& p = s.shares.products.at(a.product_id);
  std::int64_t total = 0;
  for (std::int64_t request_id : *ids) {
    const share_request* r = a.find_request(request_id);
    if (r == nullptr || !r->pending_purchase()) continue;
    if (approve && p.subscribed_shares + total + r->shares > p.issuable()) {
      return share_rule("shares.requested.can.not.be.approved.exceeding.totalshares.issuable",
                        "requestedShares", r->shares);
    }
    total += r->shares;
  }
  json listed = json::array();
  for (std::int64_t request_id : *ids) {
    share_request* r = a.find_request(request_id);
    if (r != nullptr && r->pending_purchase()) {
      r->status = approve ? share_request_status::approved : share_request_status::rejected;
    }
    listed.push_back(request_id);
  }
  if (total > 0) {
    a.total_pending = a.total_pending.value_or(0) - total;
    if (approve) {
      a.total_approved = a.total_approved.value_or(0) + total;
      p.subscribed_shares += total;
    }
  }
  return share_result(a.id, json{{"requestedShares", listed}});
}

// The day shares bought on `bought` may be sold: `lockin` later, months clamped to the month's
// last day as java.time does. Periods past a few thousand years are as good as forever.
std::chrono::sys_days lockin_end(const local_date& bought, const share_period& lockin) {
  using namespace std::chrono;
  const auto start = share_days(bought);
  const std::int64_t every = std::min<std::int64_t>(lockin.every, 3'000'000);
  switch (lockin.type) {
    case 0:
      return start + days(every);
    case 1:
      return start + days(every * 7);
    default: {
      const std::int64_t months_ahead = lockin.type == 2 ? every : every * 12;
      year_month_day ymd{start};
      const auto ym = year_month(ymd.year(), ymd.month()) +
                      months(std::min<std::int64_t>(months_ahead, 12 * 5000));
      const auto last = year_month_day_last(ym.year(), month_day_last(ym.month())).day();
      return sys_days(ym / std::min(ymd.day(), last));
    }
  }
}

// ShareAccountDataSerializer.validateRedeemRequest, after the approved shares: with a lock-in
// period, shares bought on or before the date and out of lock-in on it.
std::optional<api_error> refuse_lockin(const share_account& a, const local_date& date,
                                       std::int64_t shares) {
  if (!a.lockin) return std::nullopt;
  std::int64_t redeemable = 0, held = 0;
  bool bought_before = false;
  for (const auto& r : a.requests) {
    if (!r.active || (r.status != share_request_status::approved)) continue;
    const std::int64_t sign = r.redemption ? -1 : 1;
    if (lockin_end(r.date, *a.lockin) <= share_days(date)) redeemable += sign * r.shares;
    if (!(date < r.date)) {
      bought_before = true;
      held += sign * r.shares;
    }
  }
  if (!bought_before) {
    return share_rule("no.purchase.transaction.found.before.redeem.date", "requestedDate");
  }
  if (held < shares) {
    return share_rule("cannot.be.redeemed.due.to.insufficient.shares.for.this.redeem.date",
                      "requestedShares", shares);
  }
  if (redeemable < shares) {
    return share_rule("cannot.be.redeemed.due.to.lockinperiod", "requestedShares", shares);
  }
  return std::nullopt;
}

answer redeem(state& s, std::int64_t id, const json& body) {
  field_reader in(body, "sharesaccount");
  if (!only_purchase_parameters(in)) return in.error();
  auto date = in.date("requestedDate");
  auto shares = in.id("requestedShares");
  if (!in.ok()) return in.error();
  auto found = share_account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  share_account& a = *std::get<share_account*>(found);
  if (before_existing_requests(a, *date, true)) {
    return share_rule("redeem.transaction.date.cannot.be.before.existing.transactions",
                      "requestedDate", value_text(body.at("requestedDate")));
  }
  // Fineract checks no status: an account without approved shares fails here (with a 500 on its
  // null total in Fineract, this 400 in the mock).
  if (a.total_approved.value_or(0) < *shares) {
    return share_rule("cannot.be.redeemed.due.to.insufficient.shares", "requestedShares", *shares);
  }
  if (auto refused = refuse_lockin(a, *date, *shares)) return *refused;
  share_product& p = s.shares.products.at(a.product_id);
  share_request redemption;
  redemption.id = s.shares.next_request++;
  redemption.date = *date;
  redemption.shares = *shares;
  redemption.unit_price = p.unit_price;
  redemption.status = share_request_status::approved;
  redemption.redemption = true;
  a.requests.push_back(redemption);
  *a.total_approved -= *shares;
  p.subscribed_shares -= *shares;
  return share_result(a.id, json{{"requestedShares", redemption.id}});
}

}  // namespace

std::optional<rest_outcome> share_purchase_command(state& s, const rest_call& call, std::int64_t id,
                                                   std::string_view command) {
  if (command == "applyadditionalshares") {
    return run_command(call, "SHAREACCOUNT", "APPLYADDITIONALSHARES",
                       [&](const json& body) { return apply_shares(s, id, body); });
  }
  if (command == "approveadditionalshares" || command == "rejectadditionalshares") {
    const bool approve = command == "approveadditionalshares";
    return run_command(call, "SHAREACCOUNT",
                       approve ? "APPROVEADDITIONALSHARES" : "REJECTADDITIONALSHARES",
                       [&](const json& body) { return decide_shares(s, id, body, approve); });
  }
  if (command == "redeemshares") {
    return run_command(call, "SHAREACCOUNT", "REDEEMSHARES",
                       [&](const json& body) { return redeem(s, id, body); });
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
