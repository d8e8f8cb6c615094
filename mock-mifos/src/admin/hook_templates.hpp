// hook_templates.hpp: the four hook templates Fineract seeds (m_hook_templates, m_hook_schema)
// and their config fields, shared by the template JSON and the validation of POST/PUT bodies.
//
//   if (const auto* t = detail::find_template("Web")) {
//     for (const auto& f : t->fields) use(f.name, f.optional);
//   }
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace mifos::mock::detail {

inline constexpr std::string_view kWebTemplate = "Web";
inline constexpr std::string_view kPayloadUrlField = "Payload URL";
inline constexpr std::string_view kContentTypeField = "Content Type";

struct template_field {
  std::string_view name;         // "Payload URL"
  bool optional = false;         // only Elastic Search's "Index Name" is
  std::string_view placeholder;  // empty: the JSON leaves "placeholder" out
};

struct hook_template {
  std::int64_t id = 0;
  std::string_view name;
  // Sorted by field name: Fineract reads them "order by hs.field_name".
  std::vector<template_field> fields;

  const template_field* field(std::string_view field_name) const;
  bool has_payload_url() const { return field(kPayloadUrlField) != nullptr; }
};

// The four templates, sorted by name ("order by s.name"): Elastic Search, Message Gateway,
// SMS Bridge, Web.
std::span<const hook_template> hook_templates();
// Compared case-insensitively, as MySQL compares m_hook_templates.name; callers store the
// template's own spelling, so firing code can compare names exactly.
const hook_template* find_template(std::string_view name);

// {"id","name","schema":[{"fieldName","fieldType","optional","placeholder"?}]}.
nlohmann::ordered_json to_json(const hook_template& t);
// [{"name":grouping,"entities":[{"name":entity,"actions":[...]}]}] from the SDK's catalog.
nlohmann::ordered_json groupings_json();

}  // namespace mifos::mock::detail
