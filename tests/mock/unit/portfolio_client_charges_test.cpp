// Client charges and the client transactions paying them, loan transaction notes, and the undo
// of a loan charge waiver.
#include <gtest/gtest.h>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

// Charge 2: a client charge of 25.00 (charge 1 is the seeded savings fee).
void client_charge_definition(portfolio& p) {
  auto out = call(p, post("/charges", {{"name", "Membership fee"},
                                       {"currencyCode", "USD"},
                                       {"chargeAppliesTo", 3},
                                       {"chargeTimeType", 2},
                                       {"chargeCalculationType", 1},
                                       {"amount", "25.00"},
                                       {"locale", "en"},
                                       {"active", true},
                                       {"penalty", false}}));
  ASSERT_EQ(out.status, 200) << out.body.dump();
}

rest_outcome apply_charge(portfolio& p, std::int64_t client, std::int64_t charge = 2,
                          const char* due = "20 May 2013") {
  return call(p, post(client_path(client) + "/charges",
                      dated({{"chargeId", charge}, {"amount", "25.00"}, {"dueDate", due}})));
}

rest_outcome charge_command(portfolio& p, std::int64_t client, const std::string& name,
                            json body = json::object()) {
  return call(p, post(client_path(client) + "/charges/1", std::move(body), {{"command", name}}));
}

json payment(const char* amount = "25.00", const char* date = "21 May 2013") {
  return dated({{"amount", amount}, {"transactionDate", date}});
}

// Client 1, active, with client charge 1 (25.00) applied.
std::int64_t charged_client(portfolio& p) {
  client_charge_definition(p);
  const auto client = new_client(p, true);
  EXPECT_EQ(apply_charge(p, client).status, 200);
  return client;
}

TEST(PortfolioClientCharges, CreateAnswersOfficeClientAndChargeAndListsIt) {
  portfolio p;
  client_charge_definition(p);
  const auto client = new_client(p, true);
  auto out = apply_charge(p, client);
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1})");
  auto list = call(p, get(client_path(client) + "/charges")).body;
  EXPECT_EQ(list["totalFilteredRecords"], 1);
  EXPECT_EQ(list["pageItems"][0]["amountOutstanding"], 25.0);
  EXPECT_EQ(list["pageItems"][0]["dueDate"].dump(), "[2013,5,20]");
}

TEST(PortfolioClientCharges, CreateRefusesALoanChargeAPendingClientAndAnEarlyDueDate) {
  portfolio p;
  client_charge_definition(p);
  const auto client = new_client(p, true);
  expect_refused(apply_charge(p, client, 1), 403, "error.msg.charge.cannot.be.applied.toclient");
  expect_refused(apply_charge(p, client, 2, "10 May 2013"), 400,
                 "validation.msg.CLIENTCHARGE.dueDate.before.activationDate");
  expect_refused(apply_charge(p, new_client(p, false)), 403,
                 "error.msg.client.not.active.exception");
  expect_refused(call(p, post(client_path(client) + "/charges", dated({{"chargeId", 2}}))), 400,
                 "validation.msg.CLIENTCHARGE.amount.cannot.be.blank");
}

TEST(PortfolioClientCharges, PayBooksATransactionNamedInTheResult) {
  portfolio p;
  const auto client = charged_client(p);
  auto out = charge_command(p, client, "paycharge", payment("10.00"));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"clientId":1,"resourceId":1,"subResourceId":1,"transactionId":"1"})");
  auto t = call(p, get(client_path(client) + "/transactions/1")).body;
  EXPECT_EQ(t["type"]["code"], "clientTransactionType.payCharge");
  EXPECT_EQ(t["amount"], 10.0);
  EXPECT_EQ(call(p, get(client_path(client) + "/charges/1")).body["amountOutstanding"], 15.0);
  expect_refused(charge_command(p, client, "paycharge", payment("20.00")), 400,
                 "validation.msg.CLIENTCHARGE.transaction.invalid.charge.amount.paid.in.access");
  expect_refused(charge_command(p, client, "paycharge", payment("5.00", "10 May 2013")), 400,
                 "validation.msg.CLIENTCHARGE.transaction.before.activationDate");
}

TEST(PortfolioClientCharges, WaiveSettlesTheChargeWhichThenCannotBeDeleted) {
  portfolio p;
  const auto client = charged_client(p);
  auto out = charge_command(p, client, "waive");
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1,"transactionId":"1"})");
  EXPECT_EQ(call(p, get(client_path(client) + "/charges/1")).body["isWaived"], true);
  expect_refused(
      delete_call(p, client_path(client) + "/charges/1"), 400,
      "validation.msg.CLIENTCHARGE.transaction.invalid.account.charge.is.already.waived");
  expect_refused(
      charge_command(p, client, "waive"), 400,
      "validation.msg.CLIENTCHARGE.transaction.invalid.account.charge.is.already.waived");
}

TEST(PortfolioClientCharges, DeleteRemovesAnOpenCharge) {
  portfolio p;
  const auto client = charged_client(p);
  EXPECT_EQ(delete_call(p, client_path(client) + "/charges/1").body.dump(),
            R"({"officeId":1,"clientId":1,"resourceId":1})");
  EXPECT_EQ(call(p, get(client_path(client) + "/charges/1")).status, 404);
}

TEST(PortfolioClientCharges, InactivateFailsWithoutAnEventAsFineractHasNoHandler) {
  portfolio p;
  const auto client = charged_client(p);
  auto out = charge_command(p, client, "inactivate");
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "error.msg.command.unsupported");
  EXPECT_FALSE(out.event.has_value());
}

TEST(PortfolioClientCharges, UndoReversesThePaymentOnceAndTheChargeOwesAgain) {
  portfolio p;
  const auto client = charged_client(p);
  charge_command(p, client, "paycharge", payment());
  auto out =
      call(p, post(client_path(client) + "/transactions/1", json::object(), {{"command", "undo"}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "CLIENT");
  EXPECT_EQ(out.event->action, "UNDOTRANSACTION");
  EXPECT_EQ(call(p, get(client_path(client) + "/transactions/1")).body["reversed"], true);
  EXPECT_EQ(call(p, get(client_path(client) + "/charges/1")).body["amountOutstanding"], 25.0);
  expect_refused(
      call(p, post(client_path(client) + "/transactions/1", json::object(), {{"command", "undo"}})),
      403, "error.msg.clients.transaction.cannot.be.undone");
  expect_refused(
      call(p, post(client_path(client) + "/transactions/9", json::object(), {{"command", "undo"}})),
      404, "error.msg.client.transaction.not.found.exception");
}

// --- loan transaction notes -----------------------------------------------------------------

TEST(PortfolioLoanTransactionNotes, CreateNamesTheLoanAndUpdateTheChange) {
  portfolio p;
  disbursed_loan(p);  // transaction 1 is the disbursement
  auto out = call(p, post("/loanTransactions/1/notes", {{"note", "Paid at the branch"}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"loanId":1,"resourceId":1})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "LOANTRANSACTIONNOTE");
  out = put_call(p, "/loanTransactions/1/notes/1", {{"note", "Paid by the officer"}});
  EXPECT_EQ(out.body.dump(),
            R"({"officeId":1,"loanId":1,"resourceId":1,"changes":{"note":"Paid by the officer"}})");
  EXPECT_EQ(call(p, get("/loanTransactions/1/notes/1")).body["loanTransactionId"], 1);
  EXPECT_EQ(delete_call(p, "/loanTransactions/1/notes/1").body.dump(), R"({"resourceId":1})");
  expect_refused(call(p, post("/loanTransactions/9/notes", {{"note", "x"}})), 404,
                 "error.msg.loan.transaction.id.invalid");
}

// --- undo of a loan charge waiver -----------------------------------------------------------

TEST(PortfolioWaiveChargeUndo, ReversesTheWaiverAndTheChargeIsOwedAgain) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/loans", loan_body(1)));
  call(p, post("/loans/1/charges", dated({{"chargeId", 1}, {"amount", "10.00"}})));
  approve_loan(p, 1);
  disburse_loan(p, 1);
  auto waived = call(p, post("/loans/1/charges/1", json::object(), {{"command", "waive"}}));
  ASSERT_EQ(waived.status, 200) << waived.body.dump();
  const auto tid = waived.body["subResourceId"].get<std::int64_t>();
  const std::string path = "/loans/1/transactions/" + std::to_string(tid);
  auto out = call(p, make_call("PUT", path, json::object(), {}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body["loanId"], 1);
  EXPECT_EQ(out.body["resourceId"], 1);
  EXPECT_EQ(out.body["subResourceId"], tid);
  EXPECT_EQ(out.body["changes"]["feeChargesPortion"], 10.0);
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "WAIVECHARGE");
  EXPECT_EQ(call(p, get(path)).body["manuallyReversed"], true);
  expect_refused(call(p, make_call("PUT", path, json::object(), {})), 403,
                 "error.msg.transaction.cannot.reverse");
  expect_refused(call(p, make_call("PUT", "/loans/1/transactions/1", json::object(), {})), 403,
                 "error.msg.loan.transaction.undo.waive.charge");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
