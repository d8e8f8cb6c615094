// clients.cpp: POST /clients (CLIENT CREATE), POST /clients/{id}?command=activate
// (CLIENT ACTIVATE), GET /clients and GET /clients/{id}.
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json client_json(const state& s, const client& c) {
  json j = {{"id", c.id}, {"accountNo", account_no(c.id)}};
  if (c.external_id) j["externalId"] = *c.external_id;
  j["status"] = client_status_json(c.active);
  j["active"] = c.active;
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
  if (c.group_id) j["groupId"] = *c.group_id;
  if (c.savings_id) j["savingsAccountId"] = *c.savings_id;
  json timeline = json::object();
  if (c.submitted_on_date) timeline["submittedOnDate"] = date_json(*c.submitted_on_date);
  if (c.activation_date) timeline["activatedOnDate"] = date_json(*c.activation_date);
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
  c.active = active;
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

answer activate_client(state& s, entity_id id, const json& body) {
  field_reader in(body, "client");
  auto activation_date = in.date("activationDate");
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (c->active) {
    // Fineract's Client.activate() reports this as a 400 validation error on activationDate.
    return state_rule("error.msg.clients.already.active",
                      "Cannot activate client. Client is already active.", "activationDate",
                      value_text(body.at("activationDate")));
  }
  c->active = true;
  c->activation_date = activation_date;
  return result_fields{.office_id = c->office_id, .client_id = c->id, .resource_id = c->id}
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

json client_status_json(bool active) {
  return active ? json{{"id", 300}, {"code", "clientStatusType.active"}, {"value", "Active"}}
                : json{{"id", 100}, {"code", "clientStatusType.pending"}, {"value", "Pending"}};
}

std::optional<rest_outcome> route_clients(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 2) return std::nullopt;
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
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    if (command == nullptr || *command != "activate") return unsupported_command(call);
    return run_command(call, "CLIENT", "ACTIVATE",
                       [&](const json& body) { return activate_client(s, *id, body); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  const client* c = s.find_client(*id);
  return read_outcome(c != nullptr ? answer(client_json(s, *c)) : answer(client_not_found(*id)));
}

}  // namespace mifos::mock::detail
