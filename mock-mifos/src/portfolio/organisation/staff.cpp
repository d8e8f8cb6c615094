// staff.cpp: POST /staff (STAFF CREATE), PUT /staff/{id} (STAFF UPDATE), GET /staff and
// GET /staff/{id}. Staff cannot be deleted in Fineract (STAFF DELETE is a permission only).
#include "portfolio/organisation/staff.hpp"

#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json staff_json(const state& s, const staff_member& m) {
  json j = {{"id", m.id},
            {"firstname", m.firstname},
            {"lastname", m.lastname},
            {"displayName", m.display_name()},
            {"officeId", m.office_id},
            {"officeName", s.offices.at(m.office_id).name},
            {"isLoanOfficer", m.loan_officer}};
  if (m.external_id) j["externalId"] = *m.external_id;
  if (m.mobile_no) j["mobileNo"] = *m.mobile_no;
  j["isActive"] = m.active;
  if (m.joining_date) j["joiningDate"] = date_json(*m.joining_date);
  return j;
}

// The unique keys of m_staff (display_name, external_id): Fineract's 403 data integrity errors.
std::optional<api_error> duplicate_of(const state& s, const staff_member& m) {
  for (const auto& [id, other] : s.staff) {
    if (id == m.id) continue;
    if (other.display_name() == m.display_name()) {
      return api_error::domain_rule(
          "error.msg.staff.duplicate.displayName",
          "A staff with the given display name '" + m.display_name() + "' already exists");
    }
    if (m.external_id && other.external_id == m.external_id) {
      return api_error::domain_rule(
          "error.msg.staff.duplicate.externalId",
          "Staff with externalId `" + *m.external_id + "` already exists");
    }
  }
  return std::nullopt;
}

answer create_staff(state& s, const json& body) {
  field_reader in(body, "staff");
  auto office_id = in.id("officeId");
  auto firstname = in.text("firstname");
  auto lastname = in.text("lastname");
  auto mobile_no = in.text("mobileNo", false);
  auto loan_officer = in.flag("isLoanOfficer", false);
  auto active = in.flag("isActive", false);
  auto joining_date = in.date("joiningDate");
  auto external_id = in.text("externalId", false);
  if (!in.ok()) return in.error();
  if (s.find_office(*office_id) == nullptr) return office_not_found(*office_id);

  staff_member m;
  m.id = s.staff_ids.next;
  m.office_id = *office_id;
  m.firstname = *firstname;
  m.lastname = *lastname;
  m.mobile_no = mobile_no;
  m.external_id = external_id;
  m.loan_officer = loan_officer.value_or(false);
  m.active = active.value_or(true);  // Fineract: an absent isActive is active
  m.joining_date = joining_date;
  if (auto duplicate = duplicate_of(s, m)) return *duplicate;
  s.staff_ids.take();
  s.staff[m.id] = m;
  return result_fields{.office_id = m.office_id, .resource_id = m.id}.to_json();
}

bool has_assigned_clients(const state& s, entity_id staff_id) {
  for (const auto& [id, c] : s.clients) {
    if (c.staff_id == staff_id) return true;
  }
  return false;
}

// Staff.update(): `changes` holds the sent fields whose value differs, in Fineract's order;
// joiningDate is echoed as sent, without dateFormat and locale.
answer update_staff(state& s, entity_id id, const json& body) {
  field_reader in(body, "staff");
  auto office_id = in.id("officeId", false);
  auto firstname = in.text("firstname", false);
  auto lastname = in.text("lastname", false);
  auto mobile_no = in.text("mobileNo", false);
  auto loan_officer = in.flag("isLoanOfficer", false);
  auto active = in.flag("isActive", false);
  auto force_status = in.flag("forceStatus", false);
  auto joining_date = in.date("joiningDate", false);
  auto external_id = in.text("externalId", false);
  // Deactivating a staff member who still has clients needs forceStatus=false (sic: Fineract's
  // check runs unless forceStatus is false).
  if (active == false && force_status != false && has_assigned_clients(s, id)) {
    in.fail("isactive", "Failed data validation due to: staff.is.assigned.",
            "validation.msg.staff.isactive.staff.is.assigned");
  }
  if (!in.ok()) return in.error();
  staff_member* m = s.find_staff(id);
  if (m == nullptr) return staff_not_found(id);
  if (office_id && s.find_office(*office_id) == nullptr) return office_not_found(*office_id);

  staff_member updated = *m;
  json changes = json::object();
  if (office_id && *office_id != m->office_id) {
    changes["officeId"] = *office_id;
    updated.office_id = *office_id;
  }
  if (firstname && *firstname != m->firstname) {
    changes["firstname"] = *firstname;
    updated.firstname = *firstname;
  }
  if (lastname && *lastname != m->lastname) {
    changes["lastname"] = *lastname;
    updated.lastname = *lastname;
  }
  if (external_id && external_id != m->external_id) {
    changes["externalId"] = *external_id;
    updated.external_id = external_id;
  }
  if (mobile_no && mobile_no != m->mobile_no) {
    changes["mobileNo"] = *mobile_no;
    updated.mobile_no = mobile_no;
  }
  if (loan_officer && *loan_officer != m->loan_officer) {
    changes["isLoanOfficer"] = *loan_officer;
    updated.loan_officer = *loan_officer;
  }
  if (active && *active != m->active) {
    changes["isActive"] = *active;
    updated.active = *active;
  }
  if (joining_date && joining_date != m->joining_date) {
    changes["joiningDate"] = value_text(body.at("joiningDate"));
    updated.joining_date = joining_date;
  }
  if (auto duplicate = duplicate_of(s, updated)) return *duplicate;
  *m = updated;
  return result_fields{.office_id = m->office_id, .resource_id = m->id, .changes = changes}
      .to_json();
}

json list_staff(const state& s, const rest_call& call) {
  auto office = call.query.find("officeId");
  json items = json::array();
  for (const auto& [id, m] : s.staff) {
    if (office != call.query.end() && std::to_string(m.office_id) != office->second) continue;
    items.push_back(staff_json(s, m));
  }
  return items;  // GET /staff answers a plain array, not a page
}

}  // namespace

const staff_member* staff_for_office(const state& s, entity_id staff_id, entity_id office_id) {
  auto m = s.staff.find(staff_id);
  auto o = s.offices.find(office_id);
  if (m == s.staff.end() || o == s.offices.end()) return nullptr;
  const std::string& staff_hierarchy = s.offices.at(m->second.office_id).hierarchy;
  return o->second.hierarchy.starts_with(staff_hierarchy) ? &m->second : nullptr;
}

std::optional<rest_outcome> route_staff(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "STAFF", "CREATE",
                         [&](const json& body) { return create_staff(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    return read_outcome(list_staff(s, call));
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "STAFF", "UPDATE",
                       [&](const json& body) { return update_staff(s, *id, body); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  const staff_member* m = s.find_staff(*id);
  return read_outcome(m != nullptr ? answer(staff_json(s, *m)) : answer(staff_not_found(*id)));
}

}  // namespace mifos::mock::detail
