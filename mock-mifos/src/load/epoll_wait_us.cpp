// epoll_wait_us.cpp: microsecond epoll waits (see epoll_wait_us.hpp).
#include "load/epoll_wait_us.hpp"

#include <algorithm>
#include <cerrno>
#include <ctime>

namespace mifos::mock::detail {

int epoll_wait_us(int epoll_fd, epoll_event* events, int capacity, std::int64_t timeout_us,
                  bool& precise) {
  const std::int64_t us = std::max<std::int64_t>(0, timeout_us);
  int n = -1;
  if (precise && us > 0) {
    const timespec ts{static_cast<std::time_t>(us / 1'000'000),
                      static_cast<long>((us % 1'000'000) * 1'000)};
    n = ::epoll_pwait2(epoll_fd, events, capacity, &ts, nullptr);
    if (n < 0 && errno == ENOSYS) precise = false;
  }
  if (!precise || us == 0) {
    const std::int64_t ms = std::min<std::int64_t>((us + 999) / 1000, 1'000'000'000);
    n = ::epoll_wait(epoll_fd, events, capacity, static_cast<int>(ms));
  }
  // EINTR (a signal) or anything else: nothing to report now; the caller polls again.
  return n < 0 ? 0 : n;
}

}  // namespace mifos::mock::detail
