// The client lifecycle commands: close, reject, withdraw, reactivate, undoRejection,
// undoWithdrawal, DELETE, and activate on the statuses they lead to.
#include <gtest/gtest.h>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

TEST(PortfolioClientLifecycle, CloseAnswersClientAndResourceIdAndShowsClosedOnDate) {
  portfolio p;
  const auto id = new_client(p, true);
  auto out = client_command(p, id, "close", closure());
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"clientId":1,"resourceId":1})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "CLIENT");
  EXPECT_EQ(out.event->action, "CLOSE");
  EXPECT_FALSE(out.event->failed());

  auto c = call(p, get(client_path(id))).body;
  EXPECT_EQ(c["status"].dump(), R"({"id":600,"code":"clientStatusType.closed","value":"Closed"})");
  EXPECT_EQ(c["active"], false);
  EXPECT_EQ(c["timeline"]["closedOnDate"].dump(), "[2013,5,20]");
}

TEST(PortfolioClientLifecycle, LifecycleResultsCarryTheExternalId) {
  portfolio p;
  json body = client_body(false);
  body["externalId"] = "ext-9";
  call(p, post("/clients", body));
  EXPECT_EQ(client_command(p, 1, "reject", rejection()).body.dump(),
            R"({"clientId":1,"resourceId":1,"resourceExternalId":"ext-9"})");
}

TEST(PortfolioClientLifecycle, CloseRefusesAClosedClient) {
  portfolio p;
  const auto id = new_client(p, true);
  client_command(p, id, "close", closure());
  expect_refused(client_command(p, id, "close", closure()), 403,
                 "error.msg.client.close.is.already.closed");
}

TEST(PortfolioClientLifecycle, CloseRefusesADateBeforeActivation) {
  portfolio p;
  const auto id = new_client(p, true);  // activated 14 May 2013
  expect_refused(client_command(p, id, "close", closure("13 May 2013")), 403,
                 "error.msg.client.close.date.cannot.before.client.actvation.date");
  EXPECT_EQ(client_status_id(p, id), 300);
}

TEST(PortfolioClientLifecycle, CloseRefusesAClientUnderTransfer) {
  portfolio p;
  const auto office = new_office(p);
  const auto id = new_client(p, true);
  client_command(p, id, "proposeTransfer", {{"destinationOfficeId", office}});
  expect_refused(client_command(p, id, "close", closure()), 403,
                 "error.msg.client.close.is.under.transfer");
}

TEST(PortfolioClientLifecycle, CloseRefusesAClientWithAnOpenLoanOrSavingsAccount) {
  portfolio p;
  disbursed_loan(p);
  expect_refused(client_command(p, 1, "close", closure()), 403,
                 "error.msg.client.close.loan.non-closed");

  portfolio q;
  active_savings(q);
  expect_refused(client_command(q, 1, "close", closure()), 403,
                 "error.msg.client.close.non-closed.savings.account");
}

TEST(PortfolioClientLifecycle, CloseNeedsADateAndAReason) {
  portfolio p;
  const auto id = new_client(p, true);
  auto out = client_command(p, id, "close", dated({}));
  expect_refused(out, 400, "validation.msg.client.closureDate.cannot.be.blank");
  ASSERT_EQ(out.body["errors"].size(), 2u);
  EXPECT_EQ(out.body["errors"][1]["userMessageGlobalisationCode"],
            "validation.msg.client.closureReasonId.cannot.be.blank");
}

TEST(PortfolioClientLifecycle, CloseOfAnUnknownClientIs404WithAnEvent) {
  portfolio p;
  expect_refused(client_command(p, 9, "close", closure()), 404, "error.msg.client.id.invalid");
}

TEST(PortfolioClientLifecycle, ReactivateReturnsAClosedClientToPending) {
  portfolio p;
  const auto id = new_client(p, true);
  client_command(p, id, "close", closure());
  auto out = client_command(p, id, "reactivate", dated({{"reactivationDate", "21 May 2013"}}));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"clientId":1,"resourceId":1})");
  auto c = call(p, get(client_path(id))).body;
  EXPECT_EQ(c["status"]["id"], 100);
  EXPECT_FALSE(c["timeline"].contains("closedOnDate"));
  // Pending again: it can be activated.
  EXPECT_EQ(client_command(p, id, "activate", dated({{"activationDate", "22 May 2013"}})).status,
            200);
  EXPECT_EQ(client_status_id(p, id), 300);
}

TEST(PortfolioClientLifecycle, ReactivateRefusesAClientThatIsNotClosed) {
  portfolio p;
  const auto id = new_client(p, true);
  expect_refused(client_command(p, id, "reactivate", dated({{"reactivationDate", "21 May 2013"}})),
                 403, "error.msg.client.reactivation.on.nonclosed.account");
}

TEST(PortfolioClientLifecycle, ReactivateRefusesADateBeforeTheClosure) {
  portfolio p;
  const auto id = new_client(p, true);
  client_command(p, id, "close", closure("20 May 2013"));
  expect_refused(client_command(p, id, "reactivate", dated({{"reactivationDate", "19 May 2013"}})),
                 403, "error.msg.client.reactivation.date.cannot.before.client.closed.date");
}

TEST(PortfolioClientLifecycle, RejectAndWithdrawTakePendingClientsOnly) {
  portfolio p;
  const auto active = new_client(p, true);
  expect_refused(client_command(p, active, "reject", rejection()), 403,
                 "error.msg.client.rejection.on.account.not.in.pending.activation.status");
  expect_refused(client_command(p, active, "withdraw", withdrawal()), 403,
                 "error.msg.client.withdrawal.on.account.not.in.pending.activation.status");

  const auto pending = new_client(p, false);
  EXPECT_EQ(client_command(p, pending, "reject", rejection()).status, 200);
  EXPECT_EQ(call(p, get(client_path(pending))).body["status"].dump(),
            R"({"id":700,"code":"clientStatusType.rejected","value":"Rejected"})");

  const auto other = new_client(p, false);
  EXPECT_EQ(client_command(p, other, "withdraw", withdrawal()).status, 200);
  EXPECT_EQ(call(p, get(client_path(other))).body["status"].dump(),
            R"({"id":800,"code":"clientStatusType.withdraw","value":"Withdrawn"})");
}

TEST(PortfolioClientLifecycle, RejectAndWithdrawRefuseADateBeforeSubmission) {
  portfolio p;
  const auto id = new_client(p, false);  // submitted 24 October 2024 (the call's day)
  expect_refused(client_command(p, id, "reject", rejection("15 May 2013")), 403,
                 "error.msg.client.rejection.date.cannot.before.client.submitted.date");
  expect_refused(client_command(p, id, "withdraw", withdrawal("15 May 2013")), 403,
                 "error.msg.client.withdrawal.date.cannot.before.client.submitted.date");
}

TEST(PortfolioClientLifecycle, UndoRejectionAndUndoWithdrawalReturnToPending) {
  portfolio p;
  const auto rejected = new_client(p, false);
  client_command(p, rejected, "reject", rejection());
  auto out =
      client_command(p, rejected, "undoRejection", dated({{"reopenedDate", "24 October 2024"}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.event->action, "UNDOREJECT");
  EXPECT_EQ(client_status_id(p, rejected), 100);

  const auto withdrawn = new_client(p, false);
  client_command(p, withdrawn, "withdraw", withdrawal());
  out =
      client_command(p, withdrawn, "undoWithdrawal", dated({{"reopenedDate", "24 October 2024"}}));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.event->action, "UNDOWITHDRAWAL");
  EXPECT_EQ(client_status_id(p, withdrawn), 100);
}

TEST(PortfolioClientLifecycle, UndoRejectionAndUndoWithdrawalRefuseOtherStatuses) {
  portfolio p;
  const auto id = new_client(p, false);
  const json reopened = dated({{"reopenedDate", "24 October 2024"}});
  expect_refused(client_command(p, id, "undoRejection", reopened), 403,
                 "error.msg.client.undorejection.on.nonrejected.account");
  expect_refused(client_command(p, id, "undoWithdrawal", reopened), 403,
                 "error.msg.client.undoWithdrawal.on.nonwithdrawal.account");
}

TEST(PortfolioClientLifecycle, UndoRejectionRefusesAFutureOrEarlierDate) {
  portfolio p;
  const auto id = new_client(p, false);
  client_command(p, id, "reject", rejection());
  expect_refused(
      client_command(p, id, "undoRejection", dated({{"reopenedDate", "25 October 2024"}})), 400,
      "validation.msg.client.reopenedDate.is.greater.than.date");
  expect_refused(
      client_command(p, id, "undoRejection", dated({{"reopenedDate", "23 October 2024"}})), 403,
      "error.msg.client.reopened.date.cannot.before.client.rejected.date");
}

TEST(PortfolioClientLifecycle, ActivateKeepsRefusingAnActiveClientAndActivatesAClosedOne) {
  portfolio p;
  const auto id = new_client(p, true);
  expect_refused(client_command(p, id, "activate", dated({{"activationDate", "15 May 2013"}})), 400,
                 "error.msg.clients.already.active");
  client_command(p, id, "close", closure());
  // Fineract's Client.activate() refuses only an active client.
  EXPECT_EQ(client_command(p, id, "activate", dated({{"activationDate", "21 May 2013"}})).status,
            200);
  auto c = call(p, get(client_path(id))).body;
  EXPECT_EQ(c["status"]["id"], 300);
  EXPECT_FALSE(c["timeline"].contains("closedOnDate"));
}

TEST(PortfolioClientLifecycle, DeleteRemovesAPendingClient) {
  portfolio p;
  const auto id = new_client(p, false);
  auto out = delete_call(p, client_path(id));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1})");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->action, "DELETE");
  EXPECT_EQ(out.event->request.dump(), "{}");
  EXPECT_EQ(call(p, get(client_path(id))).status, 404);
}

TEST(PortfolioClientLifecycle, DeleteRefusesAClientThatIsNotPending) {
  portfolio p;
  const auto id = new_client(p, true);
  expect_refused(delete_call(p, client_path(id)), 403, "error.msg.clients.cannot.be.deleted");
  EXPECT_EQ(call(p, get(client_path(id))).status, 200);
}

TEST(PortfolioClientLifecycle, CommandNamesAreMatchedIgnoringCaseAndSpaces) {
  portfolio p;
  const auto id = new_client(p, true);
  auto out = client_command(p, id, " CLOSE ", closure());
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.event->action, "CLOSE");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
