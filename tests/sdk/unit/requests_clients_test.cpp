// requests_clients_test.cpp: the client request views, from an envelope's request (numbers as
// doubles or text) and from a bare result's changes where Fineract echoes the fields.
#include <gtest/gtest.h>

#include "request_events.hpp"

namespace mifos::hooks {
namespace {

using test::bare_view;
using test::envelope_view;

TEST(ClientRequests, UpdateFromAnEnvelope) {
  const auto r = envelope_view<client_update_request>(
      R"({"firstname":"Wanjiru","lastname":"Kamau","externalId":4471,"mobileNo":"+254700000001",)"
      R"("emailAddress":"w@example.org","staffId":"3","genderId":22.0,"clientTypeId":17.0,)"
      R"("legalFormId":1.0,"isStaff":"false","dateOfBirth":"12 March 1990",)"
      R"("dateFormat":"dd MMMM yyyy","locale":"en"})");
  EXPECT_EQ(r.firstname, "Wanjiru");
  EXPECT_EQ(r.lastname, "Kamau");
  EXPECT_EQ(r.external_id, "4471");
  EXPECT_EQ(r.mobile_no, "+254700000001");
  EXPECT_EQ(r.email_address, "w@example.org");
  EXPECT_EQ(r.staff_id, 3);
  EXPECT_EQ(r.gender_id, 22);
  EXPECT_EQ(r.client_type_id, 17);
  EXPECT_EQ(r.legal_form_id, 1);
  EXPECT_EQ(r.is_staff, false);
  EXPECT_EQ(r.date_of_birth, "12 March 1990");
  EXPECT_EQ(r.date_format, "dd MMMM yyyy");
  EXPECT_FALSE(r.middlename.has_value());
  EXPECT_FALSE(r.active.has_value());
}

TEST(ClientRequests, UpdateFromBareChangesReadsTheLegalFormObject) {
  const auto r = bare_view<client_update_request>(
      R"({"commandId":4,"officeId":1,"clientId":2,"resourceId":2,"changes":{"firstname":"Amina",)"
      R"("legalFormId":{"id":2,"code":"legalFormType.entity","value":"ENTITY"},"staffId":5}})");
  EXPECT_EQ(r.firstname, "Amina");
  EXPECT_EQ(r.legal_form_id, 2);
  EXPECT_EQ(r.staff_id, 5);
  EXPECT_FALSE(r.lastname.has_value());
}

TEST(ClientRequests, CloseFromAnEnvelope) {
  const auto r = envelope_view<client_close_request>(
      R"({"closureDate":"10 May 2024","closureReasonId":"17","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.closure_date, "10 May 2024");
  EXPECT_EQ(r.closure_reason_id, 17);
  EXPECT_EQ(r.locale, "en");
}

TEST(ClientRequests, RejectFromAnEnvelope) {
  const auto r = envelope_view<client_reject_request>(
      R"({"rejectionDate":"11 May 2024","rejectionReasonId":18.0,"locale":"en"})");
  EXPECT_EQ(r.rejection_date, "11 May 2024");
  EXPECT_EQ(r.rejection_reason_id, 18);
}

TEST(ClientRequests, WithdrawFromAnEnvelope) {
  const auto r = envelope_view<client_withdraw_request>(
      R"({"withdrawalDate":"12 May 2024","withdrawalReasonId":19.0,"dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.withdrawal_date, "12 May 2024");
  EXPECT_EQ(r.withdrawal_reason_id, 19);
  EXPECT_EQ(r.date_format, "dd MMMM yyyy");
}

TEST(ClientRequests, ReactivateFromAnEnvelope) {
  const auto r = envelope_view<client_reactivate_request>(
      R"({"reactivationDate":"13 May 2024","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.reactivation_date, "13 May 2024");
  EXPECT_EQ(r.locale, "en");
}

TEST(ClientRequests, ProposeTransferFromAnEnvelope) {
  const auto r = envelope_view<client_propose_transfer_request>(
      R"({"destinationOfficeId":2.0,"transferDate":"14 May 2024","transferActiveLoans":"true",)"
      R"("note":"moving to Nakuru","locale":"en","dateFormat":"dd MMMM yyyy"})");
  EXPECT_EQ(r.destination_office_id, 2);
  EXPECT_EQ(r.transfer_date, "14 May 2024");
  EXPECT_EQ(r.transfer_active_loans, true);
  EXPECT_EQ(r.note, "moving to Nakuru");
}

TEST(ClientRequests, AcceptTransferFromAnEnvelope) {
  const auto r = envelope_view<client_accept_transfer_request>(
      R"({"staffId":"4","destinationGroupId":9.0,"note":"welcome"})");
  EXPECT_EQ(r.staff_id, 4);
  EXPECT_EQ(r.destination_group_id, 9);
  EXPECT_EQ(r.note, "welcome");
}

TEST(ClientRequests, AssignStaffFromAnEnvelope) {
  EXPECT_EQ(envelope_view<client_assign_staff_request>(R"({"staffId":3.0})").staff_id, 3);
  EXPECT_EQ(envelope_view<client_assign_staff_request>(R"({"staffId":"3"})").staff_id, 3);
}

TEST(ClientRequests, AssignStaffFromBareChanges) {
  const auto r = bare_view<client_assign_staff_request>(
      R"({"commandId":9,"officeId":1,"clientId":2,"resourceId":2,"changes":{"staffId":3}})");
  EXPECT_EQ(r.staff_id, 3);
}

// Close, reject, withdraw, reactivate and the transfers answer without `changes`: a bare
// event has nothing to read, and the view stays empty rather than failing.
TEST(ClientRequests, BareResultsWithoutChangesGiveEmptyViews) {
  const std::string result = R"({"commandId":4,"clientId":2,"resourceId":2})";
  EXPECT_FALSE(bare_view<client_close_request>(result).closure_date.has_value());
  EXPECT_FALSE(bare_view<client_reject_request>(result).rejection_date.has_value());
  EXPECT_FALSE(bare_view<client_withdraw_request>(result).withdrawal_date.has_value());
  EXPECT_FALSE(bare_view<client_reactivate_request>(result).reactivation_date.has_value());
  EXPECT_FALSE(
      bare_view<client_propose_transfer_request>(result).destination_office_id.has_value());
  EXPECT_FALSE(bare_view<client_accept_transfer_request>(result).staff_id.has_value());
}

TEST(ClientRequests, EachViewNamesItsCatalogPair) {
  EXPECT_EQ(client_update_request::pair.action, "UPDATE");
  EXPECT_EQ(client_close_request::pair.action, "CLOSE");
  EXPECT_EQ(client_reject_request::pair.action, "REJECT");
  EXPECT_EQ(client_withdraw_request::pair.action, "WITHDRAW");
  EXPECT_EQ(client_reactivate_request::pair.action, "REACTIVATE");
  EXPECT_EQ(client_propose_transfer_request::pair.action, "PROPOSETRANSFER");
  EXPECT_EQ(client_accept_transfer_request::pair.action, "ACCEPTTRANSFER");
  EXPECT_EQ(client_assign_staff_request::pair.action, "ASSIGNSTAFF");
  EXPECT_EQ(client_assign_staff_request::pair.entity, "CLIENT");
}

}  // namespace
}  // namespace mifos::hooks
