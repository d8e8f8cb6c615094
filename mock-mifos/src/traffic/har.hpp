// har.hpp: HAR 1.2 (HTTP Archive, as Chrome, Firefox, mitmproxy and Charles save it) turned into
// traffic records, and the ISO-8601 timestamps it uses. Pure: text in, records out.
//
//   auto records = parse_har(text);
//   if (auto* error = std::get_if<std::string>(&records)) die(*error);  // "entry 3: no url"
//   for (const auto& r : std::get<std::vector<hooks::traffic_record>>(records)) play(r);
//
// Every entry whose request has a method becomes a delivery: its target is the URL's path and
// query, its headers are kept in order except HTTP/2 pseudo-headers (":authority", ...), a Host
// header is added from the URL when there is none, its body is postData.text (base64-decoded
// when postData.encoding says so). Records come sorted by startedDateTime (stable), offsets
// counted from the earliest one.
#pragma once

#include <cstdint>
#include <mifos/hooks/traffic.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mifos::mock {

// The records of a HAR document, or a one-line reason it is not one.
std::variant<std::vector<hooks::traffic_record>, std::string> parse_har(std::string_view text);

// Microseconds since 1970-01-01T00:00:00Z of "2024-10-24T09:52:59.123Z",
// "2024-10-24T11:52:59.123456+02:00" (also "+0200", no fraction, lower-case 't'/'z'). Digits of
// the fraction past the sixth are ignored. Nothing for anything else.
std::optional<std::int64_t> parse_iso8601_us(std::string_view text);

}  // namespace mifos::mock
