// traffic.hpp: the traffic file format: JSON Lines, one delivery per line with its time offset.
//
// mock-mifos generate writes it, mock-mifos record and play read and write it, and a receiver's
// dead-letter file uses it, so any of them can be replayed. One line per delivery:
//
//   {"offset_us":1500000,"method":"POST","path":"/hooks/","headers":[["X-Fineract-Entity","LOAN"],
//    ["X-Fineract-Action","REPAYMENT"],...],"body":"{\"officeId\":1,...}"}
//
// `offset_us`: microseconds since the start of the recording (non-decreasing in generated files,
// as recorded otherwise). `path`: the request target, path and query, as on the request line.
// `headers`: [name, value] pairs in the order sent. `body`: the exact body bytes as a JSON
// string; a body that is not valid UTF-8 is written as `body_base64` instead. Readers ignore keys
// they do not know, so later versions can add some.
//
//   std::string line = mifos::hooks::to_traffic_line({0, d});
//   auto back = mifos::hooks::parse_traffic_line(line);   // back->message == d
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/result.hpp"

namespace mifos::hooks {

struct traffic_record {
  std::int64_t offset_us = 0;
  delivery message;

  friend bool operator==(const traffic_record&, const traffic_record&) = default;
};

// One line of the file, without the trailing newline. Keys in this order: offset_us, method,
// path, headers, body (or body_base64).
std::string to_traffic_line(const traffic_record& r);

struct traffic_line_error {
  std::string reason;  // one line: "not JSON", "missing \"method\"", "bad base64 in body_base64"
};

// Reads one line (a trailing "\r" or "\n" is ignored). Never throws on bad input.
result<traffic_record, traffic_line_error> parse_traffic_line(std::string_view line);

}  // namespace mifos::hooks
