// portfolio.hpp: one tenant's in-memory portfolio and the REST commands on it (docs/wire-format.md
// section 10).
//
// Offices, clients, groups, centers, loans, savings accounts with their charges, and journal
// entries, with consistent ids. Every command answers what Fineract answers (the command result,
// or Fineract's error body) and carries the command_event hooks are fired from, success or
// failure. Pure: no sockets, no clock (the call carries `now`), no randomness.
//
//   portfolio p;                       // seeded with office 1 "Head Office", loan product 1,
//                                      // savings product 1 and savings charge 1
//   auto out = p.handle({"POST", "/clients", {}, body, user, "default", now});
//   // out->status 200, out->body {"officeId":1,"clientId":1,"resourceId":1},
//   // out->event: CLIENT CREATE with that result
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "model/rest_call.hpp"

namespace mifos::mock {

class portfolio {
 public:
  portfolio();
  ~portfolio();
  portfolio(portfolio&&) noexcept;
  portfolio& operator=(portfolio&&) noexcept;
  // A copy of every record: the snapshot a batch in one transaction rolls back to.
  portfolio(const portfolio& other);
  portfolio& operator=(const portfolio& other);

  // A call on offices, clients, groups, centers, loans, savingsaccounts, journalentries (and
  // loanproducts, savingsproducts, charges for reads). nullopt when the path is none of these:
  // the caller answers 404 for it.
  std::optional<rest_outcome> handle(const rest_call& call);
  // Whether office `id` exists (for the records that name an office: users, holidays).
  bool has_office(std::int64_t id) const;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace mifos::mock
