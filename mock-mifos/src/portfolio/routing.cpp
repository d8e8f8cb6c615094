// routing.cpp: outcomes and events for the portfolio's handlers.
#include "portfolio/routing.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

rest_outcome error_outcome(const api_error& e) { return {e.http_status, to_json(e), std::nullopt}; }

}  // namespace

json result_fields::to_json() const {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto put = [&j](const char* key, const auto& field) {
    if (field) j[key] = *field;
  };
  put("commandId", command_id);
  put("officeId", office_id);
  put("groupId", group_id);
  put("clientId", client_id);
  put("loanId", loan_id);
  put("savingsId", savings_id);
  put("resourceId", resource_id);
  put("subResourceId", sub_resource_id);
  put("transactionId", transaction_id);
  put("changes", changes);
  put("resourceIdentifier", resource_identifier);
  put("productId", product_id);
  put("resourceExternalId", resource_external_id);
  return j;
}

api_error state_rule(std::string code, std::string message, std::string parameter, json value) {
  return api_error::validation(std::move(parameter), std::move(message), std::move(code),
                               std::move(value));
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  while (!path.empty()) {
    auto slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    if (!part.empty()) parts.emplace_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

std::optional<std::int64_t> parse_id(std::string_view segment) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), id);
  if (segment.empty() || ec != std::errc() || end != segment.data() + segment.size() || id <= 0) {
    return std::nullopt;
  }
  return id;
}

const std::string* command_of(const rest_call& call) {
  auto it = call.query.find("command");
  return it == call.query.end() ? nullptr : &it->second;
}

json page(const rest_call& call, json items) {
  auto number = [&call](const char* key) -> std::optional<std::int64_t> {
    auto it = call.query.find(key);
    std::int64_t v = 0;
    if (it == call.query.end()) return std::nullopt;
    auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    if (ec != std::errc() || end != it->second.data() + it->second.size()) return std::nullopt;
    return v;
  };
  const auto total = static_cast<std::int64_t>(items.size());
  const std::int64_t offset = std::clamp<std::int64_t>(number("offset").value_or(0), 0, total);
  std::int64_t limit = number("limit").value_or(-1);
  if (limit < 0 || limit > total - offset) limit = total - offset;
  json page_items = json::array();
  for (std::int64_t i = offset; i < offset + limit; ++i) {
    page_items.push_back(std::move(items[static_cast<std::size_t>(i)]));
  }
  return {{"totalFilteredRecords", total}, {"pageItems", std::move(page_items)}};
}

rest_outcome read_outcome(answer a) {
  if (auto* e = std::get_if<api_error>(&a)) return error_outcome(*e);
  return {200, std::move(std::get<json>(a)), std::nullopt};
}

rest_outcome run_command(const rest_call& call, std::string_view entity, std::string_view action,
                         const std::function<answer(const json& body)>& run) {
  command_event event;
  event.entity = std::string(entity);
  event.action = std::string(action);
  event.tenant = call.tenant;
  event.user = call.user;
  event.at = call.now;
  if (call.body.is_object()) event.request = call.body;

  answer a = call.body.is_null() || call.body.is_object()
                 ? run(event.request)
                 : answer(api_error::bad_request("error.msg.invalid.request.body",
                                                 "The request body must be a JSON object."));
  rest_outcome out;
  if (auto* e = std::get_if<api_error>(&a)) {
    out = error_outcome(*e);
    event.error = out.body;
    event.http_status = e->http_status;
  } else {
    out.body = std::get<json>(a);
    event.result = std::move(std::get<json>(a));
  }
  out.event = std::move(event);
  return out;
}

rest_outcome method_not_allowed(const rest_call& call) {
  api_error e =
      api_error::bad_request("error.msg.method.not.allowed",
                             "The method " + call.method + " is not allowed on " + call.path + ".");
  e.http_status = 405;
  return error_outcome(e);
}

rest_outcome unsupported_command(const rest_call& call) {
  const std::string* command = command_of(call);
  std::string value = command != nullptr ? *command : "null";
  return error_outcome(api_error::validation(
      "command", "The query parameter command has an unsupported value of: " + value,
      "error.msg.query.parameter.value.unsupported",
      command != nullptr ? json(*command) : json(nullptr)));
}

}  // namespace mifos::mock::detail
