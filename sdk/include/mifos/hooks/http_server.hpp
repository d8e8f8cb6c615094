// http_server.hpp: a small embedded HTTP/1.1 server that hands each request to one function.
//
// The receiver (receiver.hpp) is this server with the hook answer() as its function; mock-mifos
// and the example receivers use it directly for their REST surfaces. Requests arrive as a
// `delivery` (method, target, headers in order, body); the function returns the answer. The
// server library is hidden behind this header.
//
//   mifos::hooks::http_server server(
//       [](const mifos::hooks::delivery& request) {
//         if (request.path() == "/ping") return mifos::hooks::http_answer{200, R"({"ok":true})"};
//         return mifos::hooks::http_answer{404, R"({"error":"not found"})"};
//       },
//       {.port = 0});
//   server.start();                       // returns once the socket accepts connections
//   std::uint16_t port = server.port();
//   server.wait_for_signal();             // until SIGINT or SIGTERM, then a clean stop
//
// Framing is strict: a duplicate or invalid Content-Length, or a request over max_request_bytes,
// is answered 400/413 before the function runs. A function that throws gets a generic 500,
// never the exception's text. Keep-alive per HTTP/1.1; an idle connection is closed after 60 s,
// and a client that is too slow with its headers or body is disconnected. SIGPIPE is ignored
// from start() on. Functions run on the serving threads, several at once when threads > 1.
//
// A function that must wait for something before it can answer (a disk, another service) takes
// an http_reply instead and returns at once; the serving thread goes on with other connections,
// and the answer is sent when reply.send() is called, from any thread:
//
//   mifos::hooks::http_server server(
//       [&](const mifos::hooks::delivery& request, mifos::hooks::http_reply reply) {
//         store.write_async(request.body, [reply](bool ok) {
//           reply.send(ok ? mifos::hooks::http_answer{200, R"({"status":"stored"})"}
//                         : mifos::hooks::http_answer{503, R"({"error":"cannot store"})"});
//         });
//       });
//
// Signals: wait_for_signal() handles SIGINT and SIGTERM only while it waits. A program that may
// receive one between start() and wait_for_signal() calls block_stop_signals() first thing in
// main(); a signal that comes early then waits, blocked, for wait_for_signal().
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/http_answer.hpp"
#include "mifos/hooks/http_server_options.hpp"

namespace mifos::hooks {

using http_handler = std::function<http_answer(const delivery& request)>;

namespace detail {
struct reply_slot;
struct reply_token;
}  // namespace detail

// The answer to one request, given later. Copies share it; send() from any thread, once: the
// first answer is sent, later ones are ignored. If every copy is destroyed unanswered (the
// function lost it, or threw), the client gets a generic 500, never silence. Later requests on
// the same connection (pipelined) wait for this answer, as HTTP/1.1 orders answers.
class http_reply {
 public:
  void send(http_answer answer) const;

 private:
  friend struct detail::reply_slot;
  explicit http_reply(std::shared_ptr<detail::reply_token> token) : token_(std::move(token)) {}
  std::shared_ptr<detail::reply_token> token_;
};

using http_async_handler = std::function<void(const delivery& request, http_reply reply)>;

// Answers given, by class. Framing errors the server answers itself count as 4xx.
struct http_server_stats {
  std::uint64_t answered_2xx = 0;  // and every other status below 400
  std::uint64_t answered_4xx = 0;
  std::uint64_t answered_5xx = 0;         // a function that threw, or answered 5xx itself
  std::uint64_t refused_connections = 0;  // over max_connections: 503 and closed, not counted above
  std::uint64_t open_connections = 0;     // now
};

// Blocks SIGINT and SIGTERM in the calling thread and in every thread it starts afterwards, so
// that a stop signal arriving before wait_for_signal() is kept for it instead of killing the
// process. Call it at the top of main(), before any thread starts.
void block_stop_signals();

class http_server {
 public:
  http_server(http_handler handler, http_server_options options = {});
  http_server(http_async_handler handler, http_server_options options = {});
  ~http_server();  // stops if still running
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  // Binds and starts serving on background threads. Throws std::runtime_error with a readable
  // message if the address cannot be bound.
  void start();
  // The bound port: the real one when options.port was 0. Valid after start().
  std::uint16_t port() const;
  // Stops accepting, lets requests in flight finish and get their answer, joins. Idempotent.
  // Replies still pending are waited for, up to 10 s; a reply sent after stop() returns is
  // dropped (its connection is closed).
  void stop();
  // Blocks until SIGINT or SIGTERM arrives (or stop() is called elsewhere), then stops.
  void wait_for_signal();

  http_server_stats stats() const;
  const http_server_options& options() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace mifos::hooks
