// shares.hpp: what the share files share: the command result of a share command, Fineract's
// share state rules, the account JSON, and the commands route_share_accounts dispatches to.
//
//   if (a.status != share_account_status::approved) return share_rule("is.not.in.approved.status");
//   return share_result(a.id, changes);   // {"resourceId":3,"changes":{...}}
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "model/rest_call.hpp"
#include "portfolio/state.hpp"

namespace mifos::mock::detail {

// {resourceId, [changes]}: a share command's result carries no office or client
// (ShareAccountWritePlatformServiceJpaRepositoryImpl).
nlohmann::ordered_json share_result(std::int64_t account_id,
                                    std::optional<nlohmann::ordered_json> changes);

// Fineract's 400 for a share account rule (failWithCodeNoParameterAddedToErrorCode on resource
// "sharesaccount"): "validation.msg.sharesaccount.<rule>".
api_error share_rule(std::string_view rule, std::string parameter = "id",
                     nlohmann::ordered_json value = nullptr);

// Fineract's ShareAccountStatusEnumData: {id, code, value, submittedAndPendingApproval, approved,
// rejected, active, closed} (closed is also true for a rejected account).
nlohmann::ordered_json share_status_json(share_account_status st);

// GET /accounts/share/{id}: the account with its summary, timeline and purchasedShares.
nlohmann::ordered_json share_account_json(const state& s, const share_account& a);

// The account `id`, or its 404.
std::variant<share_account*, api_error> share_account_of(state& s, std::int64_t id);

// Whether the request's date is before any purchase or redemption of the account (Fineract
// refuses new requests dated before existing ones).
bool before_existing_requests(const share_account& a, const local_date& d, bool active_only);

// The day `d` is, for date arithmetic (lock-in periods, dividend share-days).
std::chrono::sys_days share_days(const local_date& d);

// ?command=approve|undoapproval|reject|activate|close (share_lifecycle.cpp) and
// applyadditionalshares|approveadditionalshares|rejectadditionalshares|redeemshares
// (share_purchases.cpp); nullopt when `command` is not one of theirs.
std::optional<rest_outcome> share_lifecycle_command(state& s, const rest_call& call,
                                                    std::int64_t id, std::string_view command);
std::optional<rest_outcome> share_purchase_command(state& s, const rest_call& call, std::int64_t id,
                                                   std::string_view command);

}  // namespace mifos::mock::detail
