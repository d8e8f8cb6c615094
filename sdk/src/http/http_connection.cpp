// http_connection.cpp: what happens on one connection, on Pistache's TCP layer: requests framed
// by http_request_parser, handed to the server's function, and answers written back in order,
// now (http_handler) or later from any thread (http_reply). With http_server.cpp, the only code
// that includes Pistache.
//
// TLS is Pistache's: it encrypts what goes through Peer::send, so with TLS every write takes
// Pistache's queue, never ::send on the fd.

// Debian builds libpistache with it. It changes no class layout in the headers we include, only
// inline helpers (the SSL_CTX deleter), which must match the library's.
#define PISTACHE_USE_SSL 1

#include <openssl/ssl.h>
#include <pistache/peer.h>
#include <pistache/tcp.h>
#include <sys/socket.h>

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "http_request_parser.hpp"
#include "http_server_io.hpp"
#include "mifos/hooks/http_server.hpp"

namespace mifos::hooks {
namespace {

using detail::connection;
using detail::server_state;
using Pistache::Tcp::Peer;

constexpr const char* kConnectionKey = "mifos.hooks.connection";

http_answer internal_error() { return {500, R"({"error":"internal error"})"}; }

void count(server_state& state, int status) {
  if (status >= 500) {
    ++state.answered_5xx;
  } else if (status >= 400) {
    ++state.answered_4xx;
  } else {
    ++state.answered_2xx;
  }
}

// Half-closes once the last answer is written. A TLS peer first gets close_notify, so that
// the client can tell the end of the stream from a truncation; only the connection's worker
// thread may use its SSL object, so another thread half-closes without it.
void end_output(const connection& c, Peer& peer) {
  if (!c.open) return;
  if (c.tls && std::this_thread::get_id() == c.worker)
    ::SSL_shutdown(static_cast<SSL*>(peer.ssl()));
  ::shutdown(c.fd, SHUT_WR);
}

// Writes an answer at once if nothing is queued before it, which is the rule: answers are small.
// What the socket does not take goes through Pistache's write queue, which keeps the order; so
// does everything for a TLS peer. `close_after`: half-close once written, then drain what the
// client still sends. The caller holds c->mutex.
void write_answer(server_state& state, const std::shared_ptr<connection>& c,
                  const std::shared_ptr<Peer>& peer, std::string bytes, bool close_after) {
  if (close_after) detail::begin_linger(*c);
  std::size_t sent = c->queued_writes == 0 && !c->tls ? detail::send_now(*c, bytes) : 0;
  if (sent == bytes.size()) {
    if (close_after) end_output(*c, *peer);
    return;
  }
  std::weak_ptr<connection> weak = c;
  std::weak_ptr<Peer> weak_peer = peer;
  auto finish = [weak, weak_peer, close_after] {
    auto alive = weak.lock();
    if (!alive) return;
    std::lock_guard lock(alive->mutex);
    --alive->queued_writes;
    auto alive_peer = weak_peer.lock();
    if (close_after && alive_peer) end_output(*alive, *alive_peer);
  };
  bytes.erase(0, sent);
  std::size_t size = bytes.size();
  // A deferred answer may come while the server stops: once the workers are being destroyed,
  // their write queues are gone and the rest of the answer is dropped.
  std::lock_guard gate(state.replies_mutex);
  if (!state.write_queues_open) {
    ::shutdown(c->fd, SHUT_RDWR);
    return;
  }
  ++c->queued_writes;
  peer->send(Pistache::RawBuffer(std::move(bytes), size))
      .then([finish](ssize_t) { finish(); }, [finish](std::exception_ptr&) { finish(); });
}

void serve(const std::shared_ptr<server_state>& state, const std::shared_ptr<connection>& c,
           const std::shared_ptr<Peer>& peer);

}  // namespace
}  // namespace mifos::hooks

namespace mifos::hooks::detail {

// Where a deferred answer goes: the connection of one request whose function took an
// http_reply. The function may answer before it returns (kept in `early`, written by the
// serving thread) or later from any thread (written by that thread).
struct reply_slot {
  reply_slot(std::shared_ptr<server_state> s, std::shared_ptr<connection> c_,
             std::shared_ptr<Peer> p, const http_request& r)
      : state(std::move(s)),
        c(std::move(c_)),
        peer(std::move(p)),
        keep_alive(r.keep_alive),
        head_only(r.head_only) {}

  enum class phase { in_function, deferred, done };

  static http_reply make_reply(const std::shared_ptr<reply_slot>& slot) {
    return http_reply(std::make_shared<reply_token>(slot));
  }
  void give(http_answer a);
  void abandon();
  // After the function returned, on the serving thread: the answer to write now, or nothing
  // when it will come later (then the connection waits for it).
  std::optional<http_answer> settle();
  void finish(const http_answer& a);

  const std::shared_ptr<server_state> state;
  const std::shared_ptr<connection> c;
  const std::shared_ptr<Peer> peer;
  const bool keep_alive;
  const bool head_only;

  std::mutex mutex;
  phase now = phase::in_function;
  std::optional<http_answer> early;
  bool abandoned = false;  // every http_reply copy is gone
};

// Shared by the copies of one http_reply: when the last goes, the reply is abandoned.
struct reply_token {
  explicit reply_token(std::shared_ptr<reply_slot> s) : slot(std::move(s)) {}
  reply_token(const reply_token&) = delete;
  reply_token& operator=(const reply_token&) = delete;
  ~reply_token() { slot->abandon(); }
  const std::shared_ptr<reply_slot> slot;
};

void reply_slot::give(http_answer a) {
  {
    std::lock_guard lock(mutex);
    if (now == phase::done) return;
    if (now == phase::in_function) {
      if (!early) early = std::move(a);
      return;
    }
    now = phase::done;
  }
  finish(a);
}

void reply_slot::abandon() {
  {
    std::lock_guard lock(mutex);
    abandoned = true;
    if (now != phase::deferred) return;
    now = phase::done;
  }
  finish(internal_error());
}

std::optional<http_answer> reply_slot::settle() {
  std::lock_guard lock(mutex);
  if (early) {
    now = phase::done;
    return std::move(early);
  }
  if (abandoned) {
    now = phase::done;
    return internal_error();
  }
  {
    std::lock_guard count_lock(state->replies_mutex);
    ++state->pending_replies;
  }
  now = phase::deferred;
  return std::nullopt;
}

void reply_slot::finish(const http_answer& a) {
  {
    std::lock_guard lock(c->mutex);
    c->awaiting = false;
    if (c->open && !c->closing) {
      count(*state, a.status);
      detail::render_options how;
      how.keep_alive = keep_alive && !state->stopping && !c->overflowed;
      how.head_only = head_only;
      write_answer(*state, c, peer, detail::render(a, how), !how.keep_alive);
      // Requests the client sent meanwhile (pipelined) are served now, on this thread.
      if (how.keep_alive) serve(state, c, peer);
    }
  }
  std::lock_guard lock(state->replies_mutex);
  if (--state->pending_replies == 0) state->replies_done.notify_all();
}

}  // namespace mifos::hooks::detail

namespace mifos::hooks {

void http_reply::send(http_answer answer) const {
  if (token_) token_->slot->give(std::move(answer));
}

namespace {

using detail::reply_slot;

http_answer run_handler(server_state& state, const delivery& request) {
  try {
    return state.handler(request);
  } catch (...) {
    return internal_error();  // the exception's text never reaches the client
  }
}

// The answer now, or nothing when the function deferred it (the connection then waits).
std::optional<http_answer> run_async_handler(const std::shared_ptr<server_state>& state,
                                             const std::shared_ptr<connection>& c,
                                             const std::shared_ptr<Peer>& peer,
                                             const detail::http_request& request) {
  auto slot = std::make_shared<reply_slot>(state, c, peer, request);
  try {
    state->async_handler(request.message, reply_slot::make_reply(slot));
  } catch (...) {
    // Its reply, if it kept none, is abandoned: a 500, never the exception's text.
  }
  return slot->settle();
}

// Serves the requests buffered on a connection, in order. The caller holds c->mutex.
void serve(const std::shared_ptr<server_state>& state, const std::shared_ptr<connection>& c,
           const std::shared_ptr<Peer>& peer) {
  while (!c->awaiting) {
    detail::parse_step step = c->parser.parse();
    if (step.status == detail::parse_status::need_more) {
      if (step.send_continue) write_answer(*state, c, peer, "HTTP/1.1 100 Continue\r\n\r\n", false);
      detail::arm_deadline(*c, state->options);
      return;
    }
    if (step.status == detail::parse_status::failed) {
      count(*state, step.error_status);
      http_answer a{step.error_status, nlohmann::json{{"error", step.error_reason}}.dump()};
      write_answer(*state, c, peer, detail::render(a, {}), true);
      return;
    }
    detail::http_request request = c->parser.take();
    c->deadline = 0;  // a handler may take its time: the sweeper leaves this connection alone
    c->armed_phase.reset();
    std::optional<http_answer> a;
    if (state->handler) {
      a = run_handler(*state, request.message);
    } else {
      a = run_async_handler(state, c, peer, request);
      if (!a) {
        c->awaiting = true;  // reply_slot::finish() answers and serves what came meanwhile
        return;
      }
    }
    count(*state, a->status);
    detail::render_options how;
    how.keep_alive = request.keep_alive && !state->stopping;
    how.head_only = request.head_only;
    write_answer(*state, c, peer, detail::render(*a, how), !how.keep_alive);
    if (!how.keep_alive) return;
  }
}

class tcp_handler final : public Pistache::Tcp::Handler {
 public:
  explicit tcp_handler(std::shared_ptr<server_state> state) : state_(std::move(state)) {}
  PROTOTYPE_OF(Pistache::Tcp::Handler, tcp_handler)

  void onConnection(const std::shared_ptr<Peer>& peer) override {
    try {
      auto c = std::make_shared<connection>(peer->fd(), state_->options.max_request_bytes);
      c->tls = peer->ssl() != nullptr;
      c->worker = std::this_thread::get_id();
      detail::arm_deadline(*c, state_->options);
      peer->putData(kConnectionKey, c);
      // Over the limit: a clear answer rather than a silent close; its linger ends it soon.
      if (!detail::admit(*state_, c)) {
        std::lock_guard lock(c->mutex);
        write_answer(*state_, c, peer, detail::render_too_many_connections(), true);
      }
    } catch (...) {
      // Out of memory: drop the connection (Pistache reads the end and cleans up) rather than
      // let the exception end the worker thread.
      ::shutdown(peer->fd(), SHUT_RDWR);
    }
  }

  void onDisconnection(const std::shared_ptr<Peer>& peer) override {
    auto c = std::static_pointer_cast<connection>(peer->tryGetData(kConnectionKey));
    if (!c) return;
    {
      std::lock_guard lock(c->mutex);
      c->open = false;  // Pistache closes the fd next: nothing may touch it from now on
    }
    detail::forget(*state_, *c);
  }

  void onInput(const char* data, std::size_t size, const std::shared_ptr<Peer>& peer) override {
    auto c = std::static_pointer_cast<connection>(peer->tryGetData(kConnectionKey));
    if (!c) return;
    std::lock_guard lock(c->mutex);
    // After an answer that closes the connection, what the client still sends is read and
    // dropped, so the kernel never resets the connection under an answer not yet read.
    if (c->closing || c->overflowed) return;
    try {
      if (c->awaiting && c->parser.buffered() + size > state_->options.max_request_bytes) {
        c->overflowed = true;  // a client may pipeline, not flood: closed after the answer
        return;
      }
      c->parser.append(data, size);
      if (!c->awaiting) serve(state_, c, peer);
    } catch (...) {
      // Only allocation failures get here: handler exceptions are caught in serve(). An
      // exception must not reach Pistache's reactor loop, which would end the worker thread.
      ++state_->answered_5xx;
      try {
        write_answer(*state_, c, peer, detail::render(internal_error(), {}), true);
      } catch (...) {
        detail::begin_linger(*c);
      }
    }
  }

 private:
  std::shared_ptr<server_state> state_;
};

}  // namespace

std::shared_ptr<Pistache::Tcp::Handler> detail::make_connection_handler(
    std::shared_ptr<server_state> state) {
  return std::make_shared<tcp_handler>(std::move(state));
}

}  // namespace mifos::hooks
