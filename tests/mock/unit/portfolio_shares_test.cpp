// portfolio_shares_test.cpp: share products, dividends and share accounts: the exact results,
// Fineract's state rules (status, code, failed event) and the GET after.
#include <gtest/gtest.h>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"
#include "share_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

rest_outcome share_command(portfolio& p, const char* command, json body = json::object()) {
  return call(p, post("/accounts/share/1", std::move(body), {{"command", command}}));
}

json share_account(portfolio& p) { return call(p, get("/accounts/share/1")).body; }

void expect_failed(const rest_outcome& out, int status, const std::string& code) {
  EXPECT_EQ(out.status, status) << out.body.dump();
  EXPECT_EQ(first_error_code(out), code) << out.body.dump();
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

// Client 1 with active savings account 1 and share account 1 applying for `shares`.
rest_outcome pending_shares(portfolio& p, std::int64_t shares = 20) {
  active_savings(p);
  return call(p, post("/accounts/share", share_application(1, 1, shares)));
}

void active_shares(portfolio& p) {
  pending_shares(p);
  share_command(p, "approve", dated({{"approvedDate", "15 May 2013"}}));
  share_command(p, "activate", dated({{"activatedDate", "16 May 2013"}}));
}

json more_shares(const char* date, std::int64_t shares) {
  return dated({{"requestedDate", date}, {"requestedShares", shares}});
}

TEST(PortfolioShares, CreateAnswersOnlyTheResourceIdAndAPendingPurchase) {
  portfolio p;
  auto out = pending_shares(p);
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1})");
  EXPECT_EQ(out.event->entity, "SHAREACCOUNT");
  EXPECT_EQ(out.event->action, "CREATE");
  const json a = share_account(p);
  EXPECT_EQ(a["accountNo"], "000000001");
  EXPECT_EQ(a["status"]["code"], "shareAccountStatusType.submitted.and.pending.approval");
  EXPECT_EQ(a["summary"]["totalPendingForApprovalShares"], 20);
  EXPECT_FALSE(a["summary"].contains("totalApprovedShares"));
  EXPECT_EQ(a["purchasedShares"][0]["status"]["value"], "Pending Approval");
  EXPECT_EQ(a["purchasedShares"][0]["amount"], 200.0);
  EXPECT_EQ(a["currency"]["code"], "USD");
  EXPECT_EQ(a["savingsAccountId"], 1);
}

TEST(PortfolioShares, CreateNeedsAnActiveSavingsAccountOfTheClient) {
  portfolio p;
  call(p, post("/clients", client_body()));
  call(p, post("/savingsaccounts",
               dated({{"clientId", 1}, {"productId", 1}, {"submittedOnDate", "14 May 2013"}})));
  expect_failed(call(p, post("/accounts/share", share_application(1, 1, 20))), 404,
                "error.msg.savingsaccount.id.invalid");
}

TEST(PortfolioShares, CreateBeyondTheProductsMaximumPerClientIs400) {
  portfolio p;
  expect_failed(pending_shares(p, 501), 400,
                "validation.msg.sharesaccount.requestedShares.client.can.not.purchase.shares."
                "morethan.product.definition");
}

TEST(PortfolioShares, CreateWithAnUnknownProductIs404) {
  portfolio p;
  active_savings(p);
  json body = share_application(1, 1, 20);
  body["productId"] = 9;
  expect_failed(call(p, post("/accounts/share", body)), 404, "error.msg.product.id.invalid");
}

TEST(PortfolioShares, ApproveMovesPendingSharesToApprovedAndEchoesTheNote) {
  portfolio p;
  pending_shares(p);
  auto out =
      share_command(p, "approve", dated({{"approvedDate", "15 May 2013"}, {"note", "minute 12"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"id":1,"note":"minute 12"}})");
  const json a = share_account(p);
  EXPECT_EQ(a["status"]["id"], 200);
  EXPECT_EQ(a["summary"]["totalApprovedShares"], 20);
  EXPECT_EQ(a["timeline"]["approvedDate"], json::parse("[2013,5,15]"));
}

TEST(PortfolioShares, ApproveTwiceIs400) {
  portfolio p;
  pending_shares(p);
  share_command(p, "approve", dated({{"approvedDate", "15 May 2013"}}));
  expect_failed(share_command(p, "approve", dated({{"approvedDate", "15 May 2013"}})), 400,
                "validation.msg.sharesaccount.is.not.pending.for.approval");
}

TEST(PortfolioShares, ApproveBeyondTheSharesTheProductIssuesIs400) {
  portfolio p;
  active_savings(p);
  for (int i = 0; i < 3; ++i) call(p, post("/accounts/share", share_application(1, 1, 400)));
  for (const char* id : {"/accounts/share/1", "/accounts/share/2"}) {
    call(p, post(id, dated({{"approvedDate", "15 May 2013"}}), {{"command", "approve"}}));
  }
  expect_failed(call(p, post("/accounts/share/3", dated({{"approvedDate", "15 May 2013"}}),
                             {{"command", "approve"}})),
                400,
                "validation.msg.sharesaccount.shares.requested.can.not.be.approved.exceeding."
                "totalshares.issuable");
}

TEST(PortfolioShares, ActivateAnswersTheDateUnderChargesAndNeedsApproval) {
  portfolio p;
  pending_shares(p);
  expect_failed(share_command(p, "activate", dated({{"activatedDate", "16 May 2013"}})), 400,
                "validation.msg.sharesaccount.is.not.in.approved.status");
  share_command(p, "approve", dated({{"approvedDate", "15 May 2013"}}));
  auto out = share_command(p, "activate", dated({{"activatedDate", "16 May 2013"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"charges":[2013,5,16]}})");
  EXPECT_TRUE(share_account(p)["status"]["active"]);
}

TEST(PortfolioShares, UndoApprovalPutsTheSharesBackToPending) {
  portfolio p;
  pending_shares(p);
  share_command(p, "approve", dated({{"approvedDate", "15 May 2013"}}));
  auto out = share_command(p, "undoapproval");
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"charges":true}})");
  const json a = share_account(p);
  EXPECT_EQ(a["status"]["id"], 100);
  EXPECT_EQ(a["summary"]["totalPendingForApprovalShares"], 20);
  EXPECT_FALSE(a["timeline"].contains("approvedDate"));
}

TEST(PortfolioShares, RejectClosesTheApplicationOnTheBusinessDate) {
  portfolio p;
  pending_shares(p);
  auto out = share_command(p, "reject", json{{"note", "not a member"}});
  EXPECT_EQ(out.body.dump(),
            R"({"resourceId":1,"changes":{"charges":true,"note":"not a member"}})");
  const json a = share_account(p);
  EXPECT_EQ(a["status"]["code"], "shareAccountStatusType.rejected");
  EXPECT_TRUE(a["status"]["closed"]);
  EXPECT_EQ(a["timeline"]["rejectedDate"], json::parse("[2024,10,24]"));
  EXPECT_EQ(a["purchasedShares"][0]["status"]["id"], 400);
}

TEST(PortfolioShares, AdditionalSharesWaitForApproval) {
  portfolio p;
  active_shares(p);
  auto out = share_command(p, "applyadditionalshares", more_shares("20 May 2013", 5));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"additionalshares":2}})");
  EXPECT_EQ(share_account(p)["summary"]["totalPendingForApprovalShares"], 5);
  EXPECT_EQ(share_account(p)["summary"]["totalApprovedShares"], 20);
  out = share_command(p, "approveadditionalshares", json{{"requestedShares", {{{"id", 2}}}}});
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"requestedShares":[2]}})");
  EXPECT_EQ(share_account(p)["summary"]["totalApprovedShares"], 25);
  EXPECT_EQ(share_account(p)["summary"]["totalPendingForApprovalShares"], 0);
}

TEST(PortfolioShares, RejectedAdditionalSharesAreNotApproved) {
  portfolio p;
  active_shares(p);
  share_command(p, "applyadditionalshares", more_shares("20 May 2013", 5));
  share_command(p, "rejectadditionalshares", json{{"requestedShares", {{{"id", 2}}}}});
  const json a = share_account(p);
  EXPECT_EQ(a["summary"]["totalApprovedShares"], 20);
  EXPECT_EQ(a["purchasedShares"][1]["status"]["value"], "Rejected");
}

TEST(PortfolioShares, AdditionalSharesNeedAnActiveAccount) {
  portfolio p;
  pending_shares(p);
  expect_failed(share_command(p, "applyadditionalshares", more_shares("20 May 2013", 5)), 400,
                "validation.msg.sharesaccount.is.not.in.active.state");
}

TEST(PortfolioShares, AdditionalSharesBeyondTheMaximumAre400) {
  portfolio p;
  active_shares(p);
  expect_failed(share_command(p, "applyadditionalshares", more_shares("20 May 2013", 481)), 400,
                "validation.msg.sharesaccount.requestedShares.exceeding.maximum.limit.defined.in."
                "the.shareproduct");
}

TEST(PortfolioShares, AdditionalSharesDatedBeforeEarlierOnesAre400) {
  portfolio p;
  active_shares(p);
  expect_failed(share_command(p, "applyadditionalshares", more_shares("10 May 2013", 5)), 400,
                "validation.msg.sharesaccount.purchase.transaction.date.cannot.be.before.existing."
                "transactions");
}

TEST(PortfolioShares, RedeemWithinTheApprovedShares) {
  portfolio p;
  active_shares(p);
  auto out = share_command(p, "redeemshares", more_shares("20 May 2013", 5));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"requestedShares":2}})");
  EXPECT_EQ(share_account(p)["summary"]["totalApprovedShares"], 15);
  EXPECT_EQ(share_account(p)["purchasedShares"][1]["type"]["value"], "Redeem");
  expect_failed(share_command(p, "redeemshares", more_shares("21 May 2013", 16)), 400,
                "validation.msg.sharesaccount.cannot.be.redeemed.due.to.insufficient.shares");
}

TEST(PortfolioShares, RedeemWithinTheLockinPeriodIs400) {
  portfolio p;
  active_savings(p);
  json body = share_application(1, 1, 20);
  body["lockinPeriodFrequency"] = 1;
  body["lockinPeriodFrequencyType"] = 3;  // a year
  call(p, post("/accounts/share", body));
  share_command(p, "approve", dated({{"approvedDate", "15 May 2013"}}));
  share_command(p, "activate", dated({{"activatedDate", "16 May 2013"}}));
  expect_failed(share_command(p, "redeemshares", more_shares("20 May 2013", 5)), 400,
                "validation.msg.sharesaccount.cannot.be.redeemed.due.to.lockinperiod");
  EXPECT_EQ(share_command(p, "redeemshares", more_shares("14 May 2014", 5)).status, 200);
}

TEST(PortfolioShares, CloseRedeemsEveryShare) {
  portfolio p;
  active_shares(p);
  auto out = share_command(p, "close", dated({{"closedDate", "20 May 2013"}, {"note", "left"}}));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"changes":{"requestedShares":2}})");
  const json a = share_account(p);
  EXPECT_EQ(a["status"]["id"], 600);
  EXPECT_EQ(a["purchasedShares"][1]["numberOfShares"], 20);
  EXPECT_FALSE(a["summary"].contains("totalApprovedShares"));
}

TEST(PortfolioShares, CloseWithoutADateNamesApprovedDate) {
  portfolio p;
  active_shares(p);
  expect_failed(share_command(p, "close", dated(json::object())), 400,
                "validation.msg.sharesaccount.approvedDate.cannot.be.blank");
}

TEST(PortfolioShares, UnknownAccountIs404) {
  portfolio p;
  expect_failed(share_command(p, "approve"), 404, "error.msg.shareaccount.id.invalid");
  EXPECT_EQ(call(p, get("/accounts/share/1")).status, 404);
}

TEST(PortfolioShares, UnknownAccountTypeIsNotAnswered) {
  portfolio p;
  EXPECT_FALSE(p.handle(get("/accounts/bonds/1")).has_value());
}

TEST(PortfolioShares, ProductCreateAndGet) {
  portfolio p;
  auto out = call(p, post("/products/share", share_product_body("Founder Shares", "FSH")));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":2})");
  const json product = call(p, get("/products/share/2")).body;
  EXPECT_EQ(product["unitPrice"], 25.0);
  EXPECT_EQ(product["totalSharesIssued"], 4000);
  EXPECT_EQ(product["shareCapital"], 100000.0);
  expect_failed(call(p, post("/products/share", share_product_body("Founder Shares", "FS2"))), 403,
                "error.msg.shareproduct.duplicate.name");
}

TEST(PortfolioShares, ProductWithMoreIssuedThanTotalSharesIs400) {
  portfolio p;
  json body = share_product_body("Founder Shares", "FSH");
  body["sharesIssued"] = 6000;
  expect_failed(call(p, post("/products/share", body)), 400,
                "validation.msg.sharesproduct.sharesIssued.cannot.be.greater.than."
                "totalNumberOfShares");
}

TEST(PortfolioShares, DividendIsSplitAndApprovedOnce) {
  portfolio p;
  active_shares(p);
  auto out = call(p, post("/shareproduct/1/dividend", dividend_body()));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":1,"subResourceId":1})");
  EXPECT_EQ(share_account(p)["dividends"][0]["amount"], 100.0);
  auto approve =
      make_call("PUT", "/shareproduct/1/dividend/1", json::object(), {{"command", "approve"}});
  EXPECT_EQ(call(p, approve).body.dump(), R"({"resourceId":1})");
  expect_failed(call(p, approve), 403, "error.msg.divident.processing.alreay.approved");
  expect_failed(call(p, make_call("DELETE", "/shareproduct/1/dividend/1", nullptr, {})), 403,
                "error.msg.divident.processing.alreay.approved");
}

TEST(PortfolioShares, DividendWithoutShareAccountsIs404) {
  portfolio p;
  expect_failed(call(p, post("/shareproduct/1/dividend", dividend_body())), 404,
                "error.msg.shareproduct.shareaccounts.not.defined");
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
