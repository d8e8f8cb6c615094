// rest_call.hpp: one call to the mock's REST API after the server front has checked the tenant
// and the credentials, and what a handler answers. Handlers are pure: no sockets, no clock.
//
//   rest_call call{"POST", "/clients", {}, body, user, "default", now};
//   if (auto out = portfolio.handle(call)) { reply(out->status, out->body); fire(out->event); }
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/api_user.hpp"
#include "model/command_event.hpp"

namespace mifos::mock {

struct rest_call {
  std::string method;  // "GET", "POST", "PUT", "DELETE"
  // The path under the API root, without the query: "/clients/3", "/hooks", "/hooks/template".
  std::string path;
  // Query parameters, percent-decoded ("command" -> "approve", "template" -> "true").
  std::map<std::string, std::string> query;
  // The JSON body: an object, or null when the request had none.
  nlohmann::ordered_json body;
  api_user user;
  std::string tenant;
  std::chrono::system_clock::time_point now;
};

struct rest_outcome {
  int status = 200;
  nlohmann::ordered_json body;  // the JSON answered to the caller
  // The command this call ran, success or failure, for hooks to fire from. Reads (GET) run no
  // command.
  std::optional<command_event> event;
};

}  // namespace mifos::mock
