// authorisation.cpp: users (USER CREATE/UPDATE/DELETE), roles (ROLE CREATE/UPDATE/DELETE,
// ?command=enable|disable, PUT /roles/{id}/permissions) and the password policy
// (PASSWORD_PREFERENCES UPDATE), with Fineract's rules: unique usernames and role names, a user's
// office and roles must exist, a role given to a user cannot be deleted or disabled.
#include <mifos/hooks/catalog.hpp>
#include <string>

#include "records/kinds.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::records {
namespace {

// A JSON array of ids as Fineract reads `roles` (numbers or numeric strings).
std::vector<entity_id> id_list(const json& value) {
  std::vector<entity_id> out;
  if (!value.is_array()) return out;
  for (const json& v : value) {
    if (v.is_number_integer()) out.push_back(v.get<entity_id>());
    if (v.is_string()) {
      try {
        out.push_back(std::stoll(v.get<std::string>()));
      } catch (const std::exception&) {
      }
    }
  }
  return out;
}

bool has_role(const json& user, entity_id role_id) {
  for (entity_id id : id_list(user.value("roles", json::array())))
    if (id == role_id) return true;
  return false;
}

std::optional<api_error> user_links_exist(const record_db& db, const json& row) {
  const entity_id office_id = row["officeId"].get<entity_id>();
  if (!db.office_exists(office_id)) {
    return api_error::not_found(
        "error.msg.office.id.invalid",
        "Office with identifier " + std::to_string(office_id) + " does not exist", office_id);
  }
  const auto roles = id_list(row.value("roles", json::array()));
  if (roles.empty()) {
    return api_error::validation(
        "roles", "The parameter `roles` cannot be empty. You must select at least one.",
        "validation.msg.user.roles.cannot.be.empty");
  }
  for (entity_id id : roles) {
    if (!db.rows("roles").rows.count(id)) return not_found(roles_kind(), id);
  }
  return std::nullopt;
}

json user_view(const record_db& db, const json& row) {
  json roles = json::array();
  for (entity_id id : id_list(row.value("roles", json::array()))) {
    auto it = db.rows("roles").rows.find(id);
    if (it != db.rows("roles").rows.end()) roles.push_back(it->second);
  }
  json j = {{"id", row["id"]},
            {"username", row["username"]},
            {"officeId", row["officeId"]},
            {"firstname", row.value("firstname", "")},
            {"lastname", row.value("lastname", "")}};
  if (row.contains("email")) j["email"] = row["email"];
  j["passwordNeverExpires"] = row.value("passwordNeverExpires", false);
  j["selectedRoles"] = std::move(roles);
  j["isSelfServiceUser"] = row.value("isSelfServiceUser", false);
  return j;
}

std::optional<api_error> role_unused(const record_db& db, const json& role, const char* code) {
  const entity_id id = role["id"].get<entity_id>();
  for (const auto& [user_id, user] : db.rows("users").rows) {
    if (has_role(user, id)) {
      return api_error::domain_rule(
          code, "Role with identifier " + std::to_string(id) + " associated with users");
    }
  }
  return std::nullopt;
}

json role_view(const record_db&, const json& row) {
  return {{"id", row["id"]},
          {"name", row["name"]},
          {"description", row.value("description", "")},
          {"disabled", row.value("disabled", false)}};
}

answer set_role_disabled(record_db& db, json& row, bool disabled) {
  if (disabled) {
    if (auto e = role_unused(db, row, "error.msg.role.associated.with.users.disabled")) return *e;
  }
  row["disabled"] = disabled;
  return detail::result_fields{.resource_id = row["id"].get<entity_id>()}.to_json();
}

// Codes a role may be granted: every catalog pair's ACTION_ENTITY, its _CHECKER twin, the READ_
// codes and the special ones (Fineract's m_permission). The mock knows the first from the
// catalog and accepts any READ_ code.
bool known_permission(std::string_view code) {
  if (code == "ALL_FUNCTIONS" || code == "ALL_FUNCTIONS_READ" || code == "CHECKER_SUPER_USER")
    return true;
  if (code.rfind("READ_", 0) == 0) return true;
  constexpr std::string_view kChecker = "_CHECKER";
  if (code.size() > kChecker.size() && code.substr(code.size() - kChecker.size()) == kChecker)
    code.remove_suffix(kChecker.size());
  const auto underscore = code.find('_');
  if (underscore == std::string_view::npos) return false;
  return hooks::find_in_catalog(code.substr(underscore + 1), code.substr(0, underscore)) != nullptr;
}

answer update_role_permissions(record_db& db, entity_id id, const json& body) {
  const record_kind kind{.collection = "roles",
                         .resource = "permission",
                         .fields = {{"permissions", field_type::any, true}}};
  if (auto e = unsupported_parameters(body, kind)) return *e;
  auto& rows = db.rows("roles").rows;
  auto role = rows.find(id);
  if (role == rows.end()) return not_found(roles_kind(), id);
  const json permissions = body.value("permissions", json());
  if (!permissions.is_object()) {
    return api_error::validation("permissions", "The parameter `permissions` is mandatory.",
                                 "validation.msg.permission.permissions.cannot.be.blank");
  }
  json& granted = role->second["permissions"];
  if (!granted.is_object()) granted = json::object();
  json changed = json::object();
  for (const auto& [code, value] : permissions.items()) {
    if (!known_permission(code)) {
      return api_error::not_found("error.msg.permission.code.invalid",
                                  "Permission with Code " + code + " does not exist", 0);
    }
    const bool on = value.is_boolean() ? value.get<bool>() : detail::value_text(value) == "true";
    if (granted.value(code, false) != on) changed[code] = on;
  }
  for (const auto& [code, on] : changed.items()) granted[code] = on;
  json changes = json::object();
  if (!changed.empty()) changes["permissions"] = changed;
  return detail::result_fields{.resource_id = id, .changes = changes}.to_json();
}

json role_permissions_view(const json& role) {
  json list = json::array();
  if (role.contains("permissions")) {
    for (const auto& [code, on] : role["permissions"].items()) {
      list.push_back({{"code", code}, {"selected", on}});
    }
  }
  return {{"id", role["id"]},
          {"name", role["name"]},
          {"description", role.value("description", "")},
          {"disabled", role.value("disabled", false)},
          {"permissionUsageData", list}};
}

json policy_view(const record_db&, const json& row) {
  const bool secure = row.value("validationPolicyId", 1) == 2;
  return {{"id", row["validationPolicyId"]},
          {"description", secure ? "Password must be at least 6 characters, no more than 50 "
                                   "characters long, must include at least one upper case letter, "
                                   "one lower case letter, one numeric digit and no space"
                                 : "Password size at least 6 characters"},
          {"active", true},
          {"key", secure ? "secure" : "simple"}};
}

std::optional<api_error> policy_exists(const record_db&, const json& row) {
  const entity_id id = row["validationPolicyId"].get<entity_id>();
  if (id == 1 || id == 2) return std::nullopt;
  return api_error::not_found(
      "error.msg.password.validation.policy.id.invalid",
      "Password validation policy with identifier " + std::to_string(id) + " does not exist", id);
}

}  // namespace

const record_kind& users_kind() {
  static const record_kind k{.collection = "users",
                             .entity = "USER",
                             .resource = "user",
                             .not_found_code = "error.msg.user.id.invalid",
                             .not_found_text = "User with ID {} does not exist",
                             .fields = {{"username", field_type::text, true},
                                        {"firstname", field_type::text, true},
                                        {"lastname", field_type::text, true},
                                        {"officeId", field_type::id, true},
                                        {"roles", field_type::any, true},
                                        {"email"},
                                        {"password"},
                                        {"sendPasswordToEmail", field_type::flag},
                                        {"staffId", field_type::id},
                                        {"passwordNeverExpires", field_type::flag},
                                        {"isSelfServiceUser", field_type::flag},
                                        {"clients", field_type::any},
                                        {"notSelectedRoles", field_type::any}},
                             .also_allowed = {"repeatPassword"},
                             .unique = "username",
                             .duplicate_code = "error.msg.user.duplicate.username",
                             .duplicate_text = "User with username {} already exists.",
                             .office_in_result = true,
                             .validate = &user_links_exist,
                             .view = &user_view,
                             .seed = {{{"id", 1},
                                       {"username", "mifos"},
                                       {"firstname", "App"},
                                       {"lastname", "Administrator"},
                                       {"officeId", 1},
                                       {"roles", {1}},
                                       {"email", "demomfi@mifos.org"},
                                       {"passwordNeverExpires", true}}}};
  return k;
}

const record_kind& roles_kind() {
  static const record_kind k{
      .collection = "roles",
      .entity = "ROLE",
      .resource = "role",
      .not_found_code = "error.msg.role.id.invalid",
      .not_found_text = "Role with identifier {} does not exist",
      .fields = {{"name", field_type::text, true}, {"description", field_type::text, true}},
      .unique = "name",
      .duplicate_code = "error.msg.role.duplicate.name",
      .duplicate_text = "Role with name `{}` already exists",
      .may_delete =
          [](const record_db& db, const json& row) {
            return role_unused(db, row, "error.msg.role.associated.with.users.deleted");
          },
      .view = &role_view,
      .commands = {{"enable", "ENABLE",
                    [](record_db& db, json& row) { return set_role_disabled(db, row, false); }},
                   {"disable", "DISABLE",
                    [](record_db& db, json& row) { return set_role_disabled(db, row, true); }}},
      .seed = {{{"id", 1},
                {"name", "Super user"},
                {"description", "This role provides all application permissions."},
                {"disabled", false},
                {"permissions", {{"ALL_FUNCTIONS", true}}}}}};
  return k;
}

const record_kind& password_preferences_kind() {
  static const record_kind k{.collection = "passwordpreferences",
                             .entity = "PASSWORD_PREFERENCES",
                             .resource = "passwordpreferences",
                             .fields = {{"validationPolicyId", field_type::id, true}},
                             .creates = false,
                             .deletes = false,
                             .result_without_id = true,
                             .singleton = 1,
                             .validate = &policy_exists,
                             .view = &policy_view,
                             .seed = {{{"id", 1}, {"validationPolicyId", 1}}}};
  return k;
}

std::optional<rest_outcome> route_role_permissions(record_db& db, const rest_call& call,
                                                   const segments& p) {
  const auto id = detail::parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "GET") {
    const auto& rows = db.rows("roles").rows;
    auto it = rows.find(*id);
    return detail::read_outcome(it == rows.end() ? answer(not_found(roles_kind(), *id))
                                                 : answer(role_permissions_view(it->second)));
  }
  if (call.method != "PUT") return detail::method_not_allowed(call);
  return detail::run_command(call, "ROLE", "PERMISSIONS", [&](const json& body) {
    return update_role_permissions(db, *id, body);
  });
}

}  // namespace mifos::mock::records
