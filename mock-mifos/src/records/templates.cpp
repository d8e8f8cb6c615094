// templates.cpp: message templates (UGD), /templates, as Fineract's TemplatesApiResource and
// JpaTemplateDomainService keep them. Fineract validates nothing itself: what it refuses comes
// from the database (403 error.msg.data.integrity.issue: a name or text left empty on create, a
// name taken, a template a hook still uses) or from a NullPointerException (500) where a field
// is missing; the mock answers those with 400 validation errors naming the field instead.
//
// Stored rows: {id, name, text, entity (0 client, 1 loan), type (0 Document, 2 SMS; absent for
// any other code, as Fineract stores null), mappers [{mapperorder, mapperkey, mappervalue, id}]}
// sorted by mapperorder (the entity's @OrderBy). Requests name the mapper fields mappersorder,
// mapperskey and mappersvalue.
#include <algorithm>
#include <string>
#include <utility>

#include "records/kinds.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::records {
namespace {

using detail::field_reader;
using detail::value_text;

constexpr std::string_view kCollection = "templates";
constexpr std::string_view kMapperIds = "templatemappers";  // the ids of m_templatemappers

const char* entity_name(std::int64_t code) { return code == 0 ? "client" : "loan"; }

// TemplateType's Gson name; nullptr for the codes Fineract stores as null.
const char* type_name(const json& row) {
  const auto it = row.find("type");
  if (it == row.end()) return nullptr;
  return it->get<std::int64_t>() == 0 ? "Document" : "SMS";
}

api_error data_integrity(std::string message) {
  api_error e;
  e.http_status = 403;
  e.developer_message = "The request caused a data integrity issue to be fired by the database.";
  e.default_user_message = message;
  e.user_message_globalisation_code = "error.msg.data.integrity.issue";
  e.errors.push_back({.developer_message = message,
                      .default_user_message = message,
                      .user_message_globalisation_code = "error.msg.data.integrity.issue",
                      .parameter_name = "id",
                      .value = nullptr});
  return e;
}

api_error template_not_found(entity_id id) {
  return api_error::not_found("error.msg.template.id.invalid",
                              "Template with identifier " + std::to_string(id) + " does not exist",
                              id);
}

// A string parameter as JsonCommand.stringValueOfParameterNamed reads it: "" when absent.
std::string text_param(const json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_object() || it->is_array()) return {};
  return value_text(*it);
}

// Template.fromJson's reading of entity, type and mappers: the row's fields, or the 400 naming
// what is missing or unreadable. New mapper ids are drawn from `db`.
std::variant<json, api_error> read_template(record_db& db, const json& body) {
  field_reader in(body, "template");
  const auto entity = in.whole("entity");
  const auto type = in.whole("type");
  if (entity && *entity > 1) {
    in.fail_rule("entity", "is.not.one.of.expected.enumerations",
                 "The parameter `entity` must be one of [ 0, 1 ] .", *entity);
  }
  json mappers = json::array();
  const json* list = in.find("mappers");
  if (list == nullptr || !list->is_array()) {
    in.fail_rule("mappers", "cannot.be.blank", "The parameter `mappers` is mandatory.");
  } else {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& element = (*list)[i];
      const std::string prefix = "mappers[" + std::to_string(i) + "].";
      static const json kEmpty = json::object();
      field_reader m = in.nested(element.is_object() ? element : kEmpty, prefix);
      const auto order = m.whole("mappersorder");
      const auto key = m.text("mapperskey");
      const auto value = m.text("mappersvalue");
      in.absorb(m);
      if (order && key && value)
        mappers.push_back({{"mapperorder", *order}, {"mapperkey", *key}, {"mappervalue", *value}});
    }
  }
  if (!in.ok()) return in.error();
  // Saved (and so numbered) in the order sent, read back in mapperorder.
  table& ids = db.rows(kMapperIds);
  for (json& m : mappers) m["id"] = ids.next++;
  std::stable_sort(mappers.begin(), mappers.end(), [](const json& a, const json& b) {
    return a["mapperorder"].get<std::int64_t>() < b["mapperorder"].get<std::int64_t>();
  });
  json row = json::object();
  row["name"] = text_param(body, "name");
  row["text"] = text_param(body, "text");
  row["entity"] = *entity;
  if (*type == 0 || *type == 2) row["type"] = *type;
  row["mappers"] = std::move(mappers);
  return row;
}

// The unique key unq_name.
std::optional<api_error> duplicate_name(const record_db& db, entity_id id, const json& row) {
  for (const auto& [other_id, other] : db.rows(kCollection).rows) {
    if (other_id != id && other["name"] == row["name"]) {
      return data_integrity("Duplicate entry '" + row["name"].get<std::string>() +
                            "' for key 'unq_name'");
    }
  }
  return std::nullopt;
}

answer create_template(record_db& db, const json& body) {
  auto read = read_template(db, body);
  if (auto* e = std::get_if<api_error>(&read)) return *e;
  json fields = std::get<json>(std::move(read));
  // new Template(...) turns "" into null, which the NOT NULL columns refuse.
  for (const char* column : {"name", "text"}) {
    if (fields[column] == "")
      return data_integrity(std::string("Column '") + column + "' cannot be null");
  }
  table& t = db.rows(kCollection);
  json row = {{"id", t.next}};
  row.update(fields);
  if (auto e = duplicate_name(db, t.next, row)) return *e;
  t.rows[t.next++] = row;
  return detail::result_fields{.resource_id = row["id"].get<entity_id>()}.to_json();
}

// updateTemplate sets every field again: an absent name or text becomes "".
answer update_template(record_db& db, entity_id id, const json& body) {
  table& t = db.rows(kCollection);
  auto it = t.rows.find(id);
  if (it == t.rows.end()) return template_not_found(id);
  auto read = read_template(db, body);
  if (auto* e = std::get_if<api_error>(&read)) return *e;
  json row = {{"id", id}};
  row.update(std::get<json>(std::move(read)));
  if (auto e = duplicate_name(db, id, row)) return *e;
  it->second = std::move(row);
  return detail::result_fields{.resource_id = id}.to_json();
}

answer delete_template(record_db& db, entity_id id) {
  table& t = db.rows(kCollection);
  auto it = t.rows.find(id);
  if (it == t.rows.end()) return template_not_found(id);
  // m_hook.ugd_template_id references it.
  if (db.template_in_use && db.template_in_use(id)) {
    return data_integrity(
        "Cannot delete or update a parent row: a foreign key constraint fails "
        "(`m_hook`, CONSTRAINT `fk_template_id` FOREIGN KEY (`ugd_template_id`) REFERENCES "
        "`m_template` (`id`))");
  }
  t.rows.erase(it);
  return detail::result_fields{.resource_id = id}.to_json();
}

// TemplateData's entities and types (HashMaps of id and name: "name" iterates first).
json template_data() {
  return {
      {"entities", json::array({{{"name", "client"}, {"id", 0}}, {{"name", "loan"}, {"id", 1}}})},
      {"types", json::array({{{"name", "Document"}, {"id", 0}}, {{"name", "SMS"}, {"id", 2}}})}};
}

// GET ?typeId=&entityId=: both given, each an index into Fineract's enum values (typeId 1 is SMS,
// whose code is 2). An index past the values, a 500 in Fineract, matches nothing here.
bool matches_filter(const rest_call& call, const json& row) {
  const auto type = call.query.find("typeId");
  const auto entity = call.query.find("entityId");
  if (type == call.query.end() || entity == call.query.end()) return true;
  if (type->second == "-1" || entity->second == "-1") return true;
  const std::int64_t type_code = type->second == "0" ? 0 : type->second == "1" ? 2 : -1;
  const std::int64_t entity_code = entity->second == "0" ? 0 : entity->second == "1" ? 1 : -1;
  return row.value("type", std::int64_t{-2}) == type_code && row["entity"] == entity_code;
}

}  // namespace

json template_view(const json& row) {
  json mappers = json::array();
  for (const json& m : row["mappers"]) {
    mappers.push_back({{"mapperorder", m["mapperorder"]},
                       {"mapperkey", m["mapperkey"]},
                       {"mappervalue", m["mappervalue"]},
                       {"id", m["id"]},
                       {"isNew", false}});
  }
  json out = {{"name", row["name"]}, {"entity", entity_name(row["entity"].get<std::int64_t>())}};
  if (const char* type = type_name(row)) out["type"] = type;
  out["text"] = row["text"];
  out["mappers"] = std::move(mappers);
  out["id"] = row["id"];
  out["isNew"] = false;
  return out;
}

std::optional<rest_outcome> route_templates(record_db& db, const rest_call& call,
                                            const segments& p) {
  using detail::read_outcome;
  using detail::run_command;
  const table& t = db.rows(kCollection);
  if (p.size() == 1) {
    if (call.method == "GET") {
      json list = json::array();
      for (const auto& [id, row] : t.rows)
        if (matches_filter(call, row)) list.push_back(template_view(row));
      return read_outcome(list);
    }
    if (call.method == "POST") {
      return run_command(call, "TEMPLATE", "CREATE",
                         [&](const json& body) { return create_template(db, body); });
    }
    return detail::method_not_allowed(call);
  }
  if (p.size() == 2 && p[1] == "template") {
    if (call.method != "GET") return detail::method_not_allowed(call);
    return read_outcome(template_data());
  }
  const auto id = detail::parse_id(p[1]);
  if (!id) return std::nullopt;
  if (p.size() == 3 && p[2] == "template") {
    if (call.method != "GET") return detail::method_not_allowed(call);
    auto it = t.rows.find(*id);
    if (it == t.rows.end()) return read_outcome(template_not_found(*id));
    json data = template_data();
    data["template"] = template_view(it->second);
    return read_outcome(data);
  }
  if (p.size() != 2) return std::nullopt;
  if (call.method == "GET") {
    auto it = t.rows.find(*id);
    if (it == t.rows.end()) return read_outcome(template_not_found(*id));
    return read_outcome(template_view(it->second));
  }
  if (call.method == "PUT") {
    return run_command(call, "TEMPLATE", "UPDATE",
                       [&](const json& body) { return update_template(db, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "TEMPLATE", "DELETE",
                       [&](const json&) { return delete_template(db, *id); });
  }
  return detail::method_not_allowed(call);
}

}  // namespace mifos::mock::records
