// collection_sheets.cpp: saving and generating collection sheets, as Fineract's
// CollectionSheetWritePlatformServiceJpaRepositoryImpl does: one command repays every loan of
// bulkRepaymentTransactions and deposits to every savings account of bulkSavingsDueTransactions.
// Those repayments and deposits call the services directly, so they fire no hook of their own:
// the one event is CENTER/GROUP SAVECOLLECTIONSHEET (or COLLECTIONSHEET SAVE for the individual
// sheet).
//
// A repayment Fineract cannot make fails the whole command (nothing is booked); a deposit it
// cannot make is skipped silently (the service catches the exception), so the mock checks every
// repayment before it books anything and leaves a failing deposit out of SavingsTransactions.
//
// `changes` is a HashMap in Fineract, so its key order is not fixed; the mock writes locale,
// dateFormat, note (when not blank), loanTransactions (when bulkRepaymentTransactions is sent),
// SavingsTransactions.
#include <cmath>
#include <cstdio>
#include <string>

#include "portfolio/groups/group_commands.hpp"
#include "portfolio/loans/loan_money.hpp"
#include "portfolio/loans/loans.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

struct sheet_line {
  entity_id account_id = 0;
  cents amount = 0;
};

// The lines of bulkRepaymentTransactions or bulkSavingsDueTransactions: an id (> 0) and an
// amount (>= 0, zeroOrPositiveAmount). Errors name the element: "<list>[i].<field>".
std::vector<sheet_line> read_lines(field_reader& in, const json& body, const char* list,
                                   const char* id_name) {
  std::vector<sheet_line> lines;
  auto it = body.find(list);
  if (it == body.end() || !it->is_array()) return lines;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& element = (*it)[i];
    field_reader line = in.nested(element, std::string(list) + "[" + std::to_string(i) + "].");
    auto id = line.id(id_name);
    auto amount = line.decimal("transactionAmount");
    in.absorb(line);
    if (id && amount) {
      lines.push_back({*id, static_cast<cents>(std::llround(*amount * 100.0))});
    }
  }
  return lines;
}

// The individual sheet's transactionDate may not be after today (validateDateBeforeOrEqual).
void check_not_after_today(field_reader& in, const rest_call& call,
                           const std::optional<local_date>& date) {
  const local_date today = date_of(call.now);
  if (!date || *date <= today) return;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", today.year, today.month, today.day);
  in.fail_rule("transactionDate", "is.greater.than.date",
               std::string("The parameter `transactionDate` must be less than or equal to the "
                           "provided date: ") +
                   iso);
}

// A loan's next installment as the mock sees it: an even share of principal and interest,
// at most what is outstanding.
cents installment_due(const loan& l) {
  const int n = l.number_of_repayments > 0 ? l.number_of_repayments : 1;
  const cents share = (l.principal + l.interest_charged) / n;
  const cents outstanding = total_outstanding(l);
  return share < outstanding ? share : outstanding;
}

json client_sheet(const state& s, const client& c) {
  json loans = json::array();
  for (const auto& [id, l] : s.loans) {
    if (l.client_id != c.id || l.status != loan_status::active) continue;
    const cents due = installment_due(l);
    loans.push_back({{"loanId", l.id},
                     {"accountId", account_no(l.id)},
                     {"accountStatusId", static_cast<int>(l.status)},
                     {"productId", l.product_id},
                     {"productShortName", s.loan_products.at(l.product_id).name},
                     {"totalDue", amount_json(due)},
                     {"totalOutstanding", amount_json(total_outstanding(l))}});
  }
  json savings = json::array();
  for (const auto& [id, a] : s.savings) {
    if (a.client_id != c.id || a.status != savings_status::active) continue;
    savings.push_back({{"savingsId", a.id},
                       {"accountId", account_no(a.id)},
                       {"accountStatusId", static_cast<int>(a.status)},
                       {"productId", a.product_id},
                       {"productName", s.savings_products.at(a.product_id).name},
                       {"dueAmount", 0.0},  // voluntary savings have nothing due
                       {"depositAccountType", "Saving Deposit"}});
  }
  return {
      {"clientId", c.id}, {"clientName", c.display_name()}, {"loans", loans}, {"savings", savings}};
}

json group_sheet(const state& s, const group& g) {
  json clients = json::array();
  for (entity_id m : g.client_members) {
    auto c = s.clients.find(m);
    if (c != s.clients.end() && c->second.is_active()) {
      clients.push_back(client_sheet(s, c->second));
    }
  }
  return {{"groupId", g.id},
          {"groupName", g.name},
          {"levelId", 2},
          {"levelName", "Group"},
          {"clients", clients}};
}

}  // namespace

answer save_collection_sheet(state& s, const rest_call& call, std::optional<entity_id> group_id,
                             const json& body) {
  field_reader in(body, "collectionsheet");
  const bool supported =
      group_id ? in.only({"locale", "dateFormat", "transactionDate", "actualDisbursementDate",
                          "bulkRepaymentTransactions", "bulkDisbursementTransactions", "note",
                          "calendarId", "clientsAttendance", "bulkSavingsDueTransactions",
                          "paymentTypeId", "accountNumber", "checkNumber", "routingCode",
                          "receiptNumber", "bankNumber", "isTransactionDateOnNonMeetingDate"})
               : in.only({"locale", "dateFormat", "transactionDate", "actualDisbursementDate",
                          "bulkRepaymentTransactions", "bulkDisbursementTransactions", "note",
                          "bulkSavingsDueTransactions"});
  if (!supported) return in.error();
  auto date = in.date("transactionDate");
  auto note = in.text("note", false);
  // The center and group sheets name the meeting they were collected at; the mock takes any id
  // (sheets saved before a calendar exists keep working, as the generator sends them).
  if (group_id) in.id("calendarId");
  if (!group_id) check_not_after_today(in, call, date);
  auto repayments = read_lines(in, body, "bulkRepaymentTransactions", "loanId");
  auto deposits = read_lines(in, body, "bulkSavingsDueTransactions", "savingsId");
  if (!in.ok()) return in.error();

  for (const auto& r : repayments) {
    const loan* l = s.find_loan(r.account_id);
    if (l == nullptr) return loan_not_found(r.account_id);
    if (r.amount > 0 && l->status != loan_status::active) {
      return loan_state_rule("repayment.or.waiver.account.is.not.active",
                             "Loan Repayment (or its types) or Waiver is not allowed. Loan "
                             "Account is not active.");
    }
  }
  json loan_transactions = json::array();
  for (const auto& r : repayments) {
    if (r.amount == 0) continue;
    loan& l = s.loans.at(r.account_id);
    loan_transactions.push_back(
        add_loan_transaction(s, l, loan_transaction_type::repayment, *date, r.amount).id);
  }
  json savings_transactions = json::array();
  for (const auto& d : deposits) {
    savings_account* a = s.find_savings(d.account_id);
    if (a == nullptr || d.amount == 0 || a->status != savings_status::active || refuse_credit(*a)) {
      continue;  // Fineract swallows a failed deposit
    }
    savings_transactions.push_back(book_savings_transaction(s, *a, 1, *date, d.amount));
  }

  json changes = {{"locale", value_text(body.at("locale"))},
                  {"dateFormat", value_text(body.at("dateFormat"))}};
  if (note) changes["note"] = *note;
  if (body.contains("bulkRepaymentTransactions")) changes["loanTransactions"] = loan_transactions;
  changes["SavingsTransactions"] = savings_transactions;
  return result_fields{.group_id = group_id, .resource_id = group_id, .changes = changes}.to_json();
}

answer generate_collection_sheet(const state& s, bool center, entity_id id) {
  auto it = s.groups.find(id);
  if (it == s.groups.end() || it->second.is_center != center) return group_not_found(id, center);
  json groups = json::array();
  if (center) {
    for (const auto& [child_id, child] : s.groups) {
      if (child.center_id == id && child.active) groups.push_back(group_sheet(s, child));
    }
  } else {
    groups.push_back(group_sheet(s, it->second));
  }
  json products = json::array();
  for (const auto& [pid, p] : s.loan_products) {
    products.push_back({{"id", p.id}, {"name", p.name}});
  }
  json savings_products = json::array();
  for (const auto& [pid, p] : s.savings_products) {
    savings_products.push_back({{"id", p.id}, {"name", p.name}});
  }
  return json{
      {"loanProducts", products}, {"savingsProducts", savings_products}, {"groups", groups}};
}

std::optional<rest_outcome> route_collection_sheet(state& s, const rest_call& call,
                                                   const std::vector<std::string>& p) {
  if (p.size() != 1) return std::nullopt;
  if (call.method != "POST") return method_not_allowed(call);
  const std::string* command = command_of(call);
  if (command != nullptr && *command == "saveCollectionSheet") {
    return run_command(call, "COLLECTIONSHEET", "SAVE", [&](const json& body) {
      return save_collection_sheet(s, call, std::nullopt, body);
    });
  }
  return unsupported_command(call);
}

}  // namespace mifos::mock::detail
