// offices.cpp: POST/GET /offices (OFFICE CREATE), PUT /offices/{id} (OFFICE UPDATE), and the
// currency JSON every GET shares. Products: products/; charges: charges.cpp.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "portfolio/handlers.hpp"
#include "portfolio/routing.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

json office_json(const state& s, const office& o) {
  auto depth = std::count(o.hierarchy.begin(), o.hierarchy.end(), '.') - 1;
  json j = {{"id", o.id},
            {"name", o.name},
            {"nameDecorated", std::string(static_cast<std::size_t>(depth) * 4, '.') + o.name}};
  if (o.external_id) j["externalId"] = *o.external_id;
  j["openingDate"] = date_json(o.opening_date);
  j["hierarchy"] = o.hierarchy;
  if (o.parent_id) {
    j["parentId"] = *o.parent_id;
    j["parentName"] = s.offices.at(*o.parent_id).name;
  }
  return j;
}

answer create_office(state& s, const json& body) {
  field_reader in(body, "office");
  auto name = in.text("name");
  auto parent_id = in.id("parentId");
  auto opening = in.date("openingDate");
  auto external_id = in.text("externalId", false);
  if (!in.ok()) return in.error();
  const office* parent = s.find_office(*parent_id);
  if (parent == nullptr) return office_not_found(*parent_id);
  for (const auto& [id, o] : s.offices) {
    if (o.name == *name) {
      return api_error::domain_rule("error.msg.office.duplicate.name",
                                    "Office with name `" + *name + "` already exists");
    }
  }
  office o;
  o.id = s.office_ids.take();
  o.name = *name;
  o.parent_id = *parent_id;
  o.opening_date = *opening;
  o.external_id = external_id;
  o.hierarchy = parent->hierarchy + std::to_string(o.id) + ".";
  s.offices[o.id] = o;
  return result_fields{.office_id = o.id, .resource_id = o.id}.to_json();
}

// PUT /offices/{id}: OFFICE UPDATE, `changes` with what differs (the opening date as sent).
answer update_office(state& s, entity_id id, const json& body) {
  field_reader in(body, "office");
  for (const auto& [key, value] : body.items()) {
    static const std::vector<std::string> kSupported = {"name",       "parentId", "openingDate",
                                                        "externalId", "locale",   "dateFormat"};
    if (std::find(kSupported.begin(), kSupported.end(), key) == kSupported.end()) {
      return api_error::validation(key, "The parameter " + key + " is not supported.",
                                   "error.msg.parameter.unsupported");
    }
  }
  auto name = in.text("name", body.contains("name"));
  auto parent_id = in.id("parentId", false);
  auto opening = in.date("openingDate", false);
  auto external_id = in.text("externalId", false);
  if (!in.ok()) return in.error();
  office* o = s.find_office(id);
  if (o == nullptr) return office_not_found(id);
  if (parent_id && s.find_office(*parent_id) == nullptr) return office_not_found(*parent_id);
  json changes = json::object();
  if (name && *name != o->name) {
    for (const auto& [other_id, other] : s.offices) {
      if (other_id != id && other.name == *name) {
        return api_error::domain_rule("error.msg.office.duplicate.name",
                                      "Office with name `" + *name + "` already exists");
      }
    }
    changes["name"] = *name;
    o->name = *name;
  }
  if (opening && *opening != o->opening_date) {
    changes["openingDate"] = body["openingDate"];
    changes["dateFormat"] = body["dateFormat"];
    changes["locale"] = body["locale"];
    o->opening_date = *opening;
  }
  if (external_id && external_id != o->external_id) {
    changes["externalId"] = *external_id;
    o->external_id = external_id;
  }
  if (parent_id && o->parent_id && *parent_id != *o->parent_id && *parent_id != id) {
    changes["parentId"] = *parent_id;
    o->parent_id = *parent_id;
    o->hierarchy = s.offices.at(*parent_id).hierarchy + std::to_string(id) + ".";
  }
  return result_fields{.office_id = id, .resource_id = id, .changes = changes}.to_json();
}

}  // namespace

// The names and symbols of the currencies the mock offers, as Fineract seeds m_currency.
struct currency_name {
  std::string_view code, name, symbol;
};
constexpr currency_name kCurrencyNames[] = {{"EUR", "Euro", "€"},
                                            {"GBP", "Pound Sterling", ""},
                                            {"KES", "Kenyan Shilling", "KSh"},
                                            {"UGX", "Uganda Shilling", "USh"},
                                            {"USD", "US Dollar", "$"},
                                            {"XOF", "CFA Franc BCEAO", "CFA"}};

// Fineract's CurrencyData: code, name, decimalPlaces, inMultiplesOf, displaySymbol, nameCode and
// displayLabel ("US Dollar ($)", or "Pound Sterling [GBP]" without a symbol). The mock keeps
// every amount in hundredths, so decimalPlaces is always 2.
json currency_json(const std::string& code) {
  const currency_name* known = nullptr;
  for (const auto& c : kCurrencyNames) {
    if (c.code == code) known = &c;
  }
  json j = {{"code", code}};
  std::string label;
  if (known != nullptr) {
    j["name"] = known->name;
    label = std::string(known->name) + " ";
  }
  j["decimalPlaces"] = 2;
  j["inMultiplesOf"] = 0;
  if (known != nullptr && !known->symbol.empty()) {
    j["displaySymbol"] = known->symbol;
    label += "(" + std::string(known->symbol) + ")";
  } else {
    label += "[" + code + "]";
  }
  j["nameCode"] = "currency." + code;
  j["displayLabel"] = label;
  return j;
}

std::optional<rest_outcome> route_offices(state& s, const rest_call& call, const segments& p) {
  if (p.size() > 2) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "OFFICE", "CREATE",
                         [&](const json& body) { return create_office(s, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    std::vector<const office*> sorted;
    for (const auto& [id, o] : s.offices) sorted.push_back(&o);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const office* a, const office* b) { return a->hierarchy < b->hierarchy; });
    json list = json::array();
    for (const office* o : sorted) list.push_back(office_json(s, *o));
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "OFFICE", "UPDATE",
                       [&](const json& body) { return update_office(s, *id, body); });
  }
  if (call.method != "GET") return method_not_allowed(call);
  const office* o = s.find_office(*id);
  return read_outcome(o != nullptr ? answer(office_json(s, *o)) : answer(office_not_found(*id)));
}

}  // namespace mifos::mock::detail
