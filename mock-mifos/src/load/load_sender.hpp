// load_sender.hpp: a purpose-built HTTP/1.1 load client, as wrk has: a fixed set of keep-alive
// connections to one host, requests serialized once by the caller, one request in flight per
// connection, minimal response parsing (status line, Content-Length or chunked body, Connection:
// close), non-blocking sockets on one epoll loop in the caller's thread. No libcurl: it costs
// twice wrk's CPU per request here (see bench/RESULTS.md).
//
//   load_sender sender("127.0.0.1", 8080, {.connections = 32});
//   std::vector<load_response> done;
//   while (...) {
//     if (sender.idle_connections() > 0) sender.send(std::move(request));
//     sender.poll(std::chrono::milliseconds(1), done);   // collects finished requests
//   }
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "load/load_types.hpp"

namespace mifos::mock {

struct load_sender_options {
  std::size_t connections = 32;
  // A request without a complete response by then is failed (status 0, "timeout") and its
  // connection closed and reopened.
  std::chrono::milliseconds request_timeout{10'000};
  std::chrono::milliseconds connect_timeout{10'000};
};

class load_sender {
 public:
  // `host`: an IPv4 address or "localhost"; connections open lazily on first use.
  load_sender(std::string host, std::uint16_t port, load_sender_options options = {});
  ~load_sender();
  load_sender(const load_sender&) = delete;
  load_sender& operator=(const load_sender&) = delete;

  // Connections with no request in flight (including ones not opened yet).
  std::size_t idle_connections() const;
  std::size_t in_flight() const;
  // Starts `r` on an idle connection (opening or reopening it as needed). Precondition:
  // idle_connections() > 0. The request's sent_us is stamped when its first byte is written.
  void send(load_request r);
  // Runs the event loop for at most `wait` (0 = only what is ready) and appends every request
  // that finished (answered, failed or timed out) to `done`.
  void poll(std::chrono::microseconds wait, std::vector<load_response>& done);

  // Microseconds since this sender was made, on the clock all its stamps use.
  std::int64_t now_us() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// The bytes of `d` as an HTTP/1.1 request to `host_header`: request line, the delivery's headers
// in order (its Host replaced, a Content-Length set to the body size), then the body.
std::string serialize_request(const std::string& method, const std::string& target,
                              const std::vector<std::pair<std::string, std::string>>& headers,
                              const std::string& body, const std::string& host_header);

}  // namespace mifos::mock
