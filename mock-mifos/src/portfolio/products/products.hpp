// products.hpp: what the product definition files share (loan_products.cpp, savings_products.cpp,
// product_mix.cpp): the GET JSON of a loan product and the product mix routes.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "model/rest_call.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// GET /loanproducts/{id}, as Fineract's LoanProductData writes the fields the mock keeps.
nlohmann::ordered_json loan_product_json(const loan_product& p);

// /loanproducts/{id}/productmix: POST (PRODUCTMIX CREATE), PUT (UPDATE), DELETE (DELETE), GET.
rest_outcome route_product_mix(state& s, const rest_call& call, entity_id product_id);

// Sets `field` to the sent `value` when it differs, naming it in `changes`, as the products'
// update methods report what they changed. Integers sent for int fields are narrowed.
template <typename Field, typename Value>
void update_field(Field& field, const std::optional<Value>& value, const char* key,
                  nlohmann::ordered_json& changes) {
  if (!value || field == static_cast<Field>(*value)) return;
  field = static_cast<Field>(*value);
  changes[key] = *value;
}

// "error.msg.product.<kind>.duplicate.<what>" (403) when another product of `products` (not
// `self`) has the same name or short name; nullopt otherwise.
template <typename Product>
std::optional<api_error> duplicate_product(const std::map<entity_id, Product>& products,
                                           entity_id self, const std::string& name,
                                           const std::string& short_name, const char* code,
                                           const char* noun) {
  for (const auto& [id, other] : products) {
    if (id == self) continue;
    if (other.name == name) {
      return api_error::domain_rule(std::string(code) + ".duplicate.name",
                                    std::string(noun) + " with name `" + name + "` already exists");
    }
    if (other.short_name == short_name) {
      return api_error::domain_rule(
          std::string(code) + ".duplicate.short.name",
          std::string(noun) + " with short name `" + short_name + "` already exists");
    }
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
