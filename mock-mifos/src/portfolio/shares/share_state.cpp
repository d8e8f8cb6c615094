// share_state.cpp: the share book's lookups, its 404s and the seeded share product.
#include "portfolio/shares/share_state.hpp"

#include <string>

namespace mifos::mock::detail {
namespace {

template <typename T>
T* find_in(std::map<std::int64_t, T>& m, std::int64_t id) {
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace

cents share_request::amount() const {
  // In double and clamped: shares times price can pass what cents hold.
  return round_cents(static_cast<double>(shares) * static_cast<double>(unit_price) / 100.0);
}

share_request* share_account::find_request(std::int64_t request_id) {
  for (auto& r : requests)
    if (r.id == request_id) return &r;
  return nullptr;
}

share_product* share_book::find_product(std::int64_t id) { return find_in(products, id); }
share_account* share_book::find_account(std::int64_t id) { return find_in(accounts, id); }

api_error share_product_not_found(std::int64_t id) {
  return api_error::not_found(
      "error.msg.product.id.invalid",
      "share product with identifier " + std::to_string(id) + " does not exist", id);
}

api_error share_account_not_found(std::int64_t id) {
  // Fineract's message starts with a space.
  return api_error::not_found("error.msg.shareaccount.id.invalid",
                              " Account with identifier " + std::to_string(id) + " does not exist",
                              id);
}

api_error share_dividend_not_found(std::int64_t id) {
  return api_error::not_found(
      "error.msg.dividend.id.invalid",
      "share dividend with identifier " + std::to_string(id) + " does not exist", id);
}

void seed_share_products(share_book& book) {
  share_product p;
  p.id = book.next_product++;
  p.name = "Member Shares";
  p.short_name = "MSH";
  p.currency = "USD";
  p.description = "Shares of the cooperative, one vote each";
  p.total_shares = 1000;
  p.shares_issued = 1000;
  p.unit_price = 1000;
  p.minimum_shares = 1;
  p.nominal_shares = 10;
  p.maximum_shares = 500;
  book.products[p.id] = p;
}

}  // namespace mifos::mock::detail
