// record_db.cpp: the tenant's records, seeded from the kinds' declarations, and the dispatch of a
// call to its resource.
#include "records/record_db.hpp"

#include <array>
#include <utility>

#include "records/kinds.hpp"

namespace mifos::mock::records {

std::span<const record_kind* const> all_kinds() {
  static const std::array<const record_kind*, 14> kinds = {&users_kind(),
                                                           &roles_kind(),
                                                           &password_preferences_kind(),
                                                           &codes_kind(),
                                                           &code_values_kind(),
                                                           &configurations_kind(),
                                                           &entity_datatable_checks_kind(),
                                                           &jobs_kind(),
                                                           &report_mailing_jobs_kind(),
                                                           &mix_mapping_kind(),
                                                           &funds_kind(),
                                                           &holidays_kind(),
                                                           &working_days_kind(),
                                                           &payment_types_kind()};
  return kinds;
}

std::span<const record_kind* const> plain_kinds() {
  static const std::array<const record_kind*, 9> kinds = {&users_kind(),
                                                          &roles_kind(),
                                                          &password_preferences_kind(),
                                                          &report_mailing_jobs_kind(),
                                                          &mix_mapping_kind(),
                                                          &funds_kind(),
                                                          &holidays_kind(),
                                                          &working_days_kind(),
                                                          &payment_types_kind()};
  return kinds;
}

record_db::record_db() {
  for (const record_kind* k : all_kinds()) {
    table& t = tables_[std::string(k->collection)];
    for (const json& row : k->seed) {
      const entity_id id = row["id"].get<entity_id>();
      t.rows[id] = row;
      if (id >= t.next) t.next = id + 1;
    }
  }
}

table& record_db::rows(std::string_view collection) {
  auto it = tables_.find(collection);
  if (it == tables_.end()) it = tables_.emplace(std::string(collection), table{}).first;
  return it->second;
}

const table& record_db::rows(std::string_view collection) const {
  static const table empty;
  auto it = tables_.find(collection);
  return it == tables_.end() ? empty : it->second;
}

std::optional<rest_outcome> record_db::handle(const rest_call& call,
                                              const std::function<bool(entity_id)>& office_exists) {
  office_exists_ = office_exists;
  const segments p = detail::split_path(call.path);
  if (p.empty()) return std::nullopt;
  const std::string& r = p[0];
  if (r == "roles" && p.size() == 3 && p[2] == "permissions") {
    return route_role_permissions(*this, call, p);
  }
  if (r == "codes") return route_codes(*this, call, p);
  if (r == "configurations") return route_configurations(*this, call, p);
  if (r == "permissions") return route_permissions(*this, call, p);
  if (r == "currencies") return route_currencies(*this, call, p);
  if (r == "datatables") return route_datatables(*this, call, p);
  if (r == "entityDatatableChecks") return route_entity_datatable_checks(*this, call, p);
  if (r == "jobs") return route_jobs(*this, call, p);
  if (r == "templates") return route_templates(*this, call, p);
  for (const record_kind* k : plain_kinds()) {
    if (r == k->collection) return route_kind(*this, *k, call, p);
  }
  return std::nullopt;
}

}  // namespace mifos::mock::records
