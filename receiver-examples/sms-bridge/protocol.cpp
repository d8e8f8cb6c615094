// protocol.cpp: routing by path segment, then one function per endpoint. Checks run in the order
// the original bridge runs them: the request's form, then the key, then whether the event is one
// it handles.
#include "protocol.hpp"

#include <charconv>
#include <mifos/hooks/answer.hpp>
#include <mifos/hooks/event.hpp>
#include <mifos/hooks/wire.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "configuration.hpp"
#include "intake.hpp"

namespace sms_bridge {
namespace {

using mifos::hooks::delivery;
using mifos::hooks::error_answer;
using mifos::hooks::http_answer;

// Stored text is UTF-8 already; the replace handler only guards against a byte that is not.
http_answer json_answer(int status, const nlohmann::ordered_json& body) {
  return http_answer(status,
                     body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

http_answer wrong_method(std::string allow) {
  http_answer a = error_answer(405, "method not allowed");
  a.headers.push_back({"Allow", std::move(allow)});
  return a;
}

http_answer not_found() { return error_answer(404, "no such resource"); }

// The key a request carries, in either header family.
std::optional<std::string_view> api_key_of(const delivery& request) {
  if (auto key = request.header(mifos::hooks::wire::kFineractHeaders.api_key)) return key;
  return request.header(mifos::hooks::wire::kMifosHeaders.api_key);
}

bool key_matches(std::optional<std::string_view> given, const tenant_config& t) {
  return given && !given->empty() && mifos::hooks::secret_equals(*given, t.api_key);
}

// "/a/b/" -> {"a", "b"}; nothing for an empty segment ("/a//b").
std::optional<std::vector<std::string_view>> segments_of(std::string_view rest) {
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  std::vector<std::string_view> out;
  while (!rest.empty()) {
    if (rest.front() != '/') return std::nullopt;
    rest.remove_prefix(1);
    const std::size_t end = rest.find('/');
    std::string_view segment = rest.substr(0, end);
    if (segment.empty()) return std::nullopt;
    out.push_back(segment);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  }
  return out;
}

std::optional<std::size_t> event_limit(const delivery& request) {
  auto text = request.query_param("limit");
  if (!text) return kDefaultEventLimit;
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || end != text->data() + text->size() || n == 0 || n > kMaxEventLimit)
    return std::nullopt;
  return n;
}

}  // namespace

protocol::protocol(bridge_store& store, enqueue_function enqueue)
    : store_(store), enqueue_(std::move(enqueue)) {}

http_answer protocol::handle(const delivery& request,
                             std::chrono::system_clock::time_point now) const {
  const std::string_view path = request.path();
  if (path.substr(0, kBasePath.size()) != kBasePath) return not_found();
  const std::string_view rest = path.substr(kBasePath.size());
  if (rest.empty() || rest == "/") {
    // Mifos X posts to the Payload URL plus "/"; the server pings it with a GET on creation.
    if (request.method == "POST") return hook_event(request, now);
    if (request.method == "GET") return mifos::hooks::status_answer("ok");
    return wrong_method("GET, POST");
  }
  const auto segments = segments_of(rest);
  if (!segments || segments->empty()) return not_found();
  const auto& s = *segments;
  if (s[0] == "configuration" && s.size() == 1) {
    if (request.method != "POST") return wrong_method("POST");
    return register_tenant(request, now);
  }
  if (s[0] == "configuration" && s.size() == 2) {
    if (request.method != "GET" && request.method != "DELETE") return wrong_method("GET, DELETE");
    return tenant_request(request, s[0], s[1], false);
  }
  if (s[0] == "events" && s.size() == 2) {
    if (request.method != "GET") return wrong_method("GET");
    return tenant_request(request, s[0], s[1], false);
  }
  if (s[0] == "events" && s.size() == 3 && s[2] == "_resend") {
    if (request.method != "POST") return wrong_method("POST");
    return tenant_request(request, s[0], s[1], true);
  }
  return not_found();
}

http_answer protocol::hook_event(const delivery& request,
                                 std::chrono::system_clock::time_point now) const {
  auto parsed = mifos::hooks::parse(request);
  if (!parsed) return error_answer(parsed.error().status, parsed.error().reason);
  const mifos::hooks::event& e = *parsed;
  if (!e.api_key || e.api_key->empty())
    return error_answer(400, "missing X-Mifos-API-Key (or X-Fineract-API-Key) header");
  if (e.tenant.empty())
    return error_answer(400,
                        "missing X-Mifos-Platform-TenantId (or Fineract-Platform-TenantId) header");
  const auto tenant = store_.find_tenant(e.tenant);
  if (!tenant || !key_matches(e.api_key, *tenant))
    return error_answer(401, "unknown tenant or wrong API key");
  const auto kind = handled_kind(e.entity, e.action);
  if (!kind) return error_answer(404, "the bridge does not handle " + e.entity + " " + e.action);
  // A failed command also fires (Fineract >= 1.5): there is nothing to tell the client.
  if (e.failed) return json_answer(200, {{"status", "ignored"}, {"reason", "the command failed"}});
  auto read = read_event(e, *kind, now);
  if (auto* why = std::get_if<std::string>(&read)) return error_answer(400, *why);
  const std::int64_t id = store_.add_event(std::get<sms_event>(read));
  if (enqueue_) enqueue_(id);
  return json_answer(200, {{"status", "accepted"}, {"id", id}});
}

http_answer protocol::register_tenant(const delivery& request,
                                      std::chrono::system_clock::time_point now) const {
  auto read = read_registration(request.body, now);
  if (auto* why = std::get_if<std::string>(&read)) return error_answer(400, *why);
  const tenant_config& config = std::get<tenant_config>(read);
  if (!store_.add_tenant(config))
    return error_answer(400, "tenant " + config.tenant_id + " is already configured");
  // The key as raw text: the server stores the body as it is.
  return http_answer(201, config.api_key, "text/plain");
}

http_answer protocol::tenant_request(const delivery& request, std::string_view resource,
                                     std::string_view tenant_id, bool resend) const {
  const auto key = api_key_of(request);
  if (!key || key->empty())
    return error_answer(401, "missing X-Mifos-API-Key (or X-Fineract-API-Key) header");
  const auto tenant = store_.find_tenant(tenant_id);
  if (!tenant) return error_answer(404, "tenant " + std::string(tenant_id) + " is not configured");
  if (!key_matches(key, *tenant)) return error_answer(401, "wrong API key");

  if (resource == "configuration") {
    if (request.method == "GET") return json_answer(200, configuration_json(*tenant));
    store_.remove_tenant(tenant_id);
    return json_answer(200, {{"deleted", tenant_id}});
  }
  if (resend) {
    const auto ids = store_.requeue_failed(tenant_id);
    if (enqueue_)
      for (std::int64_t id : ids) enqueue_(id);
    return json_answer(200, {{"resent", ids.size()}});
  }
  const auto limit = event_limit(request);
  if (!limit)
    return error_answer(400, "limit must be a number from 1 to " + std::to_string(kMaxEventLimit));
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& e : store_.events_of(tenant_id, *limit)) list.push_back(to_json(e));
  return json_answer(200, list);
}

}  // namespace sms_bridge
