// command_event.hpp: a command the REST API ran, whether it succeeded or failed. Hooks are fired
// from it (docs/wire-format.md sections 4 and 6); the traffic generator makes a day of them.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/api_user.hpp"

namespace mifos::mock {

struct command_event {
  std::string entity;  // upper case, as in the catalog: "CLIENT"
  std::string action;  // "CREATE"
  std::string tenant;  // "default"
  api_user user;       // who sent it: the envelope's createdBy, createdByName, createdByFullName
  // The caller's JSON body exactly as sent (an object; {} for commands without a body). The
  // envelope's `request` is this, re-parsed the way Fineract does (every number a double).
  nlohmann::ordered_json request = nlohmann::ordered_json::object();
  // Success: the command result, keys in Fineract's order (docs/wire-format.md sections 3 and 10).
  std::optional<nlohmann::ordered_json> result;
  // Failure: Fineract's error body (api_error's JSON) and the status the caller got.
  std::optional<nlohmann::ordered_json> error;
  int http_status = 200;
  // When the command ran: the envelope's `timestamp`.
  std::chrono::system_clock::time_point at;

  bool failed() const noexcept { return !result.has_value(); }
};

}  // namespace mifos::mock
