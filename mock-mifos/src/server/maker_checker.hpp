// maker_checker.hpp: Fineract's maker-checker (docs/wire-format.md section 4). When the tenant's
// "maker-checker" configuration (id 1) is enabled and a command's permission (ACTION_ENTITY,
// e.g. CREATE_CLIENT) is marked for checking (PUT /permissions), a maker who is not a checker
// super user does not change anything: the command runs, is rolled back and waits in the queue
// (GET /makercheckers); its caller gets 200 {"commandId", "resourceId", "rollbackTransaction"}
// and the hooks get the command's failure delivery. A checker then approves it
// (POST /makercheckers/{id}?command=approve: it runs for real and fires its success, with
// commandId = the queue id) or rejects it (fires nothing).
//
//   if (must_wait(records, user, event)) { restore(snapshot); auto reply = queue.park(call, event);
//   }
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/api_user.hpp"
#include "model/command_event.hpp"
#include "model/rest_call.hpp"
#include "records/record_db.hpp"

namespace mifos::mock {

// "maker-checker" (configuration 1) is enabled.
bool maker_checker_enabled(const records::record_db& db);

// True when `user`'s roles hold ALL_FUNCTIONS or CHECKER_SUPER_USER. Users the records do not
// know (mifos, --user) are super users, as mifos is in a fresh Fineract.
bool is_checker_super_user(const records::record_db& db, const api_user& user);

// True when one of `user`'s enabled roles grants `code` (or ALL_FUNCTIONS).
bool has_permission(const records::record_db& db, const api_user& user, const std::string& code);

// The permission Fineract checks for a command: "CREATE_CLIENT".
std::string permission_of(const command_event& e);

// A successful command that must wait for a checker instead of taking effect.
bool must_wait(const records::record_db& db, const api_user& maker, const command_event& e);

struct parked_command {
  std::int64_t id = 0;
  rest_call call;  // as the maker sent it
  std::string entity, action;
  std::optional<std::int64_t> resource_id;
  std::string status = "awaiting.approval";  // then "approved", "rejected", "error"
};

class maker_checker_queue {
 public:
  // Keeps the command and returns what its caller gets (HTTP 200).
  nlohmann::ordered_json park(const rest_call& call, const command_event& e);

  parked_command* find(std::int64_t id);
  // GET /makercheckers: the commands awaiting approval, filtered by actionName, entityName and
  // resourceId; with includeJson=true each carries the maker's body as commandAsJson.
  nlohmann::ordered_json list(const rest_call& call) const;

 private:
  std::map<std::int64_t, parked_command> entries_;
  std::int64_t next_ = 1;
};

}  // namespace mifos::mock
