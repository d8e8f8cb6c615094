// portfolio_test.cpp: the portfolio's routing, the events its commands carry, and clients.
// Offices, groups and centers, loans, savings and journal entries have their own files.
#include "portfolio/portfolio.hpp"

#include <gtest/gtest.h>

#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

// --- routing -----------------------------------------------------------------------------

TEST(PortfolioRouting, PathsOutsideThePortfolioAreNotAnswered) {
  portfolio p;
  EXPECT_FALSE(p.handle(get("/hooks")).has_value());
  EXPECT_FALSE(p.handle(get("/clients/template")).has_value());
  EXPECT_FALSE(p.handle(get("/clients/1/accounts")).has_value());
  EXPECT_FALSE(p.handle(get("/")).has_value());
}

TEST(PortfolioRouting, WrongMethodOnAKnownPathIs405) {
  portfolio p;
  auto out = call(p, make_call("PATCH", "/clients/1", nullptr, {}));
  EXPECT_EQ(out.status, 405);
  EXPECT_EQ(out.body["userMessageGlobalisationCode"], "error.msg.method.not.allowed");
  EXPECT_EQ(out.body["httpStatusCode"], "405");
  EXPECT_FALSE(out.event.has_value());
}

TEST(PortfolioRouting, UnknownCommandIs400WithoutAnEvent) {
  portfolio p;
  call(p, post("/clients", client_body(false)));
  auto out = call(p, post("/clients/1", dated({}), {{"command", "fly"}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "error.msg.query.parameter.value.unsupported");
  EXPECT_EQ(out.body["errors"][0]["value"], "fly");
  EXPECT_FALSE(out.event.has_value());
}

TEST(PortfolioRouting, ReadsCarryNoEvent) {
  portfolio p;
  auto out = call(p, get("/offices/1"));
  EXPECT_EQ(out.status, 200);
  EXPECT_FALSE(out.event.has_value());
}

TEST(PortfolioRouting, TrailingSlashReachesTheSameResource) {
  portfolio p;
  EXPECT_EQ(call(p, get("/offices/1/")).body["name"], "Head Office");
}

// --- events ------------------------------------------------------------------------------

TEST(PortfolioEvents, SuccessEventCarriesRequestResultUserAndTime) {
  portfolio p;
  rest_call c = post("/clients", client_body());
  c.user.id = 7;
  c.user.username = "teller";
  c.tenant = "branch2";
  auto out = call(p, c);
  ASSERT_TRUE(out.event.has_value());
  const command_event& e = *out.event;
  EXPECT_EQ(e.entity, "CLIENT");
  EXPECT_EQ(e.action, "CREATE");
  EXPECT_EQ(e.tenant, "branch2");
  EXPECT_EQ(e.user.username, "teller");
  EXPECT_EQ(e.user.id, 7);
  EXPECT_EQ(e.request.dump(), client_body().dump());
  ASSERT_TRUE(e.result.has_value());
  EXPECT_EQ(e.result->dump(), out.body.dump());
  EXPECT_FALSE(e.failed());
  EXPECT_EQ(e.http_status, 200);
  EXPECT_EQ(e.at, kNow);
}

TEST(PortfolioEvents, FailedCommandEventCarriesTheErrorBodyAndStatus) {
  portfolio p;
  json body = client_body();
  body["officeId"] = 9;
  auto out = call(p, post("/clients", body));
  EXPECT_EQ(out.status, 404);
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
  EXPECT_EQ(out.event->http_status, 404);
  ASSERT_TRUE(out.event->error.has_value());
  EXPECT_EQ(out.event->error->dump(), out.body.dump());
  EXPECT_EQ(out.event->request.dump(), body.dump());
}

TEST(PortfolioEvents, BodyThatIsNotAnObjectIs400WithAnEvent) {
  portfolio p;
  auto out = call(p, post("/clients", json::array({1, 2})));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(out.body["userMessageGlobalisationCode"], "error.msg.invalid.request.body");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->entity, "CLIENT");
  EXPECT_EQ(out.event->request.dump(), "{}");
  EXPECT_TRUE(out.event->failed());
}

TEST(PortfolioEvents, NullBodyReadsAsEmptyObjectAndFailsValidation) {
  portfolio p;
  auto out = call(p, post("/clients/1", nullptr, {{"command", "activate"}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "validation.msg.client.activationDate.cannot.be.blank");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->action, "ACTIVATE");
  EXPECT_EQ(out.event->request.dump(), "{}");
}

// --- clients -----------------------------------------------------------------------------

TEST(PortfolioClients, CreateAnswersOfficeClientAndResourceId) {
  portfolio p;
  auto out = call(p, post("/clients", client_body()));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1})");
}

TEST(PortfolioClients, CreateWithGroupSavingsProductAndExternalIdSetsThemInOrder) {
  portfolio p;
  call(p, post("/groups", {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}}));
  json body = client_body();
  body["groupId"] = 1;
  body["savingsProductId"] = 1;
  body["externalId"] = "ext-7";
  auto out = call(p, post("/clients", body));
  EXPECT_EQ(
      out.body.dump(),
      R"({"officeId":1,"groupId":1,"clientId":1,"savingsId":1,"resourceId":1,"resourceExternalId":"ext-7"})");
  auto savings = call(p, get("/savingsaccounts/1")).body;
  EXPECT_EQ(savings["clientId"], 1);
  EXPECT_EQ(savings["status"]["id"], 300);
}

TEST(PortfolioClients, GetShowsDisplayNameMobileAndAccountNumber) {
  portfolio p;
  call(p, post("/clients", client_body()));
  auto out = call(p, get("/clients/1"));
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.body["accountNo"], "000000001");
  EXPECT_EQ(out.body["displayName"], "Petra Yton");
  EXPECT_EQ(out.body["mobileNo"], "+254700000001");
  EXPECT_EQ(out.body["status"].dump(),
            R"({"id":300,"code":"clientStatusType.active","value":"Active"})");
  EXPECT_EQ(out.body["active"], true);
  EXPECT_EQ(out.body["activationDate"].dump(), "[2013,5,14]");
  EXPECT_EQ(out.body["officeName"], "Head Office");
}

TEST(PortfolioClients, FullnameBecomesTheDisplayName) {
  portfolio p;
  call(p, post("/clients", {{"officeId", 1}, {"fullname", "Acme Traders"}, {"active", false}}));
  auto c = call(p, get("/clients/1")).body;
  EXPECT_EQ(c["displayName"], "Acme Traders");
  EXPECT_EQ(c["status"]["id"], 100);
  EXPECT_FALSE(c.contains("activationDate"));
}

TEST(PortfolioClients, MissingNamesReportEveryParameter) {
  portfolio p;
  auto out = call(p, post("/clients", {{"officeId", 1}, {"active", false}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(out.body["userMessageGlobalisationCode"], "validation.msg.validation.errors.exist");
  ASSERT_EQ(out.body["errors"].size(), 2u);
  EXPECT_EQ(out.body["errors"][0]["parameterName"], "firstname");
  EXPECT_EQ(out.body["errors"][0]["userMessageGlobalisationCode"],
            "validation.msg.client.firstname.cannot.be.blank");
  EXPECT_EQ(out.body["errors"][0]["defaultUserMessage"], "The parameter `firstname` is mandatory.");
  EXPECT_EQ(out.body["errors"][1]["parameterName"], "lastname");
}

TEST(PortfolioClients, ActiveClientNeedsAnActivationDate) {
  portfolio p;
  json body = client_body();
  body.erase("activationDate");
  auto out = call(p, post("/clients", body));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "validation.msg.client.activationDate.cannot.be.blank");
}

TEST(PortfolioClients, UnknownOfficeIs404AndUsesNoId) {
  portfolio p;
  json body = client_body();
  body["officeId"] = 4;
  EXPECT_EQ(call(p, post("/clients", body)).status, 404);
  EXPECT_EQ(call(p, post("/clients", client_body())).body["clientId"], 1);
}

TEST(PortfolioClients, UnknownClientReadIs404WithFineractMessage) {
  portfolio p;
  auto out = call(p, get("/clients/7"));
  EXPECT_EQ(out.status, 404);
  EXPECT_EQ(out.body["userMessageGlobalisationCode"], "error.msg.resource.not.found");
  EXPECT_EQ(first_error_code(out), "error.msg.client.id.invalid");
  EXPECT_EQ(out.body["errors"][0]["defaultUserMessage"], "Client with identifier 7 does not exist");
  EXPECT_EQ(out.body["errors"][0]["args"], json::parse(R"([{"value":7}])"));
}

TEST(PortfolioClients, ActivateAnswersIdsAndActivates) {
  portfolio p;
  call(p, post("/clients", client_body(false)));
  auto out = call(
      p, post("/clients/1", dated({{"activationDate", "20 May 2013"}}), {{"command", "activate"}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1})");
  EXPECT_EQ(out.event->action, "ACTIVATE");
  EXPECT_EQ(call(p, get("/clients/1")).body["activationDate"].dump(), "[2013,5,20]");
}

TEST(PortfolioClients, ActivatingAnActiveClientFailsWithAlreadyActive) {
  portfolio p;
  call(p, post("/clients", client_body()));
  auto out = call(
      p, post("/clients/1", dated({{"activationDate", "20 May 2013"}}), {{"command", "activate"}}));
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(first_error_code(out), "error.msg.clients.already.active");
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

TEST(PortfolioClients, ActivateUnknownClientIs404WithEvent) {
  portfolio p;
  auto out = call(
      p, post("/clients/3", dated({{"activationDate", "20 May 2013"}}), {{"command", "activate"}}));
  EXPECT_EQ(out.status, 404);
  ASSERT_TRUE(out.event.has_value());
  EXPECT_EQ(out.event->http_status, 404);
}

TEST(PortfolioClients, ListIsPagedWithTotal) {
  portfolio p;
  for (int i = 0; i < 3; ++i) call(p, post("/clients", client_body()));
  auto out = call(p, get("/clients", {{"offset", "1"}, {"limit", "1"}}));
  EXPECT_EQ(out.body["totalFilteredRecords"], 3);
  ASSERT_EQ(out.body["pageItems"].size(), 1u);
  EXPECT_EQ(out.body["pageItems"][0]["id"], 2);
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
