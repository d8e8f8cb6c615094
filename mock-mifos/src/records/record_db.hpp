// record_db.hpp: one tenant's administration and configuration records (users, roles, codes,
// configurations, permissions, currencies, datatables, jobs, funds, holidays, working days,
// templates, payment types, XBRL mapping) and the REST calls on them. Pure, like the portfolio:
// no sockets, no clock.
//
//   record_db records;                                   // seeded as a fresh Fineract tenant
//   auto out = records.handle(call, office_exists);      // nullopt: not a path it serves
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "model/rest_call.hpp"
#include "records/record_kind.hpp"

namespace mifos::mock::records {

// The rows of one kind, by id; ids count up from 1 (after the seeded rows).
struct table {
  std::map<entity_id, json> rows;
  entity_id next = 1;
};

class record_db {
 public:
  record_db();

  // A call on one of the paths this store serves (users, roles, codes, configurations, ...);
  // nullopt for any other path. `office_exists` answers for officeId parameters (offices live in
  // the portfolio).
  std::optional<rest_outcome> handle(const rest_call& call,
                                     const std::function<bool(entity_id)>& office_exists);

  table& rows(std::string_view collection);
  const table& rows(std::string_view collection) const;
  bool office_exists(entity_id id) const { return office_exists_ ? office_exists_(id) : id == 1; }

  // What is not a table of rows.
  std::map<std::string, bool> maker_checker;   // PERMISSION UPDATE: code -> needs a checker
  std::set<std::string> currencies = {"USD"};  // the organisation's currencies
  std::map<std::string, json> datatables;      // by registered name
  // Whether a hook names message template `id` (hooks live outside the records): such a template
  // cannot be deleted. Set by the server front.
  std::function<bool(entity_id)> template_in_use;

 private:
  std::map<std::string, table, std::less<>> tables_;
  std::function<bool(entity_id)> office_exists_;
};

}  // namespace mifos::mock::records
