// requests_clients.hpp: typed views of client requests (ClientApiConstants,
// TransferApiConstants). Include mifos/hooks/requests.hpp rather than this file.
#pragma once

#include "mifos/hooks/requests_common.hpp"

namespace mifos::hooks {

struct client_create_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_CREATE;
  std::optional<std::int64_t> office_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> legal_form_id;
  std::optional<std::int64_t> savings_product_id;
  std::optional<std::string> firstname;
  std::optional<std::string> middlename;
  std::optional<std::string> lastname;
  std::optional<std::string> fullname;
  std::optional<std::string> mobile_no;
  std::optional<std::string> external_id;
  std::optional<bool> active;
  std::optional<std::string> activation_date;
  std::optional<std::string> submitted_on_date;
};

struct client_activate_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_ACTIVATE;
  std::optional<std::string> activation_date;
};

// PUT /clients/{id}: only the fields the caller changes. Fineract's `changes` name them the
// same way, so the bare era reads them too (legalFormId there is an {id, code, value} object,
// read for its id).
struct client_update_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_UPDATE;
  std::optional<std::string> account_no;
  std::optional<std::string> external_id;
  std::optional<std::string> firstname;
  std::optional<std::string> middlename;
  std::optional<std::string> lastname;
  std::optional<std::string> fullname;
  std::optional<std::string> displayname;
  std::optional<std::string> mobile_no;
  std::optional<std::string> email_address;
  std::optional<std::int64_t> staff_id;
  std::optional<std::int64_t> savings_product_id;
  std::optional<std::int64_t> gender_id;
  std::optional<std::int64_t> client_type_id;
  std::optional<std::int64_t> client_classification_id;
  std::optional<std::int64_t> legal_form_id;
  std::optional<bool> is_staff;
  std::optional<bool> active;
  std::optional<std::string> activation_date;
  std::optional<std::string> submitted_on_date;
  std::optional<std::string> date_of_birth;
};

struct client_close_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_CLOSE;
  std::optional<std::string> closure_date;
  std::optional<std::int64_t> closure_reason_id;  // a ClientClosureReason code value
};

struct client_reject_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_REJECT;
  std::optional<std::string> rejection_date;
  std::optional<std::int64_t> rejection_reason_id;  // a ClientRejectReason code value
};

struct client_withdraw_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_WITHDRAW;
  std::optional<std::string> withdrawal_date;
  std::optional<std::int64_t> withdrawal_reason_id;  // a ClientWithdrawReason code value
};

struct client_reactivate_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_REACTIVATE;
  std::optional<std::string> reactivation_date;
};

struct client_propose_transfer_request : dated_request {
  static constexpr event_pair pair = pairs::CLIENT_PROPOSETRANSFER;
  std::optional<std::int64_t> destination_office_id;
  std::optional<std::string> transfer_date;
  std::optional<bool> transfer_active_loans;
  std::optional<std::string> note;
};

// Accepting a transfer takes no date.
struct client_accept_transfer_request {
  static constexpr event_pair pair = pairs::CLIENT_ACCEPTTRANSFER;
  std::optional<std::int64_t> staff_id;  // the new loan officer
  std::optional<std::int64_t> destination_group_id;
  std::optional<std::string> note;
};

struct client_assign_staff_request {
  static constexpr event_pair pair = pairs::CLIENT_ASSIGNSTAFF;
  std::optional<std::int64_t> staff_id;
};

void from_json(const nlohmann::json& j, client_create_request& r);
void from_json(const nlohmann::json& j, client_activate_request& r);
void from_json(const nlohmann::json& j, client_update_request& r);
void from_json(const nlohmann::json& j, client_close_request& r);
void from_json(const nlohmann::json& j, client_reject_request& r);
void from_json(const nlohmann::json& j, client_withdraw_request& r);
void from_json(const nlohmann::json& j, client_reactivate_request& r);
void from_json(const nlohmann::json& j, client_propose_transfer_request& r);
void from_json(const nlohmann::json& j, client_accept_transfer_request& r);
void from_json(const nlohmann::json& j, client_assign_staff_request& r);

}  // namespace mifos::hooks
