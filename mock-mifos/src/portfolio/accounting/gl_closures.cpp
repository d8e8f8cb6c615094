// gl_closures.cpp: accounting closures: POST /glclosures (GLCLOSURE CREATE: officeId,
// resourceId), PUT /glclosures/{id} (UPDATE: only the comments change), DELETE (only an office's
// latest closure), the GETs, and the rule journal entries obey: nothing dated on or before an
// office's latest closure (GLClosureWritePlatformServiceJpaRepositoryImpl).
#include <cstdio>
#include <string>

#include "portfolio/accounting/accounting.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// LocalDate.toString(), as Fineract's messages print dates.
std::string iso(local_date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

const gl_closure* latest_closure(const state& s, entity_id office_id) {
  const gl_closure* latest = nullptr;
  for (const auto& [id, c] : s.gl_closures) {
    if (c.office_id == office_id && (latest == nullptr || c.closing_date > latest->closing_date)) {
      latest = &c;
    }
  }
  return latest;
}

api_error closure_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.glclosure.id.invalid",
      "Accounting Closure with identifier " + std::to_string(id) + " does not exist", id);
}

json closure_json(const state& s, const gl_closure& c) {
  json j = {{"id", c.id},
            {"officeId", c.office_id},
            {"officeName", s.offices.at(c.office_id).name},
            {"closingDate", date_json(c.closing_date)},
            {"deleted", false}};
  if (c.comments) j["comments"] = *c.comments;
  return j;
}

bool only_closure_parameters(field_reader& in) {
  return in.only({"id", "officeId", "closingDate", "comments", "locale", "dateFormat"});
}

answer create_closure(state& s, const rest_call& call, const json& body) {
  field_reader in(body, "GLClosure");
  if (!only_closure_parameters(in)) return in.error();
  auto office_id = in.id("officeId");
  auto date = in.date("closingDate");
  auto comments = in.text("comments", false);
  if (!in.ok()) return in.error();
  if (s.find_office(*office_id) == nullptr) return office_not_found(*office_id);
  if (*date > date_of(call.now)) {
    return api_error::domain_rule("error.msg.glclosure.invalid.future.date",
                                  "Accounting closures cannot be made for a future date");
  }
  if (const gl_closure* latest = latest_closure(s, *office_id)) {
    if (latest->closing_date > *date) {
      return api_error::domain_rule(
          "error.msg.glclosure.invalid.accounting.closed",
          "Accounting Closure for this branch has already been defined for a greater date");
    }
    if (latest->closing_date == *date) {  // the unique key office_id_closing_date
      return api_error::domain_rule("error.msg.glclosure.glcode.duplicate",
                                    "Accounting Closure for branch with Id " +
                                        std::to_string(*office_id) + " and date " + iso(*date) +
                                        " already exists");
    }
  }
  gl_closure c{s.gl_closure_ids.take(), *office_id, *date, comments};
  s.gl_closures[c.id] = c;
  return result_fields{.office_id = c.office_id, .resource_id = c.id}.to_json();
}

answer update_closure(state& s, entity_id id, const json& body) {
  field_reader in(body, "GLClosure");
  if (!only_closure_parameters(in)) return in.error();
  auto comments = in.text("comments", false);
  if (!in.ok()) return in.error();
  auto it = s.gl_closures.find(id);
  if (it == s.gl_closures.end()) return closure_not_found(id);
  gl_closure& c = it->second;
  json changes = json::object();
  if (comments && comments != c.comments) {
    c.comments = comments;
    changes["comments"] = *comments;
  }
  return result_fields{.office_id = c.office_id, .resource_id = id, .changes = std::move(changes)}
      .to_json();
}

answer delete_closure(state& s, entity_id id) {
  auto it = s.gl_closures.find(id);
  if (it == s.gl_closures.end()) return closure_not_found(id);
  const gl_closure c = it->second;
  const gl_closure* latest = latest_closure(s, c.office_id);
  if (latest->closing_date > c.closing_date) {
    return api_error::domain_rule(
        "error.msg.glclosure.invalid.delete",
        "The latest closure for office with Id " + std::to_string(c.office_id) + " and name " +
            s.offices.at(c.office_id).name + " is on " + iso(latest->closing_date) +
            ", please delete this closure first");
  }
  s.gl_closures.erase(it);
  return result_fields{.office_id = c.office_id, .resource_id = id}.to_json();
}

}  // namespace

std::optional<api_error> accounting_closed(const state& s, entity_id office_id, local_date date) {
  const gl_closure* latest = latest_closure(s, office_id);
  if (latest == nullptr || latest->closing_date < date) return std::nullopt;
  return api_error::domain_rule(
      "error.msg.glJournalEntry.invalid.accounting.closed",
      "Journal entry cannot be made prior to last account closing date for the branch");
}

std::optional<rest_outcome> route_gl_closures(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "GLCLOSURE", "CREATE",
                         [&](const json& body) { return create_closure(s, call, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json list = json::array();
    for (const auto& [id, c] : s.gl_closures) list.push_back(closure_json(s, c));
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "GLCLOSURE", "UPDATE",
                       [&](const json& body) { return update_closure(s, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "GLCLOSURE", "DELETE",
                       [&](const json&) { return delete_closure(s, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.gl_closures.find(*id);
  return read_outcome(it != s.gl_closures.end() ? answer(closure_json(s, it->second))
                                                : answer(closure_not_found(*id)));
}

}  // namespace mifos::mock::detail
