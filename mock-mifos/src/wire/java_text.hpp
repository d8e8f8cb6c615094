// java_text.hpp: text exactly as the Java side of Fineract writes it: Double.toString, Gson's
// JSON writer (HTML-safe escaping), Java's toString() of Gson-parsed values, OkHttp's form
// encoding and Instant.toString. Hook bodies are built from these (docs/wire-format.md sections 4
// and 5).
//
//   java_double(10000000.0);                         // "1.0E7"
//   gson_json(R"({"note":"a=b"})"_json, false);      // {"note":"a\u003db"}
//   java_to_string(R"({"officeId":1,"ok":true})"_json);  // {officeId=1.0, ok=true}
//   hook_form_body(body, hooks::wire_dialect::fineract);    // officeId=1.0&note=check%20payment
//   iso_timestamp(now);                               // "2024-10-24T09:52:59.123456Z"
#pragma once

#include <chrono>
#include <mifos/hooks/wire.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace mifos::mock {

// Java's Double.toString: the shortest digits that read back as `v`, laid out as Java does:
// plain ("10.5", "0.001") for 10^-3 <= |v| < 10^7, else computerized scientific notation
// ("1.0E7", "1.0E-4"); always a digit after the point; "NaN", "Infinity", "-Infinity", "-0.0".
std::string java_double(double v);

// Gson's compact JSON with HTML-safe escaping: `< > & = '` as \u003c \u003e \u0026 \u003d
// \u0027, control characters escaped, U+2028/U+2029 escaped, other non-ASCII raw. Object members
// whose value is null are left out (Gson's default, serializeNulls off). Integers are written as
// integers unless `numbers_as_doubles` (then every number as Java writes a Double, which is how a
// map Gson parsed looks when written back); floats always as java_double. Non-finite floats, which
// Gson would refuse, are written as null.
std::string gson_json(const nlohmann::ordered_json& j, bool numbers_as_doubles);

// Java's toString() of the value Gson parses `j` into: numbers as doubles ("1.0"), booleans,
// "null", strings unquoted, objects "{k=v, k2=v2}", arrays "[a, b]".
std::string java_to_string(const nlohmann::ordered_json& j);

// A form body: one `name=value` field per top-level member of `object`, joined by '&', value =
// java_to_string, percent-encoded (A-Za-z0-9-._~ kept, others %XX upper case). A space is %20
// for Fineract (OkHttp) and '+' for Mifos X; '+' itself is always %2B. Null members (at any depth)
// are left out, as Gson left them out of the JSON the form was made from. Not an object: "".
std::string hook_form_body(const nlohmann::ordered_json& object, hooks::wire_dialect d);

// ISO-8601 UTC as Java's Instant.toString writes it: 0, 3, 6 or 9 fraction digits, the fewest
// groups of three that hold the value exactly ("2024-10-24T09:52:59Z", "...59.123Z").
std::string iso_timestamp(std::chrono::system_clock::time_point t);

}  // namespace mifos::mock
