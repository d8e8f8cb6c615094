// standing_instructions.cpp: POST /standinginstructions (STANDINGINSTRUCTION CREATE: {clientId,
// resourceId}), PUT /standinginstructions/{id}?command=update (UPDATE: {resourceId, changes})
// and ?command=delete (DELETE: {resourceId, changes: {status: 3}}), and the GETs
// (StandingInstructionWritePlatformServiceImpl). The mock keeps the instructions; it does not
// run them (Fineract's scheduler job does).
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

constexpr int kDeleted = 3;  // StandingInstructionStatus: 1 active, 2 disabled, 3 deleted

api_error instruction_not_found(entity_id id) {
  return api_error::not_found("error.msg.standinginstruction.id.invalid",
                              "AccountTransferStandingInstruction with identifier " +
                                  std::to_string(id) + " does not exist",
                              id);
}

// The name is unique (a database constraint): Fineract's PlatformDataIntegrityException, 403.
api_error duplicate_name(const std::string& name) {
  const std::string message = "Standinginstruction with name `" + name + "` already exists";
  api_error e;
  e.http_status = 403;
  e.developer_message = "The request caused a data integrity issue to be fired by the database.";
  e.default_user_message = message;
  e.user_message_globalisation_code = "error.msg.standinginstruction.duplicate.name";
  e.errors.push_back(
      {.developer_message = message,
       .default_user_message = message,
       .user_message_globalisation_code = "error.msg.standinginstruction.duplicate.name",
       .parameter_name = "name",
       .value = nullptr});
  return e;
}

// A whole number in [low, high] (DataValidatorBuilder.inMinMaxRange).
std::optional<int> ranged(field_reader& in, std::string_view name, int low, int high,
                          bool required) {
  auto v = in.whole(name, required);
  if (!v) return std::nullopt;
  if (*v < low || *v > high) {
    in.fail_rule(name, "is.not.within.expected.range",
                 "The parameter `" + std::string(name) + "` must be between " +
                     std::to_string(low) + " and " + std::to_string(high) + ".",
                 *v);
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

answer create_instruction(state& s, const json& body) {
  field_reader in(body, "standinginstruction");
  standing_instruction si;
  auto name = in.text("name");
  auto from_office = in.id("fromOfficeId");
  auto from_client = in.id("fromClientId");
  auto from_account = in.id("fromAccountId");
  auto from_type = ranged(in, "fromAccountType", 1, 2, true);
  auto to_office = in.id("toOfficeId");
  auto to_client = in.id("toClientId");
  auto to_account = in.id("toAccountId");
  auto to_type = ranged(in, "toAccountType", 1, 2, true);
  auto status = ranged(in, "status", 1, 2, true);
  auto valid_from = in.date("validFrom");
  auto valid_till = in.date("validTill", false);
  auto transfer_type = ranged(in, "transferType", 1, 3, true);
  auto priority = ranged(in, "priority", 1, 4, true);
  auto instruction_type = ranged(in, "instructionType", 1, 2, true);
  auto recurrence_type = ranged(in, "recurrenceType", 1, 2, true);
  const bool periodic = recurrence_type.value_or(0) == 1;
  auto frequency = ranged(in, "recurrenceFrequency", 0, 3, periodic);
  auto interval = in.whole("recurrenceInterval", periodic);
  auto amount = in.amount("amount", instruction_type.value_or(0) == 1);
  if (!in.ok()) return in.error();
  if (*from_type == 2 && s.find_savings(*from_account) == nullptr) {
    return savings_not_found(*from_account);
  }
  if (*to_type == 2 && s.find_savings(*to_account) == nullptr) {
    return savings_not_found(*to_account);
  }
  if (*to_type == 1 && s.find_loan(*to_account) == nullptr) return loan_not_found(*to_account);
  for (const auto& [other_id, other] : s.standing_instructions) {
    if (other.name == *name) return duplicate_name(*name);
  }
  si.id = s.standing_instruction_ids.take();
  si.name = *name;
  si.from_office_id = *from_office;
  si.from_client_id = *from_client;
  si.from_account_id = *from_account;
  si.from_account_type = *from_type;
  si.to_office_id = *to_office;
  si.to_client_id = *to_client;
  si.to_account_id = *to_account;
  si.to_account_type = *to_type;
  si.status = *status;
  si.valid_from = *valid_from;
  si.valid_till = valid_till;
  si.transfer_type = *transfer_type;
  si.priority = *priority;
  si.instruction_type = *instruction_type;
  si.recurrence_type = *recurrence_type;
  si.recurrence_frequency = frequency;
  if (interval) si.recurrence_interval = static_cast<int>(*interval);
  si.amount = amount;
  s.standing_instructions[si.id] = si;
  return result_fields{.client_id = si.from_client_id, .resource_id = si.id}.to_json();
}

// ?command=update: the fields that differ, in AccountTransferStandingInstruction.update's order.
answer update_instruction(state& s, entity_id id, const json& body) {
  field_reader in(body, "standinginstruction");
  auto valid_from = in.date("validFrom", false);
  auto valid_till = in.date("validTill", false);
  auto amount = in.amount("amount", false);
  auto status = ranged(in, "status", 1, 2, false);
  auto priority = ranged(in, "priority", 1, 4, false);
  auto instruction_type = ranged(in, "instructionType", 1, 2, false);
  auto recurrence_type = ranged(in, "recurrenceType", 1, 2, false);
  auto frequency = ranged(in, "recurrenceFrequency", 0, 3, false);
  auto interval = in.whole("recurrenceInterval", false);
  if (!in.ok()) return in.error();
  auto it = s.standing_instructions.find(id);
  if (it == s.standing_instructions.end()) return instruction_not_found(id);
  standing_instruction& si = it->second;
  if (si.status == kDeleted) {
    return state_rule("validation.msg.standinginstruction.status.can.not.modify.once.deleted",
                      "Failed data validation due to: can.not.modify.once.deleted.", "status");
  }
  json changes = json::object();
  auto change = [&changes](const char* key, auto& field, const auto& value, json shown) {
    if (value && !(field == *value)) {
      field = *value;
      changes[key] = std::move(shown);
    }
  };
  if (valid_from) change("validFrom", si.valid_from, valid_from, date_json(*valid_from));
  if (valid_till && valid_till != si.valid_till) {
    si.valid_till = valid_till;
    changes["validTill"] = date_json(*valid_till);
  }
  if (amount && amount != si.amount) {
    si.amount = amount;
    changes["amount"] = amount_json(*amount);
  }
  if (status) change("status", si.status, status, *status);
  if (priority) change("priority", si.priority, priority, *priority);
  if (instruction_type) {
    change("instructionType", si.instruction_type, instruction_type, *instruction_type);
  }
  if (recurrence_type) {
    change("recurrenceType", si.recurrence_type, recurrence_type, *recurrence_type);
  }
  if (frequency && frequency != si.recurrence_frequency) {
    si.recurrence_frequency = frequency;
    changes["recurrenceFrequency"] = *frequency;
  }
  if (interval && static_cast<int>(*interval) != si.recurrence_interval) {
    si.recurrence_interval = static_cast<int>(*interval);
    changes["recurrenceInterval"] = *interval;
  }
  return result_fields{.resource_id = id, .changes = std::move(changes)}.to_json();
}

// ?command=delete: a soft delete; the name is freed for reuse as Fineract does.
answer delete_instruction(state& s, entity_id id) {
  auto it = s.standing_instructions.find(id);
  if (it == s.standing_instructions.end()) return instruction_not_found(id);
  it->second.status = kDeleted;
  it->second.name += "_deleted_" + std::to_string(id);
  return result_fields{.resource_id = id, .changes = json{{"status", kDeleted}}}.to_json();
}

json instruction_json(const standing_instruction& si) {
  static const char* const kStatus[] = {"", "Active", "Disabled", "Deleted"};
  json j = {{"id", si.id},
            {"name", si.name},
            {"fromOffice", {{"id", si.from_office_id}}},
            {"fromClient", {{"id", si.from_client_id}}},
            {"fromAccountType", {{"id", si.from_account_type}}},
            {"fromAccount", {{"id", si.from_account_id}}},
            {"toOffice", {{"id", si.to_office_id}}},
            {"toClient", {{"id", si.to_client_id}}},
            {"toAccountType", {{"id", si.to_account_type}}},
            {"toAccount", {{"id", si.to_account_id}}},
            {"transferType", {{"id", si.transfer_type}}},
            {"priority", {{"id", si.priority}}},
            {"instructionType", {{"id", si.instruction_type}}},
            {"status", {{"id", si.status}, {"value", kStatus[si.status]}}},
            {"validFrom", date_json(si.valid_from)},
            {"recurrenceType", {{"id", si.recurrence_type}}}};
  if (si.valid_till) j["validTill"] = date_json(*si.valid_till);
  if (si.amount) j["amount"] = amount_json(*si.amount);
  return j;
}

}  // namespace

std::optional<rest_outcome> route_standing_instructions(state& s, const rest_call& call,
                                                        const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "STANDINGINSTRUCTION", "CREATE",
                         [&](const json& body) { return create_instruction(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json items = json::array();
    for (const auto& [id, si] : s.standing_instructions) {
      if (si.status != kDeleted) items.push_back(instruction_json(si));
    }
    return read_outcome(page(call, std::move(items)));
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    const std::string* command = command_of(call);
    if (command != nullptr && *command == "update") {
      return run_command(call, "STANDINGINSTRUCTION", "UPDATE",
                         [&](const json& body) { return update_instruction(s, *id, body); });
    }
    if (command != nullptr && *command == "delete") {
      return run_command(call, "STANDINGINSTRUCTION", "DELETE",
                         [&](const json&) { return delete_instruction(s, *id); });
    }
    return unsupported_command(call);
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = s.standing_instructions.find(*id);
  return read_outcome(it != s.standing_instructions.end() ? answer(instruction_json(it->second))
                                                          : answer(instruction_not_found(*id)));
}

}  // namespace mifos::mock::detail
