// mock_front.cpp: the checks every Fineract REST call goes through, in Fineract's order (API
// root, tenant, authentication, body), then the resource handlers.
#include "server/mock_front.hpp"

#include <chrono>
#include <ctime>
#include <mifos/hooks/wire.hpp>

#include "model/api_error.hpp"
#include "portfolio/routing.hpp"
#include "request/command_names.hpp"
#include "server/batch.hpp"
#include "server/ugd_sms.hpp"
#include "wire/url.hpp"

namespace mifos::mock {
namespace {

// dump() and the Gson writer recurse; a hostile body must not be able to exhaust the stack.
constexpr int kMaxJsonDepth = 64;

hooks::http_answer error_answer(const api_error& e) { return {e.http_status, to_json(e).dump()}; }

bool nests_deeper_than(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// TemplateFunctions.now(): "yyyy/MM/dd HH:mm" in the server's time zone.
std::string template_now(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm local{};
  localtime_r(&t, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y/%m/%d %H:%M", &local);
  return text;
}

}  // namespace

mock_front::mock_front(mock_settings settings, ping_function ping)
    : settings_(std::move(settings)), ping_(std::move(ping)) {
  for (const auto& [name, password] : settings_.users) users_.add(name, password);
  // The trailing-slash rule came with Fineract 1.7; Mifos X appended the '/' itself.
  const bool lenient = settings_.lenient_urls || settings_.dialect == hooks::wire_dialect::mifos;
  for (const auto& t : settings_.tenants) tenants_.try_emplace(t, hook_rules{lenient});
}

std::string_view mock_front::api_root() const noexcept {
  return settings_.dialect == hooks::wire_dialect::mifos ? hooks::wire::kMifosApiRoot
                                                         : hooks::wire::kFineractApiRoot;
}

front_result mock_front::handle(const hooks::delivery& request,
                                std::chrono::system_clock::time_point now) {
  std::lock_guard lock(mutex_);
  try {
    return handle_locked(request, now);
  } catch (const std::exception&) {
    api_error e = api_error::bad_request("error.msg.platform.service.unavailable",
                                         "The server could not complete the request.");
    e.http_status = 500;
    return {error_answer(e), {}};
  }
}

front_result mock_front::handle_locked(const hooks::delivery& request,
                                       std::chrono::system_clock::time_point now) {
  std::string_view path = request.path();
  std::string_view root = api_root();
  if (path.substr(0, root.size()) != root ||
      (path.size() > root.size() && path[root.size()] != '/'))
    return {error_answer(api_error::unknown_resource()), {}};
  std::string sub_path(path.substr(root.size()));

  // Tenant: the dialect's header, or ?tenantIdentifier=.
  const auto& names = hooks::wire::header_names_for(settings_.dialect);
  std::optional<std::string> tenant;
  if (auto h = request.header(names.tenant)) tenant = std::string(*h);
  auto query = request.query();
  if (!tenant) {
    for (const auto& [k, v] : query)
      if (k == "tenantIdentifier") tenant = v;
  }
  if (!tenant || tenant->empty()) {
    return {error_answer(api_error::bad_request(
                "error.msg.tenant.identifier.missing",
                "No tenant identifier found: Add request header of '" + std::string(names.tenant) +
                    "' or add the parameter 'tenantIdentifier' to query string of request URL.")),
            {}};
  }
  auto state = tenants_.find(*tenant);
  if (state == tenants_.end()) {
    return {error_answer(
                api_error::bad_request("error.msg.invalid.tenant.identifier",
                                       "The tenant identifier: " + *tenant + " is not valid.")),
            {}};
  }

  // Body: JSON or nothing.
  nlohmann::ordered_json body;
  if (!blank(request.body)) {
    if (nests_deeper_than(request.body, kMaxJsonDepth))
      return {error_answer(api_error::bad_request("error.msg.invalid.json",
                                                  "The request body nests too deeply.")),
              {}};
    body = nlohmann::ordered_json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded())
      return {error_answer(api_error::bad_request("error.msg.invalid.json",
                                                  "The request body is not valid JSON.")),
              {}};
  }

  // Credentials: POST /authentication checks them itself, everything else needs HTTP Basic.
  const api_user* user = nullptr;
  std::optional<rest_outcome> outcome;
  if (sub_path == "/authentication") {
    if (request.method != "POST") return {error_answer(api_error::unknown_resource()), {}};
    outcome = users_.authenticate(body);
  } else {
    user = users_.check_basic(request.header("Authorization"));
    if (!user) return {error_answer(api_error::unauthenticated()), {}};
  }
  if (!endpoint_ && (user || outcome->status == 200)) {
    // Fineract's endpoint stops at "api/"; Mifos X's includes "v1/" (docs/wire-format.md section
    // 2).
    std::string_view base =
        settings_.dialect == hooks::wire_dialect::fineract ? root.substr(0, root.size() - 2) : root;
    std::string host(request.header("Host").value_or("localhost"));
    endpoint_ = "http://" + host + std::string(base);
    if (endpoint_->back() != '/') *endpoint_ += '/';
  }

  if (!outcome) {
    rest_call call;
    call.method = request.method;
    call.path = sub_path;
    for (auto& [k, v] : query)
      call.query.insert_or_assign(k, k == "command" ? detail::canonical_command(v) : v);
    call.body = std::move(body);
    call.user = *user;
    call.tenant = *tenant;
    call.now = now;
    if (sub_path == "/batches") {
      std::vector<firing> firings;
      const rest_outcome batch = run_batch_locked(state->second, call, firings);
      return {{batch.status, batch.body.dump()}, std::move(firings)};
    }
    outcome = run_checked_locked(state->second, call);
    if (!outcome) return {error_answer(api_error::unknown_resource()), {}};
  }

  front_result result{{outcome->status, outcome->body.dump()}, {}};
  if (outcome->event) result.firings = firings_for(*outcome->event);
  return result;
}

std::optional<rest_outcome> mock_front::dispatch_locked(tenant_state& t, const rest_call& call) {
  if (call.path == "/hooks" || call.path.rfind("/hooks/", 0) == 0) {
    const auto template_name = [&t](std::int64_t id) -> std::optional<std::string> {
      const auto& rows = t.records.rows("templates").rows;
      const auto it = rows.find(id);
      if (it == rows.end()) return std::nullopt;
      return it->second.value("name", std::string());
    };
    return t.hooks.handle(call, ping_, template_name);
  }
  t.records.template_in_use = [&t](std::int64_t id) { return t.hooks.uses_template(id); };
  auto office_exists = [&t](std::int64_t id) { return t.accounts.has_office(id); };
  if (auto outcome = t.records.handle(call, office_exists)) {
    // A user created through the API can log in, as in Fineract.
    const auto& e = outcome->event;
    if (e && !e->failed() && e->entity == "USER" && e->action == "CREATE") {
      const auto& body = call.body;
      if (body.value("username", nlohmann::ordered_json()).is_string() &&
          body.value("password", nlohmann::ordered_json()).is_string())
        users_.add(body["username"].get<std::string>(), body["password"].get<std::string>());
    }
    return outcome;
  }
  return t.accounts.handle(call);
}

std::optional<rest_outcome> mock_front::run_checked_locked(tenant_state& t, const rest_call& call) {
  if (call.path == "/makercheckers" || call.path.rfind("/makercheckers/", 0) == 0)
    return checker_call_locked(t, call);
  if (call.method == "GET" || !maker_checker_enabled(t.records)) return dispatch_locked(t, call);
  // The command runs, and is rolled back if it must wait: keep what it may change.
  portfolio accounts = t.accounts;
  records::record_db records = t.records;
  hook_store hooks = t.hooks;
  std::optional<rest_outcome> outcome = dispatch_locked(t, call);
  if (!outcome || !outcome->event || !must_wait(records, call.user, *outcome->event))
    return outcome;
  t.accounts = std::move(accounts);
  t.records = std::move(records);
  t.hooks = std::move(hooks);
  nlohmann::ordered_json reply = t.checks.park(call, *outcome->event);
  // Fineract publishes a parked command as a failure (RollbackTransactionNotApprovedException).
  command_event parked = *std::move(outcome->event);
  parked.result.reset();
  parked.error = reply;
  parked.http_status = 200;
  return rest_outcome{200, std::move(reply), std::move(parked)};
}

rest_outcome mock_front::checker_call_locked(tenant_state& t, const rest_call& call) {
  const auto parts = detail::split_path(call.path);
  if (parts.size() == 1) {
    if (call.method != "GET") return detail::method_not_allowed(call);
    return {200, t.checks.list(call), std::nullopt};
  }
  const auto id = parts.size() == 2 ? detail::parse_id(parts[1]) : std::nullopt;
  if (!id) return {404, to_json(api_error::unknown_resource()), std::nullopt};
  parked_command* p = t.checks.find(*id);
  if (p == nullptr)
    return detail::read_outcome(api_error::not_found(
        "error.msg.command.id.invalid",
        "Audit with identifier " + std::to_string(*id) + " does not exist", *id));
  if (p->status != "awaiting.approval")
    return detail::read_outcome(api_error::not_found(
        "error.msg.command.id.not.awaiting.approval",
        "Audit with identifier " + std::to_string(*id) + " is not awaiting approval.", *id));
  const std::string* command = detail::command_of(call);
  const nlohmann::ordered_json acknowledged = {{"commandId", *id}};
  if (call.method == "DELETE" || (call.method == "POST" && command && *command == "reject")) {
    p->status = "rejected";  // nothing ran, nothing fires
    return {200, acknowledged, std::nullopt};
  }
  if (call.method != "POST") return detail::method_not_allowed(call);
  if (!command || *command != "approve") return detail::unsupported_command(call);

  const std::string task = p->action + "_" + p->entity;
  const bool super_user = is_checker_super_user(t.records, call.user);
  if (!super_user && !has_permission(t.records, call.user, task + "_CHECKER")) {
    api_error e = api_error::domain_rule("error.msg.not.authorized",
                                         "User has no authority to be a checker for: " + task);
    return detail::read_outcome(e);
  }
  if (!super_user && call.user.username == p->call.user.username) {
    return detail::read_outcome(api_error::bad_request(
        "error.msg.command.unsupported",
        "The command " + task + " is not supported. Can not be checked by the same user."));
  }
  rest_call approved = p->call;
  approved.user = call.user;
  approved.now = call.now;
  std::optional<rest_outcome> out = dispatch_locked(t, approved);
  if (!out) return {404, to_json(api_error::unknown_resource()), std::nullopt};
  if (!out->event || out->event->failed()) {
    p->status = "error";
    return *std::move(out);
  }
  p->status = "approved";
  nlohmann::ordered_json result = {{"commandId", *id}};
  for (const auto& [key, value] : out->body.items())
    if (key != "commandId") result[key] = value;
  out->body = result;
  out->event->result = std::move(result);
  return *std::move(out);
}

rest_outcome mock_front::run_batch_locked(tenant_state& t, const rest_call& call,
                                          std::vector<firing>& firings) {
  if (call.method != "POST") return {405, to_json(api_error::unknown_resource()), std::nullopt};
  auto requests = read_batch(call.body);
  if (auto* e = std::get_if<api_error>(&requests))
    return {e->http_status, to_json(*e), std::nullopt};
  auto enclosing = call.query.find("enclosingTransaction");
  const bool one_transaction = enclosing != call.query.end() && enclosing->second == "true";
  std::optional<portfolio> before;
  if (one_transaction) before = t.accounts;
  auto run_one = [&](const batch_call& sub) -> rest_outcome {
    if (!sub.body_is_json)
      return {400,
              to_json(api_error::bad_request("error.msg.invalid.json",
                                             "The request body is not valid JSON.")),
              std::nullopt};
    hooks::delivery target;
    target.target = "/" + sub.relative_url;
    rest_call inner = call;
    inner.method = sub.method;
    inner.path = std::string(target.path());
    inner.query.clear();
    for (auto& [k, v] : target.query())
      inner.query.insert_or_assign(k, k == "command" ? detail::canonical_command(v) : v);
    inner.body = sub.body;
    std::optional<rest_outcome> out = dispatch_locked(t, inner);
    if (!out) return {404, to_json(api_error::unknown_resource()), std::nullopt};
    // Fineract 2024-10 publishes a command's hook inside the batch's transaction, so a later
    // rollback does not take it back.
    if (out->event)
      for (firing& f : firings_for(*out->event)) firings.push_back(std::move(f));
    return std::move(*out);
  };
  batch_result result = run_batch(std::get<std::vector<batch_request>>(std::move(requests)),
                                  one_transaction, run_one);
  if (result.roll_back && before) t.accounts = std::move(*before);
  return {200, std::move(result.responses), std::nullopt};
}

std::pair<rest_outcome, std::vector<firing>> mock_front::run(const rest_call& call) {
  std::lock_guard lock(mutex_);
  auto state = tenants_.find(call.tenant);
  std::optional<rest_outcome> outcome;
  if (state != tenants_.end()) outcome = dispatch_locked(state->second, call);
  if (!outcome)
    return {rest_outcome{404, to_json(api_error::unknown_resource()), std::nullopt}, {}};
  std::vector<firing> firings;
  if (outcome->event) firings = firings_for(*outcome->event);
  return {std::move(*outcome), std::move(firings)};
}

std::vector<firing> mock_front::firings_for(const command_event& e) {
  std::vector<firing> out;
  // Mifos X fires nothing for a failed command (docs/wire-format.md section 4).
  if (e.failed() && settings_.dialect == hooks::wire_dialect::mifos) return out;
  auto state = tenants_.find(e.tenant);
  if (state == tenants_.end()) return out;
  payload_settings s;
  s.dialect = settings_.dialect;
  s.failures = settings_.failures;
  s.endpoint = endpoint_;
  s.lenient_urls = settings_.lenient_urls || settings_.dialect == hooks::wire_dialect::mifos;
  for (hook& h : state->second.hooks.active_for(e.entity, e.action)) {
    firing f{e, std::move(h), s, false, std::nullopt};
    // TwilioHookProcessor: only the SMS Bridge uses the hook's template.
    f.templated = f.target.template_id != 0 && hooks::iequals(f.target.template_name, "SMS Bridge");
    if (f.templated) f.sms = ugd_sms_locked(state->second, e, f.target.template_id, s);
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<sms_message> mock_front::ugd_sms_locked(tenant_state& t, const command_event& e,
                                                      std::int64_t template_id,
                                                      const payload_settings& s) {
  const auto& rows = t.records.rows("templates").rows;
  const auto row = rows.find(template_id);
  if (row == rows.end()) return std::nullopt;
  // The processor reads the body the hook would have sent (always JSON for the SMS Bridge).
  const auto payload = hook_body(e, hooks::body_format::json, s);
  if (!payload) return std::nullopt;
  sms_lookups lookups;
  lookups.base_uri = endpoint_.value_or("");
  lookups.get = [&](const std::string& url) { return get_locked(t, e, url); };
  lookups.mobile_of = [&](std::int64_t client_id) -> std::optional<std::string> {
    const auto client = read_locked(t, e, "/clients/" + std::to_string(client_id), {});
    if (!client) return std::nullopt;  // no such client: Fineract's processor fails
    return client->value("mobileNo", std::string());
  };
  lookups.now_text = template_now(e.at);
  return ugd_sms(ugd_template_of(row->second), *payload, lookups);
}

std::optional<nlohmann::ordered_json> mock_front::get_locked(tenant_state& t,
                                                             const command_event& e,
                                                             const std::string& url) {
  // Only this server's own API is served; Fineract would fetch any other URL over HTTP.
  if (!endpoint_ || url.rfind(*endpoint_, 0) != 0) return std::nullopt;
  const auto parsed = parse_http_url(url);
  if (!parsed) return std::nullopt;
  hooks::delivery d;
  d.target = parsed->target;
  const std::string_view path = d.path();
  const std::string_view root = api_root();
  if (path.substr(0, root.size()) != root) return std::nullopt;
  std::map<std::string, std::string> query;
  for (auto& [k, v] : d.query()) query.insert_or_assign(k, v);
  return read_locked(t, e, std::string(path.substr(root.size())), std::move(query));
}

std::optional<nlohmann::ordered_json> mock_front::read_locked(
    tenant_state& t, const command_event& e, std::string path,
    std::map<std::string, std::string> query) {
  rest_call call;
  call.method = "GET";
  call.path = std::move(path);
  call.query = std::move(query);
  call.user = e.user;
  call.tenant = e.tenant;
  call.now = e.at;
  const auto out = dispatch_locked(t, call);
  if (!out || out->status != 200 || !out->body.is_object()) return std::nullopt;
  return out->body;
}

void mock_front::set_hook_config(const std::string& tenant, std::int64_t hook_id,
                                 const std::string& field, const std::string& value) {
  std::lock_guard lock(mutex_);
  auto state = tenants_.find(tenant);
  if (state != tenants_.end()) state->second.hooks.set_config(hook_id, field, value);
}

std::optional<hook> mock_front::find_hook(const std::string& tenant, std::int64_t hook_id) const {
  std::lock_guard lock(mutex_);
  auto state = tenants_.find(tenant);
  if (state == tenants_.end()) return std::nullopt;
  const hook* h = state->second.hooks.find(hook_id);
  return h ? std::optional<hook>(*h) : std::nullopt;
}

}  // namespace mifos::mock
