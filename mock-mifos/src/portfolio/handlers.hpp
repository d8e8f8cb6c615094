// handlers.hpp: the portfolio's REST handlers, one per resource family. Each takes the path's
// segments ({"clients", "3"}) and answers nullopt for a path it does not serve.
//
//   auto parts = split_path(call.path);
//   if (parts[0] == "clients") return route_clients(s, call, parts);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/rest_call.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock::detail {

using segments = std::vector<std::string>;

// offices (offices.cpp)
std::optional<rest_outcome> route_offices(state& s, const rest_call& call, const segments& p);
// loanproducts (with /{id}/productmix), savingsproducts (products/); charges: accounting.hpp
std::optional<rest_outcome> route_loan_products(state& s, const rest_call& call, const segments& p);
std::optional<rest_outcome> route_savings_products(state& s, const rest_call& call,
                                                   const segments& p);
// clients (clients.cpp)
std::optional<rest_outcome> route_clients(state& s, const rest_call& call, const segments& p);
// staff (staff.cpp)
std::optional<rest_outcome> route_staff(state& s, const rest_call& call, const segments& p);
// groups and centers (groups.cpp)
std::optional<rest_outcome> route_groups(state& s, const rest_call& call, const segments& p);
// loans and their transactions (loans.cpp)
std::optional<rest_outcome> route_loans(state& s, const rest_call& call, const segments& p);
// rescheduleloans: loan reschedule requests (loan_reschedule.cpp)
std::optional<rest_outcome> route_reschedule_loans(state& s, const rest_call& call,
                                                   const segments& p);
// savingsaccounts, their transactions and charges (savings.cpp, savings_charges.cpp)
std::optional<rest_outcome> route_savings(state& s, const rest_call& call, const segments& p);
std::optional<rest_outcome> route_savings_charges(state& s, const rest_call& call,
                                                  const segments& p);
// accounttransfers (account_transfers.cpp), standinginstructions (standing_instructions.cpp),
// savings/{id}/notes (savings_notes.cpp)
std::optional<rest_outcome> route_account_transfers(state& s, const rest_call& call,
                                                    const segments& p);
std::optional<rest_outcome> route_standing_instructions(state& s, const rest_call& call,
                                                        const segments& p);
std::optional<rest_outcome> route_savings_notes(state& s, const rest_call& call, const segments& p);
// journalentries (accounting.cpp)
std::optional<rest_outcome> route_journal_entries(state& s, const rest_call& call,
                                                  const segments& p);

// Shares: products/share, shareproduct/{id}/dividend (share_products.cpp) and
// accounts/share (share_accounts.cpp).
std::optional<rest_outcome> route_share_products(state& s, const rest_call& call,
                                                 const segments& p);
std::optional<rest_outcome> route_share_dividends(state& s, const rest_call& call,
                                                  const segments& p);
std::optional<rest_outcome> route_share_accounts(state& s, const rest_call& call,
                                                 const segments& p);

// Opens a savings account for `c` (what POST /clients with savingsProductId does): active from
// `on` when the client is active, else submitted. Returns its id. (savings.cpp)
entity_id open_savings_account(state& s, client& c, entity_id product_id, local_date on);

// Fineract's status objects for GETs. (clients.cpp, loans.cpp, savings.cpp)
nlohmann::ordered_json client_status_json(client_status st);
nlohmann::ordered_json loan_status_json(loan_status st);
nlohmann::ordered_json savings_status_json(savings_status st);
// {"code":"USD","decimalPlaces":2,...} as Fineract writes a currency. (offices.cpp)
nlohmann::ordered_json currency_json(const std::string& code);

}  // namespace mifos::mock::detail
