// fineract_client.cpp: typed GETs against the Fineract REST API over http_client, with the
// tenant header of the dialect, Basic credentials, and retries on connection errors and 5xx.
#include "mifos/hooks/fineract_client.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "mifos/hooks/http_client.hpp"

namespace mifos::hooks {
namespace {

using json = nlohmann::json;

// Doubling stops here, so a caller who asks for many attempts does not wait for hours.
constexpr std::chrono::milliseconds kMaxBackoff = std::chrono::seconds(10);

bool is_retryable(const client_response& r) { return r.status == 0 || r.status >= 500; }

const json* member(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

std::string text_of(const json& j, const char* key) {
  const json* v = member(j, key);
  if (!v) return {};
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return std::to_string(v->get<std::int64_t>());
  return {};
}

std::optional<std::string> optional_text(const json& j, const char* key) {
  const json* v = member(j, key);
  if (v && v->is_string()) return v->get<std::string>();
  return std::nullopt;
}

std::optional<std::int64_t> id_of(const json& j, const char* key) {
  const json* v = member(j, key);
  if (!v || !v->is_number()) return std::nullopt;
  if (v->is_number_float()) return static_cast<std::int64_t>(v->get<double>());
  return v->get<std::int64_t>();
}

fineract_error error_from(const client_response& r, int attempts) {
  fineract_error e;
  e.status = r.status;
  e.attempts = attempts;
  if (r.status == 0) {
    e.message = r.error;
    return e;
  }
  e.body = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (e.body.is_discarded()) e.body = r.body;
  e.message = text_of(e.body, "developerMessage");
  if (e.message.empty()) e.message = text_of(e.body, "defaultUserMessage");
  if (e.message.empty()) e.message = "HTTP " + std::to_string(r.status);
  e.code = text_of(e.body, "userMessageGlobalisationCode");
  return e;
}

// The answer's body as a JSON object, or the error saying it is not one.
fineract_result<json> object_from(const client_response& r, int attempts) {
  json j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    fineract_error e;
    e.status = r.status;
    e.attempts = attempts;
    e.message = "the server answered " + std::to_string(r.status) + " with a body that is not " +
                "a JSON object";
    e.body = r.body;
    return e;
  }
  return j;
}

}  // namespace

fineract_client_options fineract_client_options::for_event(const event& e) {
  fineract_client_options o;
  if (e.endpoint) o.base_url = fineract_api_base(*e.endpoint);
  if (!e.tenant.empty()) o.tenant = e.tenant;
  o.dialect = e.dialect;
  return o;
}

std::string fineract_api_base(std::string_view endpoint) {
  std::string base(endpoint);
  if (base.empty()) return base;
  if (base.back() != '/') base.push_back('/');
  constexpr std::string_view kBareApi = "/api/";
  if (base.size() >= kBareApi.size() &&
      base.compare(base.size() - kBareApi.size(), kBareApi.size(), kBareApi) == 0)
    base += "v1/";
  return base;
}

fineract_client::fineract_client(fineract_client_options options) : options_(std::move(options)) {
  options_.base_url = fineract_api_base(options_.base_url);
}

fineract_result<json> fineract_client::get(std::string_view path) const {
  if (options_.base_url.empty()) {
    fineract_error e;
    e.message = "no base URL: the delivery had no Endpoint header and none is configured";
    return e;
  }
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);

  client_request request;
  request.url = options_.base_url + std::string(path);
  request.headers.push_back({"Accept", "application/json"});
  request.headers.push_back(
      {std::string(wire::header_names_for(options_.dialect).tenant), options_.tenant});
  if (!options_.token.empty())
    request.headers.push_back({"Authorization", "Basic " + options_.token});
  else if (!options_.username.empty())
    request.headers.push_back(
        {"Authorization", basic_authorization(options_.username, options_.password)});

  http_client_options transport;
  transport.connect_timeout = options_.connect_timeout;
  transport.timeout = options_.timeout;
  transport.verify_tls = options_.verify_tls;
  transport.ca_file = options_.ca_file;
  const http_client client(std::move(transport));
  const int attempts = std::max(1, options_.max_attempts);
  auto backoff = options_.retry_backoff;
  for (int attempt = 1;; ++attempt) {
    client_response r = client.send(request);
    if (r.ok()) return object_from(r, attempt);
    if (!is_retryable(r) || attempt == attempts) return error_from(r, attempt);
    std::this_thread::sleep_for(backoff);
    backoff = std::min(backoff * 2, kMaxBackoff);
  }
}

fineract_result<fineract_client_record> fineract_client::get_client(std::int64_t id) const {
  auto answer = get("clients/" + std::to_string(id));
  if (!answer) return answer.error();
  const json& j = *answer;
  fineract_client_record c;
  c.id = id_of(j, "id").value_or(id);
  c.account_no = text_of(j, "accountNo");
  c.display_name = text_of(j, "displayName");
  c.first_name = text_of(j, "firstname");
  c.last_name = text_of(j, "lastname");
  c.mobile_no = optional_text(j, "mobileNo");
  c.external_id = optional_text(j, "externalId");
  c.office_id = id_of(j, "officeId");
  c.office_name = text_of(j, "officeName");
  if (const json* active = member(j, "active"); active && active->is_boolean())
    c.active = active->get<bool>();
  c.raw = j;
  return c;
}

fineract_result<fineract_loan> fineract_client::get_loan(std::int64_t id) const {
  auto answer = get("loans/" + std::to_string(id));
  if (!answer) return answer.error();
  const json& j = *answer;
  fineract_loan l;
  l.id = id_of(j, "id").value_or(id);
  l.account_no = text_of(j, "accountNo");
  l.client_id = id_of(j, "clientId");
  l.client_name = text_of(j, "clientName");
  l.client_account_no = text_of(j, "clientAccountNo");
  l.product_name = text_of(j, "loanProductName");
  if (const json* status = member(j, "status")) {
    l.status_code = text_of(*status, "code");
    l.status = text_of(*status, "value");
  }
  if (const json* principal = member(j, "principal"); principal && principal->is_number())
    l.principal = principal->get<double>();
  if (const json* currency = member(j, "currency")) l.currency = text_of(*currency, "code");
  l.raw = j;
  return l;
}

}  // namespace mifos::hooks
