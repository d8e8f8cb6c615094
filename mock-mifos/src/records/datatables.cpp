// datatables.cpp: datatables (DATATABLE CREATE/UPDATE/DELETE, POST
// /datatables/register/{datatable}/{apptable}; deregister runs without a command) and the checks
// that require one before an entity changes status (ENTITY_DATATABLE_CHECK CREATE/DELETE). The
// mock keeps a datatable's declaration only: no rows, no SQL.
#include <algorithm>
#include <array>
#include <string>

#include "records/kinds.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::records {
namespace {

using detail::result_fields;

// The application tables Fineract lets a datatable extend.
constexpr std::array<std::string_view, 8> kAppTables = {
    "m_client",          "m_group",  "m_center",       "m_loan",
    "m_savings_account", "m_office", "m_product_loan", "m_savings_product"};

bool is_app_table(std::string_view name) {
  return std::find(kAppTables.begin(), kAppTables.end(), name) != kAppTables.end();
}

api_error datatable_not_found(const std::string&) {
  api_error e = api_error::unknown_resource();
  e.errors.push_back({"Datatable not found.", "Datatable not found.",
                      "error.msg.datatable.not.found", "id", nullptr});
  return e;
}

api_error already_registered(const std::string& name) {
  return api_error::domain_rule(
      "error.msg.datatable.entry.duplicate",
      "Datatable `" + name + "` is already registered against an application table.");
}

std::optional<api_error> check_app_table(detail::field_reader& in, const std::string& app_table) {
  if (is_app_table(app_table)) return std::nullopt;
  in.fail_rule("apptableName", "is.not.one.of.expected.enumerations",
               "The parameter `apptableName` must be one of [ m_client, m_group, m_center, "
               "m_loan, m_savings_account, m_office, m_product_loan, m_savings_product ] .",
               app_table);
  return in.error();
}

answer create_datatable(record_db& db, const json& body) {
  const record_kind kind{.resource = "datatable",
                         .fields = {{"datatableName"},
                                    {"apptableName"},
                                    {"entitySubType"},
                                    {"multiRow", field_type::flag},
                                    {"columns", field_type::any}}};
  if (auto e = unsupported_parameters(body, kind)) return *e;
  detail::field_reader in(body, "datatable");
  auto name = in.text("datatableName");
  auto app_table = in.text("apptableName");
  auto multi_row = in.flag("multiRow", false);
  if (!body.contains("columns") || !body["columns"].is_array() || body["columns"].empty()) {
    in.fail_rule("columns", "cannot.be.blank", "The parameter `columns` is mandatory.");
  }
  if (!in.ok()) return in.error();
  if (auto e = check_app_table(in, *app_table)) return *e;
  if (db.datatables.count(*name)) return already_registered(*name);
  json table = {{"applicationTableName", *app_table},
                {"registeredTableName", *name},
                {"multiRow", multi_row.value_or(false)},
                {"columns", body["columns"]}};
  if (body.contains("entitySubType")) table["entitySubType"] = body["entitySubType"];
  db.datatables[*name] = table;
  return result_fields{.resource_identifier = *name}.to_json();
}

answer update_datatable(record_db& db, const std::string& name, const json& body) {
  const record_kind kind{.resource = "datatable",
                         .fields = {{"apptableName"},
                                    {"entitySubType"},
                                    {"changeColumns", field_type::any},
                                    {"addColumns", field_type::any},
                                    {"dropColumns", field_type::any}}};
  if (auto e = unsupported_parameters(body, kind)) return *e;
  auto it = db.datatables.find(name);
  if (it == db.datatables.end()) return datatable_not_found(name);
  detail::field_reader in(body, "datatable");
  if (auto app_table = in.text("apptableName", false)) {
    if (auto e = check_app_table(in, *app_table)) return *e;
    it->second["applicationTableName"] = *app_table;
  }
  if (!in.ok()) return in.error();
  json& columns = it->second["columns"];
  if (body.contains("addColumns") && body["addColumns"].is_array()) {
    for (const json& c : body["addColumns"]) columns.push_back(c);
  }
  if (body.contains("dropColumns") && body["dropColumns"].is_array()) {
    for (const json& drop : body["dropColumns"]) {
      const json dropped = drop.value("name", json());
      json kept = json::array();
      for (const json& c : columns)
        if (c.value("name", json()) != dropped) kept.push_back(c);
      columns = kept;
    }
  }
  return result_fields{.resource_identifier = name}.to_json();
}

json datatable_view(const json& t) {
  json j = {{"applicationTableName", t["applicationTableName"]},
            {"registeredTableName", t["registeredTableName"]}};
  if (t.contains("entitySubType")) j["entitySubType"] = t["entitySubType"];
  json headers = json::array();
  headers.push_back({{"columnName", "id"},
                     {"columnType", "BIGINT"},
                     {"isColumnNullable", false},
                     {"isColumnPrimaryKey", true}});
  for (const json& c : t.value("columns", json::array())) {
    headers.push_back({{"columnName", c.value("name", "")},
                       {"columnType", c.value("type", "String")},
                       {"isColumnNullable", !c.value("mandatory", false)},
                       {"isColumnPrimaryKey", false}});
  }
  j["columnHeaderData"] = headers;
  return j;
}

std::optional<api_error> datatable_registered(const record_db& db, const json& row) {
  const std::string name = row["datatableName"].get<std::string>();
  if (!db.datatables.count(name)) return datatable_not_found(name);
  return std::nullopt;
}

json check_view(const record_db&, const json& row) {
  json j = {{"id", row["id"]},
            {"entity", row["entity"]},
            {"status", row["status"]},
            {"datatableName", row["datatableName"]},
            {"systemDefined", row.value("systemDefined", false)}};
  if (row.contains("productId")) j["productId"] = row["productId"];
  return j;
}

}  // namespace

std::optional<rest_outcome> route_datatables(record_db& db, const rest_call& call,
                                             const segments& p) {
  if (p.size() == 1) {
    if (call.method == "POST") {
      return detail::run_command(call, "DATATABLE", "CREATE",
                                 [&](const json& body) { return create_datatable(db, body); });
    }
    if (call.method != "GET") return detail::method_not_allowed(call);
    json list = json::array();
    for (const auto& [name, t] : db.datatables) list.push_back(datatable_view(t));
    return detail::read_outcome(list);
  }
  if (p.size() == 4 && p[1] == "register") {
    if (call.method != "POST") return detail::method_not_allowed(call);
    return detail::run_command(call, "DATATABLE", "REGISTER", [&](const json&) -> answer {
      if (!is_app_table(p[3])) {
        detail::field_reader in(json::object(), "datatable");
        return *check_app_table(in, p[3]);
      }
      if (db.datatables.count(p[2])) return already_registered(p[2]);
      db.datatables[p[2]] = {{"applicationTableName", p[3]},
                             {"registeredTableName", p[2]},
                             {"multiRow", false},
                             {"columns", json::array()}};
      return result_fields{.resource_identifier = p[2]}.to_json();
    });
  }
  if (p.size() == 3 && p[1] == "deregister") {
    // Not a command in Fineract (DatatablesApiResource calls the service directly): no hook.
    if (call.method != "POST") return detail::method_not_allowed(call);
    if (!db.datatables.erase(p[2])) return detail::read_outcome(datatable_not_found(p[2]));
    return detail::read_outcome(result_fields{.resource_identifier = p[2]}.to_json());
  }
  if (p.size() != 2) return std::nullopt;  // datatable entries are not modelled
  const std::string& name = p[1];
  if (call.method == "GET") {
    auto it = db.datatables.find(name);
    return detail::read_outcome(it == db.datatables.end() ? answer(datatable_not_found(name))
                                                          : answer(datatable_view(it->second)));
  }
  if (call.method == "PUT") {
    return detail::run_command(call, "DATATABLE", "UPDATE",
                               [&](const json& body) { return update_datatable(db, name, body); });
  }
  if (call.method == "DELETE") {
    return detail::run_command(call, "DATATABLE", "DELETE", [&](const json&) -> answer {
      if (!db.datatables.count(name)) return datatable_not_found(name);
      db.datatables.erase(name);
      return result_fields{.resource_identifier = name}.to_json();
    });
  }
  return detail::method_not_allowed(call);
}

const record_kind& entity_datatable_checks_kind() {
  static const record_kind k{
      .collection = "entityDatatableChecks",
      .entity = "ENTITY_DATATABLE_CHECK",
      .resource = "entityDatatableChecks",
      .not_found_code = "error.msg.entity.datatable.check.not.found",
      .not_found_text = "Entity datatable check with identifier {} does not exist",
      .fields = {{"entity", field_type::text, true},
                 {"status", field_type::whole, true},
                 {"datatableName", field_type::text, true},
                 {"productId", field_type::id},
                 {"systemDefined", field_type::flag}},
      .updates = false,
      .validate = &datatable_registered,
      .view = &check_view};
  return k;
}

std::optional<rest_outcome> route_entity_datatable_checks(record_db& db, const rest_call& call,
                                                          const segments& p) {
  const record_kind& k = entity_datatable_checks_kind();
  if (p.size() == 1 && call.method == "GET") {
    // A page, as Fineract's search answers it.
    json list = json::array();
    for (const auto& [id, row] : db.rows(k.collection).rows) list.push_back(check_view(db, row));
    return detail::read_outcome(detail::page(call, list));
  }
  return route_kind(db, k, call, p);
}

}  // namespace mifos::mock::records
