// configuration.cpp: global configurations (CONFIGURATION UPDATE: PUT /configurations/{id} or
// /configurations/name/{name}; maker-checker is id 1, seeded disabled), maker-checker
// permissions (PERMISSION UPDATE: PUT /permissions {"permissions":{"CREATE_CLIENT":true}}) and
// the organisation's currencies (CURRENCY UPDATE: PUT /currencies {"currencies":["USD"]}).
#include <algorithm>
#include <mifos/hooks/catalog.hpp>
#include <set>
#include <string>

#include "portfolio/handlers.hpp"
#include "records/kinds.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::records {
namespace {

json config_row(int id, const char* name, bool enabled, std::optional<int> value = {}) {
  json row = {{"id", id}, {"name", name}, {"enabled", enabled}};
  if (value) row["value"] = *value;
  return row;
}

std::optional<api_error> not_trap_door(const record_db&, const json& row) {
  if (!row.value("trapDoor", false)) return std::nullopt;
  return api_error::domain_rule("error.msg.configuration.id.not.modifiable",
                                "Configuration identifier `" +
                                    std::to_string(row["id"].get<entity_id>()) +
                                    "` cannot be modified");
}

json config_view(const record_db&, const json& row) {
  json j = {{"name", row["name"]}, {"enabled", row["enabled"]}};
  if (row.contains("value")) j["value"] = row["value"];
  if (row.contains("dateValue")) j["dateValue"] = row["dateValue"];
  if (row.contains("stringValue")) j["stringValue"] = row["stringValue"];
  j["id"] = row["id"];
  j["trapDoor"] = row.value("trapDoor", false);
  return j;
}

// The pair behind a permission code ("CREATE_CLIENT" -> CLIENT CREATE), if the catalog has it.
bool is_command_permission(std::string_view code) {
  const auto underscore = code.find('_');
  if (underscore == std::string_view::npos) return false;
  return hooks::find_in_catalog(code.substr(underscore + 1), code.substr(0, underscore)) != nullptr;
}

answer update_maker_checker(record_db& db, const json& body) {
  const record_kind kind{.resource = "permission",
                         .fields = {{"permissions", field_type::any, true}}};
  if (auto e = unsupported_parameters(body, kind)) return *e;
  const json permissions = body.value("permissions", json());
  if (!permissions.is_object()) {
    return api_error::validation("permissions", "The parameter `permissions` is mandatory.",
                                 "validation.msg.permission.permissions.cannot.be.blank");
  }
  json changed = json::object();
  for (const auto& [code, value] : permissions.items()) {
    // Fineract refuses the _CHECKER codes, READ_ codes and the special ones; the mock knows the
    // command codes from the catalog.
    const bool checker = code.size() > 8 && code.substr(code.size() - 8) == "_CHECKER";
    if (checker || code.rfind("READ_", 0) == 0 || !is_command_permission(code)) {
      api_error e = api_error::unknown_resource();
      const std::string message = "Permission with Code " + code + " does not exist";
      e.errors.push_back({message, message, "error.msg.permission.code.invalid", "id", code});
      return e;
    }
    const bool on = value.is_boolean() ? value.get<bool>() : detail::value_text(value) == "true";
    auto it = db.maker_checker.find(code);
    if ((it != db.maker_checker.end() && it->second) != on) changed[code] = on;
  }
  for (const auto& [code, on] : changed.items()) db.maker_checker[code] = on.get<bool>();
  json changes = json::object();
  if (!changed.empty()) changes["permissions"] = changed;
  return detail::result_fields{.changes = changes}.to_json();
}

answer update_currencies(record_db& db, const json& body) {
  const record_kind kind{.resource = "currencies",
                         .fields = {{"currencies", field_type::any, true}}};
  if (auto e = unsupported_parameters(body, kind)) return *e;
  const json currencies = body.value("currencies", json());
  if (!currencies.is_array() || currencies.empty()) {
    return api_error::validation("currencies", "The parameter `currencies` cannot be empty.",
                                 "validation.msg.currencies.currencies.cannot.be.empty");
  }
  std::set<std::string> codes;
  for (const json& c : currencies) {
    const std::string code = detail::value_text(c);
    const bool iso = code.size() == 3 && std::all_of(code.begin(), code.end(), [](char ch) {
                       return ch >= 'A' && ch <= 'Z';
                     });
    if (!iso) {
      api_error e = api_error::unknown_resource();
      const std::string message = "Currency with identifier " + code + " does not exist";
      e.errors.push_back({message, message, "error.msg.currency.currencyCode.invalid", "id", code});
      return e;
    }
    codes.insert(code);
  }
  db.currencies = codes;
  json changes = {{"currencies", json::array()}};
  for (const auto& code : codes) changes["currencies"].push_back(code);
  return detail::result_fields{.changes = changes}.to_json();
}

}  // namespace

const record_kind& configurations_kind() {
  static const record_kind k{
      .collection = "configurations",
      .entity = "CONFIGURATION",
      .resource = "globalConfiguration",
      .not_found_code = "error.msg.configuration.id.invalid",
      .not_found_text = "Configuration identifier `{}` does not exist",
      .fields = {{"enabled", field_type::flag},
                 {"value", field_type::whole},
                 {"dateValue", field_type::date},
                 {"stringValue"}},
      .also_allowed = {"locale", "dateFormat"},
      .creates = false,
      .deletes = false,
      .may_change = &not_trap_door,
      .view = &config_view,
      // Fineract's 0002_initial_data.xml, the first rows.
      .seed = {config_row(1, "maker-checker", false), config_row(4, "amazon-S3", false),
               config_row(5, "reschedule-future-repayments", true),
               config_row(6, "reschedule-repayments-on-holidays", false),
               config_row(7, "allow-transactions-on-holiday", false),
               config_row(8, "allow-transactions-on-non_workingday", false),
               config_row(9, "constraint_approach_for_datatables", false),
               config_row(10, "penalty-wait-period", true, 2),
               config_row(11, "force-password-reset-days", false, 0),
               config_row(12, "grace-on-penalty-posting", true, 0),
               config_row(16, "financial-year-beginning-month", true, 1),
               config_row(17, "min-clients-in-group", false, 5),
               config_row(18, "max-clients-in-group", false, 5)}};
  return k;
}

std::optional<rest_outcome> route_configurations(record_db& db, const rest_call& call,
                                                 const segments& p) {
  const record_kind& k = configurations_kind();
  if (p.size() == 1 && call.method == "GET") {
    json list = json::array();
    for (const auto& [id, row] : db.rows(k.collection).rows) list.push_back(config_view(db, row));
    return detail::read_outcome(json{{"globalConfiguration", list}});
  }
  if (p.size() == 3 && p[1] == "name") {
    entity_id id = 0;
    for (const auto& [row_id, row] : db.rows(k.collection).rows)
      if (row["name"] == p[2]) id = row_id;
    if (id == 0) {
      api_error e = api_error::unknown_resource();
      const std::string message = "Configuration property `" + p[2] + "` does not exist";
      e.errors.push_back(
          {message, message, "error.msg.configuration.property.invalid", "id", p[2]});
      if (call.method == "GET") return detail::read_outcome(e);
      if (call.method != "PUT") return detail::method_not_allowed(call);
      return detail::run_command(call, k.entity, "UPDATE", [&](const json&) { return e; });
    }
    return route_kind(db, k, call, {p[0], std::to_string(id)});
  }
  return route_kind(db, k, call, p);
}

std::optional<rest_outcome> route_permissions(record_db& db, const rest_call& call,
                                              const segments& p) {
  if (p.size() != 1) return std::nullopt;
  if (call.method == "PUT") {
    return detail::run_command(call, "PERMISSION", "UPDATE",
                               [&](const json& body) { return update_maker_checker(db, body); });
  }
  if (call.method != "GET") return detail::method_not_allowed(call);
  // ?makerCheckerable=true: the command permissions with `selected` = needs a checker.
  auto flag = call.query.find("makerCheckerable");
  const bool maker_checker = flag != call.query.end() && flag->second == "true";
  json list = json::array();
  for (const auto& entry : hooks::catalog()) {
    const std::string code = std::string(entry.action) + "_" + std::string(entry.entity);
    auto it = db.maker_checker.find(code);
    list.push_back({{"grouping", entry.grouping},
                    {"code", code},
                    {"entityName", entry.entity},
                    {"actionName", entry.action},
                    {"selected", maker_checker && it != db.maker_checker.end() && it->second}});
  }
  return detail::read_outcome(list);
}

std::optional<rest_outcome> route_currencies(record_db& db, const rest_call& call,
                                             const segments& p) {
  if (p.size() != 1) return std::nullopt;
  if (call.method == "PUT") {
    return detail::run_command(call, "CURRENCY", "UPDATE",
                               [&](const json& body) { return update_currencies(db, body); });
  }
  if (call.method != "GET") return detail::method_not_allowed(call);
  json selected = json::array();
  for (const auto& code : db.currencies) selected.push_back(detail::currency_json(code));
  json options = json::array();
  for (const char* code : {"EUR", "GBP", "KES", "UGX", "USD", "XOF"})
    options.push_back(detail::currency_json(code));
  return detail::read_outcome(
      json{{"selectedCurrencyOptions", selected}, {"currencyOptions", options}});
}

}  // namespace mifos::mock::records
