// state_extras.hpp: the parts of the portfolio the commands of groups and clients add for group
// roles, calendars, meetings and client charges (state.hpp holds them in `state`).
//
//   s.group_roles[r.id] = group_role{r.id, group_id, client_id, kLeaderRoleId};
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "request/dates.hpp"
#include "request/money.hpp"

namespace mifos::mock::detail {

// The code value "Leader" of the code GROUPROLE, as the mock's codes seed it (records/codes.cpp).
// Roles name code values by id, taken as given like the other reasons; this one has a name.
inline constexpr std::int64_t kLeaderRoleId = 8;

// A client's role in a group (POST /groups/{id}?command=assignRole).
struct group_role {
  std::int64_t id = 0, group_id = 0, client_id = 0, role_id = 0;
};

// A calendar (POST /{groups|centers|clients|loans}/{id}/calendars). Fineract's CalendarType
// (1 collection, 2 training, 3 audit, 4 general) and CalendarFrequencyType (1 daily, 2 weekly,
// 3 monthly, 4 yearly) ids.
struct calendar {
  std::int64_t id = 0, entity_id = 0;
  int entity_type = 4;  // CalendarEntityType: 1 clients, 2 groups, 3 loans, 4 centers
  std::string title;
  std::optional<std::string> description, location;
  local_date start_date;
  std::optional<local_date> end_date;
  int type_id = 1;
  bool repeating = false;
  int frequency = 2, interval = 1;
  std::optional<int> repeats_on_day;  // 1 Monday .. 7 Sunday
};

// A meeting held under a calendar, with who came (POST /{groups|centers}/{id}/meetings).
// Attendance types: 1 present, 2 absent, 3 approved, 4 leave, 5 late.
struct meeting {
  std::int64_t id = 0, calendar_id = 0, entity_id = 0;
  int entity_type = 2;
  local_date date;
  std::map<std::int64_t, int> attendance;  // client id -> attendance type
};

// A charge applied to a client (POST /clients/{id}/charges).
struct client_charge {
  std::int64_t id = 0, client_id = 0, charge_id = 0;
  cents amount = 0, paid = 0, waived = 0;
  local_date due_date;
  bool active = true;
  cents outstanding() const { return amount - paid - waived; }
  bool is_paid() const { return paid > 0 && outstanding() == 0 && waived == 0; }
  bool is_waived() const { return waived > 0 && outstanding() == 0; }
};

// A client transaction: paying (type 1) or waiving (2) a client charge.
struct client_transaction {
  std::int64_t id = 0, client_id = 0, office_id = 1, client_charge_id = 0;
  int type = 1;
  local_date date;
  cents amount = 0;
  std::optional<std::string> external_id;
  std::optional<std::int64_t> payment_type_id;
  bool reversed = false;
};

}  // namespace mifos::mock::detail
