// crud.cpp: the generic engine for record kinds (crud.hpp), in Fineract's validation order.
#include "records/crud.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "request/json_read.hpp"

namespace mifos::mock::records {
namespace {

using detail::field_reader;
using detail::result_fields;

bool allowed(const record_kind& k, std::string_view key) {
  return std::any_of(k.fields.begin(), k.fields.end(),
                     [&](const field& f) { return f.name == key; }) ||
         std::find(k.also_allowed.begin(), k.also_allowed.end(), key) != k.also_allowed.end();
}

// Fineract compares ?command= trimmed and ignoring case (CommandParameterUtil.is).
bool command_is(std::string_view sent, std::string_view name) {
  while (!sent.empty() && sent.front() == ' ') sent.remove_prefix(1);
  while (!sent.empty() && sent.back() == ' ') sent.remove_suffix(1);
  return std::equal(sent.begin(), sent.end(), name.begin(), name.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

bool present(const json& body, std::string_view name) {
  if (!body.is_object()) return false;
  auto it = body.find(name);
  return it != body.end() && !it->is_null();
}

// Reads the declared fields the body carries (and, on create, the mandatory ones) into `values`;
// `sent` keeps dates as sent, for `changes`. Errors are collected as DataValidatorBuilder does.
std::optional<api_error> read_fields(const record_kind& k, const json& body, bool creating,
                                     json& values, json& sent) {
  field_reader in(body, std::string(k.resource));
  for (const field& f : k.fields) {
    const bool here = present(body, f.name);
    if (!here && !(creating && f.mandatory)) continue;
    const bool required = f.mandatory;
    const std::string name(f.name);
    switch (f.type) {
      case field_type::text:
        if (auto v = in.text(f.name, required)) {
          values[name] = *v;
        } else if (here && !required && !body[name].is_object() && !body[name].is_array()) {
          values[name] = "";  // an optional text may be blanked
        }
        break;
      case field_type::id:
        if (auto v = in.id(f.name, required)) values[name] = *v;
        break;
      case field_type::whole:
        if (auto v = in.whole(f.name, required)) values[name] = *v;
        break;
      case field_type::decimal:
        if (auto v = in.decimal(f.name, required)) values[name] = *v;
        break;
      case field_type::flag:
        if (auto v = in.flag(f.name, required)) values[name] = *v;
        break;
      case field_type::date:
        if (auto v = in.date(f.name, required)) {
          values[name] = detail::date_json(*v);
          sent[name] = body[name];
        }
        break;
      case field_type::any:
        if (here) {
          values[name] = body[name];
        } else {
          in.fail_rule(f.name, "cannot.be.blank", "The parameter `" + name + "` is mandatory.");
        }
        break;
    }
  }
  if (!in.ok()) return in.error();
  return std::nullopt;
}

std::optional<api_error> check_unique(const record_db& db, const record_kind& k, const json& row) {
  if (k.unique.empty() || !row.contains(k.unique)) return std::nullopt;
  const json& value = row[std::string(k.unique)];
  for (const auto& [id, other] : db.rows(k.collection).rows) {
    if (id == row["id"].get<entity_id>()) continue;
    auto it = other.find(k.unique);
    if (it != other.end() && *it == value) {
      return api_error::domain_rule(std::string(k.duplicate_code),
                                    fill(k.duplicate_text, detail::value_text(value)));
    }
  }
  return std::nullopt;
}

}  // namespace

std::string fill(std::string_view text, std::string_view value) {
  std::string out(text);
  auto at = out.find("{}");
  if (at != std::string::npos) out.replace(at, 2, value);
  return out;
}

std::optional<api_error> unsupported_parameters(const json& body, const record_kind& k) {
  if (!body.is_object() || !k.refuses_unknown) return std::nullopt;
  std::optional<api_error> e;
  for (const auto& [key, value] : body.items()) {
    if (allowed(k, key)) continue;
    // Fineract's UnsupportedParameterException: every key, no backquotes around the name.
    std::string message = "The parameter " + key + " is not supported.";
    if (!e) {
      e = api_error::validation(key, message, "error.msg.parameter.unsupported");
    } else {
      e->errors.push_back({message, message, "error.msg.parameter.unsupported", key, nullptr});
    }
  }
  return e;
}

api_error not_found(const record_kind& k, entity_id id) {
  return api_error::not_found(std::string(k.not_found_code),
                              fill(k.not_found_text, std::to_string(id)), id);
}

applied_or_error apply_create(record_db& db, const record_kind& k, const json& body,
                              const json& fixed) {
  if (auto e = unsupported_parameters(body, k)) return *e;
  json values = json::object(), sent = json::object();
  if (auto e = read_fields(k, body, true, values, sent)) return *e;
  table& t = db.rows(k.collection);
  json row = {{"id", t.next}};
  for (const auto& [key, value] : fixed.items()) row[key] = value;
  for (const auto& [key, value] : values.items()) row[key] = value;
  if (k.validate) {
    if (auto e = k.validate(db, row)) return *e;
  }
  if (auto e = check_unique(db, k, row)) return *e;
  t.rows[t.next++] = row;
  return applied{row};
}

applied_or_error apply_update(record_db& db, const record_kind& k, entity_id id, const json& body) {
  if (auto e = unsupported_parameters(body, k)) return *e;
  json values = json::object(), sent = json::object();
  if (auto e = read_fields(k, body, false, values, sent)) return *e;
  table& t = db.rows(k.collection);
  auto it = t.rows.find(id);
  if (it == t.rows.end()) return not_found(k, id);
  if (k.may_change) {
    if (auto e = k.may_change(db, it->second)) return *e;
  }
  json row = it->second;
  applied out;
  bool date_changed = false;
  for (const auto& [key, value] : values.items()) {
    if (row.contains(key) && row[key] == value) continue;
    row[key] = value;
    // Fineract echoes a changed date as sent, with the body's dateFormat and locale.
    const bool is_date = sent.contains(key);
    date_changed = date_changed || is_date;
    out.changes[key] = is_date ? sent[key] : value;
  }
  if (date_changed) {
    for (const char* key : {"dateFormat", "locale"})
      if (present(body, key)) out.changes[key] = body[key];
  }
  if (k.validate) {
    if (auto e = k.validate(db, row)) return *e;
  }
  if (auto e = check_unique(db, k, row)) return *e;
  it->second = row;
  out.row = std::move(row);
  return out;
}

applied_or_error apply_delete(record_db& db, const record_kind& k, entity_id id) {
  table& t = db.rows(k.collection);
  auto it = t.rows.find(id);
  if (it == t.rows.end()) return not_found(k, id);
  for (row_rule rule : {k.may_change, k.may_delete}) {
    if (rule == nullptr) continue;
    if (auto e = rule(db, it->second)) return *e;
  }
  applied out{it->second};
  if (k.soft_delete) {
    k.soft_delete(it->second);
  } else {
    t.rows.erase(it);
  }
  return out;
}

answer result_of(const record_kind& k, const applied_or_error& a, bool with_changes) {
  if (auto* e = std::get_if<api_error>(&a)) return *e;
  const applied& done = std::get<applied>(a);
  result_fields r;
  if (k.office_in_result && done.row.contains("officeId")) {
    r.office_id = done.row["officeId"].get<entity_id>();
  }
  if (!k.result_without_id) r.resource_id = done.row["id"].get<entity_id>();
  if (with_changes) r.changes = done.changes;
  return r.to_json();
}

json view_of(const record_db& db, const record_kind& k, const json& row) {
  return k.view ? k.view(db, row) : row;
}

answer read_list(const record_db& db, const record_kind& k) {
  json list = json::array();
  for (const auto& [id, row] : db.rows(k.collection).rows) list.push_back(view_of(db, k, row));
  return list;
}

answer read_one(const record_db& db, const record_kind& k, entity_id id) {
  const auto& rows = db.rows(k.collection).rows;
  auto it = rows.find(id);
  if (it == rows.end()) return not_found(k, id);
  return view_of(db, k, it->second);
}

std::optional<rest_outcome> route_kind(record_db& db, const record_kind& k, const rest_call& call,
                                       const segments& p) {
  using detail::run_command;
  if (p.size() == 1) {
    if (call.method == "GET") {
      return detail::read_outcome(k.singleton ? read_one(db, k, *k.singleton) : read_list(db, k));
    }
    if (call.method == "POST" && k.creates) {
      return run_command(call, k.entity, "CREATE", [&](const json& body) {
        return result_of(k, apply_create(db, k, body), false);
      });
    }
    if (call.method == "PUT" && k.singleton) {
      return run_command(call, k.entity, "UPDATE", [&](const json& body) {
        return result_of(k, apply_update(db, k, *k.singleton, body), k.update_changes);
      });
    }
    return detail::method_not_allowed(call);
  }
  if (p.size() != 2 || k.singleton) return std::nullopt;
  const auto id = detail::parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "GET") return detail::read_outcome(read_one(db, k, *id));
  if (call.method == "PUT" && k.updates) {
    return run_command(call, k.entity, "UPDATE", [&](const json& body) {
      return result_of(k, apply_update(db, k, *id, body), k.update_changes);
    });
  }
  if (call.method == "DELETE" && k.deletes) {
    return run_command(call, k.entity, "DELETE",
                       [&](const json&) { return result_of(k, apply_delete(db, k, *id), false); });
  }
  if (call.method == "POST" && !k.commands.empty()) {
    const std::string* command = detail::command_of(call);
    for (const row_command& c : k.commands) {
      if (command == nullptr || !command_is(*command, c.command)) continue;
      return run_command(call, k.entity, c.action, [&](const json&) -> answer {
        auto& rows = db.rows(k.collection).rows;
        auto it = rows.find(*id);
        if (it == rows.end()) return not_found(k, *id);
        return c.run(db, it->second);
      });
    }
    return detail::unsupported_command(call);
  }
  return detail::method_not_allowed(call);
}

}  // namespace mifos::mock::records
