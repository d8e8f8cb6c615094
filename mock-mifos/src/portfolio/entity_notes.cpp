// entity_notes.cpp: notes on clients, loans, groups and loan transactions: POST
// /{clients|loans|groups|loanTransactions}/{id}/notes (CLIENTNOTE, LOANNOTE, GROUPNOTE,
// LOANTRANSACTIONNOTE CREATE: officeId, <owner>Id, resourceId; a loan transaction's note names
// its loan), PUT .../notes/{nid}
// (UPDATE: the same plus changes {note}), DELETE (resourceId only) and the GETs. One id sequence
// for every note, savings notes included, as Fineract has one m_note table
// (NotesApiResource, NoteWritePlatformServiceJpaRepositoryImpl).
#include <string>

#include "portfolio/accounting/accounting.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// What a path's first segment names: the hook entity, Fineract's NoteType and the owner's key.
struct note_kind {
  const char* entity;
  int type;
  const char* type_code;
  const char* type_value;
  const char* owner_key;
};

const note_kind kClientNotes{"CLIENTNOTE", 100, "noteType.client", "Client note", "clientId"};
const note_kind kLoanNotes{"LOANNOTE", 200, "noteType.loan", "Loan note", "loanId"};
const note_kind kGroupNotes{"GROUPNOTE", 600, "noteType.group", "Group note", "groupId"};
const note_kind kLoanTransactionNotes{"LOANTRANSACTIONNOTE", 300, "noteType.loan.transaction",
                                      "Loan Transaction note", "loanTransactionId"};

// The loan that booked transaction `id`, or nullptr.
const loan* loan_of_transaction(state& s, entity_id id) {
  for (const auto& [loan_id, l] : s.loans) {
    for (const auto& t : l.transactions) {
      if (t.id == id) return &l;
    }
  }
  return nullptr;
}

entity_id office_of_loan(state& s, const loan& l) {
  if (const client* c = s.find_client(l.client_id)) return c->office_id;
  if (l.group_id) {
    if (const group* g = s.find_group(*l.group_id, false)) return g->office_id;
  }
  return entity_id{1};
}

// The owner's office, or its 404 when it does not exist.
std::variant<entity_id, api_error> owner_office(state& s, const note_kind& k, entity_id owner) {
  if (k.type == kClientNotes.type) {
    if (const client* c = s.find_client(owner)) return c->office_id;
    return client_not_found(owner);
  }
  if (k.type == kGroupNotes.type) {
    if (const group* g = s.find_group(owner, false)) return g->office_id;
    return group_not_found(owner, false);
  }
  if (k.type == kLoanTransactionNotes.type) {
    const loan* l = loan_of_transaction(s, owner);
    if (l == nullptr) {
      return api_error::not_found(
          "error.msg.loan.transaction.id.invalid",
          "Transaction with identifier " + std::to_string(owner) + " does not exist", owner);
    }
    return office_of_loan(s, *l);
  }
  const loan* l = s.find_loan(owner);
  if (l == nullptr) return loan_not_found(owner);
  return office_of_loan(s, *l);
}

api_error note_not_found(entity_id id, entity_id owner) {
  return api_error::not_found("error.msg.note.id.invalid",
                              "Note with identifier " + std::to_string(id) +
                                  " does not exist for resource with identifier " +
                                  std::to_string(owner),
                              id);
}

entity_note* find_note(state& s, const note_kind& k, entity_id owner, entity_id id) {
  auto it = s.notes.find(id);
  if (it == s.notes.end() || it->second.type != k.type || it->second.owner_id != owner) {
    return nullptr;
  }
  return &it->second;
}

json result_for(state& s, const note_kind& k, entity_id office_id, entity_id owner,
                entity_id note_id, std::optional<json> changes) {
  result_fields r{.office_id = office_id, .resource_id = note_id, .changes = std::move(changes)};
  if (k.type == kLoanTransactionNotes.type) r.loan_id = loan_of_transaction(s, owner)->id;
  if (k.type == kClientNotes.type) r.client_id = owner;
  if (k.type == kLoanNotes.type) r.loan_id = owner;
  if (k.type == kGroupNotes.type) r.group_id = owner;
  return r.to_json();
}

answer create_note(state& s, const note_kind& k, entity_id owner, const json& body) {
  field_reader in(body, "note");
  auto text = in.text("note");
  if (text && text->size() > 1000) {
    in.fail_rule("note", "exceeds.max.length", "The parameter `note` exceeds max length of 1000.",
                 *text);
  }
  if (!in.ok()) return in.error();
  auto office = owner_office(s, k, owner);
  if (auto* e = std::get_if<api_error>(&office)) return *e;
  entity_note n{s.note_ids.take(), k.type, owner, *text};
  s.notes[n.id] = n;
  return result_for(s, k, std::get<entity_id>(office), owner, n.id, std::nullopt);
}

answer update_note(state& s, const note_kind& k, entity_id owner, entity_id id, const json& body) {
  field_reader in(body, "note");
  auto text = in.text("note", false);
  if (!in.ok()) return in.error();
  auto office = owner_office(s, k, owner);
  if (auto* e = std::get_if<api_error>(&office)) return *e;
  entity_note* n = find_note(s, k, owner, id);
  if (n == nullptr) return note_not_found(id, owner);
  json changes = json::object();
  if (text && *text != n->note) {
    n->note = *text;
    changes["note"] = *text;
  }
  return result_for(s, k, std::get<entity_id>(office), owner, id, std::move(changes));
}

answer delete_note(state& s, const note_kind& k, entity_id owner, entity_id id) {
  auto office = owner_office(s, k, owner);
  if (auto* e = std::get_if<api_error>(&office)) return *e;
  if (find_note(s, k, owner, id) == nullptr) return note_not_found(id, owner);
  s.notes.erase(id);
  return result_fields{.resource_id = id}.to_json();
}

json note_json(const note_kind& k, const entity_note& n) {
  return {{"id", n.id},
          {k.owner_key, n.owner_id},
          {"noteType", {{"id", k.type}, {"code", k.type_code}, {"value", k.type_value}}},
          {"note", n.note}};
}

}  // namespace

std::optional<rest_outcome> route_entity_notes(state& s, const rest_call& call, const segments& p) {
  if (p.size() < 3 || p.size() > 4 || p[2] != "notes") return std::nullopt;
  const note_kind* kind = p[0] == "clients"            ? &kClientNotes
                          : p[0] == "loans"            ? &kLoanNotes
                          : p[0] == "groups"           ? &kGroupNotes
                          : p[0] == "loanTransactions" ? &kLoanTransactionNotes
                                                       : nullptr;
  auto owner = parse_id(p[1]);
  if (kind == nullptr || !owner) return std::nullopt;
  const note_kind& k = *kind;
  if (p.size() == 3) {
    if (call.method == "POST") {
      return run_command(call, k.entity, "CREATE",
                         [&](const json& body) { return create_note(s, k, *owner, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    auto office = owner_office(s, k, *owner);
    if (auto* e = std::get_if<api_error>(&office)) return read_outcome(*e);
    json list = json::array();
    for (const auto& [id, n] : s.notes) {
      if (n.type == k.type && n.owner_id == *owner) list.push_back(note_json(k, n));
    }
    return read_outcome(list);
  }
  auto id = parse_id(p[3]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, k.entity, "UPDATE",
                       [&](const json& body) { return update_note(s, k, *owner, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, k.entity, "DELETE",
                       [&](const json&) { return delete_note(s, k, *owner, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  const entity_note* n = find_note(s, k, *owner, *id);
  return read_outcome(n != nullptr ? answer(note_json(k, *n))
                                   : answer(note_not_found(*id, *owner)));
}

}  // namespace mifos::mock::detail
