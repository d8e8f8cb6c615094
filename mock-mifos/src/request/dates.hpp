// dates.hpp: the dates Fineract's API takes and gives: request strings parsed with the request's
// `dateFormat` (a java.time pattern), and `[yyyy, m, d]` arrays in responses (docs/wire-format.md
// section 9).
//
//   auto d = parse_date("14 May 2013", "dd MMMM yyyy");   // {2013, 5, 14}
//   nlohmann::ordered_json j = date_json(*d);             // [2013,5,14]
#pragma once

#include <chrono>
#include <compare>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace mifos::mock::detail {

struct local_date {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend auto operator<=>(const local_date&, const local_date&) = default;
};

// Whether `pattern` uses only what parse_date understands: d/dd (day), M/MM (month number),
// MMM/MMMM (English month name), yy/yyyy (also u), and literal non-letters ('-', '/', ' ', ...).
bool is_supported_date_format(std::string_view pattern);

// The date `text` names under `pattern`; nullopt when the pattern is unsupported, the text does
// not match it, or the date does not exist (31 April). Lenient where java.time is strict: day
// and month numbers take one or two digits whatever the letter count, and month names match
// case-insensitively. Month names are English whatever the locale (the mock speaks "en").
std::optional<local_date> parse_date(std::string_view text, std::string_view pattern);

bool is_valid_date(const local_date& d);

// The UTC calendar date of `t` (for dates a request may leave out).
local_date date_of(std::chrono::system_clock::time_point t);

// [yyyy, m, d], the way Fineract's responses write a LocalDate.
nlohmann::ordered_json date_json(const local_date& d);

}  // namespace mifos::mock::detail
