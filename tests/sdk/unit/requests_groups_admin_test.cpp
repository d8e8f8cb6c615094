// requests_groups_admin_test.cpp: the collection sheet, user and staff request views, from an
// envelope's request and from a bare result's changes where Fineract echoes the fields.
#include <gtest/gtest.h>

#include "request_events.hpp"

namespace mifos::hooks {
namespace {

using test::bare_view;
using test::envelope_view;

TEST(CollectionSheetRequests, ReadsRepaymentsAndSavingsDues) {
  const auto r = envelope_view<center_save_collection_sheet_request>(
      R"({"dateFormat":"dd MMMM yyyy","locale":"en","calendarId":"4","transactionDate":"14 June 2024",)"
      R"("actualDisbursementDate":"14 June 2024","paymentTypeId":1.0,"receiptNumber":"R-55",)"
      R"("note":"weekly meeting","isTransactionDateOnNonMeetingDate":false,)"
      R"("bulkRepaymentTransactions":[{"loanId":5.0,"transactionAmount":"430.25"},)"
      R"({"loanId":"6","transactionAmount":1.0E3,"externalId":"CS-6","paymentTypeId":2.0,"checkNumber":"C1"},)"
      R"("not a line"],)"
      R"("bulkSavingsDueTransactions":[{"savingsId":3.0,"transactionAmount":50.0,"depositAccountType":100.0}]})");
  EXPECT_EQ(r.transaction_date, "14 June 2024");
  EXPECT_EQ(r.actual_disbursement_date, "14 June 2024");
  EXPECT_EQ(r.calendar_id, 4);
  EXPECT_EQ(r.payment_type_id, 1);
  EXPECT_EQ(r.receipt_number, "R-55");
  EXPECT_EQ(r.note, "weekly meeting");
  EXPECT_EQ(r.is_transaction_date_on_non_meeting_date, false);
  ASSERT_EQ(r.bulk_repayment_transactions.size(), 2u);
  EXPECT_EQ(r.bulk_repayment_transactions[0].loan_id, 5);
  EXPECT_EQ(r.bulk_repayment_transactions[0].transaction_amount, "430.25");
  EXPECT_FALSE(r.bulk_repayment_transactions[0].payment_type_id.has_value());
  EXPECT_EQ(r.bulk_repayment_transactions[1].loan_id, 6);
  EXPECT_EQ(r.bulk_repayment_transactions[1].transaction_amount, "1000");
  EXPECT_EQ(r.bulk_repayment_transactions[1].external_id, "CS-6");
  EXPECT_EQ(r.bulk_repayment_transactions[1].payment_type_id, 2);
  EXPECT_EQ(r.bulk_repayment_transactions[1].check_number, "C1");
  ASSERT_EQ(r.bulk_savings_due_transactions.size(), 1u);
  EXPECT_EQ(r.bulk_savings_due_transactions[0].savings_id, 3);
  EXPECT_EQ(r.bulk_savings_due_transactions[0].transaction_amount, "50");
  EXPECT_EQ(r.bulk_savings_due_transactions[0].deposit_account_type, 100);
}

TEST(CollectionSheetRequests, ListsThatAreNotArraysStayEmpty) {
  const auto r = envelope_view<center_save_collection_sheet_request>(
      R"({"transactionDate":"14 June 2024","bulkRepaymentTransactions":{"loanId":5},"bulkSavingsDueTransactions":"none"})");
  EXPECT_EQ(r.transaction_date, "14 June 2024");
  EXPECT_TRUE(r.bulk_repayment_transactions.empty());
  EXPECT_TRUE(r.bulk_savings_due_transactions.empty());
}

// The bare result's `changes` echo the locale, dateFormat and note, then list the new
// transaction ids rather than the lines.
TEST(CollectionSheetRequests, FromBareChanges) {
  const auto r = bare_view<center_save_collection_sheet_request>(
      R"({"commandId":12,"groupId":2,"resourceId":2,"changes":{"locale":"en","dateFormat":"dd MMMM yyyy",)"
      R"("note":"weekly meeting","loanTransactions":[41,42],"SavingsTransactions":[17]}})");
  EXPECT_EQ(r.locale, "en");
  EXPECT_EQ(r.date_format, "dd MMMM yyyy");
  EXPECT_EQ(r.note, "weekly meeting");
  EXPECT_TRUE(r.bulk_repayment_transactions.empty());
  EXPECT_TRUE(r.bulk_savings_due_transactions.empty());
}

TEST(UserRequests, CreateFromAnEnvelopeLeavesThePasswordOut) {
  const auto r = envelope_view<user_create_request>(
      R"({"username":"akinyi","firstname":"Akinyi","lastname":"Otieno","email":"a@example.org",)"
      R"("officeId":1.0,"staffId":"2","roles":[1.0,"3"],"sendPasswordToEmail":false,)"
      R"("password":"s3cret!","repeatPassword":"s3cret!","passwordNeverExpires":"true","isSelfServiceUser":false})");
  EXPECT_EQ(r.username, "akinyi");
  EXPECT_EQ(r.firstname, "Akinyi");
  EXPECT_EQ(r.lastname, "Otieno");
  EXPECT_EQ(r.email, "a@example.org");
  EXPECT_EQ(r.office_id, 1);
  EXPECT_EQ(r.staff_id, 2);
  EXPECT_EQ(r.roles, (std::vector<std::int64_t>{1, 3}));
  EXPECT_TRUE(r.clients.empty());
  EXPECT_EQ(r.send_password_to_email, false);
  EXPECT_EQ(r.password_never_expires, true);
  EXPECT_EQ(r.is_self_service_user, false);
}

TEST(StaffRequests, CreateFromAnEnvelope) {
  const auto r = envelope_view<staff_create_request>(
      R"({"officeId":"1","firstname":"Baraka","lastname":"Mwangi","externalId":9001,"mobileNo":"0712000000",)"
      R"("isLoanOfficer":true,"isActive":"true","joiningDate":"01 January 2024",)"
      R"("locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.office_id, 1);
  EXPECT_EQ(r.firstname, "Baraka");
  EXPECT_EQ(r.lastname, "Mwangi");
  EXPECT_EQ(r.external_id, "9001");
  EXPECT_EQ(r.mobile_no, "0712000000");
  EXPECT_EQ(r.is_loan_officer, true);
  EXPECT_EQ(r.is_active, true);
  EXPECT_EQ(r.joining_date, "01 January 2024");
}

// USER CREATE and STAFF CREATE answer without `changes`.
TEST(AdminRequests, BareResultsGiveEmptyViews) {
  const std::string result = R"({"commandId":5,"officeId":1,"resourceId":6})";
  EXPECT_FALSE(bare_view<user_create_request>(result).username.has_value());
  EXPECT_TRUE(bare_view<user_create_request>(result).roles.empty());
  EXPECT_FALSE(bare_view<staff_create_request>(result).office_id.has_value());
}

TEST(AdminRequests, EachViewNamesItsCatalogPair) {
  EXPECT_EQ(center_save_collection_sheet_request::pair.entity, "CENTER");
  EXPECT_EQ(center_save_collection_sheet_request::pair.action, "SAVECOLLECTIONSHEET");
  EXPECT_EQ(user_create_request::pair.entity, "USER");
  EXPECT_EQ(staff_create_request::pair.entity, "STAFF");
}

}  // namespace
}  // namespace mifos::hooks
