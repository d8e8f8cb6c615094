// share_lifecycle.cpp: the account's life: ?command=approve (SHAREACCOUNT APPROVE), undoapproval
// (UNDOAPPROVAL), reject (REJECT), activate (ACTIVATE) and close (CLOSE), with the rules of
// Fineract's ShareAccountDataSerializer, quirks included: reject checks nothing, and undo approval
// builds its "is.not.in.approved.status" error but never throws it.
#include <string>

#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"
#include "portfolio/shares/shares.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

std::int64_t active_approved_purchases(const share_account& a) {
  std::int64_t total = 0;
  for (const auto& r : a.requests)
    if (r.active && r.approved_purchase()) total += r.shares;
  return total;
}

answer approve(state& s, std::int64_t id, const json& body) {
  field_reader in(body, "sharesaccount");
  if (!in.only({"locale", "dateFormat", "approvedDate", "note"})) return in.error();
  auto found = share_account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  share_account& a = *std::get<share_account*>(found);
  if (a.status != share_account_status::submitted) return share_rule("is.not.pending.for.approval");
  // Fineract does not require the date: an approval without one has none.
  auto approved_on = in.date("approvedDate", false);
  if (!in.ok()) return in.error();
  if (approved_on && *approved_on < a.submitted_on) {
    return share_rule("approved.date.cannot.be.before.submitted.date", "approvedDate",
                      value_text(body.at("approvedDate")));
  }
  share_product& p = s.shares.products.at(a.product_id);
  for (const auto& r : a.requests) {
    if (r.active && r.pending_purchase() && p.subscribed_shares + r.shares > p.issuable()) {
      return share_rule("shares.requested.can.not.be.approved.exceeding.totalshares.issuable",
                        "requestedShares", r.shares);
    }
  }
  a.status = share_account_status::approved;
  a.approved_on = approved_on;
  for (auto& r : a.requests) r.status = share_request_status::approved;
  a.total_approved = a.total_pending;
  a.total_pending.reset();
  p.subscribed_shares += active_approved_purchases(a);
  json changes = {{"id", a.id}};
  echo_note(body, changes);
  return share_result(a.id, std::move(changes));
}

answer undo_approval(state& s, std::int64_t id, const json& body) {
  field_reader in(body, "sharesaccount");
  if (!in.only({"locale", "dateFormat", "activatedDate"})) return in.error();
  auto found = share_account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  share_account& a = *std::get<share_account*>(found);
  // ShareAccount.undoApprove: any status goes back to pending; the product keeps the shares it
  // counted as subscribed (Fineract gives none back).
  a.status = share_account_status::submitted;
  a.approved_on.reset();
  a.rejected_on.reset();
  a.closed_on.reset();
  a.total_approved.reset();
  std::int64_t pending = 0;
  for (auto& r : a.requests) {
    if (r.approved_purchase()) {
      r.status = share_request_status::applied;
      pending += r.shares;
    }
  }
  a.total_pending = pending;
  return share_result(a.id, json{{"charges", true}});
}

answer reject(state& s, std::int64_t id, const json& body, const rest_call& call) {
  auto found = share_account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  share_account& a = *std::get<share_account*>(found);
  a.status = share_account_status::rejected;
  a.rejected_on = date_of(call.now);  // the business date, whatever the body says
  a.total_pending.reset();
  a.total_approved.reset();
  for (auto& r : a.requests)
    if (r.pending_purchase()) r.status = share_request_status::rejected;
  json changes = {{"charges", true}};
  echo_note(body, changes);
  return share_result(a.id, std::move(changes));
}

answer activate(state& s, std::int64_t id, const json& body) {
  field_reader in(body, "sharesaccount");
  if (!in.only({"locale", "dateFormat", "activatedDate"})) return in.error();
  auto found = share_account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  share_account& a = *std::get<share_account*>(found);
  if (a.status != share_account_status::approved) return share_rule("is.not.in.approved.status");
  auto activated_on = in.date("activatedDate");
  if (!in.ok()) return in.error();
  if (a.approved_on && *activated_on < *a.approved_on) {
    return share_rule("cannot.be.before.approved.date", "activatedDate",
                      value_text(body.at("activatedDate")));
  }
  a.status = share_account_status::active;
  a.activated_on = activated_on;
  // Fineract puts the activation date under "charges" (a LocalDate: [y, m, d]).
  return share_result(a.id, json{{"charges", date_json(*activated_on)}});
}

answer close(state& s, std::int64_t id, const json& body) {
  field_reader in(body, "sharesaccount");
  if (!in.only({"locale", "dateFormat", "closedDate", "note"})) return in.error();
  auto closed_on = in.date("closedDate", false);
  // Fineract checks the closing date under the name approvedDate.
  if (in.ok() && !closed_on) {
    in.fail_rule("approvedDate", "cannot.be.blank", "The parameter `approvedDate` is mandatory.");
  }
  if (!in.ok()) return in.error();
  auto found = share_account_of(s, id);
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  share_account& a = *std::get<share_account*>(found);
  // Fineract checks no status: without approved shares (pending, rejected, closed) it fails on a
  // null total with a 500; the mock answers this 400 instead.
  if (!a.total_approved) return share_rule("is.not.in.active.state");
  if (before_existing_requests(a, *closed_on, false)) {
    return share_rule("share.account.cannot.be.closed.before.existing.transactions", "closedDate",
                      value_text(body.at("closedDate")));
  }
  share_request redemption;
  redemption.id = s.shares.next_request++;
  redemption.date = *closed_on;
  redemption.shares = *a.total_approved;
  redemption.unit_price = s.shares.products.at(a.product_id).unit_price;
  redemption.status = share_request_status::approved;
  redemption.redemption = true;
  a.requests.push_back(redemption);
  a.status = share_account_status::closed;
  a.closed_on = closed_on;
  a.total_approved.reset();
  a.total_pending.reset();
  // The note is saved, but Fineract clears `changes` before it answers.
  return share_result(a.id, json{{"requestedShares", redemption.id}});
}

}  // namespace

std::optional<rest_outcome> share_lifecycle_command(state& s, const rest_call& call,
                                                    std::int64_t id, std::string_view command) {
  if (command == "approve") {
    return run_command(call, "SHAREACCOUNT", "APPROVE",
                       [&](const json& body) { return approve(s, id, body); });
  }
  if (command == "undoapproval") {
    return run_command(call, "SHAREACCOUNT", "UNDOAPPROVAL",
                       [&](const json& body) { return undo_approval(s, id, body); });
  }
  if (command == "reject") {
    return run_command(call, "SHAREACCOUNT", "REJECT",
                       [&](const json& body) { return reject(s, id, body, call); });
  }
  if (command == "activate") {
    return run_command(call, "SHAREACCOUNT", "ACTIVATE",
                       [&](const json& body) { return activate(s, id, body); });
  }
  if (command == "close") {
    return run_command(call, "SHAREACCOUNT", "CLOSE",
                       [&](const json& body) { return close(s, id, body); });
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
