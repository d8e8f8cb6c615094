// accounting_rules.cpp: accounting rules (ACCOUNTINGRULE CREATE/UPDATE/DELETE on /accountingrules,
// AccountingRuleWritePlatformServiceJpaRepositoryImpl) and the GL accounts of financial
// activities (FINANCIALACTIVITYACCOUNT CREATE/UPDATE/DELETE on /financialactivityaccounts,
// FinancialActivityAccountWritePlatformServiceImpl), with their GETs. Tags (debitTags,
// creditTags) are accepted but the mock only keeps the accounts.
#include <string>

#include "portfolio/accounting/accounting.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// --- accounting rules ------------------------------------------------------------------------

api_error rule_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.accounting.rule.id.invalid",
      "Accounting Rule with identifier " + std::to_string(id) + " does not exist", id);
}

bool only_rule_parameters(field_reader& in) {
  return in.only({"id", "officeId", "accountToDebit", "accountToCredit", "name", "description",
                  "systemDefined", "debitTags", "creditTags", "allowMultipleCreditEntries",
                  "allowMultipleDebitEntries"});
}

json rule_json(state& s, const accounting_rule& r) {
  json j = {{"id", r.id}};
  if (r.office_id) {
    j["officeId"] = *r.office_id;
    j["officeName"] = s.offices.at(*r.office_id).name;
  }
  j["name"] = r.name;
  if (r.description) j["description"] = *r.description;
  j["systemDefined"] = false;
  auto account = [&](const char* key, std::optional<entity_id> id) {
    if (!id) return;
    json a = {{"id", *id}};
    if (const gl_account* g = find_gl_account(s, *id)) {
      a["name"] = g->name;
      a["glCode"] = g->gl_code;
    }
    j[key] = json::array({a});
  };
  account("debitAccounts", r.debit_account_id);
  account("creditAccounts", r.credit_account_id);
  return j;
}

std::optional<api_error> duplicate_rule_name(const state& s, const std::string& name,
                                             entity_id self) {
  for (const auto& [id, r] : s.accounting_rules) {
    if (id != self && r.name == name) {
      return api_error::domain_rule(
          "error.msg.accounting.rule.duplicate",
          "An accounting rule with the name " + name + " already exists" + name);
    }
  }
  return std::nullopt;
}

// An account named by the rule must exist (404); a side with neither account nor tags is a 403.
std::optional<api_error> check_side(state& s, field_reader& in, const char* account_param,
                                    const char* tags_param, std::optional<entity_id> account) {
  if (!account && !in.has(tags_param)) {
    return api_error::domain_rule(std::string("error.msg.accounting.rule.") + account_param +
                                      ".or." + tags_param + ".required",
                                  std::string(account_param) + " or " + tags_param + " required");
  }
  if (account && find_gl_account(s, *account) == nullptr) return gl_account_not_found(*account);
  return std::nullopt;
}

answer create_rule(state& s, const json& body) {
  field_reader in(body, "AccountingRule");
  if (!only_rule_parameters(in)) return in.error();
  auto name = in.text("name");
  auto office_id = in.id("officeId", false);
  auto debit = in.id("accountToDebit", false);
  auto credit = in.id("accountToCredit", false);
  auto description = in.text("description", false);
  if (!in.ok()) return in.error();
  if (office_id && s.find_office(*office_id) == nullptr) return office_not_found(*office_id);
  if (auto e = check_side(s, in, "accountToDebit", "debitTags", debit)) return *e;
  if (auto e = check_side(s, in, "accountToCredit", "creditTags", credit)) return *e;
  if (auto e = duplicate_rule_name(s, *name, 0)) return *e;
  accounting_rule r{s.accounting_rule_ids.take(), *name, office_id, debit, credit, description};
  s.accounting_rules[r.id] = r;
  return result_fields{.office_id = office_id, .resource_id = r.id}.to_json();
}

answer update_rule(state& s, entity_id id, const json& body) {
  field_reader in(body, "AccountingRule");
  if (!only_rule_parameters(in)) return in.error();
  auto name = in.text("name", false);
  auto office_id = in.id("officeId", false);
  auto debit = in.id("accountToDebit", false);
  auto credit = in.id("accountToCredit", false);
  auto description = in.text("description", false);
  if (!in.ok()) return in.error();
  auto it = s.accounting_rules.find(id);
  if (it == s.accounting_rules.end()) return rule_not_found(id);
  accounting_rule& r = it->second;
  if (office_id && s.find_office(*office_id) == nullptr) return office_not_found(*office_id);
  if (debit && find_gl_account(s, *debit) == nullptr) return gl_account_not_found(*debit);
  if (credit && find_gl_account(s, *credit) == nullptr) return gl_account_not_found(*credit);
  if (name && *name != r.name) {
    if (auto e = duplicate_rule_name(s, *name, id)) return *e;
  }
  // AccountingRule.update's order: officeId, accountToDebit, accountToCredit, name, description.
  json changes = json::object();
  auto change_id = [&](const char* key, std::optional<entity_id> v, std::optional<entity_id>& f) {
    if (v && v != f) {
      f = v;
      changes[key] = *v;
    }
  };
  change_id("officeId", office_id, r.office_id);
  change_id("accountToDebit", debit, r.debit_account_id);
  change_id("accountToCredit", credit, r.credit_account_id);
  if (name && *name != r.name) {
    r.name = *name;
    changes["name"] = *name;
  }
  if (description && description != r.description) {
    r.description = description;
    changes["description"] = *description;
  }
  return result_fields{.resource_id = id, .changes = std::move(changes)}.to_json();
}

answer delete_rule(state& s, entity_id id) {
  if (s.accounting_rules.erase(id) == 0) return rule_not_found(id);
  return result_fields{.resource_id = id}.to_json();
}

// --- financial activity accounts -------------------------------------------------------------

struct activity {
  int id;
  const char* code;
  int account_type;  // the GL account type the activity must map to
};
const activity kActivities[] = {{100, "assetTransfer", 1},
                                {101, "cashAtMainVault", 1},
                                {102, "cashAtTeller", 1},
                                {103, "fundSource", 1},
                                {200, "liabilityTransfer", 2},
                                {201, "payableDividends", 2},
                                {300, "openingBalancesTransferContra", 3}};
const char* const kTypeCodes[] = {"", "ASSET", "LIABILITY", "EQUITY", "INCOME", "EXPENSE"};

const activity* find_activity(std::int64_t id) {
  for (const activity& a : kActivities)
    if (a.id == id) return &a;
  return nullptr;
}

api_error mapping_not_found(entity_id id) {
  return api_error::not_found(
      "error.msg.financialActivityAccount.not.found",
      "Financial Activity account with Id " + std::to_string(id) + " does not exist", id);
}

json mapping_json(state& s, const financial_activity_mapping& m) {
  const activity* a = find_activity(m.activity);
  json j = {{"id", m.id},
            {"financialActivityData",
             {{"id", m.activity},
              {"name", a != nullptr ? a->code : ""},
              {"mappedGLAccountType", a != nullptr ? kTypeCodes[a->account_type] : ""}}}};
  json account = {{"id", m.gl_account_id}};
  if (const gl_account* g = find_gl_account(s, m.gl_account_id)) {
    account["name"] = g->name;
    account["glCode"] = g->gl_code;
  }
  j["glAccountData"] = account;
  return j;
}

// The activity must be known (400) and not mapped yet (403), the account exist (404) and be of
// the activity's type (403).
std::optional<api_error> check_mapping(state& s, std::int64_t activity_id, entity_id account_id,
                                       entity_id self) {
  const activity* a = find_activity(activity_id);
  if (a == nullptr) {
    return api_error::validation(
        "financialActivityId",
        "The parameter `financialActivityId` must be one of [ 100, 101, "
        "102, 103, 200, 201, 300 ] .",
        "validation.msg.financialactivityaccount.financialActivityId.is.not.one.of.expected."
        "enumerations",
        activity_id);
  }
  const gl_account* g = find_gl_account(s, account_id);
  if (g == nullptr) return gl_account_not_found(account_id);
  if (g->type != a->account_type) {
    return api_error::domain_rule(
        "error.msg.financialActivityAccount.invalid",
        std::string("Financial Activity '") + a->code + "' with Id :" + std::to_string(a->id) +
            "' can only be associated with a Ledger Account of Type " +
            kTypeCodes[a->account_type] + " the provided Ledger Account '" + g->name + "(" +
            g->gl_code + ")'  does not of the required type");
  }
  for (const auto& [id, m] : s.activity_mappings) {
    if (id != self && m.activity == activity_id) {
      return api_error::domain_rule("error.msg.financialActivityAccount.exists",
                                    "Mapping for activity already exists " + std::string(a->code));
    }
  }
  return std::nullopt;
}

answer create_mapping(state& s, const json& body) {
  field_reader in(body, "financialactivityaccount");
  if (!in.only({"financialActivityId", "glAccountId"})) return in.error();
  auto activity_id = in.whole("financialActivityId");
  auto account_id = in.id("glAccountId");
  if (!in.ok()) return in.error();
  if (auto e = check_mapping(s, *activity_id, *account_id, 0)) return *e;
  financial_activity_mapping m{s.activity_mapping_ids.take(), static_cast<int>(*activity_id),
                               *account_id};
  s.activity_mappings[m.id] = m;
  return result_fields{.resource_id = m.id}.to_json();
}

answer update_mapping(state& s, entity_id id, const json& body) {
  field_reader in(body, "financialactivityaccount");
  if (!in.only({"financialActivityId", "glAccountId"})) return in.error();
  auto activity_id = in.whole("financialActivityId", false);
  auto account_id = in.id("glAccountId", false);
  if (!in.ok()) return in.error();
  auto it = s.activity_mappings.find(id);
  if (it == s.activity_mappings.end()) return mapping_not_found(id);
  financial_activity_mapping& m = it->second;
  const std::int64_t new_activity = activity_id.value_or(m.activity);
  const entity_id new_account = account_id.value_or(m.gl_account_id);
  if (auto e = check_mapping(s, new_activity, new_account, id)) return *e;
  json changes = json::object();
  if (new_activity != m.activity) {
    m.activity = static_cast<int>(new_activity);
    changes["financialActivityId"] = new_activity;
  }
  if (new_account != m.gl_account_id) {
    m.gl_account_id = new_account;
    changes["glAccountId"] = new_account;
  }
  return result_fields{.resource_id = id, .changes = std::move(changes)}.to_json();
}

answer delete_mapping(state& s, entity_id id) {
  if (s.activity_mappings.erase(id) == 0) return mapping_not_found(id);
  return result_fields{.resource_id = id}.to_json();
}

// GET/POST /<collection>, GET/PUT/DELETE /<collection>/{id} for one of the two resources.
template <typename Map, typename ToJson, typename Create, typename Update, typename Delete>
std::optional<rest_outcome> route_crud(state& s, const rest_call& call, const segments& p,
                                       const char* entity, Map& rows, ToJson to_json,
                                       api_error (*missing)(entity_id), Create create,
                                       Update update, Delete remove) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, entity, "CREATE", [&](const json& body) { return create(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json list = json::array();
    for (const auto& [id, row] : rows) list.push_back(to_json(s, row));
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, entity, "UPDATE",
                       [&](const json& body) { return update(s, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, entity, "DELETE", [&](const json&) { return remove(s, *id); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = rows.find(*id);
  return read_outcome(it != rows.end() ? answer(to_json(s, it->second)) : answer(missing(*id)));
}

}  // namespace

std::optional<rest_outcome> route_accounting_rules(state& s, const rest_call& call,
                                                   const segments& p) {
  return route_crud(s, call, p, "ACCOUNTINGRULE", s.accounting_rules, rule_json, &rule_not_found,
                    create_rule, update_rule, delete_rule);
}

std::optional<rest_outcome> route_financial_activity_accounts(state& s, const rest_call& call,
                                                              const segments& p) {
  return route_crud(s, call, p, "FINANCIALACTIVITYACCOUNT", s.activity_mappings, mapping_json,
                    &mapping_not_found, create_mapping, update_mapping, delete_mapping);
}

}  // namespace mifos::mock::detail
