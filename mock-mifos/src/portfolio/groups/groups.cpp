// groups.cpp: groups and centers (a center is a group one level up, with ids from the same
// sequence): POST /groups (GROUP CREATE), POST /centers (CENTER CREATE), ?command=activate
// (GROUP/CENTER ACTIVATE), their GETs, and the routing of the other commands (group_updates.cpp,
// group_members.cpp, collection_sheets.cpp).
#include <span>
#include <string>

#include "portfolio/groups/group_commands.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/supported_parameters.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json group_json(const state& s, const group& g) {
  json j = {{"id", g.id}, {"accountNo", account_no(g.id)}, {"name", g.name}};
  if (g.external_id) j["externalId"] = *g.external_id;
  j["status"] =
      g.closed   ? json{{"id", 600}, {"code", "groupingStatusType.closed"}, {"value", "Closed"}}
      : g.active ? json{{"id", 300}, {"code", "groupingStatusType.active"}, {"value", "Active"}}
                 : json{{"id", 100}, {"code", "groupingStatusType.pending"}, {"value", "Pending"}};
  j["active"] = g.active;
  if (g.activation_date) j["activationDate"] = date_json(*g.activation_date);
  j["officeId"] = g.office_id;
  j["officeName"] = s.offices.at(g.office_id).name;
  if (g.staff_id) {
    if (auto m = s.staff.find(*g.staff_id); m != s.staff.end()) {
      j["staffId"] = m->second.id;
      j["staffName"] = m->second.display_name();
    }
  }
  if (g.center_id) {
    j["centerId"] = *g.center_id;
    j["centerName"] = s.groups.at(*g.center_id).name;
  }
  j["hierarchy"] = (g.center_id ? "." + std::to_string(*g.center_id) : std::string()) + "." +
                   std::to_string(g.id) + ".";
  if (g.is_center) {
    json members = json::array();
    for (const auto& [id, child] : s.groups) {
      if (child.center_id == g.id) members.push_back({{"id", child.id}, {"name", child.name}});
    }
    j["groupMembers"] = members;
  } else {
    json members = json::array();
    for (entity_id id : g.client_members) {
      const client& c = s.clients.at(id);
      members.push_back(
          {{"id", c.id}, {"accountNo", account_no(c.id)}, {"displayName", c.display_name()}});
    }
    j["clientMembers"] = members;
  }
  json timeline = json::object();
  if (g.submitted_on) timeline["submittedOnDate"] = date_json(*g.submitted_on);
  if (g.activation_date) timeline["activatedOnDate"] = date_json(*g.activation_date);
  if (g.closure_date) timeline["closedOnDate"] = date_json(*g.closure_date);
  j["timeline"] = timeline;
  if (g.closure_reason_id) j["closureReasonId"] = *g.closure_reason_id;
  return j;
}

answer create_group(state& s, bool center, const json& body) {
  field_reader in(body, center ? "center" : "group");
  if (!(center ? in.only(kCenterParameters) : in.only(kGroupParameters))) return in.error();
  auto center_id = center ? std::nullopt : in.id("centerId", false);
  // A group under a center takes the center's office, as in Fineract.
  auto office_id = in.id("officeId", !center_id);
  auto name = in.text("name");
  auto external_id = in.text("externalId", false);
  const bool active = in.flag("active", false).value_or(false);
  auto activation_date = in.date("activationDate", active);
  auto submitted_on = in.date("submittedOnDate", false);
  auto members = in.ids(center ? "groupMembers" : "clientMembers");
  if (!in.ok()) return in.error();

  const group* parent = nullptr;
  if (center_id && (parent = s.find_group(*center_id, true)) == nullptr) {
    return group_not_found(*center_id, true);
  }
  if (parent != nullptr) office_id = parent->office_id;
  if (s.find_office(*office_id) == nullptr) return office_not_found(*office_id);
  for (entity_id m : members) {
    if (center ? s.find_group(m, false) == nullptr : s.find_client(m) == nullptr) {
      return center ? group_not_found(m, false) : client_not_found(m);
    }
  }

  group g;
  g.id = s.group_ids.take();
  g.office_id = *office_id;
  g.is_center = center;
  g.name = *name;
  g.active = active;
  if (active) g.activation_date = activation_date;
  g.center_id = center_id;
  g.submitted_on = submitted_on ? submitted_on : activation_date;
  g.external_id = external_id;
  for (entity_id m : members) {
    if (center) {
      s.groups.at(m).center_id = g.id;
    } else {
      s.clients.at(m).group_id = g.id;
      g.client_members.push_back(m);
    }
  }
  s.groups[g.id] = g;
  return result_fields{.office_id = g.office_id, .group_id = g.id, .resource_id = g.id}.to_json();
}

answer activate_group(state& s, bool center, entity_id id, const json& body) {
  field_reader in(body, center ? "center" : "group");
  // GroupingTypesDataValidator.ACTIVATION_REQUEST_DATA_PARAMETERS
  if (!in.only({"locale", "dateFormat", "activationDate"})) return in.error();
  auto activation_date = in.date("activationDate");
  if (!in.ok()) return in.error();
  group* g = s.find_group(id, center);
  if (g == nullptr) return group_not_found(id, center);
  if (g->active) {
    const std::string what = center ? "center" : "group";
    return state_rule(
        "error.msg." + what + ".already.active",
        "Cannot activate " + what + ". " + (center ? "Center" : "Group") + " is already active.",
        "activationDate", value_text(body.at("activationDate")));
  }
  g->active = true;
  g->activation_date = activation_date;
  return result_fields{.office_id = g->office_id, .group_id = g->id, .resource_id = g->id}
      .to_json();
}

using group_command = answer (*)(state&, entity_id, const json&);

// POST /groups/{id}?command= and POST /centers/{id}?command=.
rest_outcome route_group_command(state& s, const rest_call& call, bool center, entity_id id) {
  const std::string* command = command_of(call);
  const std::string name = command != nullptr ? *command : "";
  const char* entity = center ? "CENTER" : "GROUP";
  if (name == "activate") {
    return run_command(call, entity, "ACTIVATE",
                       [&](const json& body) { return activate_group(s, center, id, body); });
  }
  if (name == "close") {
    return run_command(call, entity, "CLOSE",
                       [&](const json& body) { return close_group(s, center, id, body); });
  }
  if (name == "saveCollectionSheet") {
    // Fineract saves the sheet without looking the center or group up.
    return run_command(call, entity, "SAVECOLLECTIONSHEET",
                       [&](const json& body) { return save_collection_sheet(s, call, id, body); });
  }
  if (name == "generateCollectionSheet") {
    return read_outcome(generate_collection_sheet(s, center, id));
  }
  // Roles and transfers read the call too (roleId).
  using call_command = answer (*)(state&, const rest_call&, entity_id, const json&);
  struct role_command {
    const char* name;
    const char* action;
    call_command run;
  };
  static const role_command kRoleCommands[] = {
      {"assignRole", "ASSIGNROLE", &assign_group_role},
      {"updateRole", "UPDATEROLE", &update_group_role},
      {"unassignRole", "UNASSIGNROLE", &unassign_group_role},
      {"transferClients", "TRANSFERCLIENTS", &transfer_clients}};
  for (const auto& c : kRoleCommands) {
    if (!center && name == c.name) {
      return run_command(call, entity, c.action,
                         [&](const json& body) { return c.run(s, call, id, body); });
    }
  }
  struct member_command {
    const char* name;
    const char* action;
    group_command run;
  };
  static const member_command kGroupCommands[] = {
      {"associateClients", "ASSOCIATECLIENTS", &associate_clients},
      {"disassociateClients", "DISASSOCIATECLIENTS", &disassociate_clients},
      {"assignStaff", "ASSIGNSTAFF", &assign_group_staff},
      {"unassignStaff", "UNASSIGNSTAFF", &unassign_group_staff}};
  static const member_command kCenterCommands[] = {
      {"associateGroups", "ASSOCIATEGROUPS", &associate_groups},
      {"disassociateGroups", "DISASSOCIATEGROUPS", &disassociate_groups}};
  for (const auto& c : center ? std::span<const member_command>(kCenterCommands)
                              : std::span<const member_command>(kGroupCommands)) {
    if (name == c.name) {
      return run_command(call, entity, c.action,
                         [&](const json& body) { return c.run(s, id, body); });
    }
  }
  return unsupported_command(call);
}

}  // namespace

std::optional<rest_outcome> route_groups(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 2) return std::nullopt;
  const bool center = p[0] == "centers";
  const char* entity = center ? "CENTER" : "GROUP";
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, entity, "CREATE",
                         [&](const json& body) { return create_group(s, center, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json list = json::array();
    for (const auto& [id, g] : s.groups) {
      if (g.is_center == center) list.push_back(group_json(s, g));
    }
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, entity, "UPDATE",
                       [&](const json& body) { return update_group(s, center, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, entity, "DELETE",
                       [&](const json&) { return delete_group(s, center, *id); });
  }
  if (call.method == "POST") return route_group_command(s, call, center, *id);
  if (call.method != "GET") return method_not_allowed(call);
  const group* g = s.find_group(*id, center);
  if (g == nullptr) return read_outcome(group_not_found(*id, center));
  json j = group_json(s, *g);
  add_group_associations(s, *g, call, j);
  return read_outcome(j);
}

}  // namespace mifos::mock::detail
