// group_roles.cpp: a group's roles and moving clients between groups: POST
// /groups/{id}?command=assignRole (GROUP ASSIGNROLE), updateRole&roleId= (UPDATEROLE),
// unassignRole&roleId= (UNASSIGNROLE) as Fineract's GroupRolesWritePlatformServiceJpaRepositoryImpl
// runs them, and transferClients (TRANSFERCLIENTS, TransferWritePlatformServiceJpaRepositoryImpl);
// and the associations GET /groups/{id}?associations=groupRoles,collectionMeetingCalendar adds.
#include <algorithm>
#include <string>
#include <vector>

#include "portfolio/groups/calendars.hpp"
#include "portfolio/groups/group_commands.hpp"
#include "portfolio/handlers.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

api_error client_not_in_group(entity_id client_id, entity_id group_id) {
  return api_error::domain_rule("error.msg.group.client.not.in.group",
                                "Client with identifier " + std::to_string(client_id) +
                                    " is not in Group with identifier " + std::to_string(group_id));
}

// A missing or unknown roleId (the mock answers 404 for a missing one too).
api_error role_not_found(std::optional<entity_id> id) {
  return api_error::not_found(
      "error.msg.group.role.id.invalid",
      "Group Role with identifier " + std::to_string(id.value_or(0)) + " does not exist",
      id.value_or(0));
}

// The `roleId` query parameter: the group role the command is about.
std::optional<entity_id> role_id_of(const rest_call& call) {
  auto it = call.query.find("roleId");
  return it == call.query.end() ? std::nullopt : parse_id(it->second);
}

// The unique key (client, group, role) of Fineract's m_group_roles.
std::optional<api_error> duplicate_role(const state& s, const group_role& r) {
  for (const auto& [id, other] : s.group_roles) {
    if (id != r.id && other.client_id == r.client_id && other.group_id == r.group_id &&
        other.role_id == r.role_id) {
      return api_error::domain_rule("error.msg.group.role.already.exists",
                                    "Group Role with roleId `" + std::to_string(r.role_id) +
                                        "`, clientId `" + std::to_string(r.client_id) +
                                        "`, groupId `" + std::to_string(r.group_id) +
                                        "` already exists.");
    }
  }
  return std::nullopt;
}

}  // namespace

answer assign_group_role(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "grouprole");
  if (!in.only({"role", "clientId"})) return in.error();
  auto role_id = in.id("role");
  auto client_id = in.id("clientId");
  if (!in.ok()) return in.error();
  const client* c = s.find_client(*client_id);
  if (c == nullptr) return client_not_found(*client_id);
  group* g = s.find_group(id, false);
  if (g == nullptr) return group_not_found(id, false);
  if (!is_member(*g, c->id)) return client_not_in_group(c->id, id);
  group_role r{0, g->id, c->id, *role_id};
  if (auto e = duplicate_role(s, r)) return *e;
  r.id = s.group_role_ids.take();
  s.group_roles[r.id] = r;
  return result_fields{.group_id = g->id, .client_id = c->id, .resource_id = r.id}.to_json();
}

answer update_group_role(state& s, const rest_call& call, entity_id id, const json& body) {
  field_reader in(body, "grouprole");
  if (!in.only({"role", "clientId"})) return in.error();
  auto role_id = in.id("role", false);
  auto client_id = in.id("clientId", false);
  if (!in.ok()) return in.error();
  group* g = s.find_group(id, false);
  if (g == nullptr) return group_not_found(id, false);
  const auto rid = role_id_of(call);
  auto it = rid ? s.group_roles.find(*rid) : s.group_roles.end();
  if (it == s.group_roles.end()) return role_not_found(rid);
  group_role updated = it->second;
  // GroupRole.update: clientId, then role, each when it differs.
  json changes = json::object();
  if (client_id && *client_id != updated.client_id) {
    changes["clientId"] = *client_id;
    if (s.find_client(*client_id) == nullptr) return client_not_found(*client_id);
    if (!is_member(*g, *client_id)) return client_not_in_group(*client_id, id);
    updated.client_id = *client_id;
  }
  if (role_id && *role_id != updated.role_id) {
    changes["role"] = *role_id;
    updated.role_id = *role_id;
  }
  if (auto e = duplicate_role(s, updated)) return *e;
  it->second = updated;
  return result_fields{.group_id = g->id, .resource_id = updated.id, .changes = changes}.to_json();
}

answer unassign_group_role(state& s, const rest_call& call, entity_id, const json&) {
  const auto rid = role_id_of(call);
  if (!rid || s.group_roles.erase(*rid) == 0) return role_not_found(rid);
  return result_fields{.resource_id = *rid}.to_json();
}

answer transfer_clients(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "group");
  // TransfersDataValidator.TRANSFER_CLIENTS_BETWEEN_GROUPS_DATA_PARAMETERS
  if (!in.only({"locale", "dateFormat", "destinationGroupId", "clients",
                "inheritDestinationGroupLoanOfficer", "staffId", "transferActiveLoans"})) {
    return in.error();
  }
  auto destination_id = in.id("destinationGroupId");
  auto staff_id = in.id("staffId", false);
  const bool inherit = in.flag("inheritDestinationGroupLoanOfficer", false).value_or(false);
  std::vector<entity_id> client_ids;
  if (const json* list = in.find("clients")) {
    if (!list->is_array()) {
      in.fail_rule("clients", "must.be.an.array", "The parameter `clients` must be an array.");
    } else {
      for (const json& element : *list) {
        field_reader item = in.nested(element, "clients[].");
        if (auto client_id = item.id("id", false)) client_ids.push_back(*client_id);
        in.absorb(item);
      }
    }
  }
  if (!in.ok()) return in.error();

  group* source = s.find_group(id, false);
  if (source == nullptr) return group_not_found(id, false);
  group* destination = s.find_group(*destination_id, false);
  if (destination == nullptr) return group_not_found(*destination_id, false);
  std::optional<entity_id> new_officer;
  if (staff_id) {
    const staff_member* m = s.find_staff(*staff_id);
    if (m == nullptr) return staff_not_found(*staff_id);
    new_officer = m->id;
  }
  for (entity_id c : client_ids) {
    if (s.find_client(c) == nullptr) return client_not_found(c);
  }
  if (source->id == destination->id) {
    return api_error::domain_rule("error.msg.groups.bulk.client.transfers.to.same.group",
                                  "Source and destination groups for bulk client transfers "
                                  "should be different");
  }
  if (source->office_id != destination->office_id) {
    return api_error::domain_rule("error.msg.groups.bulk.client.transfers.to.different.office",
                                  "Bulk Transfers of clients between Groups in different "
                                  "branches not allowed ");
  }
  // Fineract moves the clients one by one and rolls all back when one fails: check first.
  for (entity_id c : client_ids) {
    if (!is_member(*source, c)) return client_not_in_group(c, source->id);
    if (!s.clients.at(c).is_active()) {
      return api_error::domain_rule(
          "error.msg.client.closed",
          "Client with identifier " + std::to_string(c) + " has already been closed");
    }
  }
  for (entity_id c : client_ids) {
    client& member = s.clients.at(c);
    // The client takes the destination group's officer when it has one.
    if (destination->staff_id) member.staff_id = destination->staff_id;
    member.group_id = destination->id;
    if (!is_member(*destination, c)) destination->client_members.push_back(c);
    std::erase(source->client_members, c);
    // Its JLG loans still open go with it, with the destination's officer when asked.
    for (auto& [loan_id, l] : s.loans) {
      const bool open = l.status == loan_status::submitted || l.status == loan_status::approved ||
                        l.status == loan_status::active;
      if (l.client_id != c || l.group_id != source->id || !open) continue;
      l.group_id = destination->id;
      if (inherit && destination->staff_id) {
        l.loan_officer_id = destination->staff_id;
      } else if (new_officer) {
        l.loan_officer_id = new_officer;
      }
    }
  }
  return result_fields{.resource_id = source->id}.to_json();
}

void add_group_associations(const state& s, const group& g, const rest_call& call, json& j) {
  auto it = call.query.find("associations");
  if (it == call.query.end()) return;
  const std::string& wanted = it->second;
  auto wants = [&wanted](const char* what) {
    return wanted == "all" || wanted.find(what) != std::string::npos;
  };
  if (wants("groupRoles")) {
    json roles = json::array();
    for (const auto& [id, r] : s.group_roles) {
      if (r.group_id != g.id) continue;
      json role = {{"id", r.role_id}};
      if (r.role_id == kLeaderRoleId) role["name"] = "Leader";
      role["active"] = false;  // CodeValueData.instance(id, name) as the read maps it
      role["mandatory"] = false;
      json entry = {{"id", r.id}, {"role", role}, {"clientId", r.client_id}};
      if (auto c = s.clients.find(r.client_id); c != s.clients.end()) {
        entry["clientName"] = c->second.display_name();
      }
      roles.push_back(entry);
    }
    // Fineract leaves the key out when the group has no roles.
    if (!roles.empty()) j["groupRoles"] = roles;
  }
  if (wants("collectionMeetingCalendar")) {
    // A group under a center meets on the center's calendar.
    const entity_id owner = g.center_id.value_or(g.id);
    if (const calendar* c = collection_calendar_of(s, owner)) {
      j["collectionMeetingCalendar"] = calendar_json(s, *c);
    }
  }
}

}  // namespace mifos::mock::detail
