// maker_checker.cpp: who must wait for a checker, and the queue of waiting commands.
#include "server/maker_checker.hpp"

#include <chrono>
#include <ctime>

#include "portfolio/routing.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

std::string iso_date(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// The first id in the path ("/clients/5?command=close" -> 5), as Fineract's command wrapper
// takes the entity id from the URL; none for a create.
std::optional<std::int64_t> id_in_path(const std::string& path) {
  for (const auto& segment : detail::split_path(path))
    if (auto id = detail::parse_id(segment)) return id;
  return std::nullopt;
}

bool matches(const rest_call& filter, const char* key, const std::string& value) {
  auto it = filter.query.find(key);
  return it == filter.query.end() || it->second.empty() || it->second == value;
}

}  // namespace

bool maker_checker_enabled(const records::record_db& db) {
  const auto& rows = db.rows("configurations").rows;
  auto it = rows.find(1);
  return it != rows.end() && it->second.value("enabled", false);
}

namespace {

// The permissions `user`'s enabled roles grant; nullopt for a user the records do not know.
std::optional<json> granted_to(const records::record_db& db, const api_user& user) {
  const json* row = nullptr;
  for (const auto& [id, r] : db.rows("users").rows)
    if (r.value("username", "") == user.username) row = &r;
  if (row == nullptr) return std::nullopt;
  json granted = json::object();
  const auto& roles = db.rows("roles").rows;
  const json role_ids = row->value("roles", json::array());
  for (const auto& role_id : role_ids) {
    const auto id = role_id.is_string() ? detail::parse_id(role_id.get<std::string>())
                                        : std::optional<std::int64_t>(role_id.get<std::int64_t>());
    if (!id) continue;
    auto role = roles.find(*id);
    if (role == roles.end() || role->second.value("disabled", false)) continue;
    const json permissions = role->second.value("permissions", json::object());
    for (const auto& [code, on] : permissions.items())
      if (on.is_boolean() && on.get<bool>()) granted[code] = true;
  }
  return granted;
}

}  // namespace

bool is_checker_super_user(const records::record_db& db, const api_user& user) {
  const auto granted = granted_to(db, user);
  return !granted || granted->value("ALL_FUNCTIONS", false) ||
         granted->value("CHECKER_SUPER_USER", false);
}

bool has_permission(const records::record_db& db, const api_user& user, const std::string& code) {
  const auto granted = granted_to(db, user);
  return !granted || granted->value("ALL_FUNCTIONS", false) || granted->value(code, false);
}

std::string permission_of(const command_event& e) { return e.action + "_" + e.entity; }

bool must_wait(const records::record_db& db, const api_user& maker, const command_event& e) {
  if (e.failed() || !maker_checker_enabled(db)) return false;
  auto flag = db.maker_checker.find(permission_of(e));
  if (flag == db.maker_checker.end() || !flag->second) return false;
  return !is_checker_super_user(db, maker);
}

json maker_checker_queue::park(const rest_call& call, const command_event& e) {
  parked_command p;
  p.id = next_++;
  p.call = call;
  p.entity = e.entity;
  p.action = e.action;
  p.resource_id = id_in_path(call.path);
  json reply = {{"commandId", p.id}};
  if (p.resource_id) reply["resourceId"] = *p.resource_id;
  reply["rollbackTransaction"] = true;
  entries_.emplace(p.id, std::move(p));
  return reply;
}

parked_command* maker_checker_queue::find(std::int64_t id) {
  auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : &it->second;
}

json maker_checker_queue::list(const rest_call& filter) const {
  auto include = filter.query.find("includeJson");
  const bool with_json = include != filter.query.end() && include->second == "true";
  json out = json::array();
  for (const auto& [id, p] : entries_) {
    if (p.status != "awaiting.approval") continue;
    if (!matches(filter, "actionName", p.action) || !matches(filter, "entityName", p.entity) ||
        !matches(filter, "resourceId", p.resource_id ? std::to_string(*p.resource_id) : ""))
      continue;
    json entry = {{"id", id}, {"actionName", p.action}, {"entityName", p.entity}};
    if (p.resource_id) entry["resourceId"] = *p.resource_id;
    entry["maker"] = p.call.user.username;
    entry["madeOnDate"] = iso_date(p.call.now);
    entry["processingResult"] = "Awaiting Approval";
    entry["url"] = p.call.path;
    if (with_json) entry["commandAsJson"] = p.call.body.is_null() ? "{}" : p.call.body.dump();
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace mifos::mock
