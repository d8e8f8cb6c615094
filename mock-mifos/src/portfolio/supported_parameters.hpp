// supported_parameters.hpp: the parameter sets Fineract's validators accept for the commands that
// share them (checkForUnsupportedParameters); a body with any other key answers 400
// error.msg.parameter.unsupported naming each. Sets used by one command only stay next to it.
//
//   field_reader in(body, "loan");
//   if (!in.only(kLoanApplicationParameters)) return in.error();
#pragma once

#include <string_view>

namespace mifos::mock::detail {

// GroupingTypesDataValidator.GROUP_REQUEST_DATA_PARAMETERS: group create and update.
inline constexpr std::string_view kGroupParameters[] = {"locale",
                                                        "dateFormat",
                                                        "id",
                                                        "name",
                                                        "externalId",
                                                        "centerId",
                                                        "officeId",
                                                        "staffId",
                                                        "active",
                                                        "activationDate",
                                                        "clientMembers",
                                                        "collectionMeetingCalendar",
                                                        "submittedOnDate",
                                                        "datatables"};

// GroupingTypesDataValidator.CENTER_REQUEST_DATA_PARAMETERS: center create and update.
inline constexpr std::string_view kCenterParameters[] = {
    "locale",          "dateFormat", "id",     "name",           "externalId",
    "officeId",        "staffId",    "active", "activationDate", "groupMembers",
    "submittedOnDate", "datatables"};

// LoanApplicationValidator.SUPPORTED_PARAMETERS: loan application (POST /loans) and its
// modification (PUT /loans/{id}).
inline constexpr std::string_view kLoanApplicationParameters[] = {
    "dateFormat",
    "locale",
    "id",
    "clientId",
    "groupId",
    "loanType",
    "productId",
    "principal",
    "totalLoan",
    "isParentAccount",
    "loanTermFrequency",
    "loanTermFrequencyType",
    "numberOfRepayments",
    "repaymentEvery",
    "repaymentFrequencyType",
    "repaymentFrequencyNthDayType",
    "repaymentFrequencyDayOfWeekType",
    "interestRatePerPeriod",
    "amortizationType",
    "amortizationTypeOptions",
    "interestType",
    "isFloatingInterestRate",
    "interestRateDifferential",
    "interestCalculationPeriodType",
    "allowPartialPeriodInterestCalcualtion",
    "interestRateFrequencyType",
    "expectedDisbursementDate",
    "repaymentsStartingFromDate",
    "graceOnPrincipalPayment",
    "graceOnInterestPayment",
    "graceOnInterestCharged",
    "interestChargedFromDate",
    "submittedOnDate",
    "submittedOnNote",
    "accountNo",
    "externalId",
    "fundId",
    "loanOfficerId",
    "loanPurposeId",
    "inArrearsTolerance",
    "charges",
    "collateral",
    "transactionProcessingStrategyCode",
    "calendarId",
    "syncDisbursementWithMeeting",
    "linkAccountId",
    "disbursementData",
    "fixedEmiAmount",
    "maxOutstandingLoanBalance",
    "graceOnArrearsAgeing",
    "createStandingInstructionAtDisbursement",
    "isTopup",
    "loanIdToClose",
    "datatables",
    "isEqualAmortization",
    "rates",
    "applicationId",
    "lastApplication",
    "daysInYearType",
    "fixedPrincipalPercentagePerInstallment",
    "disallowExpectedDisbursements",
    "fraud",
    "loanScheduleProcessingType",
    "fixedLength",
    "enableInstallmentLevelDelinquency",
    "enableDownPayment",
    "enableAutoRepaymentForDownPayment",
    "disbursedAmountPercentageForDownPayment"};

// LoanApplicationValidator.validateApproval: ?command=approve.
inline constexpr std::string_view kLoanApprovalParameters[] = {
    "loanId", "approvedLoanAmount", "approvedOnDate",   "netDisbursalAmount",      "note",
    "locale", "dateFormat",         "disbursementData", "expectedDisbursementDate"};

// LoanTransactionValidator.getDisbursementParameters(false): ?command=disburse.
inline constexpr std::string_view kLoanDisbursementParameters[] = {"actualDisbursementDate",
                                                                   "externalId",
                                                                   "note",
                                                                   "locale",
                                                                   "dateFormat",
                                                                   "paymentTypeId",
                                                                   "accountNumber",
                                                                   "checkNumber",
                                                                   "routingCode",
                                                                   "receiptNumber",
                                                                   "bankNumber",
                                                                   "adjustRepaymentDate",
                                                                   "transactionAmount",
                                                                   "fixedEmiAmount",
                                                                   "postDatedChecks",
                                                                   "netDisbursalAmount"};

// The same with isAccountTransfer: ?command=disburseToSavings.
inline constexpr std::string_view kLoanDisbursementToSavingsParameters[] = {
    "actualDisbursementDate",
    "externalId",
    "note",
    "locale",
    "dateFormat",
    "transactionAmount",
    "fixedEmiAmount",
    "netDisbursalAmount"};

// LoanTransactionValidator.validatePaymentTransaction: repayments.
inline constexpr std::string_view kLoanRepaymentParameters[] = {
    "transactionDate", "transactionAmount", "externalId",    "note",        "locale",
    "dateFormat",      "paymentTypeId",     "accountNumber", "checkNumber", "routingCode",
    "receiptNumber",   "bankNumber",        "loanId"};

// SavingsAccountConstant.SAVINGS_ACCOUNT_REQUEST_DATA_PARAMETERS: savings application.
inline constexpr std::string_view kSavingsApplicationParameters[] = {
    "locale",
    "dateFormat",
    "monthDayFormat",
    "savingsOfficerId",
    "isGSIM",
    "isParentAccount",
    "accountNo",
    "externalId",
    "clientId",
    "groupId",
    "productId",
    "fieldOfficerId",
    "submittedOnDate",
    "nominalAnnualInterestRate",
    "interestCompoundingPeriodType",
    "interestPostingPeriodType",
    "interestCalculationType",
    "interestCalculationDaysInYearType",
    "minRequiredOpeningBalance",
    "lockinPeriodFrequency",
    "lockinPeriodFrequencyType",
    "withdrawalFeeForTransfers",
    "feeAmount",
    "feeOnMonthDay",
    "charges",
    "allowOverdraft",
    "overdraftLimit",
    "minRequiredBalance",
    "enforceMinRequiredBalance",
    "lienAllowed",
    "maxAllowedLienLimit",
    "nominalAnnualInterestRateOverdraft",
    "minOverdraftForInterestCalculation",
    "withHoldTax",
    "datatables",
    "applicationId",
    "lastApplication"};

// SavingsAccountApplicationTransitionApiJsonValidator.validateApproval: ?command=approve.
inline constexpr std::string_view kSavingsApprovalParameters[] = {"approvedOnDate", "note",
                                                                  "locale", "dateFormat"};

// SAVINGS_ACCOUNT_ACTIVATION_REQUEST_DATA_PARAMETERS: ?command=activate.
inline constexpr std::string_view kSavingsActivationParameters[] = {"locale", "dateFormat",
                                                                    "activatedOnDate"};

// SAVINGS_ACCOUNT_TRANSACTION_REQUEST_DATA_PARAMETERS: deposit and withdrawal.
inline constexpr std::string_view kSavingsTransactionParameters[] = {
    "locale",        "dateFormat",    "transactionDate", "transactionAmount",
    "paymentTypeId", "accountNumber", "checkNumber",     "routingCode",
    "receiptNumber", "bankNumber",    "retailEntries",   "childAccountId",
    "note"};

// SAVINGS_ACCOUNT_CLOSE_REQUEST_DATA_PARAMETERS: ?command=close.
inline constexpr std::string_view kSavingsCloseParameters[] = {
    "locale",        "dateFormat",      "closedOnDate",  "note",
    "paymentTypeId", "withdrawBalance", "accountNumber", "checkNumber",
    "routingCode",   "receiptNumber",   "bankNumber",    "postInterestValidationOnClosure"};

}  // namespace mifos::mock::detail
