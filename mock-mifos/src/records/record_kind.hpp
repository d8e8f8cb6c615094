// record_kind.hpp: the declaration of one kind of administration record (funds, roles, codes,
// holidays, ...), which the generic engine (crud.hpp) turns into Fineract's create, update,
// delete and reads. A resource is then a few lines of data:
//
//   const record_kind kFunds{
//       .collection = "funds", .entity = "FUND", .resource = "fund",
//       .not_found_code = "error.msg.fund.id.invalid",
//       .not_found_text = "Fund with identifier {} does not exist",
//       .fields = {{"name", field_type::text, true}, {"externalId"}},
//       .unique = "name", .duplicate_code = "error.msg.fund.duplicate.name",
//       .duplicate_text = "A fund with name '{}' already exists",
//       .deletes = false};
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "model/api_error.hpp"
#include "portfolio/routing.hpp"

namespace mifos::mock::records {

using json = nlohmann::ordered_json;
using entity_id = std::int64_t;
using detail::answer;

// How a parameter is read (request/json_read.hpp) and stored in the record.
enum class field_type {
  text,     // a string (numbers and booleans as their text)
  id,       // an integer > 0
  whole,    // an integer >= 0 (enum codes, positions)
  decimal,  // a number >= 0
  flag,     // a boolean
  date,     // a date read with the body's dateFormat and locale, stored as [y, m, d]
  any       // stored as sent (arrays and objects: roles, offices, mappers)
};

struct field {
  std::string_view name;
  field_type type = field_type::text;
  bool mandatory = false;  // on CREATE; on UPDATE a mandatory field may be left out, not blanked
};

class record_db;

// A rule on a row; an error refuses the command.
using row_rule = std::optional<api_error> (*)(const record_db& db, const json& row);

// A `POST /<collection>/{id}?command=<command>` on one row (ROLE ENABLE, HOLIDAY ACTIVATE).
struct row_command {
  std::string_view command;
  std::string_view action;
  answer (*run)(record_db& db, json& row) = nullptr;
};

struct record_kind {
  std::string_view collection = {};  // "funds": /funds and /funds/{id}
  std::string_view entity = {};      // "FUND": the hook's entity name
  std::string_view resource = {};    // "fund": validation.msg.fund.name.cannot.be.blank
  std::string_view not_found_code = {};
  std::string_view not_found_text = {};  // "{}" stands for the id
  // The parameters Fineract supports, with their types; any other is refused with 400
  // error.msg.parameter.unsupported before anything else is checked.
  std::vector<field> fields = {};
  // Parameters accepted but not stored (locale, dateFormat, repeatPassword).
  std::vector<std::string_view> also_allowed = {};
  // false where Fineract reads the body without FromJsonHelper's check.
  bool refuses_unknown = true;
  // A field no two rows may share: 403 duplicate_code, duplicate_text with "{}" = the value.
  std::string_view unique = {};
  std::string_view duplicate_code = {};
  std::string_view duplicate_text = {};
  bool creates = true, updates = true, deletes = true;
  bool update_changes = true;      // the UPDATE result carries `changes` (the tsv's column)
  bool office_in_result = false;   // officeId (the row's) in the result, before resourceId
  bool result_without_id = false;  // PASSWORD_PREFERENCES: `changes` only
  // PUT /<collection> (no id) updates this row: WORKINGDAYS, PASSWORD_PREFERENCES, XBRLMAPPING.
  std::optional<entity_id> singleton = {};
  row_rule validate = nullptr;    // after reading, on create and update (the row as it would be)
  row_rule may_change = nullptr;  // refuses UPDATE and DELETE (system-defined rows)
  row_rule may_delete = nullptr;  // "in use"
  // Instead of erasing on DELETE (Fineract keeps deleted holidays with status 300).
  void (*soft_delete)(json& row) = nullptr;
  // The GET shape of a row; nullptr: the row as stored.
  json (*view)(const record_db& db, const json& row) = nullptr;
  std::vector<row_command> commands = {};
  std::vector<json> seed = {};  // rows with their "id"; the sequence continues after them
};

}  // namespace mifos::mock::records
