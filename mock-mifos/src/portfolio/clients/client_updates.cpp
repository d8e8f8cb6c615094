// client_updates.cpp: PUT /clients/{id} (CLIENT UPDATE), the staff commands
// (?command=assignStaff|unassignStaff) and ?command=updateSavingsAccount, as Fineract's
// ClientWritePlatformServiceJpaRepositoryImpl answers them: the result carries `changes`, the sent
// fields whose value differs.
#include <array>
#include <string>
#include <string_view>

#include "portfolio/clients/client_commands.hpp"
#include "portfolio/organisation/staff.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// Parameters of CLIENT_UPDATE_REQUEST_DATA_PARAMETERS the mock accepts but does not keep; they
// still count as "a parameter passed for update".
constexpr std::array<std::string_view, 11> kIgnoredUpdateFields = {"accountNo",
                                                                   "middlename",
                                                                   "savingsProductId",
                                                                   "genderId",
                                                                   "clientTypeId",
                                                                   "dateOfBirth",
                                                                   "clientClassificationId",
                                                                   "legalFormId",
                                                                   "isStaff",
                                                                   "clientNonPersonDetails",
                                                                   "status"};

json client_result_with(const client& c, json changes) {
  return result_fields{.office_id = c.office_id,
                       .client_id = c.id,
                       .resource_id = c.id,
                       .changes = std::move(changes),
                       .resource_external_id = c.external_id}
      .to_json();
}

// ClientDataValidator.validateForUpdate's name rules: name parts without fullname need both
// firstname and lastname; fullname alone must not be blank; both kinds together are refused.
void read_names(field_reader& in, std::optional<std::string>& fullname,
                std::optional<std::string>& firstname, std::optional<std::string>& lastname) {
  const bool has_full = in.has("fullname");
  const bool has_parts = in.has("firstname") || in.has("lastname");
  if (has_full && has_parts) {
    for (const char* part : {"firstname", "lastname"}) {
      if (!in.has(part)) continue;
      in.fail_rule("fullname",
                   std::string("cannot.also.be.provided.when.") + part + ".is.populated",
                   std::string("The parameter `fullname` cannot also be provided when `") + part +
                       "` is populated.",
                   value_text(*in.find("fullname")));
    }
    return;
  }
  if (has_full) fullname = in.text("fullname");
  if (has_parts) {
    firstname = in.text("firstname");
    lastname = in.text("lastname");
  }
}

}  // namespace

answer update_client(state& s, entity_id id, const json& body) {
  field_reader in(body, "client");
  std::optional<std::string> fullname, firstname, lastname;
  read_names(in, fullname, firstname, lastname);
  auto external_id = in.text("externalId", false);
  auto mobile_no = in.text("mobileNo", false);
  auto email = in.text("emailAddress", false);
  auto staff_id = in.id("staffId", false);
  auto activation_date = in.date("activationDate", false);
  auto submitted_on = in.date("submittedOnDate", false);
  bool any = false;
  for (auto name : {"fullname", "firstname", "lastname", "externalId", "mobileNo", "emailAddress",
                    "staffId", "activationDate", "submittedOnDate"}) {
    any = any || in.has(name);
  }
  for (auto name : kIgnoredUpdateFields) any = any || in.has(name);
  if (!any) {
    in.fail("id", "No parameters passed for update.",
            "validation.msg.client.no.parameters.for.update");
  }
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (staff_id && staff_for_office(s, *staff_id, c->office_id) == nullptr) {
    return staff_not_found(*staff_id);
  }

  // Fineract's order of `changes`; dateFormat and locale follow the first changed date.
  json changes = json::object();
  auto change_text = [&](const char* key, const std::optional<std::string>& sent,
                         std::optional<std::string>& field) {
    if (sent && sent != field) {
      changes[key] = *sent;
      field = sent;
    }
  };
  auto change_name = [&](const char* key, const std::optional<std::string>& sent,
                         std::string& field) {
    if (sent && *sent != field) {
      changes[key] = *sent;
      field = *sent;
    }
  };
  auto change_date = [&](const char* key, const std::optional<local_date>& sent,
                         std::optional<local_date>& field) {
    if (!sent || sent == field) return;
    changes[key] = value_text(body.at(key));
    changes["dateFormat"] = value_text(body.at("dateFormat"));
    changes["locale"] = value_text(body.at("locale"));
    field = sent;
  };
  change_text("externalId", external_id, c->external_id);
  change_text("mobileNo", mobile_no, c->mobile_no);
  change_text("emailAddress", email, c->email_address);
  change_name("firstname", firstname, c->firstname);
  change_name("lastname", lastname, c->lastname);
  change_name("fullname", fullname, c->fullname);
  // A client is named either in parts or by fullname (display_name() uses whichever is set).
  if (firstname) c->fullname.clear();
  if (fullname) {
    c->firstname.clear();
    c->lastname.clear();
  }
  if (staff_id && staff_id != c->staff_id) {
    changes["staffId"] = *staff_id;
    c->staff_id = staff_id;
  }
  change_date("activationDate", activation_date, c->activation_date);
  change_date("submittedOnDate", submitted_on, c->submitted_on_date);
  return client_result_with(*c, std::move(changes));
}

answer assign_client_staff(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "client");
  auto staff_id = in.id("staffId");
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (staff_for_office(s, *staff_id, c->office_id) == nullptr) return staff_not_found(*staff_id);
  c->staff_id = staff_id;
  return client_result_with(*c, {{"staffId", *staff_id}});
}

// Fineract wants the current staffId in the body; a different id leaves the staff in place, and
// the result names the current one either way.
answer unassign_client_staff(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "client");
  auto staff_id = in.id("staffId");
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  if (!c->staff_id) {
    return api_error::not_found(
        "error.msg.client.has.no.staff",
        "Client with identifier " + std::to_string(id) + " does not have staff", id);
  }
  const entity_id present = *c->staff_id;
  if (*staff_id == present) c->staff_id.reset();
  return client_result_with(*c, {{"staffId", present}});
}

// ?command=updateSavingsAccount: the client's default savings account (the one loans disburse
// to and charges are paid from); it must be one of the client's own.
answer update_client_savings_account(state& s, const rest_call&, entity_id id, const json& body) {
  field_reader in(body, "client");
  auto savings_id = in.id("savingsAccountId");
  if (!in.ok()) return in.error();
  client* c = s.find_client(id);
  if (c == nullptr) return client_not_found(id);
  const savings_account* a = s.find_savings(*savings_id);
  if (a == nullptr) return savings_not_found(*savings_id);
  if (a->client_id != id) {
    return api_error::domain_rule("error.msg.client.saving.account.must.belongs.to.client",
                                  "saving account must belongs to client");
  }
  c->savings_id = savings_id;
  return client_result_with(*c, {{"savingsAccountId", *savings_id}});
}

}  // namespace mifos::mock::detail
