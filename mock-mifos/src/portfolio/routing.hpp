// routing.hpp: the plumbing every portfolio handler shares: path segments, the command result
// in Fineract's key order, and turning an answer into a rest_outcome (with its command_event
// for commands, success or failure).
//
//   if (call.method == "POST")
//     return run_command(call, "CLIENT", "CREATE", [&](const auto& body) { return create(body); });
//   if (call.method != "GET") return method_not_allowed(call);
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/api_error.hpp"
#include "model/rest_call.hpp"

namespace mifos::mock::detail {

// What a handler answers: the JSON for the caller (a command result or a read), or an error.
using answer = std::variant<nlohmann::ordered_json, api_error>;

// The fields of a command result (docs/wire-format.md section 3); to_json() writes the set ones in
// Fineract's order: commandId, officeId, groupId, clientId, loanId, savingsId, resourceId,
// subResourceId, transactionId, changes, resourceIdentifier, productId, resourceExternalId.
struct result_fields {
  // Default member initializers let callers name only the fields they set (designated
  // initializers) without -Wmissing-field-initializers.
  std::optional<std::int64_t> command_id = {}, office_id = {}, group_id = {}, client_id = {},
                              loan_id = {}, savings_id = {}, resource_id = {}, sub_resource_id = {};
  std::optional<std::string> transaction_id = {};
  std::optional<nlohmann::ordered_json> changes = {};
  std::optional<std::string> resource_identifier = {};
  std::optional<std::int64_t> product_id = {};
  std::optional<std::string> resource_external_id = {};

  nlohmann::ordered_json to_json() const;
};

// A command the entity's current state does not allow (approve twice, repay a loan that is not
// active). Fineract reports these as 400 validation errors (a PlatformApiDataValidationException
// with one general error on `parameter`), not as 403 domain rules.
api_error state_rule(std::string code, std::string message, std::string parameter = "id",
                     nlohmann::ordered_json value = nullptr);

// "/clients/3/" -> {"clients", "3"}: the non-empty segments of a path.
std::vector<std::string> split_path(std::string_view path);
// A path segment that is a positive id; nullopt for "template", "-1", "".
std::optional<std::int64_t> parse_id(std::string_view segment);
// The `command` query parameter, or nullptr.
const std::string* command_of(const rest_call& call);

// A paged list as Fineract's searches answer it: {"totalFilteredRecords": n, "pageItems": [...]},
// honouring the `offset` and `limit` query parameters (limit -1 or absent: everything).
nlohmann::ordered_json page(const rest_call& call, nlohmann::ordered_json items);

// A read: 200 with the JSON, or the error's status and body. No event.
rest_outcome read_outcome(answer a);

// Runs a command: a null body reads as {}; a body that is not an object fails with 400 before
// `run` is called. The outcome carries the command_event either way (Fineract fires hooks for
// failed commands too).
rest_outcome run_command(const rest_call& call, std::string_view entity, std::string_view action,
                         const std::function<answer(const nlohmann::ordered_json& body)>& run);

// 405 for a method the path does not take. No event: no command ran.
rest_outcome method_not_allowed(const rest_call& call);
// 400 for a `command` query parameter the path does not know (Fineract's
// UnrecognizedQueryParamException). No event: Fineract fails before it builds a command.
rest_outcome unsupported_command(const rest_call& call);

}  // namespace mifos::mock::detail
