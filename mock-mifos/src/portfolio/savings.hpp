// savings.hpp: what savings.cpp and savings_charges.cpp share: the command result of a
// command on an account, and the ledger entry every money movement books.
//
//   return savings_result(s, account, transaction_id, nlohmann::ordered_json::object());
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// {officeId, clientId, savingsId, resourceId, [changes]} for a command on `a`.
nlohmann::ordered_json savings_result(const state& s, const savings_account& a,
                                      entity_id resource_id,
                                      std::optional<nlohmann::ordered_json> changes);

// Books a transaction of `type` (1 deposit, 2 withdrawal, 7 charge payment) moving `amount`
// (negative for money out) and returns its id.
entity_id book_savings_transaction(state& s, savings_account& a, int type, local_date date,
                                   cents amount);

}  // namespace mifos::mock::detail
