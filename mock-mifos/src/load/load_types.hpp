// load_types.hpp: what the player hands the load sender and what comes back. Times are
// microseconds on one steady clock, counted from the start of the run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace mifos::mock {

struct load_request {
  std::uint64_t id = 0;        // the player's number for it; comes back in the response
  std::string bytes;           // the whole HTTP/1.1 request, serialized once
  std::int64_t intended_us = 0;  // when it should have left: latency is counted from here
  // Close the connection after this many bytes of `bytes` (a fault: the server sees a request
  // cut mid-body); 0 = send it all.
  std::size_t cut_after = 0;
};

struct load_response {
  std::uint64_t id = 0;
  int status = 0;              // 0: no response (connection refused, reset, timeout, cut on purpose)
  std::string error;           // why status is 0
  std::int64_t intended_us = 0;
  std::int64_t sent_us = 0;    // when its first byte was written
  std::int64_t done_us = 0;    // when the response was complete (or the failure seen)
};

}  // namespace mifos::mock
