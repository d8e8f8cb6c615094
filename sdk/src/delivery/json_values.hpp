// json_values.hpp: tolerant readers for values that Fineract writes in more than one way.
//
// An id may arrive as 1, 1.0, 1.0E7 or "12"; an amount as "500.00" or 500.0. These readers take
// whatever came and return an empty optional for anything they cannot read exactly, never
// throwing.
//
//   auto id = detail::read_id(body, "loanId");       // 5 for 5, 5.0, "5.0E0"
//   auto amount = detail::read_decimal(req, "transactionAmount");  // "500.00"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace mifos::hooks::detail {

// The member `key` of `object`, or nullptr when `object` is not an object or lacks it.
const nlohmann::json* member(const nlohmann::json& object, std::string_view key) noexcept;

// A whole number in [0, 2^63): integers, integral doubles, and strings that spell one.
// Database ids and counts are never negative, so -1 is no id either.
std::optional<std::int64_t> to_id(const nlohmann::json& value) noexcept;
std::optional<std::int64_t> to_id(std::string_view text) noexcept;
std::optional<std::int64_t> read_id(const nlohmann::json& object, std::string_view key) noexcept;

// Strings as they are; numbers and booleans as text (integral doubles without ".0").
std::optional<std::string> to_text(const nlohmann::json& value);
std::optional<std::string> read_text(const nlohmann::json& object, std::string_view key);
// Like read_text, for money: numbers are written with up to 15 significant digits.
std::optional<std::string> read_decimal(const nlohmann::json& object, std::string_view key);
// true/false, or the strings "true"/"false".
std::optional<bool> read_bool(const nlohmann::json& object, std::string_view key) noexcept;

// Whether [ and { outside strings nest deeper than `limit`, for refusing hostile bodies before
// parsing (deep nesting would make recursive copies and dumps overflow the stack).
bool nests_deeper_than(std::string_view text, std::size_t limit) noexcept;

inline constexpr std::size_t kMaxNestingDepth = 64;

}  // namespace mifos::hooks::detail
