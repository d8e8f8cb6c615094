#include "server/mock_server.hpp"

#include <charconv>
#include <chrono>
#include <mifos/hooks/wire.hpp>

#include "generate/day_scenario.hpp"
#include "wire/url.hpp"

namespace mifos::mock {
namespace {

// Fineract checks a new hook's Payload URL with a GET; any answer will do (docs/wire-format.md
// section 2).
bool ping(const std::string& payload_url, hooks::wire_dialect dialect,
          const send_options& options) {
  auto url = parse_http_url(payload_url);
  if (!url) return false;
  hooks::delivery d;
  d.method = "GET";
  d.target = url->target;
  d.headers = {{"Host", url->host_header()},
               {"User-Agent", std::string(hooks::wire::user_agent_for(dialect))}};
  return send_once(url->origin(), d, options).answered();
}

std::uint64_t number_param(const hooks::delivery& d, std::string_view name,
                           std::uint64_t fallback) {
  auto raw = d.query_param(name);
  if (!raw) return fallback;
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), value);
  return ec == std::errc() && end == raw->data() + raw->size() ? value : fallback;
}

hooks::http_answer json_error(int status, std::string_view message) {
  return {status, nlohmann::json{{"error", message}}.dump()};
}

}  // namespace

mock_server::mock_server(serve_options options,
                         std::function<void(const logged_delivery&)> on_delivery)
    : options_(std::move(options)),
      log_(options_.log_capacity),
      front_(options_.mock, [dialect = options_.mock.dialect, sending = options_.sending](
                                const std::string& url) { return ping(url, dialect, sending); }),
      firer_(front_, log_, options_.senders, std::move(on_delivery), options_.sending) {
  hooks::http_server_options s;
  s.address = options_.address;
  s.port = options_.port;
  s.threads = options_.threads;
  server_ = std::make_unique<hooks::http_server>(
      [this](const hooks::delivery& d) { return handle(d); }, s);
}

mock_server::~mock_server() { stop(); }

void mock_server::start() { server_->start(); }
std::uint16_t mock_server::port() const { return server_->port(); }

std::string mock_server::api_url() const {
  return "http://" + options_.address + ":" + std::to_string(port()) +
         std::string(front_.api_root());
}

void mock_server::wait_for_signal() {
  server_->wait_for_signal();
  firer_.drain();
}

void mock_server::stop() {
  server_->stop();
  firer_.drain();
}

hooks::http_answer mock_server::handle(const hooks::delivery& request) {
  if (request.path().rfind("/mock/", 0) == 0) return handle_mock_endpoint(request);
  front_result r = front_.handle(request, std::chrono::system_clock::now());
  for (auto& f : r.firings) firer_.fire(std::move(f));
  return std::move(r.answer);
}

hooks::http_answer mock_server::handle_mock_endpoint(const hooks::delivery& request) {
  std::string_view path = request.path();
  if (path == "/mock/health") {
    if (request.method != "GET") return json_error(405, "use GET");
    return {200, nlohmann::json{{"status", "ok"}, {"pending", firer_.pending()}}.dump()};
  }
  if (path == "/mock/deliveries") {
    if (request.method == "DELETE") {
      log_.clear();
      return {200, R"({"cleared":true})"};
    }
    if (request.method != "GET") return json_error(405, "use GET or DELETE");
    std::uint64_t limit = number_param(request, "limit", 100);
    std::uint64_t after = number_param(request, "after", 0);
    return {200, log_.to_json(static_cast<std::size_t>(limit), after).dump()};
  }
  if (path == "/mock/scenario") {
    if (request.method != "POST") return json_error(405, "use POST");
    return run_scenario(request);
  }
  return json_error(404, "no such mock endpoint");
}

hooks::http_answer mock_server::run_scenario(const hooks::delivery& request) {
  scenario_options o;
  o.clients = static_cast<std::size_t>(number_param(request, "clients", 100));
  o.seed = number_param(request, "seed", 1);
  o.tenant = options_.mock.tenants.front();
  for (const auto& [k, v] : request.query())
    if (k == "tenant") o.tenant = v;
  if (o.clients == 0 || o.clients > 100'000)
    return json_error(400, "clients must be from 1 to 100000");
  bool known_tenant = false;
  for (const auto& t : options_.mock.tenants) known_tenant = known_tenant || t == o.tenant;
  if (!known_tenant) return json_error(400, "unknown tenant " + o.tenant);
  std::size_t fired = 0;
  scenario_summary summary = run_day(o, [&](std::int64_t at_us, const rest_call& call) {
    auto [outcome, firings] = front_.run(call);
    // Commands of earlier days set the morning up; their hooks fired on those days.
    if (at_us >= 0) {
      fired += firings.size();
      for (auto& f : firings) firer_.fire(std::move(f));
    }
    return std::move(outcome);
  });
  return {200, nlohmann::json{{"commands", summary.commands},
                              {"failed", summary.failed},
                              {"fired", fired},
                              {"unexpected", summary.unexpected.size()}}
                   .dump()};
}

}  // namespace mifos::mock
