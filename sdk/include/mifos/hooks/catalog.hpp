// catalog.hpp: every (grouping, entity, action) a Fineract hook can subscribe to.
//
// The table is generated at build time from sdk/data/fineract-permissions.txt (445 pairs,
// 116 entities, 25 groupings: what `GET /hooks/template` offers) and fineract-commands.tsv (the
// REST call that fires each pair, read from Fineract's source, and in which releases it fires).
// Each pair also has a typed name in <mifos/hooks/catalog_names.hpp>, so a typo is a compile
// error:
//
//   router.on(mifos::hooks::pairs::LOAN_REPAYMENT, on_repayment);
//   if (auto* entry = mifos::hooks::find_in_catalog("loan", "repayment")) {
//     std::cout << entry->grouping;  // "transaction_loan"
//     std::cout << entry->call.path;  // "/loans/{loanId}/transactions"
//   }
//   if (!fires_in(*entry, *find_fineract_release("1.15"))) ...
//
// Lookups are ASCII case-insensitive, as on MySQL-backed servers.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mifos::hooks {

struct fineract_release;  // fineract_release.hpp

// An entity/action pair, e.g. {"LOAN", "REPAYMENT"}.
struct event_pair {
  std::string_view entity;
  std::string_view action;
};

// The REST call that runs a pair's command (Fineract's 2024-10 source).
struct rest_command {
  std::string_view method;  // "POST", "PUT", "DELETE"; empty when no REST call runs it
  std::string_view path;    // under the API root, e.g. "/loans/{loanId}/transactions"
  // The `?command=` value ("repayment"), or "name=value" for another selector
  // ("action=PREPARE"); empty when the method and path alone select the command.
  std::string_view command;
  std::string_view result_ids;  // the ids its result carries: "officeId,clientId,loanId,resourceId"
  bool changes;                 // whether its result carries `changes`
};

struct catalog_entry {
  std::string_view grouping;  // e.g. "portfolio", "transaction_loan", "LOAN_PROVISIONING"
  std::string_view entity;
  std::string_view action;
  rest_command call;
  // The releases in which a successful command publishes this pair: from `fires_from` (empty:
  // none) up to, not including, `fires_until` (empty: every later release).
  std::string_view fires_from;
  std::string_view fires_until;
  // Why the pair never fires in Fineract's 2024-10 source, when it does not.
  std::string_view silence;
};

// All 445 entries, in the order of the data file.
std::span<const catalog_entry> catalog() noexcept;

// The entry for (entity, action), compared case-insensitively; nullptr if not in the catalog.
const catalog_entry* find_in_catalog(std::string_view entity, std::string_view action) noexcept;

// Whether a successful command of `entry` fires a hook in `release`.
bool fires_in(const catalog_entry& entry, const fineract_release& release) noexcept;

// Why `entry` does not fire in `release` (one sentence), or "" when it fires.
std::string why_silent(const catalog_entry& entry, const fineract_release& release);

// Distinct groupings, and the entities of one grouping, in the order `GET /hooks/template`
// lists them (sorted, upper-case names first).
std::vector<std::string_view> catalog_groupings();
std::vector<std::string_view> catalog_entities(std::string_view grouping);
// The actions of one entity within one grouping, sorted.
std::vector<std::string_view> catalog_actions(std::string_view grouping, std::string_view entity);

}  // namespace mifos::hooks

#include "mifos/hooks/catalog_names.hpp"  // generated: pairs::*, entities::*, groupings::*
