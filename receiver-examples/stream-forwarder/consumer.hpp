// consumer.hpp: stream-consumer's loop: create the group, re-read this consumer's pending
// entries, then block for new ones; print each event and XACK it after printing.
//
//   std::atomic<bool> stop{false};   // set from a signal handler
//   int code = consume(settings, stop, stdout);   // 0: --count reached, --idle-exit, or stop
//
// Delivery is at least once: an entry printed whose XACK did not reach Redis (crash, outage)
// is printed again by the next read of this consumer's pending entries. While Redis is down
// the loop waits and reconnects; it does not give up.
#pragma once

#include <atomic>
#include <cstdio>

#include "consumer_flags.hpp"

namespace stream_forwarder {

// Returns the exit code: 0 done or stopped, 1 Redis refused something that a retry cannot fix.
int consume(const consumer_settings& s, const std::atomic<bool>& stop, std::FILE* out);

}  // namespace stream_forwarder
