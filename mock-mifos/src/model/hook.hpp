// hook.hpp: a registered hook, as the hooks admin API stores it (docs/wire-format.md section 7).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mifos::mock {

struct hook_subscription {
  std::string entity;  // "CLIENT"
  std::string action;  // "CREATE"
};

struct civil_date {
  int year = 1970, month = 1, day = 1;
};

struct hook {
  std::int64_t id = 0;
  std::string template_name;  // "Web", "SMS Bridge", "Elastic Search", "Message Gateway"
  std::string display_name;
  bool active = false;  // Fineract defaults isActive to false
  std::vector<hook_subscription> events;
  // Config fields by exact name: "Payload URL", "Content Type" ("json" | "form"), and for the
  // SMS Bridge "Api Key" once registration has stored it.
  std::map<std::string, std::string> config;
  std::int64_t template_id = 0;  // message template; 0 when none
  civil_date created_at, updated_at;

  // Whether it is subscribed to (entity, action), compared case-insensitively.
  bool subscribes_to(std::string_view entity, std::string_view action) const;
};

}  // namespace mifos::mock
