// epoll_wait_us.hpp: epoll_wait with a timeout in microseconds, for the load sender.
//
// A paced play sleeps until the next due time; epoll_wait's millisecond timeout would make every
// such sleep up to 1 ms late. epoll_pwait2 (Linux 5.11) takes a timespec; where the kernel lacks
// it, this falls back to epoll_wait with the timeout rounded up to whole milliseconds.
//
//   bool precise = true;
//   int n = detail::epoll_wait_us(epoll_fd, events.data(), 64, 250, precise);
#pragma once

#include <sys/epoll.h>

#include <cstdint>

namespace mifos::mock::detail {

// Waits at most `timeout_us` (0: only what is ready) and returns the number of events, 0 on a
// timeout, an interrupted wait or an error. `precise` starts true and turns false for good the
// first time the kernel turns epoll_pwait2 down.
int epoll_wait_us(int epoll_fd, epoll_event* events, int capacity, std::int64_t timeout_us,
                  bool& precise);

}  // namespace mifos::mock::detail
