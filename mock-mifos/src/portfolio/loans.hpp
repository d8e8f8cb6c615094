// loans.hpp: what loans.cpp and loan_repayments.cpp share: the loan's command result, its GET
// JSON, and the routes under /loans/{id}/transactions.
//
//   return loan_result(s, l, transaction_id, changes);  // {officeId, clientId, loanId, ...}
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/rest_call.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// {officeId, clientId, loanId, resourceId, [subResourceId], changes} for a command on `l`.
nlohmann::ordered_json loan_result(const state& s, const loan& l, entity_id resource_id,
                                   nlohmann::ordered_json changes,
                                   std::optional<entity_id> sub_resource_id = std::nullopt);

// GET /loans/{id}; with ?associations=transactions (or all) it lists the transactions too.
nlohmann::ordered_json loan_json(const state& s, const loan& l, const rest_call& call);

// "2013-05-14", the way Fineract's messages print a LocalDate.
std::string iso_date(const local_date& d);

// POST /loans/{id}/transactions?command=repayment, GET /loans/{id}/transactions/{tid}.
std::optional<rest_outcome> route_loan_transactions(state& s, const rest_call& call,
                                                    const segments& p);

}  // namespace mifos::mock::detail
