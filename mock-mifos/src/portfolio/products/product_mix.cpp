// product_mix.cpp: /loanproducts/{id}/productmix: POST (PRODUCTMIX CREATE), PUT (UPDATE), DELETE
// (DELETE) and GET, as Fineract's ProductMixWritePlatformServiceJpaRepositoryImpl answers them:
// results carry productId (no resourceId) and `changes` with restrictedProductsForMix /
// removedProductsForMix. The mock keeps the restrictions; loan applications do not check them.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "portfolio/products/products.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

api_error no_mixes(entity_id product_id) {
  return api_error::not_found(
      "error.msg.no.product.mixes.exists",
      "No product mixes are defined with the productId `" + std::to_string(product_id) + "`.",
      product_id);
}

std::vector<product_mix*> mixes_of(state& s, entity_id product_id) {
  std::vector<product_mix*> out;
  for (auto& m : s.product_mixes)
    if (m.product_id == product_id) out.push_back(&m);
  return out;
}

// The restricted product ids of the body; every one must be a loan product (404).
std::variant<std::set<entity_id>, api_error> restricted_ids(state& s, const json& body,
                                                            bool create) {
  field_reader in(body, "productmix");
  if (!in.only({"restrictedProducts"})) return in.error();
  auto ids = in.ids("restrictedProducts");
  if (in.ok() && create && ids.empty()) {
    in.fail_rule("restrictedProducts", "cannot.be.empty",
                 "The parameter `restrictedProducts` cannot be empty. You must select at least "
                 "one.");
  }
  if (!in.ok()) return in.error();
  for (entity_id id : ids)
    if (!s.loan_products.contains(id)) return product_not_found(id, false);
  return std::set<entity_id>(ids.begin(), ids.end());
}

json id_list(const std::vector<entity_id>& ids) { return json(ids); }

answer create_mix(state& s, entity_id product_id, const json& body) {
  auto read = restricted_ids(s, body, true);
  if (auto* e = std::get_if<api_error>(&read)) return *e;
  const auto& wanted = std::get<std::set<entity_id>>(read);
  if (!s.loan_products.contains(product_id)) return product_not_found(product_id, false);
  std::vector<entity_id> removed;  // the ids of the mixes removed, as Fineract lists them
  std::erase_if(s.product_mixes, [&](const product_mix& m) {
    const bool drop = m.product_id == product_id && !wanted.contains(m.restricted_id);
    if (drop) removed.push_back(m.id);
    return drop;
  });
  for (const product_mix* m : mixes_of(s, product_id)) {
    // A restriction made twice breaks the table's unique key.
    if (wanted.contains(m->restricted_id)) {
      return api_error::domain_rule("error.msg.product.loan.unknown.data.integrity.issue",
                                    "Unknown data integrity issue with resource.");
    }
  }
  for (entity_id restricted : wanted) {
    s.product_mixes.push_back({s.product_mix_ids.take(), product_id, restricted});
  }
  json changes = {
      {"restrictedProductsForMix", std::vector<entity_id>(wanted.begin(), wanted.end())},
      {"removedProductsForMix", id_list(removed)}};
  return result_fields{.changes = std::move(changes), .product_id = product_id}.to_json();
}

answer update_mix(state& s, entity_id product_id, const json& body) {
  auto read = restricted_ids(s, body, false);
  if (auto* e = std::get_if<api_error>(&read)) return *e;
  const auto& wanted = std::get<std::set<entity_id>>(read);
  if (mixes_of(s, product_id).empty()) return no_mixes(product_id);
  std::vector<entity_id> removed;  // restricted product ids here
  std::set<entity_id> kept;
  std::erase_if(s.product_mixes, [&](const product_mix& m) {
    if (m.product_id != product_id) return false;
    const bool drop = !wanted.contains(m.restricted_id);
    (drop ? removed.push_back(m.restricted_id) : (void)kept.insert(m.restricted_id));
    return drop;
  });
  json changes = json::object();
  if (wanted.empty()) {
    changes["removedProductsForMix"] = id_list(removed);
  } else {
    std::vector<entity_id> restricted(kept.begin(), kept.end());
    for (entity_id id : wanted) {
      if (kept.contains(id)) continue;
      s.product_mixes.push_back({s.product_mix_ids.take(), product_id, id});
      restricted.push_back(id);
    }
    changes["restrictedProductsForMix"] = id_list(restricted);
    if (!removed.empty()) changes["removedProductsForMix"] = id_list(removed);
  }
  return result_fields{.changes = std::move(changes), .product_id = product_id}.to_json();
}

answer delete_mix(state& s, entity_id product_id) {
  std::vector<entity_id> removed;
  for (const product_mix* m : mixes_of(s, product_id)) removed.push_back(m->restricted_id);
  if (removed.empty()) return no_mixes(product_id);
  std::erase_if(s.product_mixes, [&](const product_mix& m) { return m.product_id == product_id; });
  return result_fields{.changes = json{{"removedProductsForMix", id_list(removed)}},
                       .product_id = product_id}
      .to_json();
}

// ProductMixData: the product, the loan products it excludes and the others.
answer mix_json(state& s, entity_id product_id) {
  auto mixes = mixes_of(s, product_id);
  if (mixes.empty()) return no_mixes(product_id);
  std::set<entity_id> restricted;
  for (const product_mix* m : mixes) restricted.insert(m->restricted_id);
  json restricted_list = json::array(), allowed = json::array();
  for (const auto& [id, p] : s.loan_products) {
    if (id == product_id) continue;
    (restricted.contains(id) ? restricted_list : allowed)
        .push_back({{"id", id}, {"name", p.name}, {"includeInBorrowerCycle", false}});
  }
  return json{{"productId", product_id},
              {"productName", s.loan_products.at(product_id).name},
              {"restrictedProducts", restricted_list},
              {"allowedProducts", allowed}};
}

}  // namespace

rest_outcome route_product_mix(state& s, const rest_call& call, entity_id product_id) {
  if (call.method == "POST") {
    return run_command(call, "PRODUCTMIX", "CREATE",
                       [&](const json& body) { return create_mix(s, product_id, body); });
  }
  if (call.method == "PUT") {
    return run_command(call, "PRODUCTMIX", "UPDATE",
                       [&](const json& body) { return update_mix(s, product_id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "PRODUCTMIX", "DELETE",
                       [&](const json&) { return delete_mix(s, product_id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  return read_outcome(mix_json(s, product_id));
}

}  // namespace mifos::mock::detail
