// client_contacts.hpp: a client's family members (/clients/{id}/familymembers) and addresses
// (/client/{id}/addresses: Fineract's path is singular), their records in `state` and their
// REST handlers (client_contacts.cpp).
//
//   if (p[2] == "familymembers") return route_family_members(s, call, client_id, p);
//   if (parts[0] == "client") return route_client_addresses(s, call, parts);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/rest_call.hpp"
#include "request/dates.hpp"

namespace mifos::mock::detail {

struct state;

// A row of m_family_members. The code value ids (relationship, marital status, gender,
// profession) are taken as given, like the mock's other code values.
struct family_member {
  std::int64_t id = 0, client_id = 0;
  std::string first_name = {}, middle_name = {}, last_name = {}, qualification = {},
              mobile_number = {};
  std::int64_t age = 0, relationship_id = 0, marital_status_id = 0, gender_id = 0,
               profession_id = 0;
  bool dependent = false;
  std::optional<local_date> date_of_birth = {};
};

// A client's address: m_address and m_client_address as one record (the mock gives both the
// same id, so `addressId` in a GET and `resourceId` in a result agree).
struct client_address {
  std::int64_t id = 0, client_id = 0, address_type_id = 0;
  bool active = false;
  // Default member initializers let callers use designated initializers.
  std::optional<std::string> address_line1 = {}, address_line2 = {}, address_line3 = {}, city = {},
                             postal_code = {}, created_by = {}, updated_by = {};
  std::int64_t state_province_id = 0, country_id = 0;
  local_date created_on = {}, updated_on = {};
};

// /clients/{clientId}/familymembers[/{familyMemberId}]: FAMILYMEMBERS CREATE, UPDATE, DELETE
// and the GETs; nullopt for a path it does not serve.
std::optional<rest_outcome> route_family_members(state& s, const rest_call& call,
                                                 std::int64_t client_id,
                                                 const std::vector<std::string>& p);
// /client/{clientId}/addresses: ADDRESS CREATE (POST ?type=), UPDATE (PUT, addressId in the
// body) and the GET (?type=, ?status=); nullopt for another path.
std::optional<rest_outcome> route_client_addresses(state& s, const rest_call& call,
                                                   const std::vector<std::string>& p);

}  // namespace mifos::mock::detail
