// group_commands.hpp: the GROUP and CENTER commands route_groups (groups.cpp) dispatches to, as
// Fineract's GroupingTypesWritePlatformServiceJpaRepositoryImpl and
// CollectionSheetWritePlatformServiceJpaRepositoryImpl run them. Each reads its body the way
// Fineract's validator does (400), looks the group or center up (404), checks Fineract's rules
// (403) and changes the state.
//
//   answer a = close_group(s, /*center=*/false, 7, body);   // POST /groups/7?command=close
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/rest_call.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// Fields and staff (group_updates.cpp).
// PUT /groups/{id}, PUT /centers/{id}: `changes` holds the sent fields whose value differs.
answer update_group(state& s, bool center, entity_id id, const nlohmann::ordered_json& body);
// DELETE /groups/{id}, DELETE /centers/{id}: pending only (403 error.msg.group.cannot.be.deleted).
answer delete_group(state& s, bool center, entity_id id);
// ?command=assignStaff / unassignStaff on a group.
answer assign_group_staff(state& s, entity_id id, const nlohmann::ordered_json& body);
answer unassign_group_staff(state& s, entity_id id, const nlohmann::ordered_json& body);

// Members and closing (group_members.cpp).
// ?command=associateClients / disassociateClients on a group ({"clientMembers":[ids]}).
answer associate_clients(state& s, entity_id id, const nlohmann::ordered_json& body);
answer disassociate_clients(state& s, entity_id id, const nlohmann::ordered_json& body);
// ?command=associateGroups / disassociateGroups on a center ({"groupMembers":[ids]}).
answer associate_groups(state& s, entity_id id, const nlohmann::ordered_json& body);
answer disassociate_groups(state& s, entity_id id, const nlohmann::ordered_json& body);
// ?command=close: 403 error.msg.<Group|Center>.close.<postfix> when members or loans are open.
answer close_group(state& s, bool center, entity_id id, const nlohmann::ordered_json& body);

// Roles and transfers (group_roles.cpp). ?command=assignRole ({"role", "clientId"}),
// updateRole&roleId= and unassignRole&roleId= (the group role's id), transferClients
// ({"destinationGroupId", "clients":[{"id"}], "inheritDestinationGroupLoanOfficer"}).
answer assign_group_role(state& s, const rest_call& call, entity_id id,
                         const nlohmann::ordered_json& body);
answer update_group_role(state& s, const rest_call& call, entity_id id,
                         const nlohmann::ordered_json& body);
answer unassign_group_role(state& s, const rest_call& call, entity_id id,
                           const nlohmann::ordered_json& body);
answer transfer_clients(state& s, const rest_call& call, entity_id id,
                        const nlohmann::ordered_json& body);
// What GET /groups/{id}?associations=groupRoles,collectionMeetingCalendar (or all) adds to `j`.
void add_group_associations(const state& s, const group& g, const rest_call& call,
                            nlohmann::ordered_json& j);

// Collection sheets (collection_sheets.cpp).
// POST /centers/{id}?command=saveCollectionSheet, POST /groups/{id}?command=saveCollectionSheet
// (group_id set) or POST /collectionsheet?command=saveCollectionSheet (the individual sheet,
// group_id nullopt): repays bulkRepaymentTransactions and deposits bulkSavingsDueTransactions,
// all in the one command (the repayments and deposits fire nothing of their own).
answer save_collection_sheet(state& s, const rest_call& call, std::optional<entity_id> group_id,
                             const nlohmann::ordered_json& body);
// ?command=generateCollectionSheet (a read): the loans and savings accounts due from the clients
// of the center's groups (or of the group).
answer generate_collection_sheet(const state& s, bool center, entity_id id);
// /collectionsheet?command=saveCollectionSheet (COLLECTIONSHEET SAVE); nullopt for another path.
std::optional<rest_outcome> route_collection_sheet(state& s, const rest_call& call,
                                                   const std::vector<std::string>& p);

// Fineract's InvalidGroupStateTransitionException: 403 "error.msg.<Level>.<action>.<postfix>"
// with the level name as seeded, "Group" or "Center".
api_error group_transition_refused(bool center, const std::string& action,
                                   const std::string& postfix, std::string message);

// Whether the client is one of the group's client members.
bool is_member(const group& g, entity_id client_id);

}  // namespace mifos::mock::detail
