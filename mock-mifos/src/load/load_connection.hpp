// load_connection.hpp: one connection of the load sender (internal to load_sender.cpp).
//
// A connection is closed (not opened yet, or closed after a failure or Connection: close),
// connecting (non-blocking connect under way, with a request waiting), busy (its request is
// being written or answered) or idle (open, kept alive, no request).
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "load/load_types.hpp"
#include "load/response_framer.hpp"

namespace mifos::mock::detail {

// Each connection's receive buffer. Bodies are skipped as they arrive, so only a response head
// (at most response_framer::kMaxHead) ever has to fit; the rest is there to read big bodies in
// few recv() calls.
inline constexpr std::size_t kReadBuffer = 32 * 1024;

struct load_connection {
  enum class state_t : std::uint8_t { closed, connecting, busy, idle };

  int fd = -1;
  state_t state = state_t::closed;
  std::uint32_t events = 0;  // what epoll watches for it now; 0 = not in the epoll set
  load_request request;
  std::size_t written = 0;    // bytes of request.bytes sent so far
  std::size_t write_end = 0;  // where writing stops: the size, or the cut of a fault
  std::int64_t sent_us = -1;  // -1 until the first byte is written
  std::int64_t deadline_us = 0;
  response_framer framer;
  std::unique_ptr<char[]> buffer;  // kReadBuffer bytes, made once
  std::size_t begin = 0, end = 0;  // the unparsed bytes in buffer
};

// The error text of a failed connect, send or recv.
inline const char* socket_error(int error) {
  switch (error) {
    case ECONNREFUSED:
      return "connection refused";
    case ECONNRESET:
    case EPIPE:
      return "connection reset";
    case ETIMEDOUT:
      return "timeout";
    default:
      return std::strerror(error);
  }
}

}  // namespace mifos::mock::detail
