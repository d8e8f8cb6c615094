// http_server_io.hpp: the server's per-connection state, answer rendering and timeouts, kept out
// of http_server.cpp and http_connection.cpp so that those hold only the Pistache glue. Nothing
// here includes Pistache.
//
//   auto c = std::make_shared<detail::connection>(fd, options.max_request_bytes);
//   detail::arm_deadline(*c, options);     // after each read: the deadline of the current phase
//   std::string bytes = detail::render({200, R"({"status":"accepted"})"}, {});
//   std::size_t sent = detail::send_now(*c, bytes);  // the rest, if any, goes through a queue
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "http_request_parser.hpp"
#include "mifos/hooks/http_server.hpp"

namespace Pistache::Tcp {
class Handler;
}  // namespace Pistache::Tcp

namespace mifos::hooks::detail {

using clock = std::chrono::steady_clock;

// A keep-alive connection with no request under way is closed after this long. Clients with a
// pool (OkHttp) check a pooled connection before reusing it, so closing idle ones is safe.
inline constexpr std::chrono::seconds kIdleTimeout{60};
// After an answer that closes the connection, how long what the client still sends is drained.
inline constexpr std::chrono::seconds kLinger{2};

// One TCP connection. Its worker thread and, for a deferred answer (http_reply), the thread
// that sends it use it under `mutex`; the sweeper only reads and clears `deadline`.
struct connection {
  connection(int fd_, std::size_t max_request_bytes) : fd(fd_), parser(max_request_bytes) {}

  // Recursive: Pistache may run a write's continuation (which takes it) inside peer->send()
  // when the write completed before the continuation was attached.
  std::recursive_mutex mutex;
  const int fd;
  std::thread::id worker;  // the Pistache worker that owns it: the only one that may use its SSL
  http_request_parser parser;
  // When the sweeper disconnects it, in clock ticks; 0 = never (a handler is running).
  std::atomic<clock::rep> deadline{0};
  std::optional<parse_phase> armed_phase;  // the phase `deadline` was set for
  bool open = true;       // false once Pistache reported the disconnection: the fd is not ours
  bool closing = false;   // answered with "Connection: close": input is dropped
  bool tls = false;       // Pistache encrypts: every write goes through its queue (SSL_write)
  bool counted = false;   // in open_connections (not refused over max_connections)
  int queued_writes = 0;  // answers waiting in Pistache's write queue, sent in order
  // A request's answer was deferred (http_reply): input is buffered, not served, until it is sent.
  bool awaiting = false;
  bool overflowed = false;  // more than max_request_bytes arrived while awaiting: close after
};

// Shared by the handler clones of every worker, the sweeper and the server.
struct server_state {
  server_state(http_handler h, http_server_options o)
      : handler(std::move(h)), options(std::move(o)) {}
  server_state(http_async_handler h, http_server_options o)
      : async_handler(std::move(h)), options(std::move(o)) {}

  const http_handler handler;  // one of these two is set
  const http_async_handler async_handler;
  const http_server_options options;
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> answered_2xx{0}, answered_4xx{0}, answered_5xx{0};
  std::atomic<std::uint64_t> refused_connections{0};  // over max_connections; not an answer
  std::mutex connections_mutex;
  std::unordered_map<int, std::shared_ptr<connection>> connections;  // by fd, refused ones too
  std::size_t open_connections = 0;  // not refused; guarded by connections_mutex

  // Deferred answers not yet sent, and whether Pistache's write queues may still be used for
  // them (false once the workers are being destroyed).
  std::mutex replies_mutex;
  std::condition_variable replies_done;
  std::size_t pending_replies = 0;
  bool write_queues_open = true;
};

// The Pistache handler that serves every connection (http_connection.cpp).
std::shared_ptr<Pistache::Tcp::Handler> make_connection_handler(
    std::shared_ptr<server_state> state);

// Registers a new connection and counts it, unless it is over max_connections: then it is
// registered but not counted, and admit() returns false.
bool admit(server_state& state, const std::shared_ptr<connection>& c);
// Unregisters it; Pistache closes the fd right after.
void forget(server_state& state, connection& c);
// The 503 a connection over max_connections gets, with "Connection: close".
std::string render_too_many_connections();

// Throws std::runtime_error naming the file if only one of tls_cert_file and tls_key_file is
// set (that would serve plain HTTP to someone who asked for HTTPS) or one cannot be read.
// Pistache's own messages do not name the file.
void check_tls_files(const http_server_options& o);

// Sets the deadline for the phase the parser is in, if the phase changed: a client trickling
// bytes does not push its deadline back.
void arm_deadline(connection& c, const http_server_options& options);
// The connection was answered for the last time: drop its input, disconnect it after kLinger.
void begin_linger(connection& c);

struct render_options {
  bool keep_alive = false;
  bool head_only = false;  // HEAD: headers with the body's length, no body
};
// A whole HTTP/1.1 response. The Connection header is always explicit.
std::string render(const http_answer& a, const render_options& how);

// Writes what the socket takes now, without blocking; returns how many bytes were written, or
// bytes.size() if the peer is gone (nothing more is worth sending).
std::size_t send_now(const connection& c, std::string_view bytes);

// Disconnects connections past their deadline, a few times per timeout. shutdown(2) on the
// socket makes Pistache's worker read end-of-stream and clean up on its own thread.
class sweeper {
 public:
  ~sweeper() { stop(); }
  void start(std::shared_ptr<server_state> state);
  void stop();

 private:
  void run(std::chrono::milliseconds tick);

  std::shared_ptr<server_state> state_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
};

// After the workers are joined: shuts down and closes every connection still registered, each
// marked closed under its mutex so that a late deferred answer never writes to a reused fd.
void close_all(server_state& state);

}  // namespace mifos::hooks::detail
