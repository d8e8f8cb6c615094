// json_reader.hpp: a fast reader for the common JSON webhook body, one object, straight into an
// nlohmann::json DOM, for parse() to try before nlohmann's own parser.
//
// nlohmann's lexer reads char by char through an input adapter and keeps a token string for its
// error messages; on a 48-byte body that is most of parse()'s cost. This reader scans the bytes
// with a pointer and builds the very DOM nlohmann would build, or declines and lets nlohmann parse
// (and explain the error). It only ever says yes when the two agree exactly.
//
//   nlohmann::json payload;
//   if (!detail::read_json_object(body, payload))
//     payload = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace mifos::hooks::detail {

// Reads `text` as one JSON object (JSON whitespace around it allowed) straight into `out`.
// Returns true only when the result is exactly what nlohmann::json::parse(text) gives (same
// value, same value types: number_unsigned / number_integer / number_float, duplicate keys:
// last wins) AND its container nesting is at most kMaxNestingDepth (64, json_values.hpp; the
// top-level object counts as 1). Returns false ("declined") for invalid JSON, for any top-level
// value that is not an object, and for anything outside what it handles (a byte order mark,
// integers beyond 64 bits, numbers that overflow or underflow a double, trailing bytes); the
// caller then parses with nlohmann, which gives the error. `out` is unspecified after a false
// return. Never throws except std::bad_alloc. No recursion deeper than 64 levels.
bool read_json_object(std::string_view text, nlohmann::json& out);

}  // namespace mifos::hooks::detail
