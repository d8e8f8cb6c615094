// command_result_test.cpp: typed access to every command-result field and to the envelope
// fields, for both body shapes.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

event parsed(const std::string& fixture) {
  auto r = parse(load_fixture(fixture));
  if (!r.ok()) throw std::runtime_error(fixture + ": " + r.error().reason);
  return *r;
}

TEST(CommandResult, EveryFieldOfABareResultIsTyped) {
  const auto r = parse(make_delivery(
      wire_dialect::fineract, "LOAN", "CREATE",
      R"({"commandId":9,"officeId":1,"groupId":2,"clientId":3,"loanId":4,"savingsId":5,)"
      R"("resourceId":6,"subResourceId":7,"transactionId":"L-42","changes":{"a":1},)"
      R"("creditBureauReportData":{"score":700},"resourceIdentifier":"ri-1","productId":8,)"
      R"("gsimId":10,"glimId":11,"resourceExternalId":"ext-1","subResourceExternalId":"ext-2"})"));
  ASSERT_TRUE(r.ok());
  const auto& c = r->result;
  const auto& body = r->result_object();
  EXPECT_EQ(c.command_id, 9);
  EXPECT_EQ(c.office_id, 1);
  EXPECT_EQ(c.group_id, 2);
  EXPECT_EQ(c.client_id, 3);
  EXPECT_EQ(c.loan_id, 4);
  EXPECT_EQ(c.savings_id, 5);
  EXPECT_EQ(c.resource_id, 6);
  EXPECT_EQ(c.sub_resource_id, 7);
  EXPECT_EQ(c.transaction_id, "L-42");
  EXPECT_EQ(r->changes(), nlohmann::json::parse(R"({"a":1})"));
  EXPECT_EQ(body.at("creditBureauReportData"), nlohmann::json::parse(R"({"score":700})"));
  EXPECT_EQ(c.resource_identifier, "ri-1");
  EXPECT_EQ(c.product_id, 8);
  EXPECT_EQ(c.gsim_id, 10);
  EXPECT_EQ(c.glim_id, 11);
  EXPECT_EQ(c.resource_external_id, "ext-1");
  EXPECT_EQ(c.sub_resource_external_id, "ext-2");
}

TEST(CommandResult, AbsentFieldsStayEmpty) {
  const auto e = parsed("deliveries/fineract14-client-activate.http");
  EXPECT_FALSE(e.result.loan_id.has_value());
  EXPECT_FALSE(e.result.transaction_id.has_value());
  EXPECT_EQ(e.changes(), nlohmann::json::object());
  EXPECT_FALSE(e.result_object().contains("creditBureauReportData"));
}

TEST(CommandResult, ClientCreateResultOfSection10) {
  const auto c = parsed("deliveries/mifosx-client-create.http").result;
  EXPECT_EQ(c.office_id, 1);
  EXPECT_EQ(c.client_id, 1);
  EXPECT_EQ(c.savings_id, 10);
  EXPECT_EQ(c.resource_id, 1);
}

TEST(CommandResult, LoanDisburseResultHasTheTransactionAsSubResource) {
  const auto e = parsed("deliveries/fineract14-loan-disburse.http");
  EXPECT_EQ(e.result.loan_id, 1);
  EXPECT_EQ(e.result.sub_resource_id, 3);
  EXPECT_EQ(e.changes().at("status").at("id"), 300);
  EXPECT_EQ(e.changes().at("status").at("value"), "Active");
}

TEST(CommandResult, JournalEntryResultHasAStringTransactionId) {
  const auto c = parsed("deliveries/fineract14-journalentry-create.http").result;
  EXPECT_EQ(c.transaction_id, "9d52325e2ef7");
  EXPECT_FALSE(c.resource_id.has_value());
}

TEST(CommandResult, EnvelopeResultGetsTheTopLevelOfficeIdBack) {
  const auto e = parsed("deliveries/fineract17-loan-repayment.http");
  EXPECT_FALSE(e.payload.at("response").contains("officeId"));
  EXPECT_EQ(e.result.office_id, 1);
  EXPECT_EQ(e.result.client_id, 1);
  EXPECT_EQ(e.result.loan_id, 5);
  EXPECT_EQ(e.result.resource_id, 564);
  EXPECT_EQ(e.changes().at("paymentTypeId"), 12);
}

TEST(CommandResult, OfficeCreateEnvelopeLiftsTheNewOfficeId) {
  const auto e = parsed("deliveries/fineract17-office-create.http");
  EXPECT_EQ(e.result.office_id, 2);
  EXPECT_EQ(e.result.resource_id, 2);
}

TEST(CommandResult, CenterCreateIsAGroupId) {
  const auto e = parsed("deliveries/fineract17-center-create.http");
  EXPECT_EQ(e.result.group_id, 8);
  EXPECT_EQ(e.result.resource_id, 8);
}

TEST(CommandResult, ResultObjectOfAnEnvelopeIsItsResponse) {
  const auto e = parsed("deliveries/fineract17-loan-repayment.http");
  EXPECT_EQ(&e.result_object(), &e.payload.at("response"));
}

TEST(CommandResult, EmptyChangesArriveAsAnEmptyObject) {
  const auto e = parsed("deliveries/fineract16-savingsaccount-deposit.http");
  EXPECT_EQ(e.changes(), nlohmann::json::object());
  EXPECT_EQ(e.result.resource_id, 47);
}

TEST(EnvelopeFields, CreatedByFieldsAndTimestampAreTyped) {
  const auto e = parsed("deliveries/fineract17-loan-repayment.http");
  EXPECT_EQ(e.created_by, 1);
  EXPECT_EQ(e.created_by_name, "mifos");
  EXPECT_EQ(e.created_by_full_name, "App Administrator");
  EXPECT_EQ(e.timestamp, "2024-10-24T09:52:59.123456Z");
}

TEST(EnvelopeFields, TimestampWithNineFractionDigitsIsKeptAsSent) {
  EXPECT_EQ(parsed("deliveries/fineract17-client-create.http").timestamp,
            "2024-03-04T09:00:00.123456789Z");
}

TEST(EnvelopeFields, RequestIsTheCallersRequest) {
  const auto e = parsed("deliveries/fineract17-loan-repayment.http");
  EXPECT_EQ(e.request().at("transactionAmount"), "500.00");
  EXPECT_EQ(e.request().at("paymentTypeId"), "12");
  EXPECT_EQ(e.request().at("note"), "check payment");
}

TEST(EnvelopeFields, BareResultHasNoEnvelopeFields) {
  const auto e = parsed("deliveries/fineract14-loan-create.http");
  EXPECT_FALSE(e.created_by.has_value());
  EXPECT_FALSE(e.created_by_name.has_value());
  EXPECT_FALSE(e.created_by_full_name.has_value());
  EXPECT_FALSE(e.timestamp.has_value());
  EXPECT_TRUE(e.request().is_null() || e.request().empty());
}

TEST(EnvelopeFields, WrongTypedEnvelopeFieldsAreLeftEmpty) {
  const auto r = parse(make_delivery(
      wire_dialect::fineract, "LOAN", "CREATE",
      R"({"entityName":"LOAN","createdBy":"one","createdByName":["x"],"timestamp":{},"response":{"loanId":1}})"));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->created_by.has_value());
  EXPECT_FALSE(r->created_by_name.has_value());
  EXPECT_FALSE(r->timestamp.has_value());
  EXPECT_EQ(r->result.loan_id, 1);
}

}  // namespace
}  // namespace mifos::hooks
