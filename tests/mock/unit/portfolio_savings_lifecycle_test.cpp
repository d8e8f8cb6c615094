// portfolio_savings_lifecycle_test.cpp: savings commands after submission: undo approval,
// reject, withdraw, close, update, delete, blocks, holds, undo/reverse/adjust, charges waive/
// inactivate/update/delete, notes, account transfers and standing instructions, with the exact
// results, Fineract's state rules (status, code, failed event) and the GET after.
#include <gtest/gtest.h>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

json savings_body() {
  return dated({{"clientId", 1}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}});
}

rest_outcome account_command(portfolio& p, const char* command, json body = json::object(),
                             const std::string& id = "1") {
  return call(p, post("/savingsaccounts/" + id, std::move(body), {{"command", command}}));
}

rest_outcome put_call(portfolio& p, std::string path, json body, query q = {}) {
  return call(p, make_call("PUT", std::move(path), std::move(body), std::move(q)));
}

rest_outcome delete_call(portfolio& p, std::string path) {
  return call(p, make_call("DELETE", std::move(path), nullptr, {}));
}

json account(portfolio& p, const char* id = "1") {
  return call(p, get(std::string("/savingsaccounts/") + id, {{"associations", "transactions"}}))
      .body;
}

void pending_savings(portfolio& p) {
  call(p, post("/clients", client_body()));
  call(p, post("/savingsaccounts", savings_body()));
}

void expect_failed(const rest_outcome& out, int status, const std::string& code) {
  EXPECT_EQ(out.status, status) << out.body.dump();
  EXPECT_EQ(first_error_code(out), code) << out.body.dump();
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST(PortfolioSavingsLifecycle, UndoApprovalAnswersPendingStatusAndEmptyApprovalDate) {
  portfolio p;
  pending_savings(p);
  account_command(p, "approve", dated({{"approvedOnDate", "15 May 2013"}}));
  auto out = account_command(p, "undoapproval", json{{"note", "wrong product"}});
  EXPECT_EQ(out.body["changes"]["status"]["id"], 100);
  EXPECT_EQ(out.body["changes"]["approvedOnDate"], "");
  EXPECT_EQ(out.body["changes"]["note"], "wrong product");
  EXPECT_EQ(out.event->action, "APPROVALUNDO");
  EXPECT_EQ(account(p)["status"]["id"], 100);
  EXPECT_FALSE(account(p)["timeline"].contains("approvedOnDate"));
}

TEST(PortfolioSavingsLifecycle, UndoApprovalOfAPendingAccountIs400) {
  portfolio p;
  pending_savings(p);
  expect_failed(account_command(p, "undoapproval"), 400,
                "validation.msg.savingsaccount.undoApproval.not.in.approved.state");
}

TEST(PortfolioSavingsLifecycle, RejectAnswersStatusDatesAndClosedOnDate) {
  portfolio p;
  pending_savings(p);
  auto out = account_command(p, "reject", dated({{"rejectedOnDate", "16 May 2013"}}));
  EXPECT_EQ(
      out.body.dump(),
      R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1,"changes":{"status":{"id":500,)"
      R"("code":"savingsAccountStatusType.rejected","value":"Rejected",)"
      R"("submittedAndPendingApproval":false,"approved":false,"rejected":true,)"
      R"("withdrawnByApplicant":false,"active":false,"closed":true,"prematureClosed":false,)"
      R"("transferInProgress":false,"transferOnHold":false,"matured":false},"locale":"en",)"
      R"("dateFormat":"dd MMMM yyyy","rejectedOnDate":"16 May 2013",)"
      R"("closedOnDate":"16 May 2013"}})");
  EXPECT_EQ(out.event->action, "REJECT");
  EXPECT_EQ(account(p)["timeline"]["rejectedOnDate"].dump(), "[2013,5,16]");
}

TEST(PortfolioSavingsLifecycle, RejectRules) {
  portfolio p;
  pending_savings(p);
  expect_failed(account_command(p, "reject", dated({{"rejectedOnDate", "13 May 2013"}})), 400,
                "validation.msg.savingsaccount.reject.cannot.be.before.submittal.date");
  expect_failed(account_command(p, "reject", dated({{"rejectedOnDate", "13 May 2030"}})), 400,
                "validation.msg.savingsaccount.reject.cannot.be.a.future.date");
  account_command(p, "approve", dated({{"approvedOnDate", "15 May 2013"}}));
  expect_failed(account_command(p, "reject", dated({{"rejectedOnDate", "16 May 2013"}})), 400,
                "validation.msg.savingsaccount.reject.not.in.submittedandpendingapproval.state");
}

TEST(PortfolioSavingsLifecycle, WithdrawnByApplicantIs400AndTheGetShowsIt) {
  portfolio p;
  pending_savings(p);
  auto out =
      account_command(p, "withdrawnByApplicant", dated({{"withdrawnOnDate", "16 May 2013"}}));
  EXPECT_EQ(out.body["changes"]["status"]["id"], 400);
  EXPECT_EQ(out.body["changes"]["withdrawnOnDate"], "16 May 2013");
  EXPECT_EQ(out.event->action, "WITHDRAW");
  EXPECT_EQ(account(p)["status"]["value"], "Withdrawn by applicant");
  expect_failed(
      account_command(p, "withdrawnByApplicant", dated({{"withdrawnOnDate", "16 May 2013"}})), 400,
      "validation.msg.savingsaccount.withdrawnByApplicant.not.in.submittedandpendingapproval."
      "state");
}

TEST(PortfolioSavingsLifecycle, CloseNeedsAZeroBalanceOrWithdrawBalance) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "40.00");
  expect_failed(account_command(p, "close", dated({{"closedOnDate", "21 May 2013"}})), 400,
                "validation.msg.savingsaccount.close.results.in.balance.not.zero");
  expect_failed(
      account_command(p, "close", dated({{"closedOnDate", "19 May 2013"}})), 400,
      "validation.msg.savingsaccount.close.closedOnDate.must.be.after.last.transaction.date");
  auto out = account_command(p, "close",
                             dated({{"closedOnDate", "21 May 2013"}, {"withdrawBalance", true}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body["changes"]["status"]["id"], 600);
  EXPECT_EQ(out.body["changes"]["closedOnDate"], "21 May 2013");
  EXPECT_EQ(out.event->action, "CLOSE");
  const json a = account(p);
  EXPECT_EQ(a["status"]["code"], "savingsAccountStatusType.closed");
  EXPECT_EQ(a["summary"]["accountBalance"], 0.0);
  EXPECT_EQ(a["transactions"].size(), 2u);
  expect_failed(account_command(p, "close", dated({{"closedOnDate", "21 May 2013"}})), 400,
                "validation.msg.savingsaccount.close.not.in.active.state");
}

TEST(PortfolioSavingsLifecycle, UpdateListsOnlyWhatChangedAndNeedsAPendingAccount) {
  portfolio p;
  pending_savings(p);
  auto out = put_call(p, "/savingsaccounts/1",
                      dated({{"submittedOnDate", "14 May 2013"}, {"externalId", "SAV-7"}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1,)"
                             R"("changes":{"externalId":"SAV-7"}})");
  EXPECT_EQ(out.event->action, "UPDATE");
  EXPECT_EQ(account(p)["externalId"], "SAV-7");
  account_command(p, "approve", dated({{"approvedOnDate", "15 May 2013"}}));
  expect_failed(put_call(p, "/savingsaccounts/1", json{{"externalId", "X"}}), 400,
                "validation.msg.savingsaccount.modify.not.in.submittedandpendingapproval.state");
}

TEST(PortfolioSavingsLifecycle, DeleteRemovesAPendingAccountOnly) {
  portfolio p;
  pending_savings(p);
  call(p, post("/savingsaccounts", savings_body()));
  account_command(p, "approve", dated({{"approvedOnDate", "15 May 2013"}}), "2");
  auto out = delete_call(p, "/savingsaccounts/1");
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1})");
  EXPECT_EQ(out.event->action, "DELETE");
  EXPECT_EQ(out.event->request.dump(), "{}");
  EXPECT_EQ(call(p, get("/savingsaccounts/1")).status, 404);
  expect_failed(delete_call(p, "/savingsaccounts/2"), 400,
                "validation.msg.savingsaccount.delete.not.in.submittedandpendingapproval.state");
}

TEST(PortfolioSavingsLifecycle, BlockDebitRefusesWithdrawalsButNotDeposits) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "40.00");
  auto out = account_command(p, "blockDebit", json{{"reasonForBlock", "court order"}});
  EXPECT_EQ(out.body["changes"].dump(),
            R"({"subStatus":{"id":600,"code":"SavingsAccountSubStatusEnum.blockDebit",)"
            R"("value":"BlockDebit","none":false,"inactive":false,"dormant":false,)"
            R"("escheat":false,"block":false,"blockCredit":false,"blockDebit":true}})");
  EXPECT_EQ(out.event->action, "BLOCKDEBIT");
  expect_failed(savings_transaction(p, "withdrawal", "1.00"), 403,
                "error.msg.savings.account.debit.transaction.not.allowed");
  EXPECT_EQ(savings_transaction(p, "deposit", "1.00").status, 200);
  EXPECT_EQ(account(p)["subStatus"]["id"], 600);
  // A credit block on top blocks everything (400 Block).
  EXPECT_EQ(account_command(p, "blockCredit", json{{"reasonForBlock", "x"}})
                .body["changes"]["subStatus"]["id"],
            400);
  expect_failed(savings_transaction(p, "deposit", "1.00"), 403,
                "error.msg.saving.account.blocked.transaction.not.allowed");
  EXPECT_EQ(account_command(p, "unblockDebit").body["changes"]["subStatus"]["id"], 500);
  EXPECT_EQ(account_command(p, "unblockCredit").body["changes"]["subStatus"]["id"], 0);
}

TEST(PortfolioSavingsLifecycle, BlockRules) {
  portfolio p;
  active_savings(p);
  auto out = account_command(p, "blockCredit");
  EXPECT_EQ(out.status, 403);
  EXPECT_EQ(out.body["userMessageGlobalisationCode"], "Reason For Block is Mandatory");
  EXPECT_TRUE(out.event->failed());
  expect_failed(account_command(p, "unblock"), 400,
                "validation.msg.savingsaccount.unblock.not.in.blocked.state");
  expect_failed(account_command(p, "unblockDebit"), 400,
                "validation.msg.savingsaccount.unblockDebits.debits.are.not.blocked");
  account_command(p, "block", json{{"reasonForBlock", "fraud"}});
  EXPECT_EQ(account(p)["reasonForBlock"], "fraud");
  expect_failed(account_command(p, "blockDebit", json{{"reasonForBlock", "x"}}), 400,
                "validation.msg.savingsaccount.blockDebits.currently.set");
  EXPECT_EQ(account_command(p, "unblock").status, 200);
  portfolio pending;
  pending_savings(pending);
  expect_failed(account_command(pending, "block", json{{"reasonForBlock", "x"}}), 400,
                "validation.msg.savingsaccount.block.not.in.active.state");
}

TEST(PortfolioSavingsLifecycle, HoldLowersTheAvailableBalanceUntilReleased) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "100.00");
  auto hold = call(p, post("/savingsaccounts/1/transactions",
                           dated({{"transactionDate", "20 May 2013"},
                                  {"transactionAmount", "70.00"},
                                  {"reasonForBlock", "lien"}}),
                           {{"command", "holdAmount"}}));
  EXPECT_EQ(hold.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":2})");
  EXPECT_EQ(hold.event->action, "HOLDAMOUNT");
  json a = account(p);
  EXPECT_EQ(a["summary"]["accountBalance"], 100.0);
  EXPECT_EQ(a["summary"]["availableBalance"], 30.0);
  expect_failed(savings_transaction(p, "withdrawal", "30.01"), 403,
                "error.msg.savingsaccount.transaction.insufficient.account.balance");
  expect_failed(call(p, post("/savingsaccounts/1/transactions",
                             dated({{"transactionDate", "20 May 2013"},
                                    {"transactionAmount", "31.00"},
                                    {"reasonForBlock", "lien"}}),
                             {{"command", "holdAmount"}})),
                400, "validation.msg.savingsaccount.insufficient.balance");
  auto release = call(
      p, post("/savingsaccounts/1/transactions/2", json::object(), {{"command", "releaseAmount"}}));
  EXPECT_EQ(release.body["resourceId"], 3);
  EXPECT_EQ(release.event->action, "RELEASEAMOUNT");
  EXPECT_EQ(account(p)["summary"]["availableBalance"], 100.0);
  expect_failed(call(p, post("/savingsaccounts/1/transactions/2", json::object(),
                             {{"command", "releaseAmount"}})),
                400, "validation.msg.savingsaccount.amount.validation.msg.amount.is.not.on.hold");
}

TEST(PortfolioSavingsLifecycle, UndoReverseAndAdjustRewriteTheBalance) {
  portfolio p;
  active_savings(p);
  savings_transaction(p, "deposit", "100.00");  // transaction 1
  savings_transaction(p, "deposit", "50.00");   // transaction 2
  auto undo =
      call(p, post("/savingsaccounts/1/transactions/2", json::object(), {{"command", "undo"}}));
  EXPECT_EQ(undo.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1})");
  EXPECT_EQ(undo.event->action, "UNDOTRANSACTION");
  json a = account(p);
  EXPECT_EQ(a["summary"]["accountBalance"], 100.0);
  EXPECT_EQ(a["transactions"][1]["reversed"], true);
  expect_failed(
      call(p, post("/savingsaccounts/1/transactions/2", json::object(), {{"command", "undo"}})),
      404, "error.msg.saving.account.trasaction.id.invalid");
  auto adjust =
      call(p, post("/savingsaccounts/1/transactions/1",
                   dated({{"transactionDate", "20 May 2013"}, {"transactionAmount", "80.00"}}),
                   {{"command", "modify"}}));
  EXPECT_EQ(adjust.body.dump(),
            R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":3,"changes":{}})");
  EXPECT_EQ(adjust.event->action, "ADJUSTTRANSACTION");
  EXPECT_EQ(account(p)["summary"]["accountBalance"], 80.0);
  savings_transaction(p, "withdrawal", "70.00");  // transaction 4
  // Reversing the 80.00 deposit would leave -70.00.
  expect_failed(
      call(p, post("/savingsaccounts/1/transactions/3", json::object(), {{"command", "reverse"}})),
      403, "error.msg.savingsaccount.transaction.insufficient.account.balance");
  auto reverse =
      call(p, post("/savingsaccounts/1/transactions/4", json::object(), {{"command", "reverse"}}));
  EXPECT_EQ(reverse.body["resourceId"], 5);
  EXPECT_EQ(reverse.event->action, "REVERSETRANSACTION");
  a = account(p);
  EXPECT_EQ(a["summary"]["accountBalance"], 80.0);
  EXPECT_EQ(a["transactions"][4]["isReversal"], true);
}

TEST(PortfolioSavingsLifecycle, CalculateInterestRunsWithoutAnEventAndPostInterestFires) {
  portfolio p;
  active_savings(p);
  auto calc = account_command(p, "calculateInterest");
  EXPECT_EQ(calc.status, 200);
  EXPECT_FALSE(calc.event.has_value());
  auto posted = account_command(p, "postInterest");
  EXPECT_EQ(posted.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1})");
  EXPECT_EQ(posted.event->action, "POSTINTEREST");
}

TEST(PortfolioSavingsLifecycle, ChargesWaiveInactivateUpdateDelete) {
  portfolio p;
  active_savings(p);
  call(p, post("/savingsaccounts/1/charges", dated({{"chargeId", 1}, {"dueDate", "30 May 2013"}})));
  auto update = put_call(p, "/savingsaccounts/1/charges/1", dated({{"amount", "3.00"}}));
  EXPECT_EQ(update.body["changes"].dump(), R"({"amount":3.0,"locale":"en"})");
  EXPECT_EQ(update.event->action, "UPDATE");
  auto waive =
      call(p, post("/savingsaccounts/1/charges/1", json::object(), {{"command", "waive"}}));
  EXPECT_EQ(waive.body.dump(), R"({"officeId":1,"clientId":1,"savingsId":1,"resourceId":1})");
  EXPECT_EQ(waive.event->action, "WAIVE");
  expect_failed(
      call(p, post("/savingsaccounts/1/charges/1", json::object(), {{"command", "waive"}})), 400,
      "validation.msg.savingsaccount.transaction.invalid.account.charge.is.already.waived");
  EXPECT_EQ(call(p, get("/savingsaccounts/1/charges/1")).body["isWaived"], true);
  auto inactivate =
      call(p, post("/savingsaccounts/1/charges/1", json::object(), {{"command", "inactivate"}}));
  EXPECT_EQ(inactivate.event->action, "INACTIVATE");
  EXPECT_EQ(call(p, get("/savingsaccounts/1/charges/1")).body["isActive"], false);
  expect_failed(delete_call(p, "/savingsaccounts/1/charges/1"), 400,
                "validation.msg.savingsaccount.delete.transaction.invalid.account.is.active");
}

TEST(PortfolioSavingsLifecycle, NotesCreateUpdateDelete) {
  portfolio p;
  pending_savings(p);
  auto created = call(p, post("/savings/1/notes", json{{"note", "Called"}}));
  EXPECT_EQ(created.body.dump(), R"({"officeId":1,"savingsId":1,"resourceId":1})");
  EXPECT_EQ(created.event->entity, "SAVINGNOTE");
  auto updated = put_call(p, "/savings/1/notes/1", json{{"note", "Called twice"}});
  EXPECT_EQ(updated.body.dump(),
            R"({"officeId":1,"savingsId":1,"resourceId":1,"changes":{"note":"Called twice"}})");
  EXPECT_EQ(call(p, get("/savings/1/notes/1")).body["note"], "Called twice");
  auto deleted = delete_call(p, "/savings/1/notes/1");
  EXPECT_EQ(deleted.body.dump(), R"({"resourceId":1})");
  expect_failed(delete_call(p, "/savings/1/notes/1"), 404, "error.msg.note.id.invalid");
  expect_failed(call(p, post("/savings/1/notes", json::object())), 400,
                "validation.msg.note.note.cannot.be.blank");
}

json transfer_body(int to_type, std::int64_t to, const char* amount) {
  return dated({{"fromOfficeId", 1},
                {"fromClientId", 1},
                {"fromAccountType", 2},
                {"fromAccountId", 1},
                {"toOfficeId", 1},
                {"toClientId", 1},
                {"toAccountType", to_type},
                {"toAccountId", to},
                {"transferDate", "20 May 2013"},
                {"transferAmount", amount},
                {"transferDescription", "rent"}});
}

TEST(PortfolioSavingsLifecycle, AccountTransferMovesMoneyBetweenSavingsAccounts) {
  portfolio p;
  active_savings(p);
  call(p, post("/savingsaccounts", savings_body()));
  account_command(p, "approve", dated({{"approvedOnDate", "15 May 2013"}}), "2");
  account_command(p, "activate", dated({{"activatedOnDate", "16 May 2013"}}), "2");
  savings_transaction(p, "deposit", "100.00");
  auto out = call(p, post("/accounttransfers", transfer_body(2, 2, "60.00")));
  EXPECT_EQ(out.body.dump(), R"({"savingsId":1,"resourceId":1})");
  EXPECT_EQ(out.event->entity, "ACCOUNTTRANSFER");
  EXPECT_EQ(account(p, "1")["summary"]["accountBalance"], 40.0);
  EXPECT_EQ(account(p, "2")["summary"]["accountBalance"], 60.0);
  expect_failed(call(p, post("/accounttransfers", transfer_body(2, 2, "40.01"))), 403,
                "error.msg.savingsaccount.transaction.insufficient.account.balance");
  expect_failed(call(p, post("/accounttransfers", json::object())), 400,
                "validation.msg.accounttransfer.fromOfficeId.cannot.be.blank");
}

TEST(PortfolioSavingsLifecycle, AccountTransferRepaysALoan) {
  portfolio p;
  active_savings(p);
  call(p, post("/loans", loan_body(1)));
  approve_loan(p, 1);
  disburse_loan(p, 1);
  savings_transaction(p, "deposit", "100.00");
  auto out = call(p, post("/accounttransfers", transfer_body(1, 1, "100.00")));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(account(p)["summary"]["accountBalance"], 0.0);
  EXPECT_EQ(
      call(p, get("/loans/1", {{"associations", "transactions"}})).body["transactions"].size(), 2u);
}

TEST(PortfolioSavingsLifecycle, StandingInstructionCreateUpdateDelete) {
  portfolio p;
  active_savings(p);
  json body = dated({{"name", "Top-up"},
                     {"fromOfficeId", 1},
                     {"fromClientId", 1},
                     {"fromAccountType", 2},
                     {"fromAccountId", 1},
                     {"toOfficeId", 1},
                     {"toClientId", 1},
                     {"toAccountType", 2},
                     {"toAccountId", 1},
                     {"transferType", 1},
                     {"priority", 2},
                     {"status", 1},
                     {"instructionType", 1},
                     {"amount", "25.00"},
                     {"validFrom", "20 May 2013"},
                     {"recurrenceType", 1},
                     {"recurrenceFrequency", 2},
                     {"recurrenceInterval", 1}});
  auto created = call(p, post("/standinginstructions", body));
  EXPECT_EQ(created.body.dump(), R"({"clientId":1,"resourceId":1})");
  EXPECT_EQ(created.event->entity, "STANDINGINSTRUCTION");
  auto duplicate = call(p, post("/standinginstructions", body));
  EXPECT_EQ(duplicate.status, 403);
  EXPECT_EQ(first_error_code(duplicate), "error.msg.standinginstruction.duplicate.name");
  auto updated = put_call(p, "/standinginstructions/1",
                          dated({{"amount", "30.00"}, {"priority", 2}}), {{"command", "update"}});
  EXPECT_EQ(updated.body.dump(), R"({"resourceId":1,"changes":{"amount":30.0}})");
  EXPECT_EQ(updated.event->action, "UPDATE");
  auto deleted = put_call(p, "/standinginstructions/1", json::object(), {{"command", "delete"}});
  EXPECT_EQ(deleted.body.dump(), R"({"resourceId":1,"changes":{"status":3}})");
  EXPECT_EQ(deleted.event->action, "DELETE");
  expect_failed(
      put_call(p, "/standinginstructions/1", dated({{"amount", "1.00"}}), {{"command", "update"}}),
      400, "validation.msg.standinginstruction.status.can.not.modify.once.deleted");
  EXPECT_EQ(call(p, post("/standinginstructions", body)).status, 200);  // the name is free again
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
