// savings_officers.cpp: POST /savingsaccounts/{id}?command=assignSavingsOfficer and
// ?command=unassignSavingsOfficer (SAVINGSACCOUNT UPDATESAVINGSOFFICER / REMOVESAVINGSOFFICER), as
// Fineract's SavingsAccountWritePlatformServiceJpaRepositoryImpl.assignFieldOfficer and
// unassignFieldOfficer answer them: officeId, savingsId and resourceId (no clientId), and
// `changes` {"toSavingsOfficerId": id or null}. Neither looks at the account's status.
#include <string>

#include "portfolio/organisation/staff.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json officer_result(const state& s, const savings_account& a, json changes) {
  return result_fields{.office_id = s.clients.at(a.client_id).office_id,
                       .savings_id = a.id,
                       .resource_id = a.id,
                       .changes = std::move(changes)}
      .to_json();
}

api_error not_assigned(std::string message) {
  return api_error::domain_rule("error.msg.savings.account.not.assigned.to.savings.officer",
                                std::move(message));
}

answer assign_officer(state& s, entity_id id, const json& body) {
  field_reader in(body, "savingsaccount");
  if (!in.only({"fromSavingsOfficerId", "toSavingsOfficerId", "assignmentDate", "locale",
                "dateFormat"})) {
    return in.error();
  }
  auto to_id = in.id("toSavingsOfficerId");
  auto from_id = in.id("fromSavingsOfficerId", false);
  in.date("assignmentDate");
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  const entity_id office_id = s.clients.at(a->client_id).office_id;
  if (from_id && staff_for_office(s, *from_id, office_id) == nullptr) {
    return staff_not_found(*from_id);
  }
  const staff_member* to = staff_for_office(s, *to_id, office_id);
  if (to == nullptr) return staff_not_found(*to_id);
  // fromSavingsOfficerId must name the present officer (none when it is absent).
  if (from_id != a->field_officer_id) {
    return not_assigned("Savings Account Identifier " + std::to_string(id) +
                        " is not assigned to Savings Officer with identifier " +
                        (from_id ? std::to_string(*from_id) : std::string("null")) + ".");
  }
  a->field_officer_id = to->id;
  return officer_result(s, *a, json{{"toSavingsOfficerId", to->id}});
}

answer unassign_officer(state& s, entity_id id, const json& body) {
  field_reader in(body, "savingsaccount");
  if (!in.only({"unassignedDate", "locale", "dateFormat"})) return in.error();
  in.date("unassignedDate");
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(id);
  if (a == nullptr) return savings_not_found(id);
  if (!a->field_officer_id) {
    // Fineract's message has no space after "Identifier".
    return not_assigned("Savings Account Identifier" + std::to_string(id) +
                        " is not assigned to any savings officer.");
  }
  a->field_officer_id.reset();
  return officer_result(s, *a, json{{"toSavingsOfficerId", nullptr}});
}

}  // namespace

std::optional<rest_outcome> savings_officer_command(state& s, const rest_call& call, entity_id id,
                                                    std::string_view command) {
  if (command == "assignSavingsOfficer") {
    return run_command(call, "SAVINGSACCOUNT", "UPDATESAVINGSOFFICER",
                       [&](const json& body) { return assign_officer(s, id, body); });
  }
  if (command == "unassignSavingsOfficer") {
    return run_command(call, "SAVINGSACCOUNT", "REMOVESAVINGSOFFICER",
                       [&](const json& body) { return unassign_officer(s, id, body); });
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
