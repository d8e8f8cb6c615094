// portfolio_charges_notes_test.cpp: charge definitions (CHARGE CREATE/UPDATE/DELETE) and the
// notes of clients, loans and groups (CLIENTNOTE, LOANNOTE, GROUPNOTE).
#include <gtest/gtest.h>

#include <string>

#include "portfolio/portfolio.hpp"
#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {
namespace {

rest_call put(std::string path, json body) {
  return make_call("PUT", std::move(path), std::move(body), {});
}
rest_call del(std::string path) { return make_call("DELETE", std::move(path), nullptr, {}); }

json charge(const char* name) {
  return {{"name", name},
          {"currencyCode", "USD"},
          {"chargeAppliesTo", 1},
          {"chargeTimeType", 2},
          {"chargeCalculationType", 1},
          {"amount", "15.00"},
          {"locale", "en"},
          {"active", true}};
}

void expect_failed(const rest_outcome& out, int status, const std::string& code) {
  EXPECT_EQ(out.status, status) << out.body.dump();
  EXPECT_EQ(first_error_code(out), code) << out.body.dump();
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
}

// --- charges -------------------------------------------------------------------------------

TEST(PortfolioCharges, CreateAnswersResourceIdAfterTheSeededCharge) {
  portfolio p;
  auto out = call(p, post("/charges", charge("Processing fee")));
  EXPECT_EQ(out.body.dump(), R"({"resourceId":2})");
  EXPECT_EQ(out.event->entity, "CHARGE");
  auto read = call(p, get("/charges/2"));
  EXPECT_EQ(
      read.body.dump(),
      R"({"id":2,"name":"Processing fee","active":true,"penalty":false,)"
      R"("currency":{"code":"USD","name":"US Dollar","decimalPlaces":2,"inMultiplesOf":0,)"
      R"x("displaySymbol":"$","nameCode":"currency.USD","displayLabel":"US Dollar ($)"},)x"
      R"("amount":15.0,"chargeTimeType":{"id":2,"code":"chargeTimeType.specifiedDueDate",)"
      R"("value":"Specified due date"},"chargeAppliesTo":{"id":1,"code":"chargeAppliesTo.loan",)"
      R"("value":"Loan"},"chargeCalculationType":{"id":1,"code":"chargeCalculationType.flat",)"
      R"("value":"Flat"}})");
}

TEST(PortfolioCharges, DuplicateNameAndBadFieldsAreRefused) {
  portfolio p;
  expect_failed(call(p, post("/charges", charge("Monthly fee"))), 403,
                "error.msg.charge.duplicate.name");
  json bad = charge("x");
  bad["chargeAppliesTo"] = 9;
  expect_failed(call(p, post("/charges", bad)), 400,
                "validation.msg.charge.chargeAppliesTo.is.not.one.of.expected.enumerations");
  bad = charge("x");
  bad["colour"] = "red";
  expect_failed(call(p, post("/charges", bad)), 400, "error.msg.parameter.unsupported");
}

TEST(PortfolioCharges, UpdateAnswersChangesWithTheLocale) {
  portfolio p;
  call(p, post("/charges", charge("Processing fee")));
  auto out = call(
      p,
      put("/charges/2",
          {{"amount", "20.00"}, {"locale", "en"}, {"penalty", true}, {"name", "Processing fee"}}));
  EXPECT_EQ(out.body.dump(),
            R"({"resourceId":2,"changes":{"amount":20.0,"locale":"en","penalty":true}})");
  EXPECT_EQ(call(p, get("/charges/2")).body["amount"], 20.0);
  expect_failed(call(p, put("/charges/2", {{"chargeAppliesTo", 2}})), 403,
                "error.msg.charge.update.of.charge.applies.to.is.not.supported");
}

TEST(PortfolioCharges, ChargeInUseCannotBeDeleted) {
  portfolio p;
  const auto client = call(p, post("/clients", client_body())).body["clientId"].get<int>();
  const auto loan = call(p, post("/loans", loan_body(client))).body["loanId"].get<int>();
  auto added = call(p, post("/loans/" + std::to_string(loan) + "/charges",
                            dated({{"chargeId", 1}, {"amount", "10.00"}})));
  ASSERT_EQ(added.status, 200) << added.body.dump();
  expect_failed(call(p, del("/charges/1")), 403,
                "error.msg.charge.cannot.be.deleted.it.is.already.used.in.loan");
  call(p, post("/charges", charge("Processing fee")));
  EXPECT_EQ(call(p, del("/charges/2")).body.dump(), R"({"resourceId":2})");
  EXPECT_EQ(call(p, get("/charges/2")).status, 404);
}

// --- notes ---------------------------------------------------------------------------------

TEST(PortfolioNotes, ClientNoteLifecycle) {
  portfolio p;
  const auto client = call(p, post("/clients", client_body())).body["clientId"].get<int>();
  const std::string path = "/clients/" + std::to_string(client) + "/notes";
  auto out = call(p, post(path, {{"note", "Met"}}));
  EXPECT_EQ(out.body.dump(), R"({"officeId":1,"clientId":1,"resourceId":1})");
  EXPECT_EQ(out.event->entity, "CLIENTNOTE");
  auto upd = call(p, put(path + "/1", {{"note", "Met twice"}}));
  EXPECT_EQ(upd.body.dump(),
            R"({"officeId":1,"clientId":1,"resourceId":1,"changes":{"note":"Met twice"}})");
  EXPECT_EQ(call(p, get(path + "/1")).body.dump(),
            R"({"id":1,"clientId":1,"noteType":{"id":100,"code":"noteType.client",)"
            R"("value":"Client note"},"note":"Met twice"})");
  EXPECT_EQ(call(p, del(path + "/1")).body.dump(), R"({"resourceId":1})");
  expect_failed(call(p, del(path + "/1")), 404, "error.msg.note.id.invalid");
  expect_failed(call(p, post(path, json::object())), 400,
                "validation.msg.note.note.cannot.be.blank");
  expect_failed(call(p, post("/clients/99/notes", {{"note", "x"}})), 404,
                "error.msg.client.id.invalid");
}

TEST(PortfolioNotes, LoanAndGroupNotesShareOneIdSequence) {
  portfolio p;
  const auto client = call(p, post("/clients", client_body())).body["clientId"].get<int>();
  const auto loan = call(p, post("/loans", loan_body(client))).body["loanId"].get<int>();
  auto ln = call(p, post("/loans/" + std::to_string(loan) + "/notes", {{"note", "Met"}}));
  EXPECT_EQ(ln.body.dump(), R"({"officeId":1,"loanId":1,"resourceId":1})");
  EXPECT_EQ(ln.event->entity, "LOANNOTE");
  const auto group =
      call(p, post("/groups", {{"officeId", 1}, {"name", "Sunrise"}, {"active", false}}))
          .body["groupId"]
          .get<int>();
  auto gn = call(p, post("/groups/" + std::to_string(group) + "/notes", {{"note", "Met"}}));
  EXPECT_EQ(gn.body.dump(), R"({"officeId":1,"groupId":1,"resourceId":2})");
  EXPECT_EQ(gn.event->entity, "GROUPNOTE");
  // A loan note is not found under the group.
  EXPECT_EQ(call(p, get("/groups/" + std::to_string(group) + "/notes/1")).status, 404);
  EXPECT_EQ(call(p, get("/loans/" + std::to_string(loan) + "/notes")).body.size(), 1u);
}

}  // namespace
}  // namespace mifos::mock::portfolio_test
