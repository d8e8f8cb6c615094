// loan_guarantors.cpp: guarantors and collateral of a loan: POST, PUT and DELETE under
// /loans/{id}/guarantors (GUARANTOR CREATE/UPDATE/DELETE) and /loans/{id}/collaterals
// (COLLATERAL CREATE/UPDATE/DELETE), and their GETs. A guarantor is an existing client
// (guarantorTypeId 1, entityId = the client) or an outsider (3, named by firstname/lastname);
// collateralTypeId is a code value the mock does not check.
#include <string>

#include "portfolio/loans/loans.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

api_error guarantor_not_found(entity_id loan_id, entity_id id) {
  return api_error::not_found("error.msg.loan.guarantor.not.found",
                              "Guarantor with identifier " + std::to_string(id) +
                                  " does not exist for loan " + std::to_string(loan_id),
                              id);
}

api_error collateral_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.loan.collateral.id.invalid",
      "Loan collateral with identifier " + std::to_string(id) + " does not exist", id);
}

json guarantor_json(const state& s, const loan& l, const loan_guarantor& g) {
  json j = {{"id", g.id}, {"loanId", l.id}};
  j["guarantorType"] =
      g.type == 1 ? json{{"id", 1}, {"code", "guarantor.existing.customer"}, {"value", "CUSTOMER"}}
                  : json{{"id", 3}, {"code", "guarantor.external"}, {"value", "EXTERNAL"}};
  if (g.client_id) {
    j["entityId"] = *g.client_id;
    const client& c = s.clients.at(*g.client_id);
    j["firstname"] = c.firstname;
    j["lastname"] = c.lastname;
  } else {
    j["firstname"] = g.firstname;
    j["lastname"] = g.lastname;
  }
  return j;
}

json collateral_json(const loan& l, const loan_collateral& c, const std::string& currency) {
  return {{"id", c.id},
          {"type", {{"id", c.type_id}}},
          {"value", amount_json(c.value)},
          {"description", c.description},
          {"currency", currency_json(currency)},
          {"loanId", l.id}};
}

// Reads a guarantor from the body; `creating` makes the type (and its name or client) required.
answer save_guarantor(state& s, entity_id loan_id, std::optional<entity_id> guarantor_id,
                      const json& body) {
  const bool creating = !guarantor_id;
  field_reader in(body, "guarantor");
  auto type = in.whole("guarantorTypeId", creating);
  const bool existing_client = type.value_or(1) == 1;
  auto client_id = in.id("entityId", creating && existing_client);
  auto firstname = in.text("firstname", creating && !existing_client);
  auto lastname = in.text("lastname", creating && !existing_client);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(loan_id);
  if (l == nullptr) return loan_not_found(loan_id);
  if (client_id && existing_client && s.find_client(*client_id) == nullptr) {
    return client_not_found(*client_id);
  }
  const entity_id office_id = loan_office_id(s, *l);
  if (creating) {
    loan_guarantor g;
    g.id = s.guarantor_ids.take();
    g.type = existing_client ? 1 : 3;
    if (existing_client) g.client_id = client_id;
    g.firstname = firstname.value_or("");
    g.lastname = lastname.value_or("");
    l->guarantors[g.id] = g;
    return result_fields{.office_id = office_id, .loan_id = l->id, .resource_id = g.id}.to_json();
  }
  auto it = l->guarantors.find(*guarantor_id);
  if (it == l->guarantors.end()) return guarantor_not_found(loan_id, *guarantor_id);
  loan_guarantor& g = it->second;
  json changes = json::object();
  if (type && static_cast<int>(*type) != g.type) {
    g.type = static_cast<int>(*type);
    if (g.type != 1) g.client_id.reset();  // an outsider is named, not a client
    changes["guarantorTypeId"] = *type;
  }
  if (existing_client && client_id && client_id != g.client_id) {
    g.client_id = client_id;
    changes["entityId"] = *client_id;
  }
  if (firstname && *firstname != g.firstname) changes["firstname"] = g.firstname = *firstname;
  if (lastname && *lastname != g.lastname) changes["lastname"] = g.lastname = *lastname;
  // No loanId in this result (GuarantorWritePlatformServiceJpaRepositoryIImpl.updateGuarantor).
  return result_fields{.office_id = office_id, .resource_id = g.id, .changes = changes}.to_json();
}

answer delete_guarantor(state& s, entity_id loan_id, entity_id guarantor_id) {
  loan* l = s.find_loan(loan_id);
  if (l == nullptr) return loan_not_found(loan_id);
  if (l->guarantors.erase(guarantor_id) == 0) return guarantor_not_found(loan_id, guarantor_id);
  // subResourceId names the guarantor's funding detail; the mock's guarantors fund nothing.
  return result_fields{
      .office_id = loan_office_id(s, *l), .loan_id = l->id, .resource_id = guarantor_id}
      .to_json();
}

answer save_collateral(state& s, entity_id loan_id, std::optional<entity_id> collateral_id,
                       const json& body) {
  const bool creating = !collateral_id;
  field_reader in(body, "collateral");
  auto type_id = in.id("collateralTypeId", creating);
  auto value = in.amount("value", false);
  auto description = in.text("description", false);
  if (!in.ok()) return in.error();
  loan* l = s.find_loan(loan_id);
  if (l == nullptr) return loan_not_found(loan_id);
  if (creating) {
    loan_collateral c;
    c.id = s.collateral_ids.take();
    c.type_id = *type_id;
    c.value = value.value_or(0);
    c.description = description.value_or("");
    l->collaterals[c.id] = c;
    return result_fields{.loan_id = l->id, .resource_id = c.id}.to_json();
  }
  auto it = l->collaterals.find(*collateral_id);
  if (it == l->collaterals.end()) return collateral_not_found(*collateral_id);
  loan_collateral& c = it->second;
  json changes = json::object();
  if (type_id && *type_id != c.type_id) changes["collateralTypeId"] = c.type_id = *type_id;
  if (value && *value != c.value) {
    c.value = *value;
    changes["value"] = amount_json(*value);
  }
  if (description && *description != c.description) {
    changes["description"] = c.description = *description;
  }
  return result_fields{.loan_id = l->id, .resource_id = c.id, .changes = changes}.to_json();
}

answer delete_collateral(state& s, entity_id loan_id, entity_id collateral_id) {
  loan* l = s.find_loan(loan_id);
  if (l == nullptr) return loan_not_found(loan_id);
  if (l->collaterals.erase(collateral_id) == 0) return collateral_not_found(collateral_id);
  return result_fields{.loan_id = l->id, .resource_id = collateral_id}.to_json();
}

answer read_parts(const state& s, entity_id loan_id, bool guarantors,
                  std::optional<entity_id> part_id) {
  auto it = s.loans.find(loan_id);
  if (it == s.loans.end()) return loan_not_found(loan_id);
  const loan& l = it->second;
  const std::string& currency = s.loan_products.at(l.product_id).currency;
  json list = json::array();
  if (guarantors) {
    for (const auto& [id, g] : l.guarantors) {
      if (!part_id || id == *part_id) list.push_back(guarantor_json(s, l, g));
    }
  } else {
    for (const auto& [id, c] : l.collaterals) {
      if (!part_id || id == *part_id) list.push_back(collateral_json(l, c, currency));
    }
  }
  if (!part_id) return list;
  if (list.empty()) {
    return guarantors ? guarantor_not_found(loan_id, *part_id) : collateral_not_found(*part_id);
  }
  return list[0];
}

}  // namespace

std::optional<rest_outcome> route_loan_guarantors(state& s, const rest_call& call,
                                                  const segments& p) {
  auto id = parse_id(p[1]);
  if (!id || p.size() > 4) return std::nullopt;
  const bool guarantors = p[2] == "guarantors";
  const char* entity = guarantors ? "GUARANTOR" : "COLLATERAL";
  std::optional<entity_id> part_id;
  if (p.size() == 4) {
    part_id = parse_id(p[3]);
    if (!part_id) return std::nullopt;
  }
  if (call.method == "POST" && !part_id) {
    return run_command(call, entity, "CREATE", [&](const json& body) {
      return guarantors ? save_guarantor(s, *id, std::nullopt, body)
                        : save_collateral(s, *id, std::nullopt, body);
    });
  }
  if (call.method == "PUT" && part_id) {
    return run_command(call, entity, "UPDATE", [&](const json& body) {
      return guarantors ? save_guarantor(s, *id, part_id, body)
                        : save_collateral(s, *id, part_id, body);
    });
  }
  if (call.method == "DELETE" && part_id) {
    return run_command(call, entity, "DELETE", [&](const json&) {
      return guarantors ? delete_guarantor(s, *id, *part_id) : delete_collateral(s, *id, *part_id);
    });
  }
  if (call.method != "GET") return method_not_allowed(call);
  return read_outcome(read_parts(s, *id, guarantors, part_id));
}

}  // namespace mifos::mock::detail
