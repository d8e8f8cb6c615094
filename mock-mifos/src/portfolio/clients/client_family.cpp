// client_family.cpp: a client's family members, /clients/{id}/familymembers (FAMILYMEMBERS
// CREATE, UPDATE, DELETE and the GETs), as Fineract's ClientFamilyMembersWritePlatformServiceImpl
// answers them.
//
// Fineract's ClientFamilyMemberCommandFromApiJsonDeserializer refuses unsupported parameters and
// wrongly typed values, but builds its other validation errors (firstName cannot be blank, ...)
// without ever throwing them: a family member with no name is stored. Its results carry only the
// family member's id (resourceId). Quirks kept: an update reads `relationShipId`, which is not a
// supported parameter, so the relationship never changes after create; Fineract fails with a
// 500 (an unboxed null) on an update without maritalStatusId, genderId and professionId, which
// the mock accepts.
#include <string>

#include "portfolio/clients/client_contacts.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kFamilyMemberParameters[] = {
    "id",           "clientId",       "firstName",       "middleName",
    "lastName",     "qualification",  "mobileNumber",    "age",
    "isDependent",  "relationshipId", "maritalStatusId", "genderId",
    "dateOfBirth",  "professionId",   "locale",          "dateFormat",
    "familyMembers"};

// ClientFamilyMembersData as the read service maps a row: ids and age read as 0 when unset.
json family_member_json(const family_member& m) {
  json j = {{"id", m.id},
            {"clientId", m.client_id},
            {"firstName", m.first_name},
            {"middleName", m.middle_name},
            {"lastName", m.last_name},
            {"qualification", m.qualification},
            {"relationshipId", m.relationship_id},
            {"maritalStatusId", m.marital_status_id},
            {"genderId", m.gender_id}};
  if (m.date_of_birth) j["dateOfBirth"] = date_json(*m.date_of_birth);
  j["professionId"] = m.profession_id;
  j["mobileNumber"] = m.mobile_number;
  j["age"] = m.age;
  j["isDependent"] = m.dependent;
  return j;
}

// Fineract loads the row with getReferenceById, so a missing one fails when it is first used;
// the mock answers it as a missing resource.
api_error family_member_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.family.member.id.invalid",
      "Family member with identifier " + std::to_string(id) + " does not exist", id);
}

json family_result(entity_id id) { return result_fields{.resource_id = id}.to_json(); }

// The fields create and update share; `relationship` says whether relationshipId is read.
void read_fields(field_reader& in, family_member& m, bool relationship) {
  auto put_text = [&in](const char* name, std::string& field) {
    if (auto v = in.text(name, false)) field = *v;
  };
  auto put_id = [&in](const char* name, std::int64_t& field) {
    if (auto v = in.whole(name, false)) field = *v;
  };
  put_text("firstName", m.first_name);
  put_text("middleName", m.middle_name);
  put_text("lastName", m.last_name);
  put_text("qualification", m.qualification);
  put_text("mobileNumber", m.mobile_number);
  put_id("age", m.age);
  if (auto v = in.flag("isDependent", false)) m.dependent = *v;
  if (relationship) put_id("relationshipId", m.relationship_id);
  put_id("maritalStatusId", m.marital_status_id);
  put_id("genderId", m.gender_id);
  put_id("professionId", m.profession_id);
  if (auto v = in.date("dateOfBirth", false)) m.date_of_birth = *v;
}

answer create_family_member(state& s, entity_id client_id, const json& body) {
  field_reader in(body, "FamilyMembers");
  if (!in.only(kFamilyMemberParameters)) return in.error();
  family_member m{.client_id = client_id};
  read_fields(in, m, true);
  if (!in.ok()) return in.error();
  if (s.find_client(client_id) == nullptr) return client_not_found(client_id);
  m.id = s.family_member_ids.take();
  s.family_members[m.id] = m;
  return family_result(m.id);
}

// Fineract looks the member up by its id alone: the client in the path is not checked.
answer update_family_member(state& s, entity_id id, const json& body) {
  field_reader in(body, "FamilyMembers");
  if (!in.only(kFamilyMemberParameters)) return in.error();
  auto found = s.family_members.find(id);
  family_member updated = found != s.family_members.end() ? found->second : family_member{};
  read_fields(in, updated, false);
  if (!in.ok()) return in.error();
  if (found == s.family_members.end()) return family_member_not_found(id);
  found->second = updated;
  return family_result(id);
}

answer delete_family_member(state& s, entity_id id) {
  if (s.family_members.erase(id) == 0) return family_member_not_found(id);
  return family_result(id);
}

}  // namespace

std::optional<rest_outcome> route_family_members(state& s, const rest_call& call,
                                                 entity_id client_id,
                                                 const std::vector<std::string>& p) {
  // p: {"clients", "{id}", "familymembers"[, "{familyMemberId}"]}
  if (p.size() == 3) {
    if (call.method == "POST") {
      return run_command(call, "FAMILYMEMBERS", "CREATE", [&](const json& body) {
        return create_family_member(s, client_id, body);
      });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json items = json::array();
    for (const auto& [id, m] : s.family_members) {
      if (m.client_id == client_id) items.push_back(family_member_json(m));
    }
    return read_outcome(std::move(items));
  }
  auto id = parse_id(p[3]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "FAMILYMEMBERS", "UPDATE",
                       [&](const json& body) { return update_family_member(s, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "FAMILYMEMBERS", "DELETE",
                       [&](const json&) { return delete_family_member(s, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto found = s.family_members.find(*id);
  if (found == s.family_members.end()) return read_outcome(family_member_not_found(*id));
  return read_outcome(family_member_json(found->second));
}

}  // namespace mifos::mock::detail
