// deposit_accounts.cpp: the applications: POST /fixeddepositaccounts and
// /recurringdepositaccounts (FIXEDDEPOSITACCOUNT / RECURRINGDEPOSITACCOUNT CREATE), PUT (UPDATE)
// and DELETE (DELETE) while submitted, and the routing of every deposit path. Fineract's checks:
// DepositAccountDataValidator, the account's validateDomainRules and validateNewApplicationState
// (DepositApplicationProcessWritePlatformServiceJpaRepositoryImpl).
#include <string>

#include "portfolio/deposits/deposits.hpp"
#include "portfolio/savings/savings.hpp"
#include "request/json_read.hpp"

namespace mifos::mock::detail {
namespace {

using json = nlohmann::ordered_json;

// DEPOSIT_ACCOUNT_REQUEST_DATA_PARAMETERS with the pre-closure and term ones; fixed deposits add
// linkAccountId and transferInterestToSavings, recurring ones the recurring details.
std::optional<api_error> unsupported(const json& body, deposit_kind kind) {
  json common = body;
  const bool fixed = kind == deposit_kind::fixed;
  if (common.is_object()) {
    if (fixed) {
      for (const char* key : {"linkAccountId", "transferInterestToSavings"}) common.erase(key);
    } else {
      for (const char* key :
           {"mandatoryRecommendedDepositAmount", "isMandatoryDeposit", "allowWithdrawal",
            "adjustAdvanceTowardsFuturePayments", "recurringFrequencyType", "recurringFrequency",
            "isCalendarInherited"}) {
        common.erase(key);
      }
    }
  }
  field_reader in(common, deposit_resource(kind));
  if (in.only({"locale",
               "dateFormat",
               "monthDayFormat",
               "accountNo",
               "externalId",
               "clientId",
               "groupId",
               "productId",
               "fieldOfficerId",
               "submittedOnDate",
               "nominalAnnualInterestRate",
               "interestCompoundingPeriodType",
               "interestPostingPeriodType",
               "interestCalculationType",
               "interestCalculationDaysInYearType",
               "lockinPeriodFrequency",
               "lockinPeriodFrequencyType",
               "charges",
               "charts",
               "depositAmount",
               "depositPeriod",
               "depositPeriodFrequencyId",
               "savingsAccounts",
               "expectedFirstDepositOnDate",
               "withHoldTax",
               "maturityInstructionId",
               "transferToSavingsId",
               "preClosurePenalApplicable",
               "preClosurePenalInterest",
               "preClosurePenalInterestOnTypeId",
               "minDepositTerm",
               "maxDepositTerm",
               "minDepositTermTypeId",
               "maxDepositTermTypeId",
               "inMultiplesOfDepositTerm",
               "inMultiplesOfDepositTermTypeId",
               "minDepositAmount",
               "maxDepositAmount"})) {
    return std::nullopt;
  }
  return in.error();
}

// The deposit terms of a body into `d`, listing what changed (create: the mandatory ones).
void read_terms(field_reader& in, const json& body, deposit_account& d, bool create,
                json& changes) {
  const bool fixed = d.kind == deposit_kind::fixed;
  if (auto v = in.amount("depositAmount", create && fixed); v && *v != d.deposit_amount) {
    d.deposit_amount = *v;
    changes["depositAmount"] = value_text(body.at("depositAmount"));
  }
  if (auto v = in.id("depositPeriod", create && fixed); v && v != d.deposit_period) {
    if (*v > 1200) {
      in.fail_rule("depositPeriod", "is.greater.than.max",
                   "The parameter `depositPeriod` is too large.", *v);
    } else {
      d.deposit_period = static_cast<int>(*v);
      changes["depositPeriod"] = *v;
    }
  }
  if (auto v = in.whole("depositPeriodFrequencyId", false); v && *v != d.deposit_period_type) {
    if (*v > 3) {
      in.fail_rule("depositPeriodFrequencyId", "is.not.one.of.expected.enumerations",
                   "The parameter `depositPeriodFrequencyId` must be one of [0, 1, 2, 3] .", *v);
    } else {
      d.deposit_period_type = static_cast<int>(*v);
      changes["depositPeriodFrequencyId"] = *v;
    }
  }
  if (auto v = in.text("externalId", false); v && v != d.account.external_id) {
    d.account.external_id = v;
    changes["externalId"] = *v;
  }
  if (auto v = in.date("submittedOnDate", create); v && *v != d.account.submitted_on) {
    d.account.submitted_on = *v;
    changes["submittedOnDate"] = value_text(body.at("submittedOnDate"));
  }
  if (auto v = in.decimal("nominalAnnualInterestRate", false);
      v && *v != d.account.nominal_annual_interest_rate) {
    d.account.nominal_annual_interest_rate = *v;
    changes["nominalAnnualInterestRate"] = *v;
  }
  if (!fixed) {
    if (auto v = in.amount("mandatoryRecommendedDepositAmount", create);
        v && *v != d.recommended_amount) {
      d.recommended_amount = *v;
      changes["mandatoryRecommendedDepositAmount"] =
          value_text(body.at("mandatoryRecommendedDepositAmount"));
    }
    if (auto v = in.flag("isMandatoryDeposit", false)) d.mandatory_deposit = *v;
    if (auto v = in.flag("allowWithdrawal", false)) d.allow_withdrawal = *v;
    if (auto v = in.date("expectedFirstDepositOnDate", false)) d.expected_first_deposit_on = v;
    if (create) {
      auto inherited = in.text("isCalendarInherited");
      d.calendar_inherited = inherited && in.flag("isCalendarInherited").value_or(false);
    }
    if (!d.calendar_inherited) {
      auto type = in.whole("recurringFrequencyType", create);
      auto every = in.id("recurringFrequency", create);
      if (type && *type > 3) {
        in.fail_rule("recurringFrequencyType", "is.not.one.of.expected.enumerations",
                     "The parameter `recurringFrequencyType` must be one of [0, 1, 2, 3] .", *type);
      } else if (type) {
        d.recurring_frequency_type = static_cast<int>(*type);
      }
      if (every && *every <= 1000) d.recurring_frequency = static_cast<int>(*every);
    }
  }
  if (!changes.empty() && body.contains("locale")) changes["locale"] = value_text(body["locale"]);
  if (changes.contains("submittedOnDate") && body.contains("dateFormat")) {
    changes["dateFormat"] = value_text(body["dateFormat"]);
  }
}

// The rate the account earns and Fineract's validateDomainRules: a term within the product's,
// and a chart slab or a nominal rate that applies.
std::optional<api_error> settle_rate(const deposits_book& book, deposit_account& d,
                                     const deposit_product& product) {
  const std::string resource = deposit_resource(d.kind);
  const local_date start = d.account.activated_on.value_or(d.account.submitted_on);
  if (d.deposit_period) {
    const local_date end = add_period(start, *d.deposit_period, d.deposit_period_type);
    const bool too_short = end < add_period(start, product.min_term, product.min_term_type);
    const bool too_long = product.max_term && add_period(start, *product.max_term,
                                                         product.max_term_type.value_or(2)) < end;
    if (too_short || too_long) {
      return savings_rule(resource, "deposit.period.not.between.min.and.max.deposit.term",
                          "depositPeriod", *d.deposit_period);
    }
  }
  const cents amount = d.kind == deposit_kind::fixed ? d.deposit_amount : d.recommended_amount;
  auto from_chart = chart_rate(book, product.id, amount, d.deposit_period.value_or(0),
                               d.deposit_period_type, start);
  d.rate_from_chart = from_chart.has_value() && d.account.nominal_annual_interest_rate <= 0;
  d.rate = d.account.nominal_annual_interest_rate > 0 ? d.account.nominal_annual_interest_rate
                                                      : from_chart.value_or(product.nominal_rate);
  if (d.rate <= 0) {
    const bool has_chart = std::any_of(book.charts.begin(), book.charts.end(), [&](const auto& c) {
      return c.second.product_id == product.id;
    });
    return savings_rule(
        resource,
        has_chart ? "no.applicable.interest.rate.is.found.based.on.amount.and.deposit.period"
        : d.kind == deposit_kind::fixed ? "valid.interest.chart.or.nominal.interest.rate.required"
                                        : "interest.chart.or.nominal.interest.rate.required",
        "nominalAnnualInterestRate");
  }
  update_maturity(d);
  return std::nullopt;
}

answer submit(state& s, deposits_book& book, const json& body, deposit_kind kind,
              const rest_call& call) {
  if (auto refused = unsupported(body, kind)) return *refused;
  field_reader in(body, deposit_resource(kind));
  auto group_id = in.id("groupId", false);
  auto client_id = in.id("clientId");
  auto product_id = in.id("productId");
  deposit_account d;
  d.kind = kind;
  json ignored = json::object();
  read_terms(in, body, d, true, ignored);
  if (!in.ok()) return in.error();
  client* c = s.find_client(*client_id);
  if (c == nullptr) return client_not_found(*client_id);
  if (group_id && s.find_group(*group_id, false) == nullptr) {
    return group_not_found(*group_id, false);
  }
  auto product = book.products.find(*product_id);
  if (product == book.products.end() || product->second.kind != kind) {
    return deposit_product_not_found(*product_id, kind);
  }
  if (!c->is_active()) {
    return api_error::domain_rule(
        "error.msg.client.not.active",
        "Client with identifier " + std::to_string(c->id) + " is not active");
  }
  const std::string resource = deposit_resource(kind);
  if (d.account.submitted_on > date_of(call.now)) {
    return savings_rule(resource + ".summital", "cannot.be.a.future.date", "submittedOnDate");
  }
  if (c->activation_date && d.account.submitted_on < *c->activation_date) {
    return savings_rule(resource + ".summital", "cannot.be.before.client.activation.date",
                        "submittedOnDate");
  }
  if (kind == deposit_kind::recurring && d.calendar_inherited) {
    // The schedule follows the client's group meetings; the mock's groups have no calendar.
    return c->group_id
               ? api_error::domain_rule(
                     "error.msg.meeting.frequency.not.attached.to.group.to.which.client.belongs.to",
                     "Meeting frequency is not attached to the Group/Center to which the client "
                     "belongs to.")
               : api_error::domain_rule(
                     "error.msg.recurring.deposit.account.cannot.create.not.belongs.to.any."
                     "groups.to.follow.meeting.frequency",
                     "Client does not belong to group/center. Cannot follow group/center meeting "
                     "frequency.");
  }
  if (!body.contains("depositPeriodFrequencyId")) {
    d.deposit_period_type = product->second.min_term_type;
  }
  if (kind == deposit_kind::recurring && !body.contains("allowWithdrawal")) {
    d.allow_withdrawal = product->second.allow_withdrawal;
  }
  d.group_id = group_id;
  d.account.client_id = c->id;
  d.account.product_id = *product_id;
  if (auto refused = settle_rate(book, d, product->second)) return *refused;
  d.account.id = s.savings_ids.take();
  book.accounts[d.account.id] = d;
  return deposit_result(s, d, d.account.id, std::nullopt);
}

answer modify(state& s, deposits_book& book, entity_id id, const json& body, deposit_kind kind,
              const rest_call& call) {
  if (auto refused = unsupported(body, kind)) return *refused;
  auto found = find_deposit(s, book, id, kind, date_of(call.now));
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  if (d.account.status != savings_status::submitted) {
    return savings_rule(deposit_resource(kind) + ".modify",
                        "not.in.submittedandpendingapproval.state");
  }
  field_reader in(body, deposit_resource(kind));
  deposit_account updated = d;
  json changes = json::object();
  read_terms(in, body, updated, false, changes);
  if (!in.ok()) return in.error();
  if (!changes.empty()) {
    if (auto refused = settle_rate(book, updated, book.products.at(d.account.product_id))) {
      return *refused;
    }
  }
  d = updated;
  return deposit_result(s, d, d.account.id, std::move(changes));
}

answer remove(state& s, deposits_book& book, entity_id id, deposit_kind kind,
              const rest_call& call) {
  auto found = find_deposit(s, book, id, kind, date_of(call.now));
  if (auto* e = std::get_if<api_error>(&found)) return *e;
  deposit_account& d = *std::get<deposit_account*>(found);
  if (d.account.status != savings_status::submitted) {
    return savings_rule(deposit_resource(kind) + ".delete",
                        "not.in.submittedandpendingapproval.state", "activatedOnDate");
  }
  json result = deposit_result(s, d, d.account.id, std::nullopt);
  std::erase_if(s.savings_notes, [id](const auto& n) { return n.second.savings_id == id; });
  book.accounts.erase(id);
  return result;
}

std::optional<rest_outcome> route_account(state& s, deposits_book& book, const rest_call& call,
                                          const segments& p, deposit_kind kind) {
  const std::string entity = deposit_entity(kind);
  if (p.size() > 4 || (p.size() >= 3 && p[2] != "transactions")) return std::nullopt;
  if (p.size() == 1) {
    if (call.method == "POST") {
      return run_command(call, entity, "CREATE",
                         [&](const json& body) { return submit(s, book, body, kind, call); });
    }
    if (call.method != "GET") return method_not_allowed(call);
    json items = json::array();
    for (auto& [id, d] : book.accounts) {
      if (d.kind != kind) continue;
      refresh_maturity(s, d, date_of(call.now));
      items.push_back(deposit_account_json(s, book, d, call));
    }
    // Fineract pages the list only with ?paged=true.
    auto paged = call.query.find("paged");
    if (paged != call.query.end() && paged->second == "true") {
      return read_outcome(page(call, std::move(items)));
    }
    return read_outcome(items);
  }
  auto id = parse_id(p[1]);
  if (!id) return std::nullopt;
  const std::string* command = command_of(call);
  const std::string_view name = command != nullptr ? std::string_view(*command) : "";
  if (p.size() >= 3) {
    std::optional<entity_id> tid;
    if (p.size() == 4) {
      tid = parse_id(p[3]);
      if (!tid) return std::nullopt;
    }
    if (call.method != "POST") return method_not_allowed(call);
    if (auto out = deposit_transaction_command(s, book, call, kind, *id, tid, name)) return out;
    return unsupported_command(call);
  }
  if (call.method == "PUT") {
    return run_command(call, entity, "UPDATE",
                       [&](const json& body) { return modify(s, book, *id, body, kind, call); });
  }
  if (call.method == "DELETE") {
    return run_command(call, entity, "DELETE",
                       [&](const json&) { return remove(s, book, *id, kind, call); });
  }
  if (call.method == "POST") {
    if (auto out = deposit_lifecycle_command(s, book, call, kind, *id, name)) return out;
    if (auto out = deposit_closure_command(s, book, call, kind, *id, name)) return out;
    return unsupported_command(call);
  }
  if (call.method != "GET") return method_not_allowed(call);
  auto found = find_deposit(s, book, *id, kind, date_of(call.now));
  if (auto* e = std::get_if<api_error>(&found)) return read_outcome(*e);
  return read_outcome(deposit_account_json(s, book, *std::get<deposit_account*>(found), call));
}

}  // namespace

std::optional<rest_outcome> route_deposits(state& s, deposits_book& book, const rest_call& call,
                                           const segments& p) {
  const std::string& resource = p[0];
  if (resource == "fixeddepositproducts" || resource == "recurringdepositproducts") {
    return deposit_product_route(s, book, call, p);
  }
  if (resource == "interestratecharts") return rate_chart_route(s, book, call, p);
  if (resource == "fixeddepositaccounts") {
    return route_account(s, book, call, p, deposit_kind::fixed);
  }
  if (resource == "recurringdepositaccounts") {
    return route_account(s, book, call, p, deposit_kind::recurring);
  }
  return std::nullopt;
}

}  // namespace mifos::mock::detail
