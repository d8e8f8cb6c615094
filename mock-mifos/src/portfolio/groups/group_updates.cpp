// group_updates.cpp: PUT and DELETE of groups and centers (GROUP/CENTER UPDATE and DELETE) and a
// group's staff (?command=assignStaff|unassignStaff), as Fineract's
// GroupingTypesWritePlatformServiceJpaRepositoryImpl answers them. Two of its results swap
// officeId and groupId (.withOfficeId(group.getId()).withGroupId(group.officeId())): DELETE and
// unassignStaff; the mock reproduces that, as fineract-commands.tsv records it.
#include <string>

#include "portfolio/groups/group_commands.hpp"
#include "portfolio/organisation/staff.hpp"
#include "portfolio/supported_parameters.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// Adds a date parameter that changed, with the dateFormat and locale it was read with
// (Group.update).
void put_date_change(json& changes, const json& body, const char* name) {
  changes[name] = value_text(body.at(name));
  changes["dateFormat"] = value_text(body.at("dateFormat"));
  changes["locale"] = value_text(body.at("locale"));
}

}  // namespace

answer update_group(state& s, bool center, entity_id id, const json& body) {
  field_reader in(body, center ? "center" : "group");
  if (!(center ? in.only(kCenterParameters) : in.only(kGroupParameters))) return in.error();
  // The validator wants the name on every update (notNull), not only on create.
  auto name = in.text("name");
  auto external_id = in.text("externalId", false);
  auto office_id = in.id("officeId", false);
  auto staff_id = in.id("staffId", false);
  auto center_id = center ? std::nullopt : in.id("centerId", false);
  auto submitted_on = in.date("submittedOnDate", false);
  auto activation_date = in.date("activationDate", false);
  if (!in.ok()) return in.error();
  group* g = s.find_group(id, center);
  if (g == nullptr) return group_not_found(id, center);

  const staff_member* officer = nullptr;
  if (staff_id && staff_id != g->staff_id &&
      (officer = staff_for_office(s, *staff_id, g->office_id)) == nullptr) {
    return staff_not_found(*staff_id);
  }
  const group* new_center = nullptr;
  if (center_id && center_id != g->center_id) {
    new_center = s.find_group(*center_id, true);
    if (new_center == nullptr) return group_not_found(*center_id, true);
    if (new_center->office_id != g->office_id) {
      return api_error::domain_rule("error.msg.group.attach.to.parent.group.invalid.office",
                                    "Group and parent group must have the same office");
    }
  }

  // Group.update's order; officeId is only reported, never applied (Fineract moves a group to
  // another office by transferring it, not by updating it).
  json changes = json::object();
  if (external_id && external_id != g->external_id) {
    changes["externalId"] = *external_id;
    g->external_id = external_id;
  }
  if (office_id && *office_id != g->office_id) changes["officeId"] = *office_id;
  if (officer != nullptr) {
    changes["staffId"] = officer->id;
    g->staff_id = officer->id;
  }
  if (*name != g->name) {
    changes["name"] = *name;
    g->name = *name;
  }
  if (activation_date && activation_date != g->activation_date) {
    put_date_change(changes, body, "activationDate");
    g->activation_date = activation_date;
  }
  if (submitted_on && submitted_on != g->submitted_on) {
    put_date_change(changes, body, "submittedOnDate");
    g->submitted_on = submitted_on;
  }
  if (new_center != nullptr) {
    changes["centerId"] = new_center->id;
    g->center_id = new_center->id;
  }
  return result_fields{.office_id = g->office_id,
                       .group_id = g->id,
                       .resource_id = g->id,
                       .changes = std::move(changes)}
      .to_json();
}

answer delete_group(state& s, bool center, entity_id id) {
  group* g = s.find_group(id, center);
  if (g == nullptr) return group_not_found(id, center);
  if (g->active || g->closed) {
    return api_error::domain_rule("error.msg.group.cannot.be.deleted",
                                  "Group with identifier " + std::to_string(id) +
                                      " cannot be deleted as it is not in `Pending` state.");
  }
  for (entity_id m : g->client_members) {
    if (auto c = s.clients.find(m); c != s.clients.end() && c->second.group_id == id) {
      c->second.group_id.reset();
    }
  }
  for (auto& [child_id, child] : s.groups) {
    if (child.center_id == id) child.center_id.reset();
  }
  const entity_id office_id = g->office_id;
  s.groups.erase(id);
  // Swapped as in Fineract (see the file comment).
  return result_fields{.office_id = id, .group_id = office_id, .resource_id = id}.to_json();
}

answer assign_group_staff(state& s, entity_id id, const json& body) {
  field_reader in(body, "group");
  if (!in.only({"staffId", "inheritStaffForClientAccounts"})) return in.error();
  auto staff_id = in.id("staffId");
  const bool inherit = in.flag("inheritStaffForClientAccounts", false).value_or(false);
  if (!in.ok()) return in.error();
  group* g = s.find_group(id, false);
  if (g == nullptr) return group_not_found(id, false);
  const staff_member* officer = staff_for_office(s, *staff_id, g->office_id);
  if (officer == nullptr) return staff_not_found(*staff_id);
  g->staff_id = officer->id;
  if (inherit) {
    // The members take the group's staff too, and so do their disbursed open loans.
    for (entity_id m : g->client_members) {
      if (auto c = s.clients.find(m); c != s.clients.end()) c->second.staff_id = officer->id;
      for (auto& [loan_id, l] : s.loans) {
        if (l.client_id == m && l.status == loan_status::active) l.loan_officer_id = officer->id;
      }
    }
  }
  return result_fields{.office_id = g->office_id,
                       .group_id = g->id,
                       .resource_id = g->id,
                       .changes = json{{"staffId", officer->id}}}
      .to_json();
}

answer unassign_group_staff(state& s, entity_id id, const json& body) {
  field_reader in(body, "group");
  if (!in.only({"staffId"})) return in.error();
  auto staff_id = in.id("staffId");
  if (!in.ok()) return in.error();
  group* g = s.find_group(id, false);
  if (g == nullptr) return group_not_found(id, false);
  if (!g->staff_id) {
    return api_error::not_found(
        "error.msg.group.has.no.staff",
        "Group with identifier " + std::to_string(id) + " does not have staff", id);
  }
  // Fineract unassigns only when staffId names the present staff; another id changes nothing,
  // yet the command succeeds and reports staffId: null all the same.
  if (*staff_id == *g->staff_id) g->staff_id.reset();
  return result_fields{.office_id = g->id,
                       .group_id = g->office_id,
                       .resource_id = g->id,
                       .changes = json{{"staffId", nullptr}}}
      .to_json();
}

}  // namespace mifos::mock::detail
