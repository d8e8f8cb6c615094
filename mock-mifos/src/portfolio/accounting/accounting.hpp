// accounting.hpp: what the accounting handlers share (the chart of accounts, the closures that
// lock a branch's books) and their routes: /glaccounts, /glclosures, /accountingrules,
// /financialactivityaccounts, /runaccruals; /charges and the notes of clients, loans and groups
// live here too, as the rest of the accounting, charges and client extras family.
#pragma once

#include <optional>

#include "model/api_error.hpp"
#include "portfolio/handlers.hpp"

namespace mifos::mock::detail {

// A small chart of detail accounts 1..12 (cash, loans, savings, income, expenses): the ids the
// mock's own journal entries, recipes and generator use. Fineract seeds none. (gl_accounts.cpp)
void seed_chart_of_accounts(state& s);
gl_account* find_gl_account(state& s, entity_id id);
// {"id":1,"code":"accountType.asset","value":"ASSET"}: GLAccountType as Fineract writes it.
nlohmann::ordered_json gl_account_type_json(int type);
api_error gl_account_not_found(entity_id id);
// Whether an account can take a manual entry: 403 when it is disabled or refuses manual entries.
std::optional<api_error> refuses_manual_entries(const gl_account& a);

// 403 error.msg.glJournalEntry.invalid.accounting.closed when `office_id`'s latest closure is on
// or after `date` (Fineract refuses unless the closing date is before the entry). (gl_closures.cpp)
std::optional<api_error> accounting_closed(const state& s, entity_id office_id, local_date date);

// gl_accounts.cpp, gl_closures.cpp, accounting_rules.cpp (rules and financial activity
// accounts), accounting.cpp (journalentries, runaccruals), charges.cpp, entity_notes.cpp
std::optional<rest_outcome> route_gl_accounts(state& s, const rest_call& call, const segments& p);
std::optional<rest_outcome> route_gl_closures(state& s, const rest_call& call, const segments& p);
std::optional<rest_outcome> route_accounting_rules(state& s, const rest_call& call,
                                                   const segments& p);
std::optional<rest_outcome> route_financial_activity_accounts(state& s, const rest_call& call,
                                                              const segments& p);
std::optional<rest_outcome> route_run_accruals(state& s, const rest_call& call, const segments& p);
std::optional<rest_outcome> route_charges(state& s, const rest_call& call, const segments& p);
// /clients/{id}/notes, /loans/{id}/notes, /groups/{id}/notes (CLIENTNOTE, LOANNOTE, GROUPNOTE)
std::optional<rest_outcome> route_entity_notes(state& s, const rest_call& call, const segments& p);

}  // namespace mifos::mock::detail
