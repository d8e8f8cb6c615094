// accounting.cpp: POST /journalentries (JOURNALENTRY CREATE, a manual entry of balanced debits
// and credits; ?command=defineOpeningBalance, ?command=updateRunningBalance), POST
// /journalentries/{transactionId}?command=reverse (JOURNALENTRY REVERSE), POST /runaccruals
// (PERIODICACCRUALACCOUNTING EXECUTE) and GET /journalentries[/{id}]
// (JournalEntryWritePlatformServiceJpaRepositoryImpl).
#include "portfolio/accounting/accounting.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <variant>
#include <vector>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// Fineract names a manual entry's lines with a random 12-hex-digit transaction id; the mock
// derives it from a counter (splitmix64) so that runs repeat exactly.
std::string transaction_id_for(std::uint64_t n) {
  std::uint64_t z = n + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(z));
  return std::string(buf, 12);
}

struct entry_leg {
  entity_id gl_account_id = 0;
  cents amount = 0;
};

// Reads "credits" or "debits": [{glAccountId, amount}, ...].
std::vector<entry_leg> read_legs(field_reader& in, const char* side) {
  std::vector<entry_leg> legs;
  const json* list = in.find(side);
  if (list == nullptr) return legs;
  if (!list->is_array()) {
    in.fail_rule(side, "invalid", std::string("The parameter `") + side + "` is invalid.", *list);
    return legs;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    field_reader leg = in.nested(list->at(i), std::string(side) + "[" + std::to_string(i) + "].");
    auto account = leg.id("glAccountId");
    auto amount = leg.amount("amount");
    in.absorb(leg);
    if (account && amount) legs.push_back({*account, *amount});
  }
  return legs;
}

json line_json(const state& s, const journal_line& l) {
  json j = {{"id", l.id},
            {"officeId", l.office_id},
            {"officeName", s.offices.at(l.office_id).name},
            {"glAccountId", l.gl_account_id},
            {"entryType",
             l.credit ? json{{"id", 1}, {"code", "journalEntryType.credit"}, {"value", "CREDIT"}}
                      : json{{"id", 2}, {"code", "journalEntryType.debit"}, {"value", "DEBIT"}}},
            {"transactionDate", date_json(l.date)},
            {"transactionId", l.transaction_id},
            {"manualEntry", true},
            {"currency", currency_json(l.currency)},
            {"amount", amount_json(l.amount)},
            {"reversed", l.reversed}};
  if (l.comments) j["comments"] = *l.comments;
  // JournalEntryData names the account too (glAccountName, glAccountCode, glAccountType).
  if (auto a = s.gl_accounts.find(l.gl_account_id); a != s.gl_accounts.end()) {
    j["glAccountName"] = a->second.name;
    j["glAccountCode"] = a->second.gl_code;
    j["glAccountType"] = gl_account_type_json(a->second.type);
  }
  return j;
}

// Every leg's account must exist and take manual entries (validateGLAccountForTransaction).
std::optional<api_error> refused_account(state& s, const std::vector<entry_leg>& legs) {
  for (const auto& leg : legs) {
    const gl_account* a = find_gl_account(s, leg.gl_account_id);
    if (a == nullptr) return gl_account_not_found(leg.gl_account_id);
    if (auto e = refuses_manual_entries(*a)) return e;
  }
  return std::nullopt;
}

std::string next_transaction_id(state& s) {
  return transaction_id_for(static_cast<std::uint64_t>(s.journal_transactions.take()));
}

// The contra account of opening balances: the financial activity 300 mapping, an equity account.
std::variant<entity_id, api_error> opening_balance_contra(state& s) {
  for (const auto& [id, m] : s.activity_mappings) {
    if (m.activity != 300) continue;
    const gl_account* a = find_gl_account(s, m.gl_account_id);
    if (a == nullptr || a->type != 3) {
      return api_error::domain_rule(
          "error.msg.configuration.opening.balance.contra.account.value.is.invalid.account.type",
          "Global configuration 'office-opening-balances-contra-account' value is not an equity "
          "type account");
    }
    return m.gl_account_id;
  }
  return api_error::not_found("error.msg.financialActivityAccount.not.found",
                              "Financial Activity account with Id 300 does not exist", 300);
}

// Books the opposite of every unreversed line of `transaction_id` under a new transaction id and
// marks the originals reversed; returns the new id. Without comments each line says which entry
// it reverses, as Fineract's default comment does.
std::string reverse_lines(state& s, const std::string& transaction_id,
                          const std::optional<std::string>& comments) {
  const std::string reversal_id = next_transaction_id(s);
  const std::size_t n = s.journal.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (s.journal[i].transaction_id != transaction_id || s.journal[i].reversed) continue;
    s.journal[i].reversed = true;
    journal_line r = s.journal[i];
    r.id = s.journal_line_ids.take();
    r.credit = !r.credit;
    r.reversed = false;
    r.transaction_id = reversal_id;
    r.comments = comments ? *comments
                          : "Reversal entry for Journal Entry with Entry Id  :" +
                                std::to_string(s.journal[i].id) + " and transaction Id " +
                                transaction_id;
    s.journal.push_back(r);
  }
  return reversal_id;
}

// JOURNALENTRY CREATE, and DEFINEOPENINGBALANCE when `opening`: then every line gets a
// counter line on the opening balances contra account, and the office's earlier opening
// balances are reversed first.
answer create_entry(state& s, const json& body, bool opening) {
  field_reader in(body, "GLJournalEntry");
  auto office_id = in.id("officeId");
  auto date = in.date("transactionDate");
  auto currency = in.text("currencyCode");
  auto comments = in.text("comments", false);
  const auto credits = read_legs(in, "credits");
  const auto debits = read_legs(in, "debits");
  if (!in.ok()) return in.error();
  std::optional<entity_id> contra;
  if (opening) {
    auto found = opening_balance_contra(s);
    if (auto* e = std::get_if<api_error>(&found)) return *e;
    contra = std::get<entity_id>(found);
  }
  if (s.find_office(*office_id) == nullptr) return office_not_found(*office_id);
  if (auto e = accounting_closed(s, *office_id, *date)) return *e;
  if (!opening && (credits.empty() || debits.empty())) {
    return api_error::domain_rule("error.msg.glJournalEntry.invalid.no.debits.or.credits",
                                  "Journal Entry must have atleast one Debit and one Credit");
  }
  cents credit_sum = 0, debit_sum = 0;
  bool in_range = true;
  for (const auto& c : credits) in_range = add_cents(credit_sum, c.amount) && in_range;
  for (const auto& d : debits) in_range = add_cents(debit_sum, d.amount) && in_range;
  // Opening balances balance against the contra account, so only a plain entry must balance.
  if (!in_range || (!opening && credit_sum != debit_sum)) {
    return api_error::domain_rule(
        "error.msg.glJournalEntry.invalid.mismatch.debits.credits",
        "Sum of All Debits must equal the sum of all Credits for a Journal Entry");
  }
  if (auto e = refused_account(s, credits)) return *e;
  if (auto e = refused_account(s, debits)) return *e;
  if (opening) {
    std::vector<std::string> earlier;
    for (const auto& l : s.journal) {
      if (l.office_id == *office_id && l.gl_account_id == *contra && !l.reversed)
        earlier.push_back(l.transaction_id);
    }
    for (const auto& id : earlier) reverse_lines(s, id, std::string("defining opening balance"));
  }
  const std::string transaction_id = next_transaction_id(s);
  auto book = [&](entity_id account, cents amount, bool credit) {
    s.journal.push_back({s.journal_line_ids.take(), *office_id, account, credit, amount,
                         transaction_id, *currency, *date, comments});
  };
  for (const auto& c : credits) {
    book(c.gl_account_id, c.amount, true);
    if (contra) book(*contra, c.amount, false);
  }
  for (const auto& d : debits) {
    book(d.gl_account_id, d.amount, false);
    if (contra) book(*contra, d.amount, true);
  }
  return result_fields{.office_id = *office_id, .transaction_id = transaction_id}.to_json();
}

// JOURNALENTRY REVERSE: the result names only the reversal's transaction id.
answer reverse_entry(state& s, const std::string& transaction_id, const json& body) {
  field_reader in(body, "GLJournalEntry");
  auto comments = in.text("comments", false);
  if (!in.ok()) return in.error();
  const journal_line* first = nullptr;
  std::size_t open_lines = 0;
  for (const auto& l : s.journal) {
    if (l.transaction_id != transaction_id || l.reversed) continue;
    if (first == nullptr) first = &l;
    ++open_lines;
  }
  if (open_lines <= 1) {
    return api_error::not_found(
        "error.msg.journalEntries.transactionId.invalid",
        "Journal Entries with transaction Id " + transaction_id + " does not exist", 0);
  }
  if (auto e = accounting_closed(s, first->office_id, first->date)) return *e;
  return result_fields{.transaction_id = reverse_lines(s, transaction_id, comments)}.to_json();
}

// JOURNALENTRY UPDATERUNNINGBALANCE: the mock keeps no running balances to update; the result
// names the office when the body gave one.
answer update_running_balance(state& s, const json& body) {
  field_reader in(body, "GLJournalEntry");
  auto office_id = in.id("officeId", false);
  if (!in.ok()) return in.error();
  if (office_id && s.find_office(*office_id) == nullptr) return office_not_found(*office_id);
  return result_fields{.office_id = office_id}.to_json();
}

}  // namespace

std::optional<rest_outcome> route_journal_entries(state& s, const rest_call& call,
                                                  const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      const std::string* command = command_of(call);
      if (command == nullptr) {
        return run_command(call, "JOURNALENTRY", "CREATE",
                           [&](const json& body) { return create_entry(s, body, false); });
      }
      if (*command == "defineOpeningBalance") {
        return run_command(call, "JOURNALENTRY", "DEFINEOPENINGBALANCE",
                           [&](const json& body) { return create_entry(s, body, true); });
      }
      if (*command == "updateRunningBalance") {
        return run_command(call, "JOURNALENTRY", "UPDATERUNNINGBALANCE",
                           [&](const json& body) { return update_running_balance(s, body); });
      }
      return unsupported_command(call);
    }
    if (call.method != "GET") return method_not_allowed(call);
    auto wanted = call.query.find("transactionId");
    json items = json::array();
    for (const auto& l : s.journal) {
      if (wanted == call.query.end() || wanted->second == l.transaction_id) {
        items.push_back(line_json(s, l));
      }
    }
    return read_outcome(page(call, std::move(items)));
  }
  if (call.method == "POST") {
    const std::string* command = command_of(call);
    if (command == nullptr || *command != "reverse") return unsupported_command(call);
    return run_command(call, "JOURNALENTRY", "REVERSE",
                       [&](const json& body) { return reverse_entry(s, p[1], body); });
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method != "GET") return method_not_allowed(call);
  for (const auto& l : s.journal) {
    if (l.id == *id) return read_outcome(line_json(s, l));
  }
  return read_outcome(api_error::not_found(
      "error.msg.glJournalEntry.id.invalid",
      "Journal Entry with identifier " + std::to_string(*id) + " does not exist", *id));
}

// PERIODICACCRUALACCOUNTING EXECUTE: the mock books no accruals (its loans carry no accrual
// accounting); Fineract answers CommandProcessingResult.empty(), i.e. {}.
std::optional<rest_outcome> route_run_accruals(state&, const rest_call& call, const segments& p) {
  if (p.size() != 1) return std::nullopt;
  if (call.method != "POST") return method_not_allowed(call);
  return run_command(call, "PERIODICACCRUALACCOUNTING", "EXECUTE", [&](const json& body) -> answer {
    field_reader in(body, "periodicaccrual");
    if (!in.only({"tillDate", "locale", "dateFormat"})) return in.error();
    auto till = in.date("tillDate");
    if (till && *till > date_of(call.now)) {  // validateDateBefore(business date)
      in.fail_rule("tillDate", "is.greater.than.date",
                   "The parameter `tillDate` must be less than the provided date");
    }
    if (!in.ok()) return in.error();
    return json::object();
  });
}

}  // namespace mifos::mock::detail
