#include "model/api_error.hpp"

#include <utility>

namespace mifos::mock {

api_error api_error::validation(std::string parameter, std::string message, std::string code,
                                nlohmann::ordered_json value) {
  api_error e;
  e.http_status = 400;
  e.developer_message =
      "The request was invalid. This typically will happen due to validation errors which are "
      "provided.";
  e.default_user_message = "Validation errors exist.";
  e.user_message_globalisation_code = "validation.msg.validation.errors.exist";
  e.errors.push_back({message, message, std::move(code), std::move(parameter), std::move(value)});
  return e;
}

api_error api_error::not_found(std::string code, std::string message, std::int64_t id) {
  api_error e = unknown_resource();
  e.errors.push_back({message, message, std::move(code), "id", nullptr,
                      nlohmann::ordered_json::array({{{"value", id}}})});
  return e;
}

api_error api_error::domain_rule(std::string code, std::string message) {
  api_error e;
  e.http_status = 403;
  e.developer_message = "Request was understood but caused a domain rule violation.";
  e.default_user_message = "Errors contain reason for domain rule violation.";
  e.user_message_globalisation_code = "validation.msg.domain.rule.violation";
  e.errors.push_back({message, message, std::move(code), "id", nullptr});
  return e;
}

api_error api_error::unsupported_parameters(const std::vector<std::string>& names) {
  api_error e = validation("", "", "", nullptr);
  e.errors.clear();
  for (const auto& name : names) {
    const std::string message = "The parameter " + name + " is not supported.";
    e.errors.push_back({message, message, "error.msg.parameter.unsupported", name, nullptr,
                        nlohmann::ordered_json::array({{{"value", name}}})});
  }
  return e;
}

api_error api_error::service_unavailable(std::string code, std::string message) {
  const std::string busy =
      "The server is currently unable to handle the request , please try after some time.";
  api_error e;
  e.http_status = 503;
  e.developer_message = busy;
  e.default_user_message = busy;
  e.user_message_globalisation_code = "error.msg.platform.service.unavailable";
  e.errors.push_back({message, message, std::move(code), "id", nullptr});
  return e;
}

api_error api_error::bad_request(std::string code, std::string message) {
  api_error e;
  e.http_status = 400;
  e.developer_message = message;
  e.default_user_message = message;
  e.user_message_globalisation_code = std::move(code);
  return e;
}

api_error api_error::unknown_resource() {
  api_error e;
  e.http_status = 404;
  e.developer_message = "The requested resource is not available.";
  e.default_user_message = "The requested resource is not available.";
  e.user_message_globalisation_code = "error.msg.resource.not.found";
  return e;
}

api_error api_error::unauthenticated() {
  api_error e;
  e.http_status = 401;
  e.developer_message = "Invalid authentication details were passed in api request.";
  e.default_user_message = "Unauthenticated. Please login.";
  e.user_message_globalisation_code = "error.msg.not.authenticated";
  return e;
}

nlohmann::ordered_json to_json(const api_error& e) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const auto& d : e.errors) {
    errors.push_back({{"developerMessage", d.developer_message},
                      {"defaultUserMessage", d.default_user_message},
                      {"userMessageGlobalisationCode", d.user_message_globalisation_code},
                      {"parameterName", d.parameter_name},
                      {"value", d.value},
                      {"args", d.args}});
  }
  return {{"developerMessage", e.developer_message},
          {"httpStatusCode", std::to_string(e.http_status)},
          {"defaultUserMessage", e.default_user_message},
          {"userMessageGlobalisationCode", e.user_message_globalisation_code},
          {"errors", std::move(errors)}};
}

}  // namespace mifos::mock
