// hook_request.cpp: the checks on a POST/PUT /hooks body, one key at a time, in the order
// Fineract runs them (unsupported keys first, then name, templateId, the template, the rest).
//
// Where Fineract has a code (HookCommandFromApiJsonDeserializer, DataValidatorBuilder's
// "validation.msg.hook.<parameter>.<rule>", HookWritePlatformServiceJpaRepositoryImpl's
// validateHookRules) we use it; the mock's extra checks (events in the catalog, config field
// names, Payload URL length and trailing slash) get codes in the same style.
#include "admin/hook_request.hpp"

#include <algorithm>
#include <cctype>
#include <mifos/hooks/catalog.hpp>
#include <mifos/hooks/delivery.hpp>
#include <utility>

#include "request/json_read.hpp"
#include "wire/url.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kSupportedKeys[] = {"name",   "displayName", "isActive",
                                               "events", "config",      "templateId"};

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// Characters, not bytes: Fineract's limits count Java chars; code points are close enough.
std::size_t text_length(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string backquoted(std::string_view s) { return "`" + std::string(s) + "`"; }

api_error mandatory(const std::string& parameter) {
  return api_error::validation(parameter,
                               "The parameter " + backquoted(parameter) + " is mandatory.",
                               "validation.msg.hook." + parameter + ".cannot.be.blank");
}

std::optional<api_error> read_events(const json& value, hook_request& out) {
  if (!value.is_array() || value.empty()) {
    return api_error::validation(
        "events", "The parameter `events` cannot be empty. You must select at least one.",
        "validation.msg.hook.events.cannot.be.empty", value);
  }
  std::vector<hook_subscription> events;
  for (const auto& e : value) {
    const bool well_formed = e.is_object() && e.contains("actionName") &&
                             e.contains("entityName") && e["actionName"].is_string() &&
                             e["entityName"].is_string();
    if (!well_formed) {
      return api_error::validation("events",
                                   "Each event needs string `actionName` and `entityName`.",
                                   "validation.msg.hook.events.entry.invalid", e);
    }
    std::string entity = e["entityName"].get<std::string>();
    std::string action = e["actionName"].get<std::string>();
    // Fineract checks the pair against m_permission; the catalog is that table's hookable rows.
    if (hooks::find_in_catalog(entity, action) == nullptr) {
      return api_error::validation(
          "events",
          "Entity " + backquoted(entity) + " with action " + backquoted(action) +
              " is not an event a hook can subscribe to (see GET /hooks/template).",
          "validation.msg.hook.events.invalid.entity.action.pair", e);
    }
    events.push_back({std::move(entity), std::move(action)});
  }
  out.events = std::move(events);
  return std::nullopt;
}

std::optional<api_error> check_payload_url(const std::string& url, const hook_rules& rules) {
  const std::string field(kPayloadUrlField);
  if (text_length(url) > kMaxPayloadUrlLength) {
    return api_error::validation(field,
                                 "The config field `Payload URL` exceeds max length of " +
                                     std::to_string(kMaxPayloadUrlLength) + ".",
                                 "validation.msg.hook.payload.url.exceeds.max.length", url);
  }
  const auto parsed = parse_http_url(url);
  if (!parsed) {
    return api_error::validation(
        field, "Payload URL " + backquoted(url) + " is not an absolute http(s) URL.",
        "validation.msg.hook.payload.url.not.http.url", url);
  }
  if (!rules.lenient_urls && has_path_without_trailing_slash(*parsed)) {
    return api_error::validation(
        field,
        "Payload URL " + backquoted(url) +
            " has a path that does not end in '/'. Fineract 1.7+ refuses it (Retrofit: \"baseUrl "
            "must end in /\"); add the '/' or run the mock with lenient URL rules.",
        "validation.msg.hook.payload.url.must.end.with.slash", url);
  }
  return std::nullopt;
}

}  // namespace

std::variant<hook_request, api_error> read_hook_request(const json& body, bool creating) {
  if (!body.is_object()) {
    return api_error::bad_request("error.msg.invalid.json",
                                  "The request body must be a JSON object.");
  }
  for (const auto& [key, value] : body.items()) {
    const bool supported = std::find(std::begin(kSupportedKeys), std::end(kSupportedKeys), key) !=
                           std::end(kSupportedKeys);
    if (!supported) {
      // Fineract's UnsupportedParameterException: no backquotes around the name.
      return api_error::validation(key, "The parameter " + key + " is not supported.",
                                   "error.msg.parameter.unsupported");
    }
  }

  // Fineract reads every primitive through its text: "templateId":"1", "isActive":"true" and
  // "name":7 are all taken.
  hook_request out;
  field_reader in(body, "hook");
  if (body.contains("name") || creating) {
    const std::string name = value_text(body.value("name", json()));
    if (is_blank(name)) return mandatory("name");
    out.name = name;
  }
  if (body.contains("templateId")) {
    out.template_id = in.id("templateId", false);
    if (!in.ok()) return in.error();
  }
  if (creating) {
    out.templ = find_template(*out.name);
    if (out.templ == nullptr) {
      // HookTemplateNotFoundException(String name): a 404, with the name as the value.
      api_error e = api_error::not_found(
          "error.msg.template.not.found",
          "Template with name " + backquoted(*out.name) + " does not exist", 0);
      e.errors.front().args = json::array({{{"value", *out.name}}});
      return e;
    }
  }
  // Fineract would fall back to the template's name for a blank displayName; the mock wants one
  // (the brief's rule), so a hook is always told apart by its display name.
  if (body.contains("displayName") || creating) {
    const std::string name = value_text(body.value("displayName", json()));
    if (is_blank(name)) return mandatory("displayName");
    if (text_length(name) > kMaxDisplayNameLength) {
      return api_error::validation("displayName",
                                   "The parameter `displayName` exceeds max length of " +
                                       std::to_string(kMaxDisplayNameLength) + ".",
                                   "validation.msg.hook.displayName.exceeds.max.length", name);
    }
    out.display_name = name;
  }
  // Hook.fromJson reads isActive with Boolean.parseBoolean: "yes" is a quietly inactive hook.
  if (body.contains("isActive")) out.active = in.flag("isActive", false);
  if (body.contains("events") || creating) {
    if (auto e = read_events(body.value("events", json()), out)) return *std::move(e);
  }
  if (body.contains("config")) {
    out.config = body["config"];
  } else if (creating) {
    out.config = json::object();
  }
  return out;
}

std::variant<hook_config, api_error> read_config(const json& config, const hook_template& t,
                                                 const hook_rules& rules) {
  if (!config.is_object()) {
    return api_error::validation("config", "The parameter `config` must be a JSON object.",
                                 "validation.msg.hook.config.must.be.an.object", config);
  }
  hook_config out;
  for (const auto& [key, value] : config.items()) {
    // Fineract silently drops unknown fields; the mock refuses them so a typo such as
    // "Payload Url" is not a hook that never fires.
    if (t.field(key) == nullptr) {
      std::string known;
      for (const auto& f : t.fields) known += (known.empty() ? "" : ", ") + std::string(f.name);
      return api_error::validation(key,
                                   "The config field " + backquoted(key) +
                                       " is not a field of the " + std::string(t.name) +
                                       " template (fields: " + known + ").",
                                   "validation.msg.hook.config.field.not.supported", value);
    }
    if (value.is_string()) {
      out[key] = value.get<std::string>();
    } else if (value.is_number() || value.is_boolean()) {
      out[key] = value.dump();
    } else if (!value.is_null()) {
      return api_error::validation(key, "The config field " + backquoted(key) + " must be text.",
                                   "validation.msg.hook.config.field.must.be.text", value);
    }
  }
  for (const auto& f : t.fields) {
    const auto it = out.find(std::string(f.name));
    if (!f.optional && (it == out.end() || is_blank(it->second))) {
      return api_error::validation(std::string(f.name),
                                   "The config field " + backquoted(f.name) + " of the " +
                                       std::string(t.name) + " template is mandatory.",
                                   "validation.msg.hook.required.config.field.not.provided",
                                   std::string(f.name));
    }
  }
  if (auto it = out.find(std::string(kContentTypeField)); it != out.end()) {
    // Fineract compares case-insensitively; storing lower case lets firing code compare exactly.
    std::string lower = it->second;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "json" && lower != "form") {
      return api_error::validation(
          std::string(kContentTypeField), "The config field `Content Type` must be json or form.",
          "validation.msg.hook.content.type.must.be.json.or.form", it->second);
    }
    it->second = std::move(lower);
  }
  if (auto it = out.find(std::string(kPayloadUrlField)); it != out.end()) {
    if (auto e = check_payload_url(it->second, rules)) return *std::move(e);
  }
  return out;
}

}  // namespace mifos::mock::detail
