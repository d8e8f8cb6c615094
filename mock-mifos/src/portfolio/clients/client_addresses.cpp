// client_addresses.cpp: a client's addresses, /client/{id}/addresses (ADDRESS CREATE, UPDATE and
// the GET), as Fineract's AddressWritePlatformServiceImpl answers them.
//
// Fineract reads the supported parameters from its ADDRESS field configuration: the seeded one
// enables addressType, addressLine1-3, city, stateProvinceId, countryId, postalCode, createdBy,
// createdOn, updatedBy, updatedOn and isActive (townVillage, countyDistrict, latitude and
// longitude are disabled, so refused), plus locale, dateFormat and addressId. None is mandatory
// outside a client's create. The address type comes from the `type` query parameter. Quirk
// kept: an update sets isActive to the body's value, false when the body leaves it out.
#include <string>

#include "portfolio/clients/client_contacts.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kAddressParameters[] = {
    "addressType", "addressLine1", "addressLine2", "addressLine3", "city",      "stateProvinceId",
    "countryId",   "postalCode",   "createdBy",    "createdOn",    "updatedBy", "updatedOn",
    "isActive",    "locale",       "dateFormat",   "addressId"};

// AddressData as the read service maps a client's address (its key is `clientID`).
json address_json(const client_address& a) {
  json j = {{"clientID", a.client_id},
            {"addressId", a.id},
            {"addressTypeId", a.address_type_id},
            {"isActive", a.active}};
  auto put = [&j](const char* key, const std::optional<std::string>& v) {
    if (v) j[key] = *v;
  };
  put("addressLine1", a.address_line1);
  put("addressLine2", a.address_line2);
  put("addressLine3", a.address_line3);
  put("city", a.city);
  j["stateProvinceId"] = a.state_province_id;
  j["countryId"] = a.country_id;
  put("postalCode", a.postal_code);
  put("createdBy", a.created_by);
  j["createdOn"] = date_json(a.created_on);
  put("updatedBy", a.updated_by);
  j["updatedOn"] = date_json(a.updated_on);
  return j;
}

// The `type` query parameter: Fineract takes it as a primitive long (0 when absent) and fails on
// the missing code value; the mock asks for a positive id.
std::optional<entity_id> address_type(const rest_call& call) {
  auto it = call.query.find("type");
  return it == call.query.end() ? std::nullopt : parse_id(it->second);
}

// Fineract's update sets a text field only when it is sent and not empty, and a code value only
// when it is not 0.
bool read_fields(field_reader& in, client_address& a) {
  bool changed = false;
  auto put_text = [&](const char* name, std::optional<std::string>& field) {
    auto v = in.text(name, false);
    if (v && !v->empty()) {
      field = *v;
      changed = true;
    }
  };
  auto put_id = [&](const char* name, std::int64_t& field) {
    auto v = in.whole(name, false);
    if (v && *v != 0) {
      field = *v;
      changed = true;
    }
  };
  put_text("addressLine1", a.address_line1);
  put_text("addressLine2", a.address_line2);
  put_text("addressLine3", a.address_line3);
  put_text("city", a.city);
  put_id("stateProvinceId", a.state_province_id);
  put_id("countryId", a.country_id);
  put_text("postalCode", a.postal_code);
  put_text("createdBy", a.created_by);
  put_text("updatedBy", a.updated_by);
  return changed;
}

answer create_address(state& s, const rest_call& call, entity_id client_id, const json& body) {
  field_reader in(body, "Address");
  if (!in.only(kAddressParameters)) return in.error();
  client_address a{.client_id = client_id};
  read_fields(in, a);
  a.active = in.flag("isActive", false).value_or(false);
  auto type_id = address_type(call);
  if (!type_id) {
    in.fail("type", "The query parameter type must be an address type id.",
            "validation.msg.Address.type.cannot.be.blank");
  }
  if (!in.ok()) return in.error();
  if (s.find_client(client_id) == nullptr) return client_not_found(client_id);
  a.address_type_id = *type_id;
  a.created_on = a.updated_on = date_of(call.now);
  a.id = s.client_address_ids.take();
  s.client_addresses[a.id] = a;
  return result_fields{.resource_id = a.id}.to_json();
}

answer update_address(state& s, const rest_call& call, entity_id client_id, const json& body) {
  field_reader in(body, "Address");
  if (!in.only(kAddressParameters)) return in.error();
  auto address_id = in.id("addressId");
  if (!in.ok()) return in.error();
  auto found = s.client_addresses.find(*address_id);
  if (found == s.client_addresses.end() || found->second.client_id != client_id) {
    return api_error::not_found(
        "error.msg.address.client.Identifier.not.found",
        "Client with client ID `" + std::to_string(client_id) + "` is not mapped with any address",
        client_id);
  }
  client_address updated = found->second;
  const bool changed = read_fields(in, updated);
  updated.active = in.flag("isActive", false).value_or(false);
  if (!in.ok()) return in.error();
  if (changed) updated.updated_on = date_of(call.now);
  found->second = updated;
  return result_fields{.resource_id = updated.id}.to_json();
}

// GET /client/{id}/addresses[?type=][&status=]: status compares with is_active.
json list_addresses(const state& s, const rest_call& call, entity_id client_id) {
  auto type_id = address_type(call);
  auto status = call.query.find("status");
  std::optional<bool> active;
  if (status != call.query.end()) active = status->second == "true" || status->second == "1";
  json items = json::array();
  for (const auto& [id, a] : s.client_addresses) {
    if (a.client_id != client_id || (type_id && a.address_type_id != *type_id)) continue;
    if (active && a.active != *active) continue;
    items.push_back(address_json(a));
  }
  return items;
}

}  // namespace

std::optional<rest_outcome> route_client_addresses(state& s, const rest_call& call,
                                                   const std::vector<std::string>& p) {
  // p: {"client", "{id}", "addresses"}
  if (p.size() != 3 || p[0] != "client" || p[2] != "addresses") return std::nullopt;
  auto client_id = parse_id(p[1]);
  if (!client_id) return std::nullopt;
  if (call.method == "POST") {
    return run_command(call, "ADDRESS", "CREATE",
                       [&](const json& body) { return create_address(s, call, *client_id, body); });
  }
  if (call.method == "PUT") {
    return run_command(call, "ADDRESS", "UPDATE",
                       [&](const json& body) { return update_address(s, call, *client_id, body); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  return read_outcome(list_addresses(s, call, *client_id));
}

}  // namespace mifos::mock::detail
