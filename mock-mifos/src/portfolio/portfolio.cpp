// portfolio.cpp: the portfolio's state and the dispatch of a call to the handler of its
// resource (the handlers live in clients.cpp, groups.cpp, loans.cpp, savings*.cpp, offices.cpp
// and accounting.cpp).
#include "portfolio/portfolio.hpp"

#include <utility>

#include "portfolio/accounting/accounting.hpp"
#include "portfolio/clients/client_commands.hpp"
#include "portfolio/clients/client_contacts.hpp"
#include "portfolio/deposits/deposits.hpp"
#include "portfolio/groups/calendars.hpp"
#include "portfolio/groups/group_commands.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock {

struct portfolio::state {
  detail::state data = detail::seeded_state();
  // Fixed and recurring deposits keep their records in their own book (deposits.hpp).
  detail::deposits_book deposits = detail::seeded_deposits(data.savings_product_ids);
};

portfolio::portfolio() : state_(std::make_unique<state>()) {}
portfolio::~portfolio() = default;
portfolio::portfolio(portfolio&&) noexcept = default;
portfolio& portfolio::operator=(portfolio&&) noexcept = default;
portfolio::portfolio(const portfolio& other) : state_(std::make_unique<state>(*other.state_)) {}
portfolio& portfolio::operator=(const portfolio& other) {
  if (this != &other) state_ = std::make_unique<state>(*other.state_);
  return *this;
}

bool portfolio::has_office(std::int64_t id) const { return state_->data.offices.count(id) > 0; }

std::optional<rest_outcome> portfolio::handle(const rest_call& call) {
  const detail::segments parts = detail::split_path(call.path);
  if (parts.empty()) return std::nullopt;
  detail::state& s = state_->data;
  const std::string& resource = parts[0];
  // Notes of clients, loans and groups (entity_notes.cpp).
  if (parts.size() >= 3 && parts[2] == "notes" &&
      (resource == "clients" || resource == "loans" || resource == "groups" ||
       resource == "loanTransactions")) {
    return detail::route_entity_notes(s, call, parts);
  }
  // Calendars and meetings (groups/calendars.cpp, meetings.cpp), client charges and
  // transactions (clients/client_charges.cpp).
  if (parts.size() >= 3 && parts[2] == "calendars") return detail::route_calendars(s, call, parts);
  if (parts.size() >= 3 && parts[2] == "meetings") return detail::route_meetings(s, call, parts);
  if (auto out = detail::route_client_charges(s, call, parts)) return out;
  if (resource == "offices") return detail::route_offices(s, call, parts);
  if (resource == "clients") return detail::route_clients(s, call, parts);
  // Addresses: Fineract's path is /client/{id}/addresses (clients/client_addresses.cpp).
  if (resource == "client") return detail::route_client_addresses(s, call, parts);
  if (resource == "staff") return detail::route_staff(s, call, parts);
  if (resource == "groups" || resource == "centers") return detail::route_groups(s, call, parts);
  if (resource == "collectionsheet") return detail::route_collection_sheet(s, call, parts);
  if (resource == "loans") return detail::route_loans(s, call, parts);
  if (resource == "rescheduleloans") return detail::route_reschedule_loans(s, call, parts);
  if (resource == "savingsaccounts") {
    if (parts.size() >= 3 && parts[2] == "charges") {
      return detail::route_savings_charges(s, call, parts);
    }
    return detail::route_savings(s, call, parts);
  }
  if (resource == "accounttransfers") return detail::route_account_transfers(s, call, parts);
  if (resource == "standinginstructions") {
    return detail::route_standing_instructions(s, call, parts);
  }
  if (resource == "savings") return detail::route_savings_notes(s, call, parts);
  if (resource == "journalentries") return detail::route_journal_entries(s, call, parts);
  // The chart of accounts, closures, rules, activity mappings, accruals, charges.
  if (resource == "glaccounts") return detail::route_gl_accounts(s, call, parts);
  if (resource == "glclosures") return detail::route_gl_closures(s, call, parts);
  if (resource == "accountingrules") return detail::route_accounting_rules(s, call, parts);
  if (resource == "financialactivityaccounts") {
    return detail::route_financial_activity_accounts(s, call, parts);
  }
  if (resource == "runaccruals") return detail::route_run_accruals(s, call, parts);
  if (resource == "charges") return detail::route_charges(s, call, parts);
  if (resource == "loanproducts") return detail::route_loan_products(s, call, parts);
  if (resource == "savingsproducts") return detail::route_savings_products(s, call, parts);
  // Share products, their dividends and share accounts.
  if (resource == "products") return detail::route_share_products(s, call, parts);
  if (resource == "shareproduct") return detail::route_share_dividends(s, call, parts);
  if (resource == "accounts") return detail::route_share_accounts(s, call, parts);
  // Deposit products, interest rate charts, fixed and recurring deposit accounts.
  if (auto out = detail::route_deposits(s, state_->deposits, call, parts)) return out;
  return std::nullopt;
}

}  // namespace mifos::mock
