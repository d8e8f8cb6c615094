// accounting.cpp: POST /journalentries (JOURNALENTRY CREATE, a manual entry of balanced debits
// and credits) and GET /journalentries[/{id}].
#include <cstdint>
#include <cstdio>
#include <string>
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
            {"amount", amount_json(l.amount)}};
  if (l.comments) j["comments"] = *l.comments;
  return j;
}

answer create_entry(state& s, const json& body) {
  field_reader in(body, "GLJournalEntry");
  auto office_id = in.id("officeId");
  auto date = in.date("transactionDate");
  auto currency = in.text("currencyCode");
  auto comments = in.text("comments", false);
  const auto credits = read_legs(in, "credits");
  const auto debits = read_legs(in, "debits");
  if (!in.ok()) return in.error();
  if (s.find_office(*office_id) == nullptr) return office_not_found(*office_id);
  if (credits.empty() || debits.empty()) {
    return api_error::domain_rule("error.msg.glJournalEntry.invalid.no.debits.or.credits",
                                  "Journal Entry must have atleast one Debit and one Credit");
  }
  cents credit_sum = 0, debit_sum = 0;
  bool in_range = true;
  for (const auto& c : credits) in_range = add_cents(credit_sum, c.amount) && in_range;
  for (const auto& d : debits) in_range = add_cents(debit_sum, d.amount) && in_range;
  if (!in_range || credit_sum != debit_sum) {
    return api_error::domain_rule(
        "error.msg.glJournalEntry.invalid.mismatch.debits.credits",
        "Sum of All Debits must equal the sum of all Credits for a Journal Entry");
  }
  const std::string transaction_id =
      transaction_id_for(static_cast<std::uint64_t>(s.journal_transactions.take()));
  auto book = [&](const entry_leg& leg, bool credit) {
    s.journal.push_back({s.journal_line_ids.take(), *office_id, leg.gl_account_id, credit,
                         leg.amount, transaction_id, *currency, *date, comments});
  };
  for (const auto& c : credits) book(c, true);
  for (const auto& d : debits) book(d, false);
  return result_fields{.office_id = *office_id, .transaction_id = transaction_id}.to_json();
}

}  // namespace

std::optional<rest_outcome> route_journal_entries(state& s, const rest_call& call,
                                                  const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "JOURNALENTRY", "CREATE",
                         [&](const json& body) { return create_entry(s, body); });
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

}  // namespace mifos::mock::detail
