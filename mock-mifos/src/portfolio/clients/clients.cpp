// clients.cpp: POST /clients (CLIENT CREATE), GET /clients and GET /clients/{id}, and the
// routing of the other client commands: PUT and DELETE /clients/{id}, POST /clients/{id}?command=
// (client_lifecycle.cpp, client_updates.cpp, client_transfers.cpp) and /clients/{id}/identifiers
// (client_identifiers.cpp).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "portfolio/clients/client_commands.hpp"
#include "portfolio/clients/client_contacts.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json client_json(const state& s, const client& c) {
  json j = {{"id", c.id}, {"accountNo", account_no(c.id)}};
  if (c.external_id) j["externalId"] = *c.external_id;
  j["status"] = client_status_json(c.status);
  j["active"] = c.is_active();
  if (c.activation_date) j["activationDate"] = date_json(*c.activation_date);
  if (c.fullname.empty()) {
    j["firstname"] = c.firstname;
    j["lastname"] = c.lastname;
  } else {
    j["fullname"] = c.fullname;
  }
  j["displayName"] = c.display_name();
  if (c.mobile_no) j["mobileNo"] = *c.mobile_no;
  j["officeId"] = c.office_id;
  j["officeName"] = s.offices.at(c.office_id).name;
  if (c.transfer_to_office_id) {
    j["transferToOfficeId"] = *c.transfer_to_office_id;
    j["transferToOfficeName"] = s.offices.at(*c.transfer_to_office_id).name;
  }
  if (c.email_address) j["emailAddress"] = *c.email_address;
  if (c.staff_id) {
    j["staffId"] = *c.staff_id;
    j["staffName"] = s.staff.at(*c.staff_id).display_name();
  }
  if (c.group_id) j["groupId"] = *c.group_id;
  if (c.savings_id) j["savingsAccountId"] = *c.savings_id;
  json timeline = json::object();
  if (c.submitted_on_date) timeline["submittedOnDate"] = date_json(*c.submitted_on_date);
  if (c.activation_date) timeline["activatedOnDate"] = date_json(*c.activation_date);
  // ClientTimelineData has no rejection or withdrawal dates; only closedOnDate.
  if (c.closure_date) timeline["closedOnDate"] = date_json(*c.closure_date);
  j["timeline"] = timeline;
  return j;
}

answer create_client(state& s, const rest_call& call, const json& body) {
  field_reader in(body, "client");
  // ClientApiCollectionConstants.CLIENT_CREATE_REQUEST_DATA_PARAMETERS
  if (!in.only({"familyMembers",
                "address",
                "locale",
                "dateFormat",
                "groupId",
                "accountNo",
                "externalId",
                "mobileNo",
                "emailAddress",
                "firstname",
                "middlename",
                "lastname",
                "fullname",
                "officeId",
                "active",
                "activationDate",
                "staffId",
                "submittedOnDate",
                "savingsProductId",
                "dateOfBirth",
                "genderId",
                "clientTypeId",
                "clientClassificationId",
                "clientNonPersonDetails",
                "displayname",
                "legalFormId",
                "datatables",
                "isStaff"}))
    return in.error();
  auto office_id = in.id("officeId");
  auto fullname = in.text("fullname", false);
  auto firstname = in.text("firstname", !fullname);
  auto lastname = in.text("lastname", !fullname);
  auto mobile_no = in.text("mobileNo", false);
  auto external_id = in.text("externalId", false);
  // Fineract insists on `active`; the mock takes a missing one as false.
  const bool active = in.flag("active", false).value_or(false);
  auto activation_date = in.date("activationDate", active);
  auto submitted_on = in.date("submittedOnDate", false);
  auto group_id = in.id("groupId", false);
  auto savings_product_id = in.id("savingsProductId", false);
  if (!in.ok()) return in.error();

  if (s.find_office(*office_id) == nullptr) return office_not_found(*office_id);
  group* g = nullptr;
  if (group_id && (g = s.find_group(*group_id, false)) == nullptr) {
    return group_not_found(*group_id, false);
  }
  if (savings_product_id && !s.savings_products.contains(*savings_product_id)) {
    return product_not_found(*savings_product_id, true);
  }

  client c;
  c.id = s.client_ids.take();
  c.office_id = *office_id;
  c.group_id = group_id;
  if (fullname) {
    c.fullname = *fullname;
  } else {
    c.firstname = *firstname;
    c.lastname = *lastname;
  }
  c.mobile_no = mobile_no;
  c.external_id = external_id;
  c.status = active ? client_status::active : client_status::pending;
  if (active) c.activation_date = activation_date;
  c.submitted_on_date = submitted_on ? submitted_on : activation_date;
  if (!c.submitted_on_date) c.submitted_on_date = date_of(call.now);
  if (g != nullptr) g->client_members.push_back(c.id);
  if (savings_product_id) {
    c.savings_id = open_savings_account(s, c, *savings_product_id,
                                        c.activation_date.value_or(*c.submitted_on_date));
  }
  s.clients[c.id] = c;
  return result_fields{.office_id = c.office_id,
                       .group_id = c.group_id,
                       .client_id = c.id,
                       .savings_id = c.savings_id,
                       .resource_id = c.id,
                       .resource_external_id = c.external_id}
      .to_json();
}

json list_clients(const state& s, const rest_call& call) {
  auto office = call.query.find("officeId");
  auto external = call.query.find("externalId");
  json items = json::array();
  for (const auto& [id, c] : s.clients) {
    if (office != call.query.end() && std::to_string(c.office_id) != office->second) continue;
    if (external != call.query.end() && c.external_id != external->second) continue;
    items.push_back(client_json(s, c));
  }
  return page(call, std::move(items));
}

}  // namespace

json client_status_json(client_status st) {
  struct named {
    client_status status;
    const char* code;
    const char* value;
  };
  // ClientStatus codes and ClientEnumerations values ("clientStatusType.withdraw" sic).
  static constexpr named kNames[] = {
      {client_status::pending, "clientStatusType.pending", "Pending"},
      {client_status::active, "clientStatusType.active", "Active"},
      {client_status::transfer_in_progress, "clientStatusType.transfer.in.progress",
       "Transfer in progress"},
      {client_status::transfer_on_hold, "clientStatusType.transfer.on.hold", "Transfer on hold"},
      {client_status::closed, "clientStatusType.closed", "Closed"},
      {client_status::rejected, "clientStatusType.rejected", "Rejected"},
      {client_status::withdrawn, "clientStatusType.withdraw", "Withdrawn"},
  };
  for (const auto& n : kNames) {
    if (n.status == st) return {{"id", static_cast<int>(st)}, {"code", n.code}, {"value", n.value}};
  }
  return {{"id", 0}, {"code", "clientStatusType.invalid"}, {"value", "Invalid"}};
}

namespace {

struct client_command_route {
  std::string_view command;  // the ?command= value
  std::string_view action;   // the catalog action of CLIENT
  client_command run;
};

constexpr client_command_route kClientCommands[] = {
    {"activate", "ACTIVATE", activate_client},
    {"close", "CLOSE", close_client},
    {"reject", "REJECT", reject_client},
    {"withdraw", "WITHDRAW", withdraw_client},
    {"reactivate", "REACTIVATE", reactivate_client},
    {"undoRejection", "UNDOREJECT", undo_client_rejection},
    {"undoWithdrawal", "UNDOWITHDRAWAL", undo_client_withdrawal},
    {"assignStaff", "ASSIGNSTAFF", assign_client_staff},
    {"unassignStaff", "UNASSIGNSTAFF", unassign_client_staff},
    {"updateSavingsAccount", "UPDATESAVINGSACCOUNT", update_client_savings_account},
    {"proposeTransfer", "PROPOSETRANSFER", propose_client_transfer},
    {"acceptTransfer", "ACCEPTTRANSFER", accept_client_transfer},
    {"rejectTransfer", "REJECTTRANSFER", reject_client_transfer},
    {"withdrawTransfer", "WITHDRAWTRANSFER", withdraw_client_transfer},
    {"proposeAndAcceptTransfer", "PROPOSEANDACCEPTTRANSFER", propose_and_accept_client_transfer},
};

// Fineract's CommandParameterUtil.is: the command trimmed, compared ignoring case.
bool same_command(std::string_view sent, std::string_view name) {
  while (!sent.empty() && std::isspace(static_cast<unsigned char>(sent.front()))) {
    sent.remove_prefix(1);
  }
  while (!sent.empty() && std::isspace(static_cast<unsigned char>(sent.back()))) {
    sent.remove_suffix(1);
  }
  return std::ranges::equal(sent, name, [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

}  // namespace

std::optional<rest_outcome> route_clients(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 4) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "CLIENT", "CREATE",
                         [&](const json& body) { return create_client(s, call, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    return read_outcome(list_clients(s, call));
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (p.size() >= 3) {
    if (p[2] == "identifiers") return route_client_identifiers(s, call, *id, p);
    if (p[2] == "familymembers") return route_family_members(s, call, *id, p);
    return std::nullopt;
  }
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    if (command == nullptr) return unsupported_command(call);
    for (const auto& route : kClientCommands) {
      if (!same_command(*command, route.command)) continue;
      return run_command(call, "CLIENT", route.action,
                         [&](const json& body) { return route.run(s, call, *id, body); });
    }
    return unsupported_command(call);
  }
  if (call.method == "PUT") {
    return run_command(call, "CLIENT", "UPDATE",
                       [&](const json& body) { return update_client(s, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "CLIENT", "DELETE",
                       [&](const json&) { return delete_client(s, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  const client* c = s.find_client(*id);
  return read_outcome(c != nullptr ? answer(client_json(s, *c)) : answer(client_not_found(*id)));
}

}  // namespace mifos::mock::detail
