// catalog_recipes_loans.cpp: the LOAN, LOANCHARGE, GUARANTOR and COLLATERAL pairs
// (catalog_recipes.hpp says how recipes work).
#include "catalog_recipes.hpp"

namespace mifos::mock::catalog_test {
namespace {

std::string loan_path(std::int64_t id) { return id_path("/loans", id); }

rest_call loan_transaction(std::int64_t loan_id, const char* name, json body) {
  return command(loan_path(loan_id) + "/transactions", name, dated(std::move(body)));
}

json on(const char* date) { return {{"transactionDate", date}}; }
json paid(const char* date, const char* amount) {
  return {{"transactionDate", date}, {"transactionAmount", amount}};
}

// A disbursed loan (1000.00 + 240.00 flat interest), repaid `amount` on 14 June 2013.
std::int64_t repaid_loan(recipe_context& c, const char* amount) {
  const auto id = c.disbursed_loan(c.active_client());
  c.setup(loan_transaction(id, "repayment", paid("14 June 2013", amount)));
  return id;
}

std::int64_t written_off_loan(recipe_context& c) {
  const auto id = c.disbursed_loan(c.active_client());
  c.setup(loan_transaction(id, "writeoff", on("14 June 2013")));
  return id;
}

// An active client with an active savings account (1000.00) linked to a submitted loan.
std::int64_t linked_loan(recipe_context& c) {
  const auto client = c.active_client();
  json application = loan_application(client);
  application["linkAccountId"] = c.active_savings(client);
  return c.setup(post("/loans", application))["resourceId"].get<std::int64_t>();
}

std::int64_t with_charge(recipe_context& c, std::int64_t loan_id, int mode = 0) {
  return c
      .setup(post(
          loan_path(loan_id) + "/charges",
          dated({{"chargeId", 1}, {"amount", "10.00"}, {"chargePaymentMode", mode}})))["resourceId"]
      .get<std::int64_t>();
}

void approve_and_disburse(recipe_context& c, std::int64_t id) {
  c.setup(command(loan_path(id), "approve", dated({{"approvedOnDate", "15 May 2013"}})));
  c.setup(command(loan_path(id), "disburse", dated({{"actualDisbursementDate", "20 May 2013"}})));
}

std::int64_t first_id(recipe_context& c, const rest_call& call) {
  return c.setup(call)["resourceId"].get<std::int64_t>();
}

rest_call guarantor(std::int64_t loan_id, std::int64_t client_id) {
  return post(loan_path(loan_id) + "/guarantors",
              {{"guarantorTypeId", 1}, {"entityId", client_id}});
}

rest_call collateral(std::int64_t loan_id) {
  return post(
      loan_path(loan_id) + "/collaterals",
      {{"collateralTypeId", 1}, {"value", "500.00"}, {"description", "bicycle"}, {"locale", "en"}});
}

const register_recipes kLoanRecipes{{
    {"LOAN", "CREATE",
     [](recipe_context& c) { return post("/loans", loan_application(c.active_client())); }},
    {"LOAN", "APPROVE",
     [](recipe_context& c) {
       return command(loan_path(c.submitted_loan(c.active_client())), "approve",
                      dated({{"approvedOnDate", "15 May 2013"}}));
     }},
    {"LOAN", "DISBURSE",
     [](recipe_context& c) {
       return command(loan_path(c.approved_loan(c.active_client())), "disburse",
                      dated({{"actualDisbursementDate", "20 May 2013"}}));
     }},
    {"LOAN", "REPAYMENT",
     [](recipe_context& c) {
       return loan_transaction(c.disbursed_loan(c.active_client()), "repayment",
                               paid("14 June 2013", "100.00"));
     }},
    {"LOAN", "APPROVALUNDO",
     [](recipe_context& c) {
       return command(loan_path(c.approved_loan(c.active_client())), "undoapproval",
                      {{"note", "approved too early"}});
     }},
    {"LOAN", "REJECT",
     [](recipe_context& c) {
       return command(loan_path(c.submitted_loan(c.active_client())), "reject",
                      dated({{"rejectedOnDate", "16 May 2013"}}));
     }},
    {"LOAN", "WITHDRAW",
     [](recipe_context& c) {
       return command(loan_path(c.submitted_loan(c.active_client())), "withdrawnByApplicant",
                      dated({{"withdrawnOnDate", "16 May 2013"}}));
     }},
    {"LOAN", "DISBURSALUNDO",
     [](recipe_context& c) {
       return command(loan_path(c.disbursed_loan(c.active_client())), "undodisbursal");
     }},
    {"LOAN", "WRITEOFF",
     [](recipe_context& c) {
       return loan_transaction(c.disbursed_loan(c.active_client()), "writeoff", on("14 June 2013"));
     }},
    {"LOAN", "UNDOWRITEOFF",
     [](recipe_context& c) {
       return command(loan_path(written_off_loan(c)) + "/transactions", "undowriteoff");
     }},
    {"LOAN", "RECOVERYPAYMENT",
     [](recipe_context& c) {
       return loan_transaction(written_off_loan(c), "recoverypayment",
                               paid("20 June 2013", "50.00"));
     }},
    {"LOAN", "WAIVEINTERESTPORTION",
     [](recipe_context& c) {
       return loan_transaction(c.disbursed_loan(c.active_client()), "waiveinterest",
                               paid("14 June 2013", "20.00"));
     }},
    {"LOAN", "CLOSE",
     [](recipe_context& c) {
       json application = loan_application(c.active_client());
       application["inArrearsTolerance"] = "10.00";
       const auto id = first_id(c, post("/loans", application));
       approve_and_disburse(c, id);
       c.setup(loan_transaction(id, "repayment", paid("14 June 2013", "1235.00")));
       return loan_transaction(id, "close", on("15 June 2013"));
     }},
    {"LOAN", "CLOSEASRESCHEDULED",
     [](recipe_context& c) {
       return loan_transaction(c.disbursed_loan(c.active_client()), "close-rescheduled",
                               on("14 June 2013"));
     }},
    {"LOAN", "FORECLOSURE",
     [](recipe_context& c) {
       return loan_transaction(c.disbursed_loan(c.active_client()), "foreclosure",
                               on("14 June 2013"));
     }},
    {"LOAN", "ADJUST",
     [](recipe_context& c) {
       const auto id = repaid_loan(c, "100.00");
       return post(loan_path(id) + "/transactions/2", dated(paid("15 June 2013", "80.00")));
     }},
    {"LOAN", "REFUNDBYCASH",
     [](recipe_context& c) {
       return loan_transaction(repaid_loan(c, "100.00"), "refundByCash",
                               paid("15 June 2013", "30.00"));
     }},
    {"LOAN", "GOODWILLCREDIT",
     [](recipe_context& c) {
       return loan_transaction(c.disbursed_loan(c.active_client()), "goodwillCredit",
                               paid("14 June 2013", "25.00"));
     }},
    {"LOAN", "CREDITBALANCEREFUND",
     [](recipe_context& c) {
       return loan_transaction(repaid_loan(c, "1300.00"), "creditBalanceRefund",
                               paid("15 June 2013", "60.00"));
     }},
    {"LOAN", "DISBURSETOSAVINGS",
     [](recipe_context& c) {
       const auto id = linked_loan(c);
       c.setup(command(loan_path(id), "approve", dated({{"approvedOnDate", "15 May 2013"}})));
       return command(loan_path(id), "disburseToSavings",
                      dated({{"actualDisbursementDate", "20 May 2013"}}));
     }},
    {"LOAN", "UPDATELOANOFFICER",
     [](recipe_context& c) {
       return command(loan_path(c.submitted_loan(c.active_client())), "assignloanofficer",
                      dated({{"toLoanOfficerId", 3}, {"assignmentDate", "15 May 2013"}}));
     }},
    {"LOAN", "REMOVELOANOFFICER",
     [](recipe_context& c) {
       const auto id = c.submitted_loan(c.active_client());
       c.setup(command(loan_path(id), "assignloanofficer",
                       dated({{"toLoanOfficerId", 3}, {"assignmentDate", "15 May 2013"}})));
       return command(loan_path(id), "unassignloanofficer",
                      dated({{"unassignedDate", "16 May 2013"}}));
     }},
    {"LOAN", "UPDATE",
     [](recipe_context& c) {
       return put(loan_path(c.submitted_loan(c.active_client())),
                  {{"principal", "1500.00"}, {"locale", "en"}});
     }},
    {"LOAN", "DELETE",
     [](recipe_context& c) { return del(loan_path(c.submitted_loan(c.active_client()))); }},
    {"LOANCHARGE", "CREATE",
     [](recipe_context& c) {
       return post(loan_path(c.submitted_loan(c.active_client())) + "/charges",
                   dated({{"chargeId", 1}, {"amount", "10.00"}}));
     }},
    {"LOANCHARGE", "UPDATE",
     [](recipe_context& c) {
       const auto id = c.submitted_loan(c.active_client());
       return put(id_path(loan_path(id) + "/charges", with_charge(c, id)),
                  {{"amount", "12.50"}, {"locale", "en"}});
     }},
    {"LOANCHARGE", "DELETE",
     [](recipe_context& c) {
       const auto id = c.submitted_loan(c.active_client());
       return del(id_path(loan_path(id) + "/charges", with_charge(c, id)));
     }},
    {"LOANCHARGE", "WAIVE",
     [](recipe_context& c) {
       const auto id = c.submitted_loan(c.active_client());
       const auto charge = with_charge(c, id);
       approve_and_disburse(c, id);
       return command(id_path(loan_path(id) + "/charges", charge), "waive");
     }},
    {"LOANCHARGE", "PAY",
     [](recipe_context& c) {
       const auto id = linked_loan(c);
       const auto charge = with_charge(c, id, 1);
       approve_and_disburse(c, id);
       return command(id_path(loan_path(id) + "/charges", charge), "pay",
                      dated({{"transactionDate", "25 May 2013"}}));
     }},
    {"GUARANTOR", "CREATE",
     [](recipe_context& c) {
       const auto id = c.submitted_loan(c.active_client());
       return guarantor(id, c.active_client());
     }},
    {"GUARANTOR", "UPDATE",
     [](recipe_context& c) {
       const auto id = c.submitted_loan(c.active_client());
       const auto g = first_id(c, guarantor(id, c.active_client()));
       return put(id_path(loan_path(id) + "/guarantors", g), {{"entityId", c.active_client()}});
     }},
    {"GUARANTOR", "DELETE",
     [](recipe_context& c) {
       const auto id = c.submitted_loan(c.active_client());
       const auto g = first_id(c, guarantor(id, c.active_client()));
       return del(id_path(loan_path(id) + "/guarantors", g));
     }},
    {"COLLATERAL", "CREATE",
     [](recipe_context& c) { return collateral(c.submitted_loan(c.active_client())); }},
    {"COLLATERAL", "UPDATE",
     [](recipe_context& c) {
       const auto id = c.submitted_loan(c.active_client());
       return put(id_path(loan_path(id) + "/collaterals", first_id(c, collateral(id))),
                  {{"value", "650.00"}, {"locale", "en"}});
     }},
    {"COLLATERAL", "DELETE",
     [](recipe_context& c) {
       const auto id = c.submitted_loan(c.active_client());
       return del(id_path(loan_path(id) + "/collaterals", first_id(c, collateral(id))));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test

namespace mifos::mock::catalog_test {
namespace {

rest_call reschedule_request(std::int64_t loan_id) {
  return post("/rescheduleloans", dated({{"loanId", loan_id},
                                         {"rescheduleFromDate", "20 July 2013"},
                                         {"submittedOnDate", "14 June 2013"},
                                         {"rescheduleReasonId", 1},
                                         {"extraTerms", 2}}));
}

std::int64_t pending_reschedule(recipe_context& c) {
  return c.setup(reschedule_request(c.disbursed_loan(c.active_client())))["resourceId"]
      .get<std::int64_t>();
}

const register_recipes kRescheduleRecipes{{
    {"RESCHEDULELOAN", "CREATE",
     [](recipe_context& c) { return reschedule_request(c.disbursed_loan(c.active_client())); }},
    {"RESCHEDULELOAN", "APPROVE",
     [](recipe_context& c) {
       return command(id_path("/rescheduleloans", pending_reschedule(c)), "approve",
                      dated({{"approvedOnDate", "15 June 2013"}}));
     }},
    {"RESCHEDULELOAN", "REJECT",
     [](recipe_context& c) {
       return command(id_path("/rescheduleloans", pending_reschedule(c)), "reject",
                      dated({{"rejectedOnDate", "15 June 2013"}}));
     }},
}};

}  // namespace
}  // namespace mifos::mock::catalog_test
