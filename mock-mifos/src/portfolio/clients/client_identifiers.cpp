// client_identifiers.cpp: a client's identity documents, /clients/{id}/identifiers
// (CLIENTIDENTIFIER CREATE, UPDATE, DELETE, and the GETs), as Fineract's
// ClientIdentifierWritePlatformServiceJpaRepositoryImpl answers them.
//
// documentTypeId is a code value id (code "Customer Identifier") in Fineract; the mock takes any
// positive id as given. Fineract's unique keys are kept: one (documentTypeId, documentKey) in
// the whole bank, and one active identifier per type and client.
#include <cctype>
#include <string>

#include "portfolio/clients/client_commands.hpp"
#include "portfolio/handlers.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json identifier_json(const client_identifier& d) {
  json j = {{"id", d.id},
            {"clientId", d.client_id},
            {"documentType", {{"id", d.document_type_id}}},
            {"documentKey", d.document_key}};
  if (d.description) j["description"] = *d.description;
  j["status"] =
      d.active ? "clientIdentifierStatusType.active" : "clientIdentifierStatusType.inactive";
  return j;
}

api_error identifier_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.clientIdentifier.id.invalid",
      "Client Identifier with the primary key " + std::to_string(id) + " does not exist", id);
}

// ClientIdentifierStatus.valueOf(status.toUpperCase()): ACTIVE or INACTIVE. Fineract fails
// with a 500 on anything else; the mock answers a 400 on `status`.
std::optional<bool> read_status(field_reader& in, bool required) {
  auto text = in.text("status", required);
  if (!text) return std::nullopt;
  std::string upper = *text;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (upper == "ACTIVE" || upper == "INACTIVE") return upper == "ACTIVE";
  in.fail_rule("status", "is.not.one.of.expected.enumerations",
               "The parameter `status` must be one of [ACTIVE, INACTIVE] .", *text);
  return std::nullopt;
}

// The two unique keys of m_client_identifier (403 data integrity errors).
std::optional<api_error> duplicate_of(const state& s, const client_identifier& d) {
  for (const auto& [id, other] : s.client_identifiers) {
    if (id == d.id || other.document_type_id != d.document_type_id) continue;
    if (other.document_key == d.document_key) {
      return api_error::domain_rule("error.msg.clientIdentifier.identityKey.duplicate",
                                    "Client identifier of type " +
                                        std::to_string(d.document_type_id) + " with value of " +
                                        d.document_key + " already exists.");
    }
    if (other.client_id == d.client_id && other.active && d.active) {
      return api_error::domain_rule("error.msg.clientIdentifier.type.duplicate",
                                    "Active Client identifier of type " +
                                        std::to_string(d.document_type_id) +
                                        " is already present for this client");
    }
  }
  return std::nullopt;
}

json identifier_result(const client& c, entity_id identifier_id,
                       std::optional<json> changes = std::nullopt) {
  return result_fields{.office_id = c.office_id,
                       .client_id = c.id,
                       .resource_id = identifier_id,
                       .changes = std::move(changes)}
      .to_json();
}

answer create_identifier(state& s, entity_id client_id, const json& body) {
  field_reader in(body, "clientIdentifier");
  auto type_id = in.id("documentTypeId");
  auto key = in.text("documentKey");
  auto active = read_status(in, true);
  auto description = in.text("description", false);
  if (!in.ok()) return in.error();
  const client* c = s.find_client(client_id);
  if (c == nullptr) return client_not_found(client_id);
  client_identifier d{.id = s.client_identifier_ids.next,
                      .client_id = client_id,
                      .document_type_id = *type_id,
                      .document_key = *key,
                      .description = description,
                      .active = *active};
  if (auto duplicate = duplicate_of(s, d)) return *duplicate;
  s.client_identifier_ids.take();
  s.client_identifiers[d.id] = d;
  return identifier_result(*c, d.id);
}

// ClientIdentifier.update(): changes in the order documentTypeId, documentKey, description,
// status (any sent status counts as a change: Fineract compares it with the status's code).
answer update_identifier(state& s, entity_id client_id, entity_id id, const json& body) {
  field_reader in(body, "clientIdentifier");
  auto type_id = in.id("documentTypeId", false);
  auto key = in.text("documentKey", false);
  auto description = in.text("description", false);
  auto active = read_status(in, false);
  if (!type_id && !key && in.ok()) {
    in.fail("id", "No parameters passed for update.",
            "validation.msg.clientIdentifier.no.parameters.for.update");
  }
  if (!in.ok()) return in.error();
  const client* c = s.find_client(client_id);
  if (c == nullptr) return client_not_found(client_id);
  auto found = s.client_identifiers.find(id);
  if (found == s.client_identifiers.end()) return identifier_not_found(id);

  client_identifier updated = found->second;
  json changes = json::object();
  if (type_id && *type_id != updated.document_type_id) {
    changes["documentTypeId"] = *type_id;
    updated.document_type_id = *type_id;
  }
  if (key && *key != updated.document_key) {
    changes["documentKey"] = *key;
    updated.document_key = *key;
  }
  if (description && description != updated.description) {
    changes["description"] = *description;
    updated.description = description;
  }
  if (active) {
    changes["status"] = *active ? "ACTIVE" : "INACTIVE";
    updated.active = *active;
  }
  if (auto duplicate = duplicate_of(s, updated)) return *duplicate;
  found->second = updated;
  return identifier_result(*c, id, std::move(changes));
}

answer delete_identifier(state& s, entity_id client_id, entity_id id) {
  const client* c = s.find_client(client_id);
  if (c == nullptr) return client_not_found(client_id);
  if (s.client_identifiers.erase(id) == 0) return identifier_not_found(id);
  return identifier_result(*c, id);
}

json list_identifiers(const state& s, entity_id client_id) {
  json items = json::array();
  for (const auto& [id, d] : s.client_identifiers) {
    if (d.client_id == client_id) items.push_back(identifier_json(d));
  }
  return items;
}

}  // namespace

std::optional<rest_outcome> route_client_identifiers(state& s, const rest_call& call,
                                                     entity_id client_id,
                                                     const std::vector<std::string>& p) {
  // p: {"clients", "{id}", "identifiers"[, "{identifierId}"]}
  if (p.size() == 3) {
    if (call.method == "POST") {
      return run_command(call, "CLIENTIDENTIFIER", "CREATE",
                         [&](const json& body) { return create_identifier(s, client_id, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    if (s.find_client(client_id) == nullptr) return read_outcome(client_not_found(client_id));
    return read_outcome(list_identifiers(s, client_id));
  }
  auto id = parse_id(p[3]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "CLIENTIDENTIFIER", "UPDATE", [&](const json& body) {
      return update_identifier(s, client_id, *id, body);
    });
  }
  if (call.method == "DELETE") {
    return run_command(call, "CLIENTIDENTIFIER", "DELETE",
                       [&](const json&) { return delete_identifier(s, client_id, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto found = s.client_identifiers.find(*id);
  if (found == s.client_identifiers.end() || found->second.client_id != client_id) {
    return read_outcome(identifier_not_found(*id));
  }
  return read_outcome(identifier_json(found->second));
}

}  // namespace mifos::mock::detail
