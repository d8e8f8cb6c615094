// codes.cpp: codes and their values (CODE CREATE/UPDATE/DELETE, CODEVALUE CREATE/UPDATE/DELETE
// under /codes/{id}/codevalues). A fresh tenant has Fineract's system codes (ids as in its
// initial data), which cannot be changed or deleted (403 error.msg.code.systemdefined) but take
// values; the reason codes the client, group and loan commands read get one value each.
#include <array>
#include <string>

#include "records/kinds.hpp"

namespace mifos::mock::records {
namespace {

std::optional<api_error> not_system_defined(const record_db&, const json& row) {
  if (!row.value("systemDefined", false)) return std::nullopt;
  return api_error::domain_rule("error.msg.code.systemdefined",
                                "This code is system defined and cannot be modified or deleted.");
}

json code_view(const record_db&, const json& row) {
  return {{"id", row["id"]},
          {"name", row["name"]},
          {"systemDefined", row.value("systemDefined", false)}};
}

// Labels are unique within their code.
std::optional<api_error> label_unique(const record_db& db, const json& row) {
  for (const auto& [id, other] : db.rows("codevalues").rows) {
    if (id != row["id"] && other["codeId"] == row["codeId"] && other["name"] == row["name"]) {
      return api_error::domain_rule(
          "error.msg.code.value.duplicate.label",
          "A code value with lable '" + row["name"].get<std::string>() + "' already exists");
    }
  }
  return std::nullopt;
}

json code_value_view(const record_db&, const json& row) {
  return {{"id", row["id"]},
          {"name", row["name"]},
          {"position", row.value("position", 0)},
          {"description", row.value("description", "")},
          {"active", row.value("isActive", true)},
          {"mandatory", false}};
}

struct seeded_code {
  int id;
  const char* name;
  const char* value;  // the one value seeded, or nullptr
};

// Fineract's 0002_initial_data.xml (id 12 is not used there).
constexpr std::array<seeded_code, 33> kSystemCodes = {{
    {1, "Customer Identifier", nullptr},
    {2, "LoanCollateral", nullptr},
    {3, "LoanPurpose", nullptr},
    {4, "Gender", nullptr},
    {5, "YesNo", nullptr},
    {6, "GuarantorRelationship", nullptr},
    {7, "AssetAccountTags", nullptr},
    {8, "LiabilityAccountTags", nullptr},
    {9, "EquityAccountTags", nullptr},
    {10, "IncomeAccountTags", nullptr},
    {11, "ExpenseAccountTags", nullptr},
    {13, "GROUPROLE", nullptr},
    {14, "ClientClosureReason", "Client request"},
    {15, "GroupClosureReason", "Group request"},
    {16, "ClientType", nullptr},
    {17, "ClientClassification", nullptr},
    {18, "ClientSubStatus", nullptr},
    {19, "ClientRejectReason", "Incomplete documents"},
    {20, "ClientWithdrawReason", "Client request"},
    {21, "Entity to Entity Access Types", nullptr},
    {22, "CenterClosureReason", "Center request"},
    {23, "LoanRescheduleReason", "Client request"},
    {24, "Constitution", nullptr},
    {25, "Main Business Line", nullptr},
    {26, "WriteOffReasons", "Bad debt"},
    {27, "STATE", nullptr},
    {28, "COUNTRY", nullptr},
    {29, "ADDRESS_TYPE", nullptr},
    {30, "MARITAL STATUS", nullptr},
    {31, "RELATIONSHIP", nullptr},
    {32, "PROFESSION", nullptr},
    {33, "PaymentType", nullptr},
    {34, "Customer Documents", nullptr},
}};

std::vector<json> seeded_codes() {
  std::vector<json> rows;
  for (const auto& c : kSystemCodes)
    rows.push_back({{"id", c.id}, {"name", c.name}, {"systemDefined", true}});
  return rows;
}

std::vector<json> seeded_code_values() {
  std::vector<json> rows;
  for (const auto& c : kSystemCodes) {
    if (c.value == nullptr) continue;
    rows.push_back({{"id", static_cast<int>(rows.size()) + 1},
                    {"codeId", c.id},
                    {"name", c.value},
                    {"position", 1},
                    {"isActive", true}});
  }
  // Fineract seeds GROUPROLE's "Leader"; appended so the reason values keep their ids. The
  // portfolio's group roles know it by this id (portfolio/state_extras.hpp kLeaderRoleId).
  rows.push_back({{"id", static_cast<int>(rows.size()) + 1},
                  {"codeId", 13},
                  {"name", "Leader"},
                  {"position", 1},
                  {"description", "Group Leader Role"},
                  {"isActive", true}});
  return rows;
}

// The value `value_id` of code `code_id`, or the 404 (a value of another code is unknown here).
std::variant<json*, api_error> find_value(record_db& db, entity_id code_id, entity_id value_id) {
  auto& rows = db.rows("codevalues").rows;
  auto it = rows.find(value_id);
  if (it == rows.end() || it->second["codeId"] != code_id)
    return not_found(code_values_kind(), value_id);
  return &it->second;
}

std::optional<rest_outcome> route_code_values(record_db& db, const rest_call& call,
                                              entity_id code_id, const segments& p) {
  using detail::result_fields;
  const record_kind& k = code_values_kind();
  if (p.size() == 3) {
    if (call.method == "GET") {
      if (!db.rows("codes").rows.count(code_id))
        return detail::read_outcome(not_found(codes_kind(), code_id));
      json list = json::array();
      for (const auto& [id, row] : db.rows("codevalues").rows)
        if (row["codeId"] == code_id) list.push_back(code_value_view(db, row));
      return detail::read_outcome(list);
    }
    if (call.method != "POST") return detail::method_not_allowed(call);
    return detail::run_command(call, "CODEVALUE", "CREATE", [&](const json& body) -> answer {
      if (auto e = unsupported_parameters(body, k)) return *e;
      if (!db.rows("codes").rows.count(code_id)) return not_found(codes_kind(), code_id);
      auto a = apply_create(db, k, body, {{"codeId", code_id}});
      if (auto* e = std::get_if<api_error>(&a)) return *e;
      return result_fields{.resource_id = code_id,
                           .sub_resource_id = std::get<applied>(a).row["id"].get<entity_id>()}
          .to_json();
    });
  }
  const auto value_id = p.size() == 4 ? detail::parse_id(p[3]) : std::nullopt;
  if (!value_id) return std::nullopt;
  if (call.method == "GET") {
    auto found = find_value(db, code_id, *value_id);
    if (auto* e = std::get_if<api_error>(&found)) return detail::read_outcome(*e);
    return detail::read_outcome(code_value_view(db, *std::get<json*>(found)));
  }
  if (call.method == "PUT") {
    return detail::run_command(call, "CODEVALUE", "UPDATE", [&](const json& body) -> answer {
      if (auto e = unsupported_parameters(body, k)) return *e;
      auto found = find_value(db, code_id, *value_id);
      if (auto* e = std::get_if<api_error>(&found)) return *e;
      return result_of(k, apply_update(db, k, *value_id, body), true);
    });
  }
  if (call.method == "DELETE") {
    return detail::run_command(call, "CODEVALUE", "DELETE", [&](const json&) -> answer {
      auto found = find_value(db, code_id, *value_id);
      if (auto* e = std::get_if<api_error>(&found)) return *e;
      auto a = apply_delete(db, k, *value_id);
      if (auto* e = std::get_if<api_error>(&a)) return *e;
      return result_fields{.resource_id = code_id, .sub_resource_id = *value_id}.to_json();
    });
  }
  return detail::method_not_allowed(call);
}

}  // namespace

const record_kind& codes_kind() {
  static const record_kind k{.collection = "codes",
                             .entity = "CODE",
                             .resource = "code",
                             .not_found_code = "error.msg.code.identifier.not.found",
                             .not_found_text = "Code with identifier `{}` does not exist",
                             .fields = {{"name", field_type::text, true}},
                             .unique = "name",
                             .duplicate_code = "error.msg.code.duplicate.name",
                             .duplicate_text = "A code with name '{}' already exists",
                             .may_change = &not_system_defined,
                             .view = &code_view,
                             .seed = seeded_codes()};
  return k;
}

const record_kind& code_values_kind() {
  static const record_kind k{.collection = "codevalues",
                             .entity = "CODEVALUE",
                             .resource = "code.value",
                             .not_found_code = "error.msg.codevalue.id.invalid",
                             .not_found_text = "Code value with identifier {} does not exist",
                             .fields = {{"name", field_type::text, true},
                                        {"description"},
                                        {"position", field_type::whole},
                                        {"isActive", field_type::flag}},
                             .validate = &label_unique,
                             .view = &code_value_view,
                             .seed = seeded_code_values()};
  return k;
}

std::optional<rest_outcome> route_codes(record_db& db, const rest_call& call, const segments& p) {
  if (p.size() >= 3 && p[2] == "codevalues") {
    const auto code_id = detail::parse_id(p[1]);
    if (!code_id || p.size() > 4) return std::nullopt;
    return route_code_values(db, call, *code_id, p);
  }
  return route_kind(db, codes_kind(), call, p);
}

}  // namespace mifos::mock::records
