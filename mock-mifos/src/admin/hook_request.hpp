// hook_request.hpp: reading and checking the body of POST /hooks and PUT /hooks/{id}.
// Pure: no store, no ping. The store adds the rules that need other hooks (duplicate names, one
// hook per non-Web template) and the ping.
//
//   auto r = detail::read_hook_request(call.body, /*creating=*/true);
//   if (auto* e = std::get_if<api_error>(&r)) return fail(*e);
//   auto c = detail::read_config(*req.config, *req.templ, rules);
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "admin/hook_store.hpp"
#include "admin/hook_templates.hpp"
#include "model/api_error.hpp"
#include "model/hook.hpp"

namespace mifos::mock::detail {

inline constexpr std::size_t kMaxDisplayNameLength = 100;
inline constexpr std::size_t kMaxPayloadUrlLength = 100;

using hook_config = std::map<std::string, std::string>;

// The keys a body carried, each already checked on its own. Absent keys stay empty.
struct hook_request {
  std::optional<std::string> name;
  const hook_template* templ = nullptr;  // when creating: the template `name` names
  std::optional<std::string> display_name;
  std::optional<bool> active;
  std::optional<std::int64_t> template_id;
  std::optional<std::vector<hook_subscription>> events;
  // Checked against a template by read_config; on create an absent config reads as {}.
  std::optional<nlohmann::ordered_json> config;
};

// The body must be an object with only the six supported keys. `creating` makes name,
// displayName and events required and looks the template up (404 when there is none).
std::variant<hook_request, api_error> read_hook_request(const nlohmann::ordered_json& body,
                                                        bool creating);

// The config object against template `t`: only its fields, each a string (numbers and booleans
// are taken as their text, as Gson's getAsString does), non-optional fields not blank, Content
// Type json or form (stored lower-case), Payload URL at most 100 characters, http(s), and (unless
// rules.lenient_urls) ending in '/' when it has a path.
std::variant<hook_config, api_error> read_config(const nlohmann::ordered_json& config,
                                                 const hook_template& t, const hook_rules& rules);

}  // namespace mifos::mock::detail
