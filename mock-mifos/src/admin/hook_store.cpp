// hook_store.cpp: routing of the hooks admin API and the rules that need the stored hooks
// (duplicate display names, one hook per non-Web template) or the outside world (the ping).
//
// Create, update and delete always carry a HOOK command_event, failed ones too: Fineract 1.5+
// fires hooks for failed commands. Reads carry none.
#include "admin/hook_store.hpp"

#include <algorithm>
#include <charconv>
#include <mifos/hooks/delivery.hpp>
#include <utility>
#include <variant>

#include "admin/hook_request.hpp"
#include "admin/hook_templates.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

enum class route_kind { collection, template_page, item };

struct route {
  route_kind kind;
  std::int64_t id = 0;
};

std::optional<route> parse_route(std::string_view path) {
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  constexpr std::string_view kRoot = "/hooks";
  if (path == kRoot) return route{route_kind::collection};
  if (!path.starts_with(kRoot) || path.size() <= kRoot.size() + 1 || path[kRoot.size()] != '/') {
    return std::nullopt;
  }
  const std::string_view rest = path.substr(kRoot.size() + 1);
  if (rest == "template") return route{route_kind::template_page};
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
  if (ec != std::errc() || end != rest.data() + rest.size() || rest.front() == '-') {
    return std::nullopt;  // "/hooks/abc": not a route of this API
  }
  return route{route_kind::item, id};
}

civil_date utc_date(std::chrono::system_clock::time_point t) {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t)};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

command_event hook_command(const rest_call& call, std::string action, json request) {
  command_event ev;
  ev.entity = "HOOK";
  ev.action = std::move(action);
  ev.tenant = call.tenant;
  ev.user = call.user;
  ev.request = request.is_object() ? std::move(request) : json::object();
  ev.at = call.now;
  return ev;
}

rest_outcome command_failed(const rest_call& call, std::string action, json request,
                            const api_error& e) {
  command_event ev = hook_command(call, std::move(action), std::move(request));
  ev.error = to_json(e);
  ev.http_status = e.http_status;
  return {e.http_status, to_json(e), std::move(ev)};
}

rest_outcome command_done(const rest_call& call, std::string action, json request, json result) {
  command_event ev = hook_command(call, std::move(action), std::move(request));
  ev.result = result;
  return {200, std::move(result), std::move(ev)};
}

rest_outcome read_failed(const api_error& e) { return {e.http_status, to_json(e), std::nullopt}; }

api_error hook_not_found(std::int64_t id) {
  return api_error::not_found("error.msg.hook.identifier.not.found",
                              "Hook with identifier " + std::to_string(id) + " does not exist", id);
}

api_error method_not_allowed(const rest_call& call) {
  api_error e = api_error::bad_request(
      "error.msg.method.not.allowed",
      "HTTP method " + call.method + " is not allowed on " + call.path + ".");
  e.http_status = 405;
  return e;
}

// PlatformDataIntegrityException("error.msg.hook.duplicate.name", ...): a 403. Compared
// case-insensitively, as MySQL's unique index on m_hook.name does.
std::optional<api_error> duplicate_name(const std::vector<hook>& hooks, const std::string& name,
                                        std::int64_t except_id) {
  for (const auto& h : hooks) {
    if (h.id != except_id && hooks::iequals(h.display_name, name)) {
      api_error e = api_error::domain_rule("error.msg.hook.duplicate.name",
                                           "A hook with name '" + name + "' already exists");
      e.errors.front().parameter_name = "name";
      e.errors.front().value = name;
      return e;
    }
  }
  return std::nullopt;
}

// Fineract swallows a ping that got any answer and fails only on a connection error. An empty
// ping function means "no network": nothing is pinged.
std::optional<api_error> ping_failure(const ping_function& ping, const std::string& url) {
  if (!ping || ping(url)) return std::nullopt;
  return api_error::validation(std::string(detail::kPayloadUrlField),
                               "Failed data validation due to: url.invalid. Nothing answered at "
                               "the Payload URL `" +
                                   url + "`.",
                               "validation.msg.hook.url.invalid", url);
}

// TemplateNotFoundException: a templateId that names no message template.
std::optional<api_error> template_missing(const template_names& templates, std::int64_t id) {
  if (templates && templates(id)) return std::nullopt;
  return api_error::not_found("error.msg.template.id.invalid",
                              "Template with identifier " + std::to_string(id) + " does not exist",
                              id);
}

}  // namespace

hook_store::hook_store(hook_rules rules) : rules_(rules) {}

std::optional<rest_outcome> hook_store::handle(const rest_call& call, const ping_function& ping,
                                               const template_names& message_templates) {
  const auto shown = [&message_templates](const hook& h) {
    std::optional<std::string> name;
    if (h.template_id != 0 && message_templates) name = message_templates(h.template_id);
    return to_json(h, name);
  };
  const auto r = parse_route(call.path);
  if (!r) return std::nullopt;
  const std::string& m = call.method;
  switch (r->kind) {
    case route_kind::template_page:
      if (m == "GET") return rest_outcome{200, hook_template_json(), std::nullopt};
      break;
    case route_kind::collection:
      if (m == "GET") {
        json all = json::array();
        for (const auto& h : hooks_) all.push_back(shown(h));
        return rest_outcome{200, std::move(all), std::nullopt};
      }
      if (m == "POST") return create(call, ping, message_templates);
      break;
    case route_kind::item:
      if (m == "GET") {
        const hook* h = find(r->id);
        if (h == nullptr) return read_failed(hook_not_found(r->id));
        json body = shown(*h);
        const auto t = call.query.find("template");
        if (t != call.query.end() && hooks::iequals(t->second, "true")) {
          // Fineract's retrieveNewHookDetails(hook's template name): only that template.
          json templates = json::array();
          if (const auto* tp = detail::find_template(h->template_name)) {
            templates.push_back(detail::to_json(*tp));
          }
          body["templates"] = std::move(templates);
          body["groupings"] = detail::groupings_json();
        }
        return rest_outcome{200, std::move(body), std::nullopt};
      }
      if (m == "PUT") return update(call, r->id, ping, message_templates);
      if (m == "DELETE") return remove(call, r->id);
      break;
  }
  return read_failed(method_not_allowed(call));
}

rest_outcome hook_store::create(const rest_call& call, const ping_function& ping,
                                const template_names& templates) {
  const auto fail = [&](const api_error& e) {
    return command_failed(call, "CREATE", call.body, e);
  };
  auto read = detail::read_hook_request(call.body, /*creating=*/true);
  if (const auto* e = std::get_if<api_error>(&read)) return fail(*e);
  const auto& req = std::get<detail::hook_request>(read);
  const detail::hook_template& t = *req.templ;

  auto config = detail::read_config(*req.config, t, rules_);
  if (const auto* e = std::get_if<api_error>(&config)) return fail(*e);
  auto& fields = std::get<detail::hook_config>(config);
  if (req.template_id) {
    if (auto e = template_missing(templates, *req.template_id)) return fail(*e);
  }

  if (t.name != detail::kWebTemplate) {
    const bool taken = std::any_of(hooks_.begin(), hooks_.end(),
                                   [&](const hook& h) { return h.template_name == t.name; });
    if (taken) {
      return fail(api_error::validation(
          "name",
          "Failed data validation due to: multiple.non.web.template.hooks.not.supported. Only "
          "Web hooks can be registered more than once; a " +
              std::string(t.name) + " hook exists already.",
          "validation.msg.hook.multiple.non.web.template.hooks.not.supported", *req.name));
    }
  }
  if (auto e = duplicate_name(hooks_, *req.display_name, 0)) return fail(*e);
  if (t.has_payload_url()) {
    if (auto e = ping_failure(ping, fields.at(std::string(detail::kPayloadUrlField)))) {
      return fail(*e);
    }
  }

  hook h;
  h.id = next_id_++;
  h.template_name = std::string(t.name);
  h.display_name = *req.display_name;
  h.active = req.active.value_or(false);  // Fineract's default
  h.events = *req.events;
  h.config = std::move(fields);
  h.template_id = req.template_id.value_or(0);
  h.created_at = h.updated_at = utc_date(call.now);
  hooks_.push_back(std::move(h));
  return command_done(call, "CREATE", call.body, {{"resourceId", hooks_.back().id}});
}

// Like Fineract's Hook.update: displayName, isActive and templateId count as changes only when
// they differ; events and config, when sent, replace the stored ones and are echoed in `changes`.
// "name" is checked but ignored (a hook keeps its template). A config replaces the whole config,
// so it is checked as complete, and a stored "Api Key" goes with it, as in Fineract.
rest_outcome hook_store::update(const rest_call& call, std::int64_t id, const ping_function& ping,
                                const template_names& templates) {
  const auto fail = [&](const api_error& e) {
    return command_failed(call, "UPDATE", call.body, e);
  };
  auto read = detail::read_hook_request(call.body, /*creating=*/false);
  if (const auto* e = std::get_if<api_error>(&read)) return fail(*e);
  const auto& req = std::get<detail::hook_request>(read);
  const auto it =
      std::find_if(hooks_.begin(), hooks_.end(), [&](const hook& h) { return h.id == id; });
  if (it == hooks_.end()) return fail(hook_not_found(id));
  hook& h = *it;
  const detail::hook_template* t = detail::find_template(h.template_name);

  std::optional<detail::hook_config> fields;
  if (req.config && t != nullptr) {
    auto config = detail::read_config(*req.config, *t, rules_);
    if (const auto* e = std::get_if<api_error>(&config)) return fail(*e);
    fields = std::move(std::get<detail::hook_config>(config));
  }

  json changes = json::object();
  if (req.display_name && *req.display_name != h.display_name) {
    if (auto e = duplicate_name(hooks_, *req.display_name, id)) return fail(*e);
    changes["displayName"] = *req.display_name;
  }
  if (req.active && *req.active != h.active) changes["isActive"] = *req.active;
  if (req.template_id && *req.template_id != h.template_id) {
    if (auto e = template_missing(templates, *req.template_id)) return fail(*e);
    changes["templateId"] = *req.template_id;
  }
  if (req.events) changes["events"] = call.body.at("events");
  if (fields) {
    changes["config"] = call.body.at("config");
    const std::string url_field(detail::kPayloadUrlField);
    const auto url = fields->find(url_field);
    const auto old_url = h.config.find(url_field);
    const bool url_changed =
        url != fields->end() && (old_url == h.config.end() || old_url->second != url->second);
    if (url_changed) {
      if (auto e = ping_failure(ping, url->second)) return fail(*e);
    }
  }

  if (req.display_name) h.display_name = *req.display_name;
  if (req.active) h.active = *req.active;
  if (req.template_id) h.template_id = *req.template_id;
  if (req.events) h.events = *req.events;
  if (fields) h.config = std::move(*fields);
  // Fineract saves (and so stamps lastmodified_date) only when something changed.
  if (!changes.empty()) h.updated_at = utc_date(call.now);
  return command_done(call, "UPDATE", call.body,
                      {{"resourceId", id}, {"changes", std::move(changes)}});
}

rest_outcome hook_store::remove(const rest_call& call, std::int64_t id) {
  const auto it =
      std::find_if(hooks_.begin(), hooks_.end(), [&](const hook& h) { return h.id == id; });
  if (it == hooks_.end()) return command_failed(call, "DELETE", json::object(), hook_not_found(id));
  hooks_.erase(it);
  return command_done(call, "DELETE", json::object(), {{"resourceId", id}});
}

std::vector<hook> hook_store::active_for(std::string_view entity, std::string_view action) const {
  std::vector<hook> out;
  for (const auto& h : hooks_) {
    if (h.active && h.subscribes_to(entity, action)) out.push_back(h);
  }
  return out;
}

bool hook_store::uses_template(std::int64_t template_id) const {
  return std::any_of(hooks_.begin(), hooks_.end(),
                     [template_id](const hook& h) { return h.template_id == template_id; });
}

const hook* hook_store::find(std::int64_t id) const {
  for (const auto& h : hooks_) {
    if (h.id == id) return &h;
  }
  return nullptr;
}

void hook_store::set_config(std::int64_t id, const std::string& field, const std::string& value) {
  for (auto& h : hooks_) {
    if (h.id == id) h.config[field] = value;
  }
}

}  // namespace mifos::mock
