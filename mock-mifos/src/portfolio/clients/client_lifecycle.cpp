// client_lifecycle.cpp: a client's status changes, as Fineract's
// ClientWritePlatformServiceJpaRepositoryImpl makes them:
//
//   pending (100) --activate--> active (300) --close--> closed (600) --reactivate--> pending
//   pending --reject--> rejected (700) --undoRejection--> pending
//   pending --withdraw--> withdrawn (800) --undoWithdrawal--> pending
//   pending --DELETE--> gone
//
// Reasons (closureReasonId, rejectionReasonId, withdrawalReasonId) are code value ids in
// Fineract, looked up in the codes ClientClosureReason, ClientRejectReason and
// ClientWithdrawReason (404 when absent); the mock takes any positive id as given.
#include <algorithm>
#include <cstdio>
#include <string>

#include "portfolio/clients/client_commands.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// Fineract's InvalidClientStateTransitionException: 403 "error.msg.client.<action>.<postfix>".
api_error transition_refused(const std::string& action, const std::string& postfix,
                             std::string message) {
  return api_error::domain_rule("error.msg.client." + action + "." + postfix, std::move(message));
}

// Loans and savings accounts that keep a client open (close.loan.non-closed, ...). Written as
// comparisons, not a switch, so that statuses other families add need no change here.
std::optional<api_error> open_accounts_refuse_close(const state& s, entity_id client_id,
                                                    local_date closure_date) {
  for (const auto& [id, l] : s.loans) {
    if (l.client_id != client_id) continue;
    if (l.status == loan_status::submitted || l.status == loan_status::approved ||
        l.status == loan_status::active) {
      return transition_refused("close", "loan.non-closed",
                                "Client cannot be closed because of non-closed loans.");
    }
    if (l.status == loan_status::closed && l.closed_on && *l.closed_on > closure_date) {
      return transition_refused("close", "date.cannot.before.loan.closed.date",
                                "The client closureDate cannot be before the loan closedOnDate.");
    }
    if (l.status == loan_status::overpaid) {
      return transition_refused("close", "loan.overpaid",
                                "Client cannot be closed because of overpaid loans.");
    }
  }
  for (const auto& [id, a] : s.savings) {
    if (a.client_id != client_id) continue;
    if (a.status == savings_status::submitted || a.status == savings_status::approved ||
        a.status == savings_status::active) {
      return transition_refused("close", "non-closed.savings.account",
                                "Client cannot be closed because of non-closed savings account.");
    }
  }
  return std::nullopt;
}

// The undo commands' reopenedDate may not be after today (DataValidatorBuilder
// validateDateBeforeOrEqual against the business date).
void check_not_after_today(field_reader& in, const rest_call& call, const char* parameter,
                           const std::optional<local_date>& date) {
  const local_date today = date_of(call.now);
  if (!date || *date <= today) return;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", today.year, today.month, today.day);
  in.fail_rule(parameter, "is.greater.than.date",
               std::string("The parameter `") + parameter +
                   "` must be less than or equal to the provided date: " + iso);
}

}  // namespace

json client_lifecycle_result(const client& c) {
  return result_fields{
      .client_id = c.id, .resource_id = c.id, .resource_external_id = c.external_id}
      .to_json();
}

answer activate_client(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "client");
  auto activation_date = in.date("activationDate");
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  // Client.activate() refuses only an active client, as a 400 validation error on
  // activationDate; a closed, rejected or withdrawn client is activated.
  if (c->is_active()) {
    return state_rule("error.msg.clients.already.active",
                      "Cannot activate client. Client is already active.", "activationDate",
                      value_text(body.at("activationDate")));
  }
  c->status = client_status::active;
  c->activation_date = activation_date;
  c->closure_date.reset();
  c->closure_reason_id.reset();
  return result_fields{.office_id = c->office_id, .client_id = c->id, .resource_id = c->id}
      .to_json();
}

answer close_client(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "client");
  auto closure_date = in.date("closureDate");
  auto reason_id = in.id("closureReasonId");
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (c->status == client_status::closed) {
    return transition_refused("close", "is.already.closed", "Client is already closed.");
  }
  if (c->under_transfer()) {
    return transition_refused("close", "is.under.transfer", "Cannot Close a Client under Transfer");
  }
  if (c->status != client_status::pending && c->activation_date &&
      *c->activation_date > *closure_date) {
    return transition_refused("close", "date.cannot.before.client.actvation.date",
                              "The client closureDate cannot be before the client ActivationDate.");
  }
  if (auto refused = open_accounts_refuse_close(s, id, *closure_date)) return *refused;
  c->status = client_status::closed;
  c->closure_date = closure_date;
  c->closure_reason_id = reason_id;
  return client_lifecycle_result(*c);
}

namespace {

// reject and withdraw: the same rule, under two names.
answer leave_pending(state& s, entity_id id, const json& body, const char* action,
                     const char* date_name, const char* reason_name, client_status to) {
  field_reader in(body, "client");
  auto date = in.date(date_name);
  auto reason_id = in.id(reason_name);
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (c->status != client_status::pending) {
    // Fineract words both refusals "withdrawn".
    return transition_refused(action, "on.account.not.in.pending.activation.status",
                              "Only clients pending activation may be withdrawn.");
  }
  if (c->submitted_on_date && *c->submitted_on_date > *date) {
    return transition_refused(
        action, "date.cannot.before.client.submitted.date",
        std::string("The client ") + action + " date cannot be before the client submitted date.");
  }
  c->status = to;
  if (to == client_status::rejected) {
    c->rejection_date = date;
    c->rejection_reason_id = reason_id;
  } else {
    c->withdrawal_date = date;
    c->withdrawal_reason_id = reason_id;
  }
  return client_lifecycle_result(*c);
}

}  // namespace

answer reject_client(state& s, const rest_call&, entity_id id, const json& body) {
  return leave_pending(s, id, body, "rejection", "rejectionDate", "rejectionReasonId",
                       client_status::rejected);
}

answer withdraw_client(state& s, const rest_call&, entity_id id, const json& body) {
  return leave_pending(s, id, body, "withdrawal", "withdrawalDate", "withdrawalReasonId",
                       client_status::withdrawn);
}

// Fineract's Client.reActivate() puts a closed client back to pending (not active): it has to
// be activated again.
answer reactivate_client(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "client");
  auto date = in.date("reactivationDate");
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (c->status != client_status::closed) {
    return transition_refused("reactivation", "on.nonclosed.account",
                              "only closed clients may be reactivated.");
  }
  if (c->closure_date && *c->closure_date > *date) {
    return transition_refused("reactivation", "date.cannot.before.client.closed.date",
                              "The client reactivation date cannot be before the client closed "
                              "date.");
  }
  c->status = client_status::pending;
  c->closure_date.reset();
  c->closure_reason_id.reset();
  c->reactivation_date = date;
  return client_lifecycle_result(*c);
}

namespace {

// undoRejection and undoWithdrawal: back to pending from `from`, dated reopenedDate.
answer reopen(state& s, const rest_call& call, entity_id id, const json& body, client_status from,
              const char* action, const char* postfix, const char* refusal,
              const char* date_postfix, const char* date_message) {
  field_reader in(body, "client");
  auto date = in.date("reopenedDate");
  check_not_after_today(in, call, "reopenedDate", date);
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (c->status != from) return transition_refused(action, postfix, refusal);
  const auto& left_on = from == client_status::rejected ? c->rejection_date : c->withdrawal_date;
  if (left_on && *left_on > *date)
    return transition_refused("reopened", date_postfix, date_message);
  c->status = client_status::pending;
  c->reopened_date = date;
  return client_lifecycle_result(*c);
}

}  // namespace

answer undo_client_rejection(state& s, const rest_call& call, entity_id id, const json& body) {
  return reopen(s, call, id, body, client_status::rejected, "undorejection",
                "on.nonrejected.account", "only rejected clients may be reactivated.",
                "date.cannot.before.client.rejected.date",
                "The client reactivation date cannot be before the client rejected date.");
}

answer undo_client_withdrawal(state& s, const rest_call& call, entity_id id, const json& body) {
  return reopen(s, call, id, body, client_status::withdrawn, "undoWithdrawal",
                "on.nonwithdrawal.account", "only withdrawal clients may be reactivated.",
                "date.cannot.before.client.withdrawal.date",
                "The client reactivation date cannot be before the client withdrawal date.");
}

answer delete_client(state& s, entity_id id) {
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (c->status != client_status::pending) {
    return api_error::domain_rule("error.msg.clients.cannot.be.deleted",
                                  "Client with identifier " + std::to_string(id) +
                                      " cannot be deleted as it is not in Pending state.");
  }
  // The account POST /clients opened from savingsProductId goes with the client (Fineract only
  // opens it on activation). Anything else that names the client is a foreign key in Fineract's
  // database, which refuses the delete.
  const auto names_client = [id](const auto& entry) { return entry.second.client_id == id; };
  const bool referenced =
      std::any_of(s.loans.begin(), s.loans.end(), names_client) ||
      std::any_of(s.client_identifiers.begin(), s.client_identifiers.end(), names_client) ||
      std::any_of(s.savings.begin(), s.savings.end(), [&](const auto& entry) {
        return entry.second.client_id == id && entry.first != c->savings_id;
      });
  if (referenced) {
    return api_error::domain_rule("error.msg.client.unknown.data.integrity.issue",
                                  "Unknown data integrity issue with resource.");
  }
  const json result = result_fields{.office_id = c->office_id,
                                    .client_id = c->id,
                                    .resource_id = c->id,
                                    .resource_external_id = c->external_id}
                          .to_json();
  if (c->savings_id) s.savings.erase(*c->savings_id);
  if (c->group_id) {
    if (auto g = s.groups.find(*c->group_id); g != s.groups.end()) {
      std::erase(g->second.client_members, id);
    }
  }
  s.clients.erase(id);
  return result;
}

}  // namespace mifos::mock::detail
