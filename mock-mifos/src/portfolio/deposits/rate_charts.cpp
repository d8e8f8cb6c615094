// rate_charts.cpp: interest rate charts and their slabs: POST /interestratecharts, PUT and DELETE
// /interestratecharts/{id} (INTERESTRATECHART CREATE, UPDATE, DELETE), POST
// /interestratecharts/{chartId}/chartslabs, PUT and DELETE .../chartslabs/{slabId} (CHARTSLAB
// CREATE, UPDATE, DELETE), and their GETs. Fineract's checks: InterestRateChartDataValidator
// (resource "interestchart") and InterestRateChartSlabDataValidator ("chartslab").
#include <string>

#include "portfolio/deposits/deposits.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

api_error chart_missing(entity_id id) {
  return api_error::not_found(
      "error.msg.interest.rate.chart.id.invalid",
      "Interest rate chart with identifier " + std::to_string(id) + " does not exist", id);
}

api_error slab_missing(entity_id id) {
  return api_error::not_found(
      "error.msg.interest.rate.chart.slab.id.invalid",
      "Interest rate chart slab with identifier " + std::to_string(id) + " does not exist", id);
}

// The fields of a slab body into `slab` (create: annualInterestRate and a lower bound required),
// listing what changed in `changes`.
void read_slab(field_reader& in, chart_slab& slab, bool create, json& changes) {
  if (auto v = in.text("description", false); v && v != slab.description) {
    slab.description = v;
    changes["description"] = *v;
  }
  // Periods beyond 1200 are ignored: a century of months keeps the dates in range.
  auto set_int = [&](const char* name, std::optional<int>& member) {
    if (auto v = in.whole(name, false); v && *v <= 1200 && member != int(*v)) {
      member = static_cast<int>(*v);
      changes[name] = *v;
    }
  };
  set_int("periodType", slab.period_type);
  set_int("fromPeriod", slab.from_period);
  set_int("toPeriod", slab.to_period);
  auto set_amount = [&](const char* name, std::optional<cents>& member) {
    if (auto v = in.decimal(name, false); v && member != round_cents(*v)) {
      member = round_cents(*v);
      changes[name] = *v;
    }
  };
  set_amount("amountRangeFrom", slab.amount_from);
  set_amount("amountRangeTo", slab.amount_to);
  if (auto v = in.decimal("annualInterestRate", create); v && *v != slab.annual_rate) {
    slab.annual_rate = *v;
    changes["annualInterestRate"] = *v;
  }
  if (auto v = in.text("currencyCode", false)) slab.currency = *v;
  if (slab.from_period && !slab.period_type) {
    in.fail_rule("periodType", "cannot.be.blank", "The parameter `periodType` is mandatory.");
  }
  if (create && !slab.from_period && !slab.amount_from) {
    in.fail("id", "Failed data validation due to: fromperiod.or.amountRangeFrom.required.",
            "validation.msg.chartslab.fromperiod.or.amountRangeFrom.required");
  }
  if (slab.from_period && slab.to_period && *slab.from_period > *slab.to_period) {
    in.fail_rule("fromPeriod", "fromperiod.greater.than.to.period",
                 "Failed data validation due to: fromperiod.greater.than.to.period.",
                 *slab.from_period);
  }
}

void read_chart_fields(field_reader& in, rate_chart& c, bool create, json& changes) {
  if (auto v = in.text("name", false); v && v != c.name) {
    c.name = v;
    changes["name"] = *v;
  }
  if (auto v = in.text("description", false); v && v != c.description) {
    c.description = v;
    changes["description"] = *v;
  }
  if (auto v = in.date("fromDate", create); v && *v != c.from_date) {
    c.from_date = *v;
    changes["fromDate"] = value_text(*in.find("fromDate"));
  }
  if (auto v = in.date("endDate", false); v && v != c.end_date) {
    c.end_date = v;
    changes["endDate"] = value_text(*in.find("endDate"));
  }
  if (auto v = in.flag("isPrimaryGroupingByAmount", false);
      v && *v != c.primary_grouping_by_amount) {
    c.primary_grouping_by_amount = *v;
    changes["isPrimaryGroupingByAmount"] = *v;
  }
  if (c.end_date && *c.end_date < c.from_date) {
    in.fail_rule("fromDate", "from.date.is.after.to.date",
                 "Failed data validation due to: from.date.is.after.to.date.");
  }
}

answer create_chart(state& s, deposits_book& book, const json& body) {
  field_reader in(body, "interestchart");
  if (!in.only({"locale", "dateFormat", "name", "description", "fromDate", "endDate", "productId",
                "chartSlabs", "isPrimaryGroupingByAmount"})) {
    return in.error();
  }
  auto product_id = in.id("productId", false);
  auto chart = read_rate_chart(in, body, "");
  if (!in.ok() || !chart) return in.error();
  if (product_id && !book.products.contains(*product_id) &&
      !s.savings_products.contains(*product_id)) {
    return product_not_found(*product_id, true);
  }
  chart->id = book.chart_ids.take();
  chart->product_id = product_id;
  std::map<entity_id, chart_slab> numbered;
  for (auto& [slab_id, slab] : chart->slabs) {
    slab.id = book.slab_ids.take();
    numbered[slab.id] = slab;
  }
  chart->slabs = std::move(numbered);
  book.charts[chart->id] = *chart;
  return result_fields{.resource_id = chart->id}.to_json();
}

answer update_chart(deposits_book& book, entity_id id, const json& body) {
  field_reader in(body, "interestchart");
  if (!in.only({"locale", "dateFormat", "id", "name", "description", "fromDate", "endDate",
                "chartSlabs", "delete", "isPrimaryGroupingByAmount"})) {
    return in.error();
  }
  auto it = book.charts.find(id);
  if (it == book.charts.end()) return chart_missing(id);
  rate_chart updated = it->second;
  json changes = json::object();
  read_chart_fields(in, updated, false, changes);
  if (!in.ok()) return in.error();
  it->second = updated;
  return result_fields{.resource_id = id, .changes = std::move(changes)}.to_json();
}

answer create_slab(deposits_book& book, entity_id chart_id, const json& body) {
  field_reader in(body, "chartslab");
  if (!in.only({"locale", "id", "description", "periodType", "fromPeriod", "toPeriod",
                "amountRangeFrom", "amountRangeTo", "annualInterestRate", "currencyCode",
                "incentives"})) {
    return in.error();
  }
  chart_slab slab;
  json ignored = json::object();
  read_slab(in, slab, true, ignored);
  if (!in.ok()) return in.error();
  auto it = book.charts.find(chart_id);
  if (it == book.charts.end()) return chart_missing(chart_id);
  if (slab.currency.empty() && it->second.product_id) {
    auto product = book.products.find(*it->second.product_id);
    if (product != book.products.end()) slab.currency = product->second.currency;
  }
  slab.id = book.slab_ids.take();
  it->second.slabs[slab.id] = slab;
  return result_fields{.resource_id = slab.id}.to_json();
}

answer update_slab(deposits_book& book, entity_id chart_id, entity_id slab_id, const json& body) {
  field_reader in(body, "chartslab");
  if (!in.only({"locale", "id", "description", "periodType", "fromPeriod", "toPeriod",
                "amountRangeFrom", "amountRangeTo", "annualInterestRate", "currencyCode",
                "incentives"})) {
    return in.error();
  }
  auto chart = book.charts.find(chart_id);
  if (chart == book.charts.end()) return chart_missing(chart_id);
  auto it = chart->second.slabs.find(slab_id);
  if (it == chart->second.slabs.end()) return slab_missing(slab_id);
  chart_slab updated = it->second;
  json changes = json::object();
  read_slab(in, updated, false, changes);
  if (!in.ok()) return in.error();
  it->second = updated;
  return result_fields{.resource_id = slab_id, .changes = std::move(changes)}.to_json();
}

json slab_json(const chart_slab& slab) {
  json j = {{"id", slab.id}};
  if (slab.description) j["description"] = *slab.description;
  if (slab.period_type) j["periodType"] = deposit_period_type_json(*slab.period_type);
  if (slab.from_period) j["fromPeriod"] = *slab.from_period;
  if (slab.to_period) j["toPeriod"] = *slab.to_period;
  if (slab.amount_from) j["amountRangeFrom"] = amount_json(*slab.amount_from);
  if (slab.amount_to) j["amountRangeTo"] = amount_json(*slab.amount_to);
  j["annualInterestRate"] = slab.annual_rate;
  if (!slab.currency.empty()) j["currency"] = currency_json(slab.currency);
  return j;
}

std::optional<rest_outcome> route_slabs(deposits_book& book, const rest_call& call,
                                        entity_id chart_id, const segments& p) {
  if (p.size() == 3) {
    if (call.method == "POST") {
      return run_command(call, "CHARTSLAB", "CREATE",
                         [&](const json& body) { return create_slab(book, chart_id, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    auto chart = book.charts.find(chart_id);
    if (chart == book.charts.end()) return read_outcome(chart_missing(chart_id));
    json list = json::array();
    for (const auto& [id, slab] : chart->second.slabs) list.push_back(slab_json(slab));
    return read_outcome(list);
  }
  auto slab_id = parse_id(p[3]);
  if (!slab_id) return std::nullopt;
  if (call.method == "PUT") {
    return run_command(call, "CHARTSLAB", "UPDATE", [&](const json& body) {
      return update_slab(book, chart_id, *slab_id, body);
    });
  }
  if (call.method == "DELETE") {
    return run_command(call, "CHARTSLAB", "DELETE", [&](const json&) -> answer {
      auto chart = book.charts.find(chart_id);
      if (chart == book.charts.end()) return chart_missing(chart_id);
      if (chart->second.slabs.erase(*slab_id) == 0) return slab_missing(*slab_id);
      return result_fields{.resource_id = *slab_id}.to_json();
    });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto chart = book.charts.find(chart_id);
  if (chart == book.charts.end()) return read_outcome(chart_missing(chart_id));
  auto slab = chart->second.slabs.find(*slab_id);
  if (slab == chart->second.slabs.end()) return read_outcome(slab_missing(*slab_id));
  return read_outcome(slab_json(slab->second));
}

}  // namespace

std::optional<rate_chart> read_rate_chart(field_reader& parent, const json& element,
                                          const std::string& prefix) {
  if (!element.is_object()) {
    parent.fail_rule(prefix.empty() ? "charts" : prefix.substr(0, prefix.size() - 1), "invalid",
                     "The parameter `charts` is invalid.");
    return std::nullopt;
  }
  field_reader in = parent.nested(element, prefix);
  rate_chart chart;
  json ignored = json::object();
  read_chart_fields(in, chart, true, ignored);
  const json* slabs = in.find("chartSlabs");
  if (slabs != nullptr && !slabs->is_array()) {
    in.fail_rule("chartSlabs", "invalid", "The parameter `chartSlabs` is invalid.");
  } else if (slabs != nullptr) {
    entity_id next = 1;  // numbered for real by the caller
    for (std::size_t i = 0; i < slabs->size(); ++i) {
      const json& item = (*slabs)[i];
      const std::string name = "chartSlabs[" + std::to_string(i) + "]";
      if (!item.is_object()) {
        in.fail_rule(name, "invalid", "The parameter `" + name + "` is invalid.");
        continue;
      }
      field_reader slab_in = in.nested(item, name + ".");
      chart_slab slab;
      read_slab(slab_in, slab, true, ignored);
      in.absorb(slab_in);
      slab.id = next++;
      chart.slabs[slab.id] = slab;
    }
  }
  parent.absorb(in);
  return chart;
}

json rate_chart_json(const rate_chart& c) {
  json slabs = json::array();
  for (const auto& [id, slab] : c.slabs) slabs.push_back(slab_json(slab));
  json j = {{"id", c.id}};
  if (c.name) j["name"] = *c.name;
  if (c.description) j["description"] = *c.description;
  j["fromDate"] = date_json(c.from_date);
  if (c.end_date) j["endDate"] = date_json(*c.end_date);
  j["isPrimaryGroupingByAmount"] = c.primary_grouping_by_amount;
  if (c.product_id) j["productId"] = *c.product_id;
  j["chartSlabs"] = std::move(slabs);
  return j;
}

std::optional<rest_outcome> rate_chart_route(state& s, deposits_book& book, const rest_call& call,
                                             const segments& p) {
  if (p.size() > 4 || (p.size() >= 3 && p[2] != "chartslabs")) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, "INTERESTRATECHART", "CREATE",
                         [&](const json& body) { return create_chart(s, book, body); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    auto product = call.query.find("productId");
    json list = json::array();
    for (const auto& [id, c] : book.charts) {
      if (product == call.query.end() ||
          (c.product_id && std::to_string(*c.product_id) == product->second)) {
        list.push_back(rate_chart_json(c));
      }
    }
    return read_outcome(list);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  if (p.size() >= 3) return route_slabs(book, call, *id, p);
  if (call.method == "PUT") {
    return run_command(call, "INTERESTRATECHART", "UPDATE",
                       [&](const json& body) { return update_chart(book, *id, body); });
  }
  if (call.method == "DELETE") {
    return run_command(call, "INTERESTRATECHART", "DELETE", [&](const json&) -> answer {
      if (book.charts.erase(*id) == 0) return chart_missing(*id);
      return result_fields{.resource_id = *id}.to_json();
    });
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto it = book.charts.find(*id);
  return read_outcome(it != book.charts.end() ? answer(rate_chart_json(it->second))
                                              : answer(chart_missing(*id)));
}

}  // namespace mifos::mock::detail
