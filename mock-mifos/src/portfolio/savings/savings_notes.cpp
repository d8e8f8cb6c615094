// savings_notes.cpp: POST /savings/{id}/notes (SAVINGNOTE CREATE: {officeId, savingsId,
// resourceId}), PUT /savings/{id}/notes/{nid} (UPDATE: the same plus changes {note}), DELETE
// (DELETE: {resourceId} only), and the GETs (NotesApiResource,
// NoteWritePlatformServiceJpaRepositoryImpl).
#include <string>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

api_error note_not_found(entity_id id, entity_id savings_id) {
  return api_error::not_found("error.msg.note.id.invalid",
                              "Note with identifier " + std::to_string(id) +
                                  " does not exist for resource with identifier " +
                                  std::to_string(savings_id),
                              id);
}

savings_note* find_note(state& s, entity_id savings_id, entity_id id) {
  auto it = s.savings_notes.find(id);
  return it != s.savings_notes.end() && it->second.savings_id == savings_id ? &it->second : nullptr;
}

json result_for(const state& s, const savings_account& a, entity_id note_id,
                std::optional<json> changes) {
  return result_fields{.office_id = s.clients.at(a.client_id).office_id,
                       .savings_id = a.id,
                       .resource_id = note_id,
                       .changes = std::move(changes)}
      .to_json();
}

answer create_note(state& s, entity_id savings_id, const json& body) {
  field_reader in(body, "note");
  auto text = in.text("note");
  if (text && text->size() > 1000) {
    in.fail_rule("note", "exceeds.max.length", "The parameter `note` exceeds max length of 1000.",
                 *text);
  }
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(savings_id);
  if (a == nullptr) return savings_not_found(savings_id);
  savings_note n{s.note_ids.take(), savings_id, *text};
  s.savings_notes[n.id] = n;
  return result_for(s, *a, n.id, std::nullopt);
}

answer update_note(state& s, entity_id savings_id, entity_id id, const json& body) {
  field_reader in(body, "note");
  auto text = in.text("note", false);
  if (!in.ok()) return in.error();
  savings_account* a = s.find_savings(savings_id);
  if (a == nullptr) return savings_not_found(savings_id);
  savings_note* n = find_note(s, savings_id, id);
  if (n == nullptr) return note_not_found(id, savings_id);
  json changes = json::object();
  if (text && *text != n->note) {
    n->note = *text;
    changes["note"] = *text;
  }
  return result_for(s, *a, id, std::move(changes));
}

answer delete_note(state& s, entity_id savings_id, entity_id id) {
  if (s.find_savings(savings_id) == nullptr) return savings_not_found(savings_id);
  if (find_note(s, savings_id, id) == nullptr) return note_not_found(id, savings_id);
  s.savings_notes.erase(id);
  return result_fields{.resource_id = id}.to_json();
}

json note_json(const savings_note& n) {
  return {{"id", n.id},
          {"savingsAccountId", n.savings_id},
          {"noteType", {{"id", 500}, {"code", "noteType.saving"}, {"value", "Saving"}}},
          {"note", n.note}};
}

}  // namespace

std::optional<rest_outcome> route_savings_notes(state& s, const rest_call& call,
                                                const segments& p) {
  if (p.size() < 3 || p.size() > 4 || p[2] != "notes") return std::nullopt;
  auto savings_id = parse_id(p[1]);
  if (!savings_id) return std::nullopt;
  if (p.size() == 3) {
    if (call.method == "POST") {
      return run_command(call, "SAVINGNOTE", "CREATE",
                         [&](const json& body) { return create_note(s, *savings_id, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    if (s.find_savings(*savings_id) == nullptr) return read_outcome(savings_not_found(*savings_id));
    json list = json::array();
    for (const auto& [id, n] : s.savings_notes) {
      if (n.savings_id == *savings_id) list.push_back(note_json(n));
    }
    return read_outcome(list);
  }
  auto id = parse_id(p[3]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "SAVINGNOTE", "UPDATE",
                       [&](const json& body) { return update_note(s, *savings_id, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "SAVINGNOTE", "DELETE",
                       [&](const json&) { return delete_note(s, *savings_id, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  const savings_note* n = find_note(s, *savings_id, *id);
  return read_outcome(n != nullptr ? answer(note_json(*n))
                                   : answer(note_not_found(*id, *savings_id)));
}

}  // namespace mifos::mock::detail
