// state.cpp: the seed data, the lookups, and Fineract's "does not exist" errors.
#include "portfolio/state.hpp"

#include <cstdio>
#include <string>

#include "portfolio/accounting/accounting.hpp"

namespace mifos::mock::detail {
namespace {

template <typename T>
T* find_in(std::map<entity_id, T>& m, entity_id id) {
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

api_error missing(const char* code, const char* what, entity_id id) {
  return api_error::not_found(
      code, std::string(what) + " with identifier " + std::to_string(id) + " does not exist", id);
}

}  // namespace

office* state::find_office(entity_id id) { return find_in(offices, id); }
client* state::find_client(entity_id id) { return find_in(clients, id); }
loan* state::find_loan(entity_id id) { return find_in(loans, id); }
savings_account* state::find_savings(entity_id id) { return find_in(savings, id); }
staff_member* state::find_staff(entity_id id) { return find_in(staff, id); }

group* state::find_group(entity_id id, bool center) {
  group* g = find_in(groups, id);
  return g != nullptr && g->is_center == center ? g : nullptr;
}

state seeded_state() {
  state s;
  entity_id office_id = s.office_ids.take();
  s.offices[office_id] = {office_id, "Head Office", std::nullopt, {2009, 1, 1}, std::nullopt, "."};
  s.loan_products[1] = {1, "Starter Loan", "USD", 100000, 12, 24.0};
  s.savings_products[1] = {1, "Voluntary Savings", "USD"};
  s.charges[1] = {1, "Monthly fee", "USD", 200, 2};
  s.charge_ids.next = 2;
  seed_chart_of_accounts(s);
  seed_share_products(s.shares);
  return s;
}

std::string account_no(entity_id id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%09lld", static_cast<long long>(id));
  return buf;
}

api_error office_not_found(entity_id id) {
  return missing("error.msg.office.id.invalid", "Office", id);
}
api_error client_not_found(entity_id id) {
  return missing("error.msg.client.id.invalid", "Client", id);
}
api_error group_not_found(entity_id id, bool center) {
  return center ? missing("error.msg.center.id.invalid", "Center", id)
                : missing("error.msg.group.id.invalid", "Group", id);
}
api_error loan_not_found(entity_id id) { return missing("error.msg.loan.id.invalid", "Loan", id); }
api_error savings_not_found(entity_id id) {
  return missing("error.msg.savingsaccount.id.invalid", "Savings account", id);
}
api_error product_not_found(entity_id id, bool savings) {
  return savings ? missing("error.msg.savingsproduct.id.invalid", "Savings product", id)
                 : missing("error.msg.loanproduct.id.invalid", "Loan product", id);
}
api_error charge_not_found(entity_id id) {
  return missing("error.msg.charge.id.invalid", "Charge", id);
}

api_error staff_not_found(entity_id id) {
  return missing("error.msg.staff.id.invalid", "Staff", id);
}

}  // namespace mifos::mock::detail
