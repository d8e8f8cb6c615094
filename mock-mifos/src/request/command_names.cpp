// command_names.cpp: Fineract's ?command= values (kept equal to the table's by
// catalog_walk_test's CommandNamesCoverTheTable).
#include "request/command_names.hpp"

#include <algorithm>
#include <cctype>

namespace mifos::mock::detail {
namespace {

// Space-separated, so the list reads as the table's column does.
constexpr std::string_view kNames =
    "acceptTransfer activate addVariations adjustment applyAnnualFees applyadditionalshares "
    "approve approveadditionalshares assignRole assignSavingsOfficer assignStaff "
    "assigndelinquency assignloanofficer associateClients associateGroups block blockCredit "
    "blockDebit buyback calculateInterest charge-off chargeRefund chargeback close "
    "close-rescheduled "
    "creditBalanceRefund defineOpeningBalance delete deleteVariations "
    "delinkAccounts deposit disable disassociateClients disassociateGroups disburse "
    "disburseToSavings disburseWithoutAutoDownPayment downPayment enable foreclosure "
    "glimrepayment goodwillCredit gsimDeposit holdAmount inactivate interestPaymentWaiver "
    "linkAccounts markAsFraud merchantIssuedRefund modify pay paycharge payoutRefund "
    "postInterest prematureClose proposeAndAcceptTransfer proposeTransfer reactivate "
    "recoverGuarantees recoverypayment recreateprovisioningentry redeemshares refundByCash "
    "reject rejectTransfer rejectadditionalshares releaseAmount repayment reverse sale "
    "saveCollectionSheet saveOrUpdateAttendance transferClients unassignRole "
    "unassignSavingsOfficer unassignStaff unassignloanofficer unblock unblockCredit "
    "unblockDebit undo undo-charge-off undoRejection undoWithdrawal undoapproval undodisbursal "
    "undolastdisbursal undowriteoff update updateDepositAmount updateRole updateRunningBalance "
    "updateSavingsAccount updateWithHoldTax waive waiveinterest withdraw withdrawTransfer "
    "withdrawal withdrawnByApplicant writeoff calculateLoanSchedule executeJob";

}  // namespace

const std::vector<std::string_view>& command_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at < kNames.size();) {
      const std::size_t space = std::min(kNames.find(' ', at), kNames.size());
      out.push_back(kNames.substr(at, space - at));
      at = space + 1;
    }
    return out;
  }();
  return names;
}

std::string canonical_command(std::string_view given) {
  while (!given.empty() && std::isspace(static_cast<unsigned char>(given.front())))
    given.remove_prefix(1);
  while (!given.empty() && std::isspace(static_cast<unsigned char>(given.back())))
    given.remove_suffix(1);
  auto same = [given](std::string_view name) {
    return name.size() == given.size() &&
           std::equal(name.begin(), name.end(), given.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) ==
                    std::tolower(static_cast<unsigned char>(b));
           });
  };
  const auto& names = command_names();
  auto found = std::find_if(names.begin(), names.end(), same);
  return std::string(found == names.end() ? given : *found);
}

}  // namespace mifos::mock::detail
