// requests.hpp: typed views of the request that caused the commonest hook events.
//
// In the envelope era (Fineract >= 1.5) the API caller's request arrives in `request`, with every
// number turned into a double; in the bare-result era only `changes` carries (some of) it. Each
// view reads whichever the event has, and every field is optional because callers send
// different subsets. Amounts are kept as decimal text ("500.00", or "10000000" for 1.0E7): money
// never goes through a binary double. Field names are Fineract's API parameter names in
// snake_case (transactionAmount -> transaction_amount).
//
//   if (e.entity == "LOAN" && e.action == "REPAYMENT") {
//     auto req = mifos::hooks::read_request<mifos::hooks::loan_repayment_request>(e);
//     if (req.transaction_amount) charge(*req.transaction_amount);
//   }
//
// Each view names its catalog pair (View::pair), so router::on<View>(fn) subscribes to it.
// The views live in one header per family, all included here.
#pragma once

#include "mifos/hooks/requests_admin.hpp"
#include "mifos/hooks/requests_clients.hpp"
#include "mifos/hooks/requests_common.hpp"
#include "mifos/hooks/requests_deposits.hpp"
#include "mifos/hooks/requests_groups.hpp"
#include "mifos/hooks/requests_loans.hpp"
#include "mifos/hooks/requests_savings.hpp"
#include "mifos/hooks/requests_shares.hpp"
#include "mifos/hooks/requests_transfers.hpp"
