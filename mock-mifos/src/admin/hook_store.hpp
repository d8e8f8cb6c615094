// hook_store.hpp: one tenant's hooks and the hooks admin API on them (docs/wire-format.md section
// 7).
//
//   hook_store hooks;
//   auto out = hooks.handle(call, ping);      // GET/POST/PUT/DELETE /hooks..., GET /hooks/template
//   for (const hook& h : hooks.active_for("CLIENT", "CREATE")) fire(h);
//   hooks.set_config(h.id, "Api Key", key);   // SMS Bridge registration stored its key
//
// Pure apart from `ping`, which the server front passes in: on create, Fineract sends a GET to
// the Payload URL; any HTTP status passes, only a connection failure fails the creation.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/hook.hpp"
#include "model/rest_call.hpp"

namespace mifos::mock {

// Returns true when something answered at `payload_url` (any status).
using ping_function = std::function<bool(const std::string& payload_url)>;

// The name of message template `id` (UGD, /templates), or nothing when there is no such template.
using template_names = std::function<std::optional<std::string>(std::int64_t id)>;

struct hook_rules {
  // Accept Payload URLs with a path and no trailing '/' (Fineract 1.7+ refuses them).
  bool lenient_urls = false;
};

class hook_store {
 public:
  explicit hook_store(hook_rules rules = {});

  // /hooks, /hooks/{id}, /hooks/template, /hooks/{id}?template=true. nullopt for any other path.
  // Create, update and delete are commands: their outcome carries a HOOK CREATE/UPDATE/DELETE
  // command_event. A templateId must name a message template in `templates` (404
  // error.msg.template.id.invalid); GET shows its name as templateName.
  std::optional<rest_outcome> handle(const rest_call& call, const ping_function& ping,
                                     const template_names& templates = {});

  // Active hooks subscribed to (entity, action), case-insensitively, in id order.
  std::vector<hook> active_for(std::string_view entity, std::string_view action) const;
  const hook* find(std::int64_t id) const;
  // Whether a hook names message template `template_id`.
  bool uses_template(std::int64_t template_id) const;
  void set_config(std::int64_t id, const std::string& field, const std::string& value);

 private:
  rest_outcome create(const rest_call& call, const ping_function& ping,
                      const template_names& templates);
  rest_outcome update(const rest_call& call, std::int64_t id, const ping_function& ping,
                      const template_names& templates);
  rest_outcome remove(const rest_call& call, std::int64_t id);

  hook_rules rules_;
  std::vector<hook> hooks_;
  std::int64_t next_id_ = 1;
};

// GET /hooks/template: the four templates with their schemas, and every grouping, entity and
// action of the catalog, sorted as Fineract sorts them.
nlohmann::ordered_json hook_template_json();

// GET /hooks/{id} (and each element of GET /hooks); `template_name` is the message template's.
nlohmann::ordered_json to_json(const hook& h,
                               const std::optional<std::string>& template_name = std::nullopt);

}  // namespace mifos::mock
