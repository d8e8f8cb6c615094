// group_members.cpp: a group's clients and a center's groups (?command=associateClients,
// disassociateClients, associateGroups, disassociateGroups) and closing a group or a center
// (?command=close), with Fineract's rules (Group.java, GroupingTypesWritePlatformServiceJpa-
// RepositoryImpl). The member lists in `changes` are the ids as strings, as Fineract lists them.
//
// closureReasonId is a code value of GroupClosureReason (CenterClosureReason for a center) in
// Fineract, 404 when absent; the portfolio cannot see the records/ codes, so any positive id is
// taken, as for the client reasons.
#include <algorithm>
#include <string>

#include "portfolio/groups/group_commands.hpp"
#include "portfolio/loans/loans.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// The member ids of a members command: supported parameter, then not empty (arrayNotEmpty).
std::optional<std::vector<entity_id>> read_members(field_reader& in, const char* name) {
  if (!in.only({name})) return std::nullopt;
  auto ids = in.ids(name);
  if (in.ok() && ids.empty()) {
    in.fail_rule(
        name, "cannot.be.empty",
        std::string("The parameter `") + name + "` cannot be empty. You must select at least one.");
  }
  if (!in.ok()) return std::nullopt;
  return ids;
}

json id_strings(const std::vector<entity_id>& ids) {
  json list = json::array();
  for (entity_id id : ids) list.push_back(std::to_string(id));
  return list;
}

json members_result(const group& g, const char* key, const std::vector<entity_id>& ids) {
  return result_fields{.office_id = g.office_id,
                       .group_id = g.id,
                       .resource_id = g.id,
                       .changes = json{{key, id_strings(ids)}}}
      .to_json();
}

// The clients of a members command: each exists (404) and is of the group's office (403).
std::optional<api_error> check_clients(state& s, const group& g,
                                       const std::vector<entity_id>& ids) {
  for (entity_id m : ids) {
    const client* c = s.find_client(m);
    if (c == nullptr) return client_not_found(m);
    if (c->office_id != g.office_id) {
      return api_error::domain_rule(
          "error.msg.client.attach.to.group.invalid.office",
          "Client with identifier " + std::to_string(m) + " must have the same office as group.");
    }
  }
  return std::nullopt;
}

// The groups of a center's members command: each exists as a group or center (404) and is of
// the center's office (403).
std::optional<api_error> check_groups(state& s, const group& center,
                                      const std::vector<entity_id>& ids) {
  for (entity_id m : ids) {
    auto child = s.groups.find(m);
    if (child == s.groups.end()) return group_not_found(m, false);
    if (child->second.office_id != center.office_id) {
      return api_error::domain_rule("error.msg.group.attach.to.parent.group.invalid.office",
                                    "Group and child groups must have the same office.");
    }
  }
  return std::nullopt;
}

bool open_loan(const loan& l) {
  return l.status == loan_status::submitted || l.status == loan_status::approved ||
         l.status == loan_status::active;
}

}  // namespace

api_error group_transition_refused(bool center, const std::string& action,
                                   const std::string& postfix, std::string message) {
  return api_error::domain_rule(
      "error.msg." + std::string(center ? "Center" : "Group") + "." + action + "." + postfix,
      std::move(message));
}

answer associate_clients(state& s, entity_id id, const json& body) {
  field_reader in(body, "group");
  auto ids = read_members(in, "clientMembers");
  if (!ids) return in.error();
  group* g = s.find_group(id, false);
  if (g == nullptr) return group_not_found(id, false);
  if (auto refused = check_clients(s, *g, *ids)) return *refused;
  for (entity_id m : *ids) {
    if (is_member(*g, m)) {
      return api_error::domain_rule("error.msg.group.client.exist.in.group",
                                    "Client with identifier " + std::to_string(m) +
                                        " is already exists in Group with identifier " +
                                        std::to_string(id));
    }
  }
  for (entity_id m : *ids) {
    g->client_members.push_back(m);
    s.clients.at(m).group_id = g->id;
  }
  return members_result(*g, "clientMembers", *ids);
}

answer disassociate_clients(state& s, entity_id id, const json& body) {
  field_reader in(body, "group");
  auto ids = read_members(in, "clientMembers");
  if (!ids) return in.error();
  group* g = s.find_group(id, false);
  if (g == nullptr) return group_not_found(id, false);
  if (auto refused = check_clients(s, *g, *ids)) return *refused;
  // A client with an open loan of this group (JLG) stays (checkForActiveJLGLoans).
  for (entity_id m : *ids) {
    for (const auto& [loan_id, l] : s.loans) {
      if (l.client_id == m && l.group_id == id && open_loan(l)) {
        return api_error::domain_rule("error.msg.group.disassociate.client.has.group.loan",
                                      "Client with identifier " + std::to_string(m) +
                                          " cannot be disassociated it has group loans.");
      }
    }
  }
  for (entity_id m : *ids) {
    if (!is_member(*g, m)) {
      return api_error::domain_rule("error.msg.group.client.not.in.group",
                                    "Client with identifier " + std::to_string(m) +
                                        " is not in Group with identifier " + std::to_string(id));
    }
  }
  for (entity_id m : *ids) {
    std::erase(g->client_members, m);
    client& c = s.clients.at(m);
    if (c.group_id == id) c.group_id.reset();
  }
  return members_result(*g, "clientMembers", *ids);
}

answer associate_groups(state& s, entity_id id, const json& body) {
  field_reader in(body, "group");
  auto ids = read_members(in, "groupMembers");
  if (!ids) return in.error();
  group* center = s.find_group(id, true);
  if (center == nullptr) return group_not_found(id, true);
  if (auto refused = check_groups(s, *center, *ids)) return *refused;
  for (entity_id m : *ids) {
    const group& child = s.groups.at(m);
    if (child.is_center) {
      return api_error::domain_rule("error.msg.center.cannot.be.assigned.as.child",
                                    "Center can not assigned as a child");
    }
    if (child.center_id == id) {
      return api_error::domain_rule("error.msg.group.is.already.member.of.center",
                                    "Group with identifier " + std::to_string(m) +
                                        " is already exists in Center with identifier " +
                                        std::to_string(id));
    }
    if (child.center_id) {
      return api_error::domain_rule("error.msg.group.already.associated.with.center",
                                    "Group is already associated with a center");
    }
  }
  for (entity_id m : *ids) s.groups.at(m).center_id = id;
  return members_result(*center, "groupMembers", *ids);
}

answer disassociate_groups(state& s, entity_id id, const json& body) {
  field_reader in(body, "group");
  auto ids = read_members(in, "groupMembers");
  if (!ids) return in.error();
  group* center = s.find_group(id, true);
  if (center == nullptr) return group_not_found(id, true);
  if (auto refused = check_groups(s, *center, *ids)) return *refused;
  for (entity_id m : *ids) {
    if (s.groups.at(m).center_id != id) {
      return api_error::domain_rule("error.msg.group.not.in.center",
                                    "Group with identifier " + std::to_string(m) +
                                        " is not exists in Center with identifier " +
                                        std::to_string(id));
    }
  }
  for (entity_id m : *ids) s.groups.at(m).center_id.reset();
  // Fineract reports the removed groups under "clientMembers" (disassociateGroupsToCenter puts
  // them with clientMembersParamName); reproduced.
  return members_result(*center, "clientMembers", *ids);
}

answer close_group(state& s, bool center, entity_id id, const json& body) {
  field_reader in(body, center ? "center" : "group");
  if (!in.only({"locale", "dateFormat", "closureDate", "closureReasonId"})) return in.error();
  auto closure_date = in.date("closureDate");
  auto reason_id = in.id("closureReasonId");
  if (!in.ok()) return in.error();
  group* g = s.find_group(id, center);
  if (g == nullptr) return group_not_found(id, center);
  const std::string level = center ? "Center" : "Group";

  // Fineract's order: members, then the group's loans, then the group's own state.
  if (center) {
    for (const auto& [child_id, child] : s.groups) {
      if (child.center_id == id && !child.closed) {
        return group_transition_refused(
            center, "close", "active.groups.exist",
            level + " cannot be closed because of active groups associated with it.");
      }
    }
  } else {
    for (entity_id m : g->client_members) {
      auto c = s.clients.find(m);
      if (c != s.clients.end() && c->second.status != client_status::closed) {
        return group_transition_refused(
            center, "close", "active.clients.exist",
            level + " cannot be closed because of active clients associated with it.");
      }
    }
  }
  for (const auto& [loan_id, l] : s.loans) {
    if (l.group_id != id) continue;
    if (open_loan(l)) {
      return group_transition_refused(center, "close", "loan.not.closed",
                                      level + " cannot be closed because of non-closed loans.");
    }
    if (l.status == loan_status::closed && l.closed_on && *l.closed_on > *closure_date) {
      return group_transition_refused(
          center, "close", "date.cannot.before.loan.closed.date",
          level + "closureDate cannot be before the loan closedOnDate.");
    }
  }
  if (g->closed) {
    return group_transition_refused(
        center, "close", "already.closed",
        "Group with identifier " + std::to_string(id) + " is alread closed.");
  }
  if (g->active && g->activation_date && *g->activation_date > *closure_date) {
    return group_transition_refused(center, "close", "date.cannot.before.group.actvation.date",
                                    "The Group closure Date " + iso_date(*closure_date) +
                                        " cannot be before the group Activation Date " +
                                        iso_date(*g->activation_date) + ".");
  }
  g->closed = true;
  g->active = false;
  g->closure_date = closure_date;
  g->closure_reason_id = reason_id;
  // CLOSE GROUP answers groupId and resourceId; CLOSE CENTER only resourceId.
  if (center) return result_fields{.resource_id = id}.to_json();
  return result_fields{.group_id = id, .resource_id = id}.to_json();
}

bool is_member(const group& g, entity_id client_id) {
  return std::find(g.client_members.begin(), g.client_members.end(), client_id) !=
         g.client_members.end();
}

}  // namespace mifos::mock::detail
