// loans.hpp: what loans.cpp and loan_repayments.cpp share: the loan's command result, its GET
// JSON, and the routes under /loans/{id}/transactions.
//
//   return loan_result(s, l, transaction_id, changes);  // {officeId, clientId, loanId, ...}
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/api_error.hpp"
#include "model/rest_call.hpp"
#include "portfolio/handlers.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// {officeId, [groupId], [clientId], loanId, resourceId, [subResourceId], changes} for a command
// on `l`; a null `changes` leaves the key out.
nlohmann::ordered_json loan_result(const state& s, const loan& l, entity_id resource_id,
                                   nlohmann::ordered_json changes,
                                   std::optional<entity_id> sub_resource_id = std::nullopt);

// Fineract's InvalidLoanStateTransitionException: 403 error.msg.loan.<action>.<postfix>.
api_error loan_transition_rule(const std::string& action, const std::string& postfix,
                               const std::string& message);

// The office a loan books in: its client's, or its group's for a group loan.
entity_id loan_office_id(const state& s, const loan& l);

// GET /loans/{id}; with ?associations=transactions (or all) it lists the transactions too.
nlohmann::ordered_json loan_json(const state& s, const loan& l, const rest_call& call);

// "2013-05-14", the way Fineract's messages print a LocalDate.
std::string iso_date(const local_date& d);

// POST /loans/{id}/transactions?command=..., POST /loans/{id}/transactions/{tid} (adjust), GET
// /loans/{id}/transactions/{tid} (loan_repayments.cpp).
std::optional<rest_outcome> route_loan_transactions(state& s, const rest_call& call,
                                                    const segments& p);

// The closing commands under /loans/{id}/transactions: writeoff, undowriteoff, close,
// close-rescheduled, foreclosure (loan_closures.cpp); nullopt for another command.
std::optional<rest_outcome> route_loan_closures(state& s, const rest_call& call, entity_id id,
                                                const std::string& command);

// A transaction the loan books from now on: the next id, `type`, `date` and `amount`.
loan_transaction& add_loan_transaction(state& s, loan& l, loan_transaction_type type,
                                       local_date date, cents amount);

// POST /loans/{id}?command= undoapproval, reject, withdrawnByApplicant, undodisbursal,
// assignloanofficer, unassignloanofficer; PUT and DELETE /loans/{id} (loan_lifecycle.cpp).
rest_outcome route_loan_lifecycle(state& s, const rest_call& call, entity_id id);

// /loans/{id}/charges, /guarantors and /collaterals (loan_charges.cpp, loan_guarantors.cpp).
std::optional<rest_outcome> route_loan_parts(state& s, const rest_call& call, const segments& p);
std::optional<rest_outcome> route_loan_charges(state& s, const rest_call& call, const segments& p);
std::optional<rest_outcome> route_loan_guarantors(state& s, const rest_call& call,
                                                  const segments& p);

// The loan's active charges as GET /loans/{id}/charges lists them (loan_charges.cpp).
nlohmann::ordered_json loan_charges_json(const state& s, const loan& l);

// A loan command's state rule: Fineract's 400 with error.msg.loan.<code> on parameter "id".
api_error loan_state_rule(const std::string& code, const std::string& message);

}  // namespace mifos::mock::detail
