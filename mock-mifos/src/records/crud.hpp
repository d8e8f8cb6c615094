// crud.hpp: the generic engine behind every record_kind: Fineract's create, update and delete
// of an administration record (unsupported parameters first, then mandatory and typed fields,
// then the lookup, the uniqueness and "in use" rules), the `changes` of an update (only the
// fields whose value changed, as Fineract's isChangeIn...ParameterNamed), and the reads.
//
//   if (auto out = route_kind(db, kFunds, call, parts)) return out;   // all of /funds[/{id}]
//
// Kinds that need more (codes and their values, role permissions) call the apply_* steps and
// build their own result.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "records/record_db.hpp"

namespace mifos::mock::records {

using segments = std::vector<std::string>;

// A command that went through: the row as it is now and what changed (UPDATE).
struct applied {
  json row;
  json changes = json::object();
};
using applied_or_error = std::variant<applied, api_error>;

// 400 error.msg.parameter.unsupported listing every parameter `allowed` does not name.
std::optional<api_error> unsupported_parameters(const json& body, const record_kind& k);
// Fineract's 404 for an unknown id of `k`.
api_error not_found(const record_kind& k, entity_id id);
// "{}" in `text` replaced by `value`.
std::string fill(std::string_view text, std::string_view value);

// The steps. `fixed` fields come from the path (a code value's codeId) and are stored as given.
applied_or_error apply_create(record_db& db, const record_kind& k, const json& body,
                              const json& fixed = json::object());
applied_or_error apply_update(record_db& db, const record_kind& k, entity_id id, const json& body);
applied_or_error apply_delete(record_db& db, const record_kind& k, entity_id id);

// The usual command result: [officeId,] resourceId [, changes].
answer result_of(const record_kind& k, const applied_or_error& a, bool with_changes);

// The GET shape of a row (k.view or the row itself).
json view_of(const record_db& db, const record_kind& k, const json& row);
answer read_list(const record_db& db, const record_kind& k);
answer read_one(const record_db& db, const record_kind& k, entity_id id);

// GET/POST /<collection>, GET/PUT/DELETE /<collection>/{id}, POST /<collection>/{id}?command=,
// and PUT /<collection> for singletons. nullopt for deeper paths.
std::optional<rest_outcome> route_kind(record_db& db, const record_kind& k, const rest_call& call,
                                       const segments& p);

}  // namespace mifos::mock::records
