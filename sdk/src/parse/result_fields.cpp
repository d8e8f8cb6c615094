#include "result_fields.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "json_values.hpp"

namespace mifos::hooks::detail {
namespace {

using id_field = std::optional<std::int64_t> command_result::*;
using text_field = std::optional<std::string> command_result::*;

struct id_key {
  std::string_view name;
  id_field field;
};
struct text_key {
  std::string_view name;
  text_field field;
};

constexpr std::array kIdKeys = {
    id_key{"commandId", &command_result::command_id},
    id_key{"officeId", &command_result::office_id},
    id_key{"groupId", &command_result::group_id},
    id_key{"clientId", &command_result::client_id},
    id_key{"loanId", &command_result::loan_id},
    id_key{"savingsId", &command_result::savings_id},
    id_key{"resourceId", &command_result::resource_id},
    id_key{"subResourceId", &command_result::sub_resource_id},
    id_key{"productId", &command_result::product_id},
    id_key{"gsimId", &command_result::gsim_id},
    id_key{"glimId", &command_result::glim_id},
};

constexpr std::array kTextKeys = {
    text_key{"transactionId", &command_result::transaction_id},
    text_key{"resourceIdentifier", &command_result::resource_identifier},
    text_key{"resourceExternalId", &command_result::resource_external_id},
    text_key{"subResourceExternalId", &command_result::sub_resource_external_id},
};

error_body read_error_body(const nlohmann::json& o) {
  error_body e;
  e.developer_message = read_text(o, "developerMessage").value_or("");
  e.default_user_message = read_text(o, "defaultUserMessage").value_or("");
  e.user_message_globalisation_code = read_text(o, "userMessageGlobalisationCode").value_or("");
  if (auto code = read_id(o, "httpStatusCode"); code && *code >= 100 && *code <= 999)
    e.http_status = static_cast<int>(*code);
  if (const auto* errors = member(o, "errors"); errors && errors->is_array()) e.errors = *errors;
  return e;
}

}  // namespace

namespace {

// Reads one member if it is a command-result field.
void read_result_member(const std::string& key, const nlohmann::json& value, command_result& r) {
  for (const auto& k : kIdKeys) {
    if (key.size() == k.name.size() && key == k.name) {
      r.*k.field = to_id(value);
      return;
    }
  }
  if (value.is_structured()) return;
  for (const auto& k : kTextKeys) {
    if (key.size() == k.name.size() && key == k.name) {
      r.*k.field = to_text(value);
      return;
    }
  }
}

}  // namespace

void read_command_result(const nlohmann::json& object, command_result& r) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.get_ref<const nlohmann::json::object_t&>())
    read_result_member(key, value, r);
}

bool read_if_bare_result(const nlohmann::json& body, command_result& r) {
  if (!body.is_object()) return true;
  for (const auto& [key, value] : body.get_ref<const nlohmann::json::object_t&>()) {
    if (key == "entityName") return false;
    read_result_member(key, value, r);
  }
  return true;
}

void read_envelope(event& e) {
  const nlohmann::json* response = nullptr;
  const nlohmann::json* status = nullptr;
  const nlohmann::json* office = nullptr;
  const nlohmann::json* client = nullptr;
  if (!e.payload.is_object()) return;
  for (const auto& [key, value] : e.payload.get_ref<const nlohmann::json::object_t&>()) {
    if (key == "response") response = &value;
    else if (key == "status") status = &value;
    else if (key == "officeId") office = &value;
    else if (key == "clientId") client = &value;
    else if (key == "createdBy") e.created_by = to_id(value);
    else if (key == "createdByName") e.created_by_name = to_text(value);
    else if (key == "createdByFullName") e.created_by_full_name = to_text(value);
    else if (key == "timestamp") e.timestamp = to_text(value);
  }

  if (status && status->is_string() && iequals(status->get_ref<const std::string&>(), "Exception")) {
    e.failed = true;
    if (response) e.error = read_error_body(*response);
  } else if (response == nullptr || !response->is_object()) {
    e.failed = true;
  } else {
    read_command_result(*response, e.result);
  }
  // Fineract lifts officeId out of `response` and copies clientId beside it.
  if (office) {
    if (auto id = to_id(*office)) e.result.office_id = id;
  }
  if (client && !e.result.client_id) e.result.client_id = to_id(*client);
}

}  // namespace mifos::hooks::detail
