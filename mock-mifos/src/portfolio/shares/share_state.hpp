// share_state.hpp: what the portfolio holds about shares (share products, their dividends, share
// accounts and their purchase and redemption requests), kept apart from state.hpp so the share
// family's records stay in one place. state.hpp holds one share_book.
//
//   share_account* a = s.shares.find_account(3);   // else: return share_account_not_found(3);
//   a->approved_shares();                          // the shares the account holds now
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/api_error.hpp"
#include "request/dates.hpp"
#include "request/money.hpp"

namespace mifos::mock::detail {

// Fineract's SharePeriodFrequencyType as the share requests number it: 0 days, 1 weeks,
// 2 months, 3 years.
struct share_period {
  std::int64_t every = 0;
  int type = 0;
};

struct share_product {
  std::int64_t id = 0;
  std::string name, short_name, currency;
  std::optional<std::string> description, external_id;
  std::int64_t total_shares = 0;
  std::optional<std::int64_t> shares_issued;  // the shares the product may sell (<= total)
  cents unit_price = 0;
  std::optional<std::int64_t> minimum_shares, nominal_shares, maximum_shares;
  std::int64_t subscribed_shares = 0;  // approved purchases less redemptions, over every account
  bool allow_dividends_for_inactive_clients = false;
  std::optional<share_period> lockin, minimum_active;
  int accounting_rule = 1;  // 1 none, 2 cash

  std::int64_t issuable() const { return shares_issued.value_or(total_shares); }
};

// A dividend pay-out of a product (POST /shareproduct/{id}/dividend): status 100 initiated, 300
// approved (ShareProductDividendStatusType).
struct share_dividend {
  std::int64_t id = 0;
  std::int64_t product_id = 0;
  cents amount = 0;
  local_date period_start, period_end;
  int status = 100;
  std::map<std::int64_t, cents> per_account;  // share account id -> its part
};

// Fineract's PurchasedSharesStatusType, used for both a request's status and its type.
enum class share_request_status {
  applied = 100,    // status: waiting for approval
  approved = 300,   // status
  rejected = 400,   // status
  purchased = 500,  // type: a purchase
  redeemed = 600    // type: a redemption
};

// One purchase or redemption of shares (m_share_account_transactions).
struct share_request {
  std::int64_t id = 0;
  local_date date;
  std::int64_t shares = 0;
  cents unit_price = 0;
  share_request_status status = share_request_status::applied;
  bool redemption = false;
  bool active = true;

  bool pending_purchase() const { return !redemption && status == share_request_status::applied; }
  bool approved_purchase() const { return !redemption && status == share_request_status::approved; }
  cents amount() const;
};

// Fineract's ShareAccountStatusType.
enum class share_account_status {
  submitted = 100,
  approved = 200,
  active = 300,
  rejected = 500,
  closed = 600
};

struct share_account {
  std::int64_t id = 0;
  std::int64_t client_id = 0, product_id = 0, savings_id = 0;
  std::optional<std::string> external_id;
  share_account_status status = share_account_status::submitted;
  local_date submitted_on;
  std::optional<local_date> approved_on, rejected_on, activated_on, closed_on;
  // Fineract's running totals (null once rejected or closed).
  std::optional<std::int64_t> total_approved, total_pending;
  std::optional<share_period> lockin, minimum_active;
  bool allow_dividends_for_inactive_clients = false;
  std::vector<share_request> requests;

  share_request* find_request(std::int64_t request_id);
};

struct share_book {
  std::map<std::int64_t, share_product> products;
  std::map<std::int64_t, share_dividend> dividends;
  std::map<std::int64_t, share_account> accounts;
  std::int64_t next_product = 1, next_dividend = 1, next_account = 1, next_request = 1;

  share_product* find_product(std::int64_t id);
  share_account* find_account(std::int64_t id);
};

// Fineract's 404s: "error.msg.product.id.invalid" (share product),
// "error.msg.shareaccount.id.invalid", "error.msg.dividend.id.invalid".
api_error share_product_not_found(std::int64_t id);
api_error share_account_not_found(std::int64_t id);
api_error share_dividend_not_found(std::int64_t id);

// Share product 1 "Member Shares" (USD, 10.00 a share, 1000 shares, 1 to 500 per client).
void seed_share_products(share_book& book);

}  // namespace mifos::mock::detail
