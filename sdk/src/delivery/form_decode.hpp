// form_decode.hpp: reading `application/x-www-form-urlencoded` hook bodies.
//
// Fineract writes one field per top-level JSON key, each value being Java's toString() of the
// parsed value: `officeId=1.0`, nested objects as Java map text `{officeId=1.0, firstname=Petra}`,
// lists as `[a, b]`. That text is not JSON and nested strings are unquoted, so decoding it is
// best-effort; callers keep the raw text as well.
//
//   auto fields = detail::split_form("clientId=1.0&note=check+payment");
//   // {{"clientId", "1.0"}, {"note", "check payment"}}
//   nlohmann::json v = detail::java_text_to_json("{locale=en, amount=1.0E7}");
//   // {"locale":"en","amount":10000000.0}
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mifos::hooks::detail {

// Percent-decodes `text`, '+' as a space. A '%' not followed by two hex digits stays as it is.
std::string percent_decode(std::string_view text);

// The offset of the first '%' not followed by two hex digits, which Java's URLDecoder refuses
// (and so no Fineract form holds); nothing when every escape is whole.
std::optional<std::size_t> find_invalid_escape(std::string_view text) noexcept;

// Splits a form body into decoded (name, value) pairs, in order. Empty pieces ("a=1&&b=2") are
// skipped; a piece without '=' is a name with an empty value.
std::vector<std::pair<std::string, std::string>> split_form(std::string_view body);

// Best-effort: Java map/list text into JSON objects/arrays; `true`/`false`/`null`; numbers only
// when spelled as Java's Double.toString spells them (1.0, 0.5, 1.0E7), so a string "500.00" or
// "12" stays a string; everything else a string. Never throws; nesting beyond 64 levels is kept
// as a string.
nlohmann::json java_text_to_json(std::string_view text);

}  // namespace mifos::hooks::detail
