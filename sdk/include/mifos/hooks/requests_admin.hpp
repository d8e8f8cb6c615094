// requests_admin.hpp: typed views of accounting and administration requests
// (JournalEntryJsonInputParams, AppUserConstants, StaffCommandFromApiJsonDeserializer).
// Include mifos/hooks/requests.hpp rather than this file.
#pragma once

#include "mifos/hooks/requests_common.hpp"

namespace mifos::hooks {

struct journal_entry_line {
  std::optional<std::int64_t> gl_account_id;
  std::optional<std::string> amount;
};

struct journal_entry_request : dated_request {
  static constexpr event_pair pair = pairs::JOURNALENTRY_CREATE;
  std::optional<std::int64_t> office_id;
  std::optional<std::string> transaction_date;
  std::optional<std::string> currency_code;
  std::optional<std::string> comments;
  std::optional<std::string> reference_number;
  std::optional<std::string> amount;
  std::vector<journal_entry_line> credits;
  std::vector<journal_entry_line> debits;
};

// POST /users. The password and repeatPassword the caller may send are deliberately not
// part of the view: a receiver has no use for them, and a view is easily logged.
struct user_create_request {
  static constexpr event_pair pair = pairs::USER_CREATE;
  std::optional<std::string> username;
  std::optional<std::string> firstname;
  std::optional<std::string> lastname;
  std::optional<std::string> email;
  std::optional<std::int64_t> office_id;
  std::optional<std::int64_t> staff_id;
  std::vector<std::int64_t> roles;
  std::vector<std::int64_t> clients;  // of a self-service user
  std::optional<bool> send_password_to_email;
  std::optional<bool> password_never_expires;
  std::optional<bool> is_self_service_user;
};

struct staff_create_request : dated_request {
  static constexpr event_pair pair = pairs::STAFF_CREATE;
  std::optional<std::int64_t> office_id;
  std::optional<std::string> firstname;
  std::optional<std::string> lastname;
  std::optional<std::string> external_id;
  std::optional<std::string> mobile_no;
  std::optional<bool> is_loan_officer;
  std::optional<bool> is_active;
  std::optional<std::string> joining_date;
};

void from_json(const nlohmann::json& j, journal_entry_request& r);
void from_json(const nlohmann::json& j, user_create_request& r);
void from_json(const nlohmann::json& j, staff_create_request& r);

}  // namespace mifos::hooks
