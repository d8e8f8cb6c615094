// Client transfers between offices: proposeTransfer, acceptTransfer, rejectTransfer,
// withdrawTransfer, proposeAndAcceptTransfer.
#include <gtest/gtest.h>

#include "client_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

TEST(PortfolioClientTransfers, ProposeMarksTheTransferInProgressAndNamesTheOffice) {
  portfolio p;
  const auto office = new_office(p);
  const auto id = new_client(p, true);
  auto out = client_command(p, id, "proposeTransfer", {{"destinationOfficeId", office}});
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"clientId":1,"resourceId":1})");
  EXPECT_EQ(out.event->action, "PROPOSETRANSFER");
  auto c = call(p, get(client_path(id))).body;
  EXPECT_EQ(
      c["status"].dump(),
      R"({"id":303,"code":"clientStatusType.transfer.in.progress","value":"Transfer in progress"})");
  EXPECT_EQ(c["officeId"], 1);
  EXPECT_EQ(c["transferToOfficeId"], office);
  EXPECT_EQ(c["transferToOfficeName"], "Riverside Branch");
}

TEST(PortfolioClientTransfers, ProposeRefusesTheClientsOwnOfficeAndUnknownOffices) {
  portfolio p;
  const auto id = new_client(p, true);
  expect_refused(client_command(p, id, "proposeTransfer", {{"destinationOfficeId", 1}}), 403,
                 "error.msg.cannot.transfer.client.as.selected.office.and.current.office.are.same");
  expect_refused(client_command(p, id, "proposeTransfer", {{"destinationOfficeId", 9}}), 404,
                 "error.msg.office.id.invalid");
  expect_refused(client_command(p, id, "proposeTransfer", json::object()), 400,
                 "validation.msg.client.destinationOfficeId.cannot.be.blank");
}

TEST(PortfolioClientTransfers, AcceptMovesTheClientToTheNewOfficeWithItsStaff) {
  portfolio p;
  const auto office = new_office(p);
  const auto officer = new_staff(p, office);
  const auto id = new_client(p, true);
  client_command(p, id, "proposeTransfer", {{"destinationOfficeId", office}});
  auto out = client_command(p, id, "acceptTransfer", {{"staffId", officer}});
  EXPECT_EQ(out.status, 200) << out.body.dump();
  EXPECT_EQ(out.body.dump(), R"({"clientId":1,"resourceId":1})");
  auto c = call(p, get(client_path(id))).body;
  EXPECT_EQ(c["status"]["id"], 300);
  EXPECT_EQ(c["officeId"], office);
  EXPECT_EQ(c["officeName"], "Riverside Branch");
  EXPECT_EQ(c["staffId"], officer);
  EXPECT_FALSE(c.contains("transferToOfficeId"));
}

TEST(PortfolioClientTransfers, AcceptRefusesAClientWithoutAProposedTransfer) {
  portfolio p;
  const auto id = new_client(p, true);
  expect_refused(client_command(p, id, "acceptTransfer"), 403,
                 "error.msg.client.not.awaiting.transfer.approval.exception");
}

TEST(PortfolioClientTransfers, AcceptRefusesStaffOutsideTheNewOffice) {
  portfolio p;
  const auto office = new_office(p);
  const auto other = new_office(p, "Hillside Branch");
  const auto officer = new_staff(p, other);
  const auto id = new_client(p, true);
  client_command(p, id, "proposeTransfer", {{"destinationOfficeId", office}});
  expect_refused(client_command(p, id, "acceptTransfer", {{"staffId", officer}}), 404,
                 "error.msg.staff.id.invalid");
  EXPECT_EQ(client_status_id(p, id), 303);
}

TEST(PortfolioClientTransfers, RejectPutsTheTransferOnHoldAndWithdrawEndsIt) {
  portfolio p;
  const auto office = new_office(p);
  const auto id = new_client(p, true);
  client_command(p, id, "proposeTransfer", {{"destinationOfficeId", office}});
  auto out = client_command(p, id, "rejectTransfer");
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"clientId":1,"resourceId":1})");
  auto c = call(p, get(client_path(id))).body;
  EXPECT_EQ(c["status"].dump(),
            R"({"id":304,"code":"clientStatusType.transfer.on.hold","value":"Transfer on hold"})");
  EXPECT_FALSE(c.contains("transferToOfficeId"));
  // On hold: it cannot be accepted, but it can be withdrawn.
  expect_refused(client_command(p, id, "acceptTransfer"), 403,
                 "error.msg.client.not.awaiting.transfer.approval.exception");
  out = client_command(p, id, "withdrawTransfer");
  EXPECT_EQ(out.status, 200);
  c = call(p, get(client_path(id))).body;
  EXPECT_EQ(c["status"]["id"], 300);
  EXPECT_EQ(c["officeId"], 1);
}

TEST(PortfolioClientTransfers, WithdrawRefusesAClientNotUnderTransfer) {
  portfolio p;
  const auto id = new_client(p, true);
  expect_refused(client_command(p, id, "withdrawTransfer"), 403,
                 "error.msg.client.not.awaiting.transfer.approval.or.on.hold.exception");
}

TEST(PortfolioClientTransfers, ProposeAndAcceptMovesTheClientAtOnce) {
  portfolio p;
  const auto office = new_office(p);
  const auto id = new_client(p, true);
  auto out = client_command(p, id, "proposeAndAcceptTransfer", {{"destinationOfficeId", office}});
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"clientId":1,"resourceId":1})");
  EXPECT_EQ(out.event->action, "PROPOSEANDACCEPTTRANSFER");
  auto c = call(p, get(client_path(id))).body;
  EXPECT_EQ(c["status"]["id"], 300);
  EXPECT_EQ(c["officeId"], office);
}

TEST(PortfolioClientTransfers, AGroupMemberNeedsADestinationGroup) {
  portfolio p;
  const auto office = new_office(p);
  call(p, post("/groups", {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}}));
  json body = client_body();
  body["groupId"] = 1;
  const auto id = call(p, post("/clients", body)).body["resourceId"].get<std::int64_t>();
  expect_refused(
      client_command(p, id, "proposeAndAcceptTransfer", {{"destinationOfficeId", office}}), 403,
      "error.msg.client.transfers.destination.group.absent");
  EXPECT_EQ(call(p, get(client_path(id))).body["officeId"], 1);
}

TEST(PortfolioClientTransfers, ClosingAfterATransferIsAllowedAgain) {
  portfolio p;
  const auto office = new_office(p);
  const auto id = new_client(p, true);
  client_command(p, id, "proposeTransfer", {{"destinationOfficeId", office}});
  client_command(p, id, "acceptTransfer");
  EXPECT_EQ(client_command(p, id, "close", closure()).status, 200);
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
