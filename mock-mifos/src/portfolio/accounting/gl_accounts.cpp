// gl_accounts.cpp: the chart of accounts: POST /glaccounts (GLACCOUNT CREATE), PUT and DELETE
// /glaccounts/{id} (UPDATE with changes, DELETE) and the GETs
// (GLAccountWritePlatformServiceJpaRepositoryImpl, GLAccountCommand's validator).
#include <string>

#include "portfolio/accounting/accounting.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

const char* const kTypeNames[] = {"", "asset", "liability", "equity", "income", "expense"};

json type_json(int type) {
  const std::string name = type >= 1 && type <= 5 ? kTypeNames[type] : "invalid";
  std::string upper = name;
  for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
  return {{"id", type}, {"code", "accountType." + name}, {"value", upper}};
}

json usage_json(int usage) {
  return usage == 2 ? json{{"id", 2}, {"code", "accountUsage.header"}, {"value", "HEADER"}}
                    : json{{"id", 1}, {"code", "accountUsage.detail"}, {"value", "DETAIL"}};
}

json account_json(const gl_account& a) {
  json j = {{"id", a.id}, {"name", a.name}};
  if (a.parent_id) j["parentId"] = *a.parent_id;
  j["glCode"] = a.gl_code;
  j["disabled"] = a.disabled;
  j["manualEntriesAllowed"] = a.manual_entries_allowed;
  j["type"] = type_json(a.type);
  j["usage"] = usage_json(a.usage);
  if (a.description) j["description"] = *a.description;
  j["nameDecorated"] = a.name;
  j["tagId"] = {{"id", a.tag_id.value_or(0)}};
  return j;
}

// The parameters GLAccountJsonInputParams names; anything else is refused first.
bool only_account_parameters(field_reader& in) {
  return in.only({"id", "name", "parentId", "glCode", "disabled", "manualEntriesAllowed", "type",
                  "usage", "description", "tagId"});
}

// type 1..5 and usage 1..2 (inMinMaxRange).
void check_range(field_reader& in, const char* parameter, std::optional<std::int64_t> v, int max) {
  if (v && (*v < 1 || *v > max)) {
    in.fail_rule(parameter, "is.not.within.expected.range",
                 std::string("The parameter `") + parameter + "` must be between 1 and " +
                     std::to_string(max) + ".",
                 *v);
  }
}

std::optional<api_error> duplicate_code(const state& s, const std::string& code, entity_id self) {
  for (const auto& [id, a] : s.gl_accounts) {
    if (id != self && a.gl_code == code) {
      return api_error::domain_rule(
          "error.msg.glaccount.glcode.duplicate",
          "General Ledger Account with GL code " + code + " is already present");
    }
  }
  return std::nullopt;
}

// A parent must exist and be a header account (GLAccountInvalidParentException).
std::optional<api_error> invalid_parent(state& s, entity_id parent_id) {
  const gl_account* parent = find_gl_account(s, parent_id);
  if (parent == nullptr) return gl_account_not_found(parent_id);
  if (parent->usage != 2) {
    return api_error::domain_rule("error.msg.glaccount.parent.invalid",
                                  "The account with id " + std::to_string(parent_id) +
                                      " is a 'Detail' account and cannot be used as a parent");
  }
  return std::nullopt;
}

bool has_entries(const state& s, entity_id account_id) {
  for (const auto& l : s.journal)
    if (l.gl_account_id == account_id) return true;
  return false;
}

answer create_account(state& s, const json& body) {
  field_reader in(body, "GLAccount");
  if (!only_account_parameters(in)) return in.error();
  auto name = in.text("name");
  auto code = in.text("glCode");
  auto parent_id = in.id("parentId", false);
  auto type = in.whole("type");
  auto usage = in.whole("usage");
  auto description = in.text("description", false);
  auto manual = in.flag("manualEntriesAllowed");
  auto tag_id = in.id("tagId", false);
  check_range(in, "type", type, 5);
  check_range(in, "usage", usage, 2);
  if (!in.ok()) return in.error();
  if (parent_id) {
    if (auto e = invalid_parent(s, *parent_id)) return *e;
  }
  if (auto e = duplicate_code(s, *code, 0)) return *e;
  gl_account a{.id = s.gl_account_ids.take(),
               .name = *name,
               .gl_code = *code,
               .parent_id = parent_id,
               .type = static_cast<int>(*type),
               .usage = static_cast<int>(*usage),
               .manual_entries_allowed = *manual,
               .disabled = false,
               .description = description,
               .tag_id = tag_id};
  s.gl_accounts[a.id] = a;
  return result_fields{.resource_id = a.id}.to_json();
}

answer update_account(state& s, entity_id id, const json& body) {
  field_reader in(body, "GLAccount");
  if (!only_account_parameters(in)) return in.error();
  auto name = in.text("name", false);
  auto code = in.text("glCode", false);
  auto parent_id = in.id("parentId", false);
  auto type = in.whole("type", false);
  auto usage = in.whole("usage", false);
  auto description = in.text("description", false);
  auto manual = in.flag("manualEntriesAllowed", false);
  auto disabled = in.flag("disabled", false);
  auto tag_id = in.id("tagId", false);
  check_range(in, "type", type, 5);
  check_range(in, "usage", usage, 2);
  if (!in.ok()) return in.error();
  if (parent_id && *parent_id == id) {
    return api_error::domain_rule(
        "error.msg.glaccount.parent.invalid",
        "The account with id " + std::to_string(id) + " cannot be its own parent");
  }
  gl_account* a = find_gl_account(s, id);
  if (a == nullptr) return gl_account_not_found(id);
  if (parent_id && parent_id != a->parent_id) {
    if (auto e = invalid_parent(s, *parent_id)) return *e;
  }
  if (usage && *usage == 2 && a->usage != 2 && has_entries(s, id)) {
    return api_error::domain_rule(
        "error.msg.glaccount.glcode.invalid.update.transactions.logged",
        "This Usage of this (detail) GL Account as it already has transactions logged against it");
  }
  if (code && *code != a->gl_code) {
    if (auto e = duplicate_code(s, *code, id)) return *e;
  }
  // GLAccount.update's order: description, disabled, glCode, manualEntriesAllowed, name,
  // parentId, type, usage, tagId.
  json changes = json::object();
  if (description && description != a->description) {
    a->description = description;
    changes["description"] = *description;
  }
  if (disabled && *disabled != a->disabled) {
    a->disabled = *disabled;
    changes["disabled"] = *disabled;
  }
  if (code && *code != a->gl_code) {
    a->gl_code = *code;
    changes["glCode"] = *code;
  }
  if (manual && *manual != a->manual_entries_allowed) {
    a->manual_entries_allowed = *manual;
    changes["manualEntriesAllowed"] = *manual;
  }
  if (name && *name != a->name) {
    a->name = *name;
    changes["name"] = *name;
  }
  if (parent_id && parent_id != a->parent_id) {
    a->parent_id = parent_id;
    changes["parentId"] = *parent_id;
  }
  if (type && *type != a->type) {
    a->type = static_cast<int>(*type);
    changes["type"] = *type;
  }
  if (usage && *usage != a->usage) {
    a->usage = static_cast<int>(*usage);
    changes["usage"] = *usage;
  }
  if (tag_id && tag_id != a->tag_id) {
    a->tag_id = tag_id;
    changes["tagId"] = *tag_id;
  }
  return result_fields{.resource_id = id, .changes = std::move(changes)}.to_json();
}

answer delete_account(state& s, entity_id id) {
  const gl_account* a = find_gl_account(s, id);
  if (a == nullptr) return gl_account_not_found(id);
  for (const auto& [other, child] : s.gl_accounts) {
    if (child.parent_id == id) {
      return api_error::domain_rule("error.msg.glaccount.glcode.invalid.delete.has.children",
                                    "Cannot delete this Header GL Account without first deleting "
                                    "or reassinging its children");
    }
  }
  if (has_entries(s, id)) {
    return api_error::domain_rule(
        "error.msg.glaccount.glcode.invalid.delete.transactions.logged",
        "This GL Account cannot be deleted as it has transactions logged against it");
  }
  s.gl_accounts.erase(id);
  return result_fields{.resource_id = id}.to_json();
}

}  // namespace

void seed_chart_of_accounts(state& s) {
  struct seed {
    const char* name;
    const char* code;
    int type;
  };
  static const seed kChart[] = {
      {"Cash on hand", "11000", 1},       {"Bank account", "12000", 1},
      {"Loan portfolio", "13000", 1},     {"Fund source", "14000", 1},
      {"Savings control", "21000", 2},    {"Overpayment liability", "22000", 2},
      {"Opening balances", "31000", 3},   {"Interest income", "41000", 4},
      {"Fee income", "42000", 4},         {"Penalty income", "43000", 4},
      {"Losses written off", "51000", 5}, {"Operating expenses", "52000", 5}};
  for (const seed& row : kChart) {
    const entity_id id = s.gl_account_ids.take();
    s.gl_accounts[id] = {.id = id, .name = row.name, .gl_code = row.code, .type = row.type};
  }
}

json gl_account_type_json(int type) { return type_json(type); }

gl_account* find_gl_account(state& s, entity_id id) {
  auto it = s.gl_accounts.find(id);
  return it == s.gl_accounts.end() ? nullptr : &it->second;
}

api_error gl_account_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.glaccount.id.invalid",
      "General Ledger account with identifier " + std::to_string(id) + " does not exist ", id);
}

std::optional<api_error> refuses_manual_entries(const gl_account& a) {
  if (a.disabled) {
    return api_error::domain_rule("error.msg.glJournalEntry.invalid.account.disabled",
                                  "Target account has been disabled");
  }
  if (!a.manual_entries_allowed) {
    return api_error::domain_rule(
        "error.msg.glJournalEntry.invalid.account.manual.adjustments.not.permitted",
        "Target account does not allow manual adjustments");
  }
  return std::nullopt;
}

std::optional<rest_outcome> route_gl_accounts(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "GLACCOUNT", "CREATE",
                         [&](const json& body) { return create_account(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json list = json::array();
    for (const auto& [id, a] : s.gl_accounts) list.push_back(account_json(a));
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "GLACCOUNT", "UPDATE",
                       [&](const json& body) { return update_account(s, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "GLACCOUNT", "DELETE",
                       [&](const json&) { return delete_account(s, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  const gl_account* a = find_gl_account(s, *id);
  return read_outcome(a != nullptr ? answer(account_json(*a)) : answer(gl_account_not_found(*id)));
}

}  // namespace mifos::mock::detail
