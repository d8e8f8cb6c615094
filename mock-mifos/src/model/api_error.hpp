// api_error.hpp: an error as Fineract's REST API reports it (docs/wire-format.md section 9), and
// its JSON body.
//
//   api_error e = api_error::validation("firstname", "The parameter `firstname` is mandatory.",
//                                       "validation.msg.client.firstname.cannot.be.blank");
//   rest_outcome{e.http_status, to_json(e)};
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mifos::mock {

// One entry of `errors`: usually one parameter that failed validation.
struct api_error_detail {
  std::string developer_message;
  std::string default_user_message;
  std::string user_message_globalisation_code;
  std::string parameter_name;              // "id" when the error is not about a parameter
  nlohmann::ordered_json value = nullptr;  // the offending value, or null
  // Fineract's message arguments, [{"value": ...}, ...]: the id of a 404, the name of an
  // unsupported parameter.
  nlohmann::ordered_json args = nlohmann::ordered_json::array();
};

struct api_error {
  int http_status = 400;
  std::string developer_message;
  std::string default_user_message;
  std::string user_message_globalisation_code;
  std::vector<api_error_detail> errors;

  // 400 "validation.msg.validation.errors.exist" with one parameter error.
  static api_error validation(std::string parameter, std::string message, std::string code,
                              nlohmann::ordered_json value = nullptr);
  // 404 for an unknown resource, e.g. not_found("error.msg.client.id.invalid",
  // "Client with identifier 7 does not exist", 7).
  static api_error not_found(std::string code, std::string message, std::int64_t id);
  // 403 for a rule of the domain, e.g. a repayment on a loan that is not active.
  static api_error domain_rule(std::string code, std::string message);
  // 400 "error.msg.parameter.unsupported" naming every parameter in `names`, as Fineract's
  // FromJsonHelper.checkForUnsupportedParameters refuses them before any other validation.
  static api_error unsupported_parameters(const std::vector<std::string>& names);
  // 503 for Fineract's PlatformServiceUnavailableException family (an update or transaction
  // "not allowed"): its generic busy message, with `code` and `message` as the one error.
  static api_error service_unavailable(std::string code, std::string message);
  // 400 with a single message and no parameter, e.g. a body that is not JSON.
  static api_error bad_request(std::string code, std::string message);
  // 404 for a path that names no resource.
  static api_error unknown_resource();
  // 401 for missing or wrong credentials.
  static api_error unauthenticated();
};

// Fineract's error body: developerMessage, httpStatusCode (a string), defaultUserMessage,
// userMessageGlobalisationCode, errors [{developerMessage, defaultUserMessage,
// userMessageGlobalisationCode, parameterName, value, args}].
nlohmann::ordered_json to_json(const api_error& e);

}  // namespace mifos::mock
