// requests_groups.hpp: typed views of group and center requests (GroupingTypesApiConstants,
// CollectionSheetConstants). Include mifos/hooks/requests.hpp rather than this file.
#pragma once

#include "mifos/hooks/requests_common.hpp"

namespace mifos::hooks {

// Groups and centers are created with the same fields (a center is a group).
struct group_like_create_request : dated_request {
  std::optional<std::int64_t> office_id;
  std::optional<std::int64_t> staff_id;
  std::optional<std::int64_t> center_id;
  std::optional<std::string> name;
  std::optional<std::string> external_id;
  std::optional<bool> active;
  std::optional<std::string> activation_date;
  std::optional<std::string> submitted_on_date;
  std::vector<std::int64_t> members;  // clientMembers of a group, groupMembers of a center
};

struct group_create_request : group_like_create_request {
  static constexpr event_pair pair = pairs::GROUP_CREATE;
};
struct center_create_request : group_like_create_request {
  static constexpr event_pair pair = pairs::CENTER_CREATE;
};

// One loan repayment of a collection sheet.
struct collection_sheet_repayment : payment_detail {
  std::optional<std::int64_t> loan_id;
  std::optional<std::string> transaction_amount;
  std::optional<std::string> external_id;
};

// One mandatory savings deposit of a collection sheet.
struct collection_sheet_savings_due : payment_detail {
  std::optional<std::int64_t> savings_id;
  std::optional<std::string> transaction_amount;
  std::optional<std::int64_t> deposit_account_type;  // 100 savings, 300 recurring deposit
};

// POST /centers/{id}?command=saveCollectionSheet: the meeting's repayments and deposits, one
// event for all of them. The top-level payment details apply to every line that has none.
// In the bare era `changes` hold only locale, dateFormat, note and the new transaction ids
// (loanTransactions, SavingsTransactions), so the lists stay empty there.
struct center_save_collection_sheet_request : dated_request, payment_detail {
  static constexpr event_pair pair = pairs::CENTER_SAVECOLLECTIONSHEET;
  std::optional<std::string> transaction_date;
  std::optional<std::string> actual_disbursement_date;
  std::optional<std::int64_t> calendar_id;
  std::optional<std::string> note;
  std::optional<bool> is_transaction_date_on_non_meeting_date;
  std::vector<collection_sheet_repayment> bulk_repayment_transactions;
  std::vector<collection_sheet_savings_due> bulk_savings_due_transactions;
};

void from_json(const nlohmann::json& j, group_like_create_request& r);
void from_json(const nlohmann::json& j, center_save_collection_sheet_request& r);

}  // namespace mifos::hooks
