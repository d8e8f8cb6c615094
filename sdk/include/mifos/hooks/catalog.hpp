// catalog.hpp: every (grouping, entity, action) a Fineract hook can subscribe to.
//
// The table is generated at build time from sdk/data/fineract-permissions.txt (445 pairs,
// 116 entities, 25 groupings: what `GET /hooks/template` offers). Each pair also has a typed
// name in <mifos/hooks/catalog_names.hpp>, so a typo is a compile error:
//
//   router.on(mifos::hooks::pairs::LOAN_REPAYMENT, on_repayment);
//   if (auto* entry = mifos::hooks::find_in_catalog("loan", "repayment")) {
//     std::cout << entry->grouping;  // "transaction_loan"
//   }
//
// Lookups are ASCII case-insensitive, as on MySQL-backed servers.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace mifos::hooks {

// An entity/action pair, e.g. {"LOAN", "REPAYMENT"}.
struct event_pair {
  std::string_view entity;
  std::string_view action;
};

struct catalog_entry {
  std::string_view grouping;  // e.g. "portfolio", "transaction_loan", "LOAN_PROVISIONING"
  std::string_view entity;
  std::string_view action;
};

// All 445 entries, in the order of the data file.
std::span<const catalog_entry> catalog() noexcept;

// The entry for (entity, action), compared case-insensitively; nullptr if not in the catalog.
const catalog_entry* find_in_catalog(std::string_view entity, std::string_view action) noexcept;

// Distinct groupings, and the entities of one grouping, in the order `GET /hooks/template`
// lists them (sorted, upper-case names first).
std::vector<std::string_view> catalog_groupings();
std::vector<std::string_view> catalog_entities(std::string_view grouping);
// The actions of one entity within one grouping, sorted.
std::vector<std::string_view> catalog_actions(std::string_view grouping, std::string_view entity);

}  // namespace mifos::hooks

#include "mifos/hooks/catalog_names.hpp"  // generated: pairs::*, entities::*, groupings::*
