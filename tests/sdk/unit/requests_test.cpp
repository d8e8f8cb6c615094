// requests_test.cpp: the typed request views, read from an envelope's request (numbers as
// doubles) and from a bare result's changes.
#include "mifos/hooks/requests.hpp"

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

event from_json_body(const std::string& entity, const std::string& action,
                     const std::string& body) {
  auto r = parse(make_delivery(wire_dialect::fineract, entity, action, body));
  if (!r.ok()) throw std::runtime_error("refused: " + r.error().reason);
  return *r;
}

TEST(Requests, ClientCreateFromAnEnvelope) {
  const auto r =
      read_request<client_create_request>(parsed("deliveries/fineract17-client-create.http"));
  EXPECT_EQ(r.office_id, 1);
  EXPECT_EQ(r.legal_form_id, 1);
  EXPECT_EQ(r.savings_product_id, 1);
  EXPECT_FALSE(r.group_id.has_value());
  EXPECT_EQ(r.firstname, "Siobh\xC3\xA1n");
  EXPECT_EQ(r.lastname, "O'Brien");
  EXPECT_EQ(r.external_id, "A=1&B=2");
  EXPECT_EQ(r.mobile_no, "+254712345678");
  EXPECT_EQ(r.active, true);
  EXPECT_EQ(r.activation_date, "04 March 2024");
  EXPECT_EQ(r.submitted_on_date, "04 March 2024");
  EXPECT_EQ(r.date_format, "dd MMMM yyyy");
  EXPECT_EQ(r.locale, "en");
}

TEST(Requests, ClientCreateFromAFormEnvelope) {
  const auto r =
      read_request<client_create_request>(parsed("deliveries/fineract15-client-create-form.http"));
  EXPECT_EQ(r.office_id, 1);
  EXPECT_EQ(r.firstname, "Petra");
  EXPECT_EQ(r.mobile_no, "+254712345678");
  EXPECT_EQ(r.active, true);
}

TEST(Requests, ClientActivateFromAnEnvelope) {
  const auto r = read_request<client_activate_request>(
      parsed("deliveries/fineract17-client-activate-mixed-case-headers.http"));
  EXPECT_EQ(r.activation_date, "01 April 2024");
  EXPECT_EQ(r.locale, "en");
}

TEST(Requests, ClientActivateFromBareChanges) {
  const auto r = read_request<client_activate_request>(from_json_body(
      "CLIENT", "ACTIVATE",
      R"({"officeId":1,"clientId":1,"resourceId":1,"changes":{"activationDate":"01 April 2016","locale":"en"}})"));
  EXPECT_EQ(r.activation_date, "01 April 2016");
  EXPECT_EQ(r.locale, "en");
}

TEST(Requests, LoanCreateFromAnEnvelopeWithDoubles) {
  const auto r =
      read_request<loan_create_request>(parsed("deliveries/fineract17-loan-create.http"));
  EXPECT_EQ(r.client_id, 1);
  EXPECT_EQ(r.product_id, 1);
  EXPECT_EQ(r.loan_type, "individual");
  EXPECT_EQ(r.principal, "10000000");
  EXPECT_EQ(r.loan_term_frequency, 12);
  EXPECT_EQ(r.number_of_repayments, 12);
  EXPECT_EQ(r.interest_rate_per_period, "2.5");
  EXPECT_EQ(r.expected_disbursement_date, "20 September 2024");
  EXPECT_EQ(r.submitted_on_date, "20 September 2024");
  EXPECT_FALSE(r.group_id.has_value());
  EXPECT_FALSE(r.external_id.has_value());
}

TEST(Requests, LoanApproveFromAnEnvelope) {
  const auto r =
      read_request<loan_approve_request>(parsed("deliveries/fineract15-loan-approve.http"));
  EXPECT_EQ(r.approved_on_date, "21 September 2021");
  EXPECT_EQ(r.approved_loan_amount, "10000000");
  EXPECT_EQ(r.expected_disbursement_date, "22 September 2021");
  EXPECT_EQ(r.note, "Approved & checked <ok>");
}

TEST(Requests, LoanApproveFromBareChanges) {
  const auto r = read_request<loan_approve_request>(parsed("deliveries/mifosx-loan-approve.http"));
  EXPECT_EQ(r.approved_on_date, "12 January 2016");
  EXPECT_EQ(r.expected_disbursement_date, "14 January 2016");
  EXPECT_EQ(r.date_format, "dd MMMM yyyy");
  EXPECT_FALSE(r.approved_loan_amount.has_value());
}

TEST(Requests, LoanDisburseFromAFormEnvelope) {
  const auto r =
      read_request<loan_disburse_request>(parsed("deliveries/fineract17-loan-disburse-form.http"));
  EXPECT_EQ(r.actual_disbursement_date, "22 September 2024");
  EXPECT_EQ(r.transaction_amount, "10000000");
  EXPECT_EQ(r.payment_type_id, 1);
  EXPECT_EQ(r.note, "Cash+M-Pesa");
}

TEST(Requests, LoanDisburseFromBareChanges) {
  const auto r =
      read_request<loan_disburse_request>(parsed("deliveries/fineract14-loan-disburse.http"));
  EXPECT_EQ(r.actual_disbursement_date, "22 September 2019");
  EXPECT_FALSE(r.transaction_amount.has_value());
}

TEST(Requests, LoanRepaymentFromAnEnvelopeWithStringNumbers) {
  const auto r =
      read_request<loan_repayment_request>(parsed("deliveries/fineract17-loan-repayment.http"));
  EXPECT_EQ(r.transaction_date, "14 May 2013");
  EXPECT_EQ(r.transaction_amount, "500.00");
  EXPECT_EQ(r.payment_type_id, 12);
  EXPECT_EQ(r.note, "check payment");
  EXPECT_EQ(r.date_format, "dd MMMM yyyy");
}

TEST(Requests, LoanRepaymentFromBareChanges) {
  const auto r = read_request<loan_repayment_request>(
      parsed("deliveries/fineract14-sms-bridge-loan-repayment.http"));
  EXPECT_EQ(r.transaction_amount, "500.00");
  EXPECT_EQ(r.payment_type_id, 12);
}

TEST(Requests, LoanRepaymentFromMifosFormChanges) {
  const auto r =
      read_request<loan_repayment_request>(parsed("deliveries/mifosx-loan-repayment-form.http"));
  EXPECT_EQ(r.transaction_date, "14 May 2013");
  EXPECT_EQ(r.payment_type_id, 12);
  EXPECT_EQ(r.note, "check payment");
}

TEST(Requests, SavingsDepositFromAnEnvelope) {
  const auto r = read_request<savings_deposit_request>(
      parsed("deliveries/fineract16-savingsaccount-deposit.http"));
  EXPECT_EQ(r.transaction_date, "24 October 2021");
  EXPECT_EQ(r.transaction_amount, "1500");
  EXPECT_EQ(r.payment_type_id, 1);
  EXPECT_EQ(r.account_number, "acc123");
  EXPECT_EQ(r.check_number, "che123");
  EXPECT_EQ(r.receipt_number, "rec123");
  EXPECT_FALSE(r.note.has_value());
}

TEST(Requests, SavingsWithdrawalFromAnEnvelope) {
  const auto r = read_request<savings_withdrawal_request>(
      parsed("deliveries/fineract17-savingsaccount-withdrawal.http"));
  EXPECT_EQ(r.transaction_amount, "250.75");
  EXPECT_EQ(r.payment_type_id, 2);
  EXPECT_EQ(r.receipt_number, "R-889");
}

TEST(Requests, SavingsChargePayFromAnEnvelope) {
  const auto r = read_request<savings_charge_pay_request>(
      parsed("deliveries/fineract17-savingsaccountcharge-pay.http"));
  EXPECT_EQ(r.amount, "100");
  EXPECT_EQ(r.due_date, "29 October 2024");
}

TEST(Requests, GroupCreateReadsClientMembers) {
  const auto r = read_request<group_create_request>(from_json_body(
      "GROUP", "CREATE",
      R"({"entityName":"GROUP","request":{"officeId":1.0,"name":"Ngong Road Women","externalId":"G-42",)"
      R"("active":true,"activationDate":"02 October 2024","clientMembers":[1.0,2.0,3.0]},)"
      R"("officeId":1,"response":{"groupId":2,"resourceId":2}})"));
  EXPECT_EQ(r.office_id, 1);
  EXPECT_EQ(r.name, "Ngong Road Women");
  EXPECT_EQ(r.external_id, "G-42");
  EXPECT_EQ(r.active, true);
  EXPECT_EQ(r.activation_date, "02 October 2024");
  EXPECT_EQ(r.members, (std::vector<std::int64_t>{1, 2, 3}));
}

TEST(Requests, CenterCreateReadsGroupMembers) {
  const auto r =
      read_request<center_create_request>(parsed("deliveries/fineract17-center-create.http"));
  EXPECT_EQ(r.name, "Kibera Center");
  EXPECT_EQ(r.office_id, 1);
  EXPECT_EQ(r.staff_id, 1);
  EXPECT_EQ(r.active, true);
  EXPECT_EQ(r.members, (std::vector<std::int64_t>{2, 5}));
}

TEST(Requests, JournalEntryReadsCreditsAndDebits) {
  const auto r =
      read_request<journal_entry_request>(parsed("deliveries/fineract17-journalentry-create.http"));
  EXPECT_EQ(r.office_id, 1);
  EXPECT_EQ(r.transaction_date, "24 October 2024");
  EXPECT_EQ(r.currency_code, "USD");
  EXPECT_EQ(r.comments, "Opening balance");
  EXPECT_EQ(r.reference_number, "REF-001");
  ASSERT_EQ(r.credits.size(), 1u);
  EXPECT_EQ(r.credits[0].gl_account_id, 12);
  EXPECT_EQ(r.credits[0].amount, "1500");
  ASSERT_EQ(r.debits.size(), 1u);
  EXPECT_EQ(r.debits[0].gl_account_id, 5);
  EXPECT_EQ(r.debits[0].amount, "1500");
}

TEST(Requests, RequestSourcePrefersANonEmptyRequest) {
  const auto e = parsed("deliveries/fineract17-loan-repayment.http");
  EXPECT_EQ(&request_source(e), &e.request());
}

TEST(Requests, RequestSourceFallsBackToChanges) {
  const auto e = parsed("deliveries/fineract14-loan-disburse.http");
  EXPECT_EQ(&request_source(e), &e.changes());
}

TEST(Requests, FailedEnvelopeStillHasItsRequest) {
  const auto r = read_request<loan_disburse_request>(
      parsed("deliveries/fineract19-failure-loan-disburse.http"));
  EXPECT_EQ(r.transaction_amount, "20000000");
}

TEST(Requests, WrongTypesAreLeftEmpty) {
  client_create_request r;
  from_json(
      nlohmann::json::parse(
          R"({"officeId":"abc","active":"yes","firstname":{"a":1},"legalFormId":1.5,"groupId":[1]})"),
      r);
  EXPECT_FALSE(r.office_id.has_value());
  EXPECT_FALSE(r.active.has_value());
  EXPECT_FALSE(r.firstname.has_value());
  EXPECT_FALSE(r.legal_form_id.has_value());
  EXPECT_FALSE(r.group_id.has_value());
}

TEST(Requests, NumbersInTextFieldsReadAsText) {
  client_create_request r;
  from_json(nlohmann::json::parse(R"({"externalId":786,"mobileNo":254712345678})"), r);
  EXPECT_EQ(r.external_id, "786");
  EXPECT_EQ(r.mobile_no, "254712345678");
}

TEST(Requests, NumericStringsReadAsIds) {
  transaction_request r;
  from_json(nlohmann::json::parse(R"({"paymentTypeId":"12"})"), r);
  EXPECT_EQ(r.payment_type_id, 12);
}

TEST(Requests, NonObjectSourceGivesAnEmptyView) {
  journal_entry_request r;
  from_json(nlohmann::json::parse("[1,2]"), r);
  EXPECT_FALSE(r.office_id.has_value());
  EXPECT_TRUE(r.credits.empty());
  from_json(nlohmann::json(), r);
  EXPECT_FALSE(r.office_id.has_value());
}

TEST(Requests, EachViewNamesItsCatalogPair) {
  EXPECT_EQ(loan_repayment_request::pair.entity, "LOAN");
  EXPECT_EQ(loan_repayment_request::pair.action, "REPAYMENT");
  EXPECT_EQ(savings_charge_pay_request::pair.entity, "SAVINGSACCOUNTCHARGE");
  EXPECT_EQ(center_create_request::pair.entity, "CENTER");
  EXPECT_EQ(journal_entry_request::pair.entity, "JOURNALENTRY");
}

}  // namespace
}  // namespace mifos::hooks
