// locale.hpp: the `locale` of a Fineract request ("en", "fr_FR") as Fineract's
// JsonParserHelper.localeFromString reads it, and the decimal and grouping separators numbers
// are written with in that locale ("1,000.50" in en, "1.000,50" in de).
//
//   if (auto why = locale_problem("en-GB")) ...;        // Fineract splits on '_' only: invalid
//   auto n = canonical_decimal("1.000,50", "de");        // "1000.50"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mifos::mock::detail {

// Why `text` is not a locale Fineract accepts (the message of its
// validation.msg.invalid.locale.format error), or nullopt when it is one: a lower-case ISO 639
// language, then optionally '_' and an upper-case two-letter country.
std::optional<std::string> locale_problem(std::string_view text);

struct number_symbols {
  char decimal = '.';
  // ',' for en; '.' for de; ' ' for fr (Java writes a no-break space; a plain space and U+00A0
  // and U+202F are all taken).
  char grouping = ',';
};

// The separators of `locale`'s language (java.text.DecimalFormatSymbols of the common locales;
// languages not in the table read like en).
number_symbols symbols_of(std::string_view locale);

// A decimal string in `locale` as java.text.DecimalFormat reads it for Fineract (trimmed, an
// optional '-', grouping separators among the integer digits, at most one decimal separator,
// nothing else), written back plainly: "-1000.50". nullopt when it is not one.
std::optional<std::string> canonical_decimal(std::string_view text, std::string_view locale);

// `s` without the white space around it, as the request readers compare text.
std::string_view trim(std::string_view s);

}  // namespace mifos::mock::detail
