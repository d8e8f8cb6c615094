// money.hpp: amounts as whole cents, so balances add up exactly, read from what Fineract
// accepts (JSON numbers or decimal strings such as "500.00" or "1,000.50") and written back as
// JSON numbers.
//
//   std::optional<cents> c = parse_amount(nlohmann::ordered_json("500.00"));  // 50000
//   nlohmann::ordered_json j = amount_json(*c);                               // 500.0
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

namespace mifos::mock::detail {

using cents = std::int64_t;

// The largest amount the mock keeps (10^13 units, as Fineract's DECIMAL(19,6) columns allow):
// sums of a few such amounts stay far from int64's limits.
inline constexpr cents kMaxCents = 1'000'000'000'000'000;

// The amount a JSON number or numeric string holds, rounded half-up to cents. nullopt for
// anything else (text, bool, NaN, more than 13 integer digits). Commas are taken as grouping
// separators (locale "en").
std::optional<cents> parse_amount(const nlohmann::ordered_json& value);

inline nlohmann::ordered_json amount_json(cents c) { return static_cast<double>(c) / 100.0; }

// total += amount, unless that would leave [-kMaxTotal, kMaxTotal]: then false and unchanged.
// Guards sums that many requests can grow (a balance, a journal entry's legs).
inline constexpr cents kMaxTotal = kMaxCents * 1000;
inline bool add_cents(cents& total, cents amount) {
  if ((amount > 0 && total > kMaxTotal - amount) || (amount < 0 && total < -kMaxTotal - amount)) {
    return false;
  }
  total += amount;
  return true;
}

// Rounds a computed (not parsed) amount of money to cents, clamped to +-kMaxCents (NaN: 0).
cents round_cents(double amount);

}  // namespace mifos::mock::detail
