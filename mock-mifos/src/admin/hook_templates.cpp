// hook_templates.cpp: the four hook templates and GET /hooks/template.
//
// Template ids: Fineract seeds them by migration order and the mock does not try to match a
// particular server's rows; it uses Web 1, SMS Bridge 2, Elastic Search 3, Message Gateway 4
// (the order the templates were added to Fineract).
#include "admin/hook_templates.hpp"

#include <mifos/hooks/catalog.hpp>
#include <mifos/hooks/delivery.hpp>

#include "admin/hook_store.hpp"

namespace mifos::mock {
namespace detail {
namespace {

constexpr std::string_view kPayloadUrlPlaceholder = "http://example.com/hook/";
constexpr std::string_view kContentTypePlaceholder = "json / form";

const std::vector<hook_template>& all_templates() {
  // Already in "order by s.name" order, fields in "order by hs.field_name" order.
  static const std::vector<hook_template> templates = {
      {3,
       "Elastic Search",
       {{kContentTypeField, false, kContentTypePlaceholder},
        {"Index Name", true, {}},
        {kPayloadUrlField, false, kPayloadUrlPlaceholder}}},
      {4, "Message Gateway", {{"SMS Provider Id", false, {}}}},
      {2,
       "SMS Bridge",
       {{kPayloadUrlField, false, kPayloadUrlPlaceholder},
        {"Phone Number", false, {}},
        {"SMS Provider", false, {}},
        {"SMS Provider Account Id", false, {}},
        {"SMS Provider Token", false, {}}}},
      {1,
       kWebTemplate,
       {{kContentTypeField, false, kContentTypePlaceholder},
        {kPayloadUrlField, false, kPayloadUrlPlaceholder}}},
  };
  return templates;
}

}  // namespace

const template_field* hook_template::field(std::string_view field_name) const {
  for (const auto& f : fields) {
    if (f.name == field_name) return &f;
  }
  return nullptr;
}

std::span<const hook_template> hook_templates() { return all_templates(); }

const hook_template* find_template(std::string_view name) {
  for (const auto& t : all_templates()) {
    if (hooks::iequals(t.name, name)) return &t;
  }
  return nullptr;
}

nlohmann::ordered_json to_json(const hook_template& t) {
  nlohmann::ordered_json schema = nlohmann::ordered_json::array();
  for (const auto& f : t.fields) {
    // Field order of Fineract's Field class; Gson leaves out the null placeholder.
    nlohmann::ordered_json field = {
        {"fieldName", f.name}, {"fieldType", "string"}, {"optional", f.optional}};
    if (!f.placeholder.empty()) field["placeholder"] = f.placeholder;
    schema.push_back(std::move(field));
  }
  return {{"id", t.id}, {"name", t.name}, {"schema", std::move(schema)}};
}

nlohmann::ordered_json groupings_json() {
  // The catalog never changes: build the 445 actions once.
  static const nlohmann::ordered_json cached = [] {
    nlohmann::ordered_json groupings = nlohmann::ordered_json::array();
    for (const auto grouping : hooks::catalog_groupings()) {
      nlohmann::ordered_json entities = nlohmann::ordered_json::array();
      for (const auto entity : hooks::catalog_entities(grouping)) {
        nlohmann::ordered_json actions = nlohmann::ordered_json::array();
        for (const auto action : hooks::catalog_actions(grouping, entity))
          actions.push_back(action);
        entities.push_back({{"name", entity}, {"actions", std::move(actions)}});
      }
      groupings.push_back({{"name", grouping}, {"entities", std::move(entities)}});
    }
    return groupings;
  }();
  return cached;
}

}  // namespace detail

nlohmann::ordered_json hook_template_json() {
  nlohmann::ordered_json templates = nlohmann::ordered_json::array();
  for (const auto& t : detail::hook_templates()) templates.push_back(detail::to_json(t));
  return {{"templates", std::move(templates)}, {"groupings", detail::groupings_json()}};
}

}  // namespace mifos::mock
