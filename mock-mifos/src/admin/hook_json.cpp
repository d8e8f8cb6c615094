// hook_json.cpp: a stored hook as GET /hooks/{id} shows it (Fineract's HookData, which Gson
// writes in field order and without nulls).
#include <utility>

#include "admin/hook_store.hpp"

namespace mifos::mock {
namespace {

nlohmann::ordered_json date_json(const civil_date& d) {
  return nlohmann::ordered_json::array({d.year, d.month, d.day});
}

}  // namespace

nlohmann::ordered_json to_json(const hook& h, const std::optional<std::string>& template_name) {
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const auto& e : h.events) {
    events.push_back({{"actionName", e.action}, {"entityName", e.entity}});
  }
  // std::map keeps the fields sorted by name, as Fineract's "order by hc.field_name" does.
  nlohmann::ordered_json config = nlohmann::ordered_json::array();
  for (const auto& [name, value] : h.config) {
    config.push_back({{"fieldName", name}, {"fieldValue", value}});
  }
  nlohmann::ordered_json out = {{"id", h.id},
                                {"name", h.template_name},
                                {"displayName", h.display_name},
                                {"isActive", h.active},
                                {"createdAt", date_json(h.created_at)},
                                {"updatedAt", date_json(h.updated_at)},
                                {"templateId", h.template_id}};
  // The left join's null (no template) is left out by Gson.
  if (template_name) out["templateName"] = *template_name;
  out["events"] = std::move(events);
  out["config"] = std::move(config);
  return out;
}

}  // namespace mifos::mock
