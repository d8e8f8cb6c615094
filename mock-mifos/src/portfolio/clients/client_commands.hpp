// client_commands.hpp: the CLIENT and CLIENTIDENTIFIER commands route_clients (clients.cpp)
// dispatches to. Each reads its body the way Fineract's validator does, then looks the client up
// (404), checks Fineract's state rule (403 `error.msg.client.<action>.<postfix>` unless noted) and
// changes the state.
//
//   answer a = close_client(s, call, 7, body);   // POST /clients/7?command=close
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/rest_call.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// One `?command=` of POST /clients/{id}.
using client_command = answer (*)(state& s, const rest_call& call, entity_id client_id,
                                  const nlohmann::ordered_json& body);

// Lifecycle (client_lifecycle.cpp).
answer activate_client(state& s, const rest_call& call, entity_id id,
                       const nlohmann::ordered_json& body);
answer close_client(state& s, const rest_call& call, entity_id id,
                    const nlohmann::ordered_json& body);
answer reject_client(state& s, const rest_call& call, entity_id id,
                     const nlohmann::ordered_json& body);
answer withdraw_client(state& s, const rest_call& call, entity_id id,
                       const nlohmann::ordered_json& body);
answer reactivate_client(state& s, const rest_call& call, entity_id id,
                         const nlohmann::ordered_json& body);
answer undo_client_rejection(state& s, const rest_call& call, entity_id id,
                             const nlohmann::ordered_json& body);
answer undo_client_withdrawal(state& s, const rest_call& call, entity_id id,
                              const nlohmann::ordered_json& body);
// DELETE /clients/{id}: pending clients only.
answer delete_client(state& s, entity_id id);

// Fields, staff and the default savings account (client_updates.cpp).
// PUT /clients/{id}
answer update_client(state& s, entity_id id, const nlohmann::ordered_json& body);
answer assign_client_staff(state& s, const rest_call& call, entity_id id,
                           const nlohmann::ordered_json& body);
answer unassign_client_staff(state& s, const rest_call& call, entity_id id,
                             const nlohmann::ordered_json& body);
answer update_client_savings_account(state& s, const rest_call& call, entity_id id,
                                     const nlohmann::ordered_json& body);

// Transfers between offices (client_transfers.cpp).
answer propose_client_transfer(state& s, const rest_call& call, entity_id id,
                               const nlohmann::ordered_json& body);
answer accept_client_transfer(state& s, const rest_call& call, entity_id id,
                              const nlohmann::ordered_json& body);
answer reject_client_transfer(state& s, const rest_call& call, entity_id id,
                              const nlohmann::ordered_json& body);
answer withdraw_client_transfer(state& s, const rest_call& call, entity_id id,
                                const nlohmann::ordered_json& body);
answer propose_and_accept_client_transfer(state& s, const rest_call& call, entity_id id,
                                          const nlohmann::ordered_json& body);

// Identifiers (client_identifiers.cpp): /clients/{id}/identifiers[/{identifierId}], commands
// and reads; nullopt for a path it does not serve.
std::optional<rest_outcome> route_client_identifiers(state& s, const rest_call& call,
                                                     entity_id client_id,
                                                     const std::vector<std::string>& p);

// Charges and their transactions (client_charges.cpp): /clients/{id}/charges[/{chargeId}] and
// /clients/{id}/transactions[/{transactionId}]; nullopt for another path.
std::optional<rest_outcome> route_client_charges(state& s, const rest_call& call,
                                                 const std::vector<std::string>& p);

// The result of a lifecycle command: clientId, resourceId (+ resourceExternalId).
nlohmann::ordered_json client_lifecycle_result(const client& c);

}  // namespace mifos::mock::detail
