// export.hpp: traffic records as input for distributed load tools, so runs bigger than one
// machine go to vegeta or k6. Pure: records in, text out; the export command streams them.
//
// vegeta (`vegeta attack -format=json`): one JSON target per line,
//   {"method":"POST","url":"http://127.0.0.1:8080/hooks/","body":"<base64>","header":{"X-A":["1"]}}
//   std::string line = vegeta_target(record.message, *parse_http_url("http://127.0.0.1:8080"));
//
// k6 (`k6 run script.js`): a script holding every request, replayed in file order by a
// constant-arrival-rate scenario at the recorded rate. Built in three parts so a large file
// never has to be held as records:
//   std::string js = k6_script_head(options);
//   for (...) js += k6_request_entry(record, options);
//   js += k6_script_tail(recorded_pace(count, last_offset_us - first_offset_us), options);
#pragma once

#include <cstddef>
#include <cstdint>
#include <mifos/hooks/traffic.hpp>
#include <string>
#include <vector>

#include "wire/url.hpp"

namespace mifos::mock {

// Headers that the load tools write themselves and that would be wrong for a new target.
bool exported_header(const hooks::header_field& h);

// One vegeta JSON target, without the newline. url = target's origin + retarget(target, path);
// body = base64 (standard alphabet, padded); header = every header but Host and Content-Length,
// as {"Name":["value",...]}, names grouped case-insensitively in first-seen order, the values
// of one name in their order.
std::string vegeta_target(const hooks::delivery& d, const http_url& target);

struct k6_options {
  http_url target;          // default origin of the script (overridable with TARGET=...)
  std::string source_name;  // named in the script's header comment
};

// The arrival rate k6 is asked for: `rate` iterations per `time_unit`, for `duration_s`.
struct k6_pace {
  std::int64_t rate = 1;
  std::string time_unit = "1s";  // "1s", "1m" or "1h": the largest rate unit that keeps rate >= 1
  std::int64_t duration_s = 1;   // long enough to send each request once
};

// The recorded pace of `count` requests spread over `span_us` (last offset minus first).
k6_pace recorded_pace(std::size_t count, std::int64_t span_us);

// The script up to the opening of the requests array.
std::string k6_script_head(const k6_options& options);
// One element of the requests array, with its trailing ",\n".
std::string k6_request_entry(const hooks::traffic_record& r, const k6_options& options);
// The rest: closes the array, the options and the default function.
std::string k6_script_tail(const k6_pace& pace, const k6_options& options);

// The whole script for `records` (at their recorded pace).
std::string k6_script(const std::vector<hooks::traffic_record>& records, const k6_options& options);

}  // namespace mifos::mock
