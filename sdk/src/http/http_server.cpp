// http_server.cpp: the embedded HTTP server's lifecycle (listen, start, stop, signals). With
// http_connection.cpp (one connection's requests and answers), the only code that includes
// Pistache.
//
// It uses Pistache for what Pistache does well (accepting, epoll reactors, worker threads) and
// frames HTTP itself (http_request_parser.hpp) on Pistache's TCP layer, because Pistache 0.0.5's
// HTTP layer loses header order and duplicates, reads a non-numeric Content-Length as 0, leaks an
// exception's text in a 500 for "Content-Length: -1", and answers "Connection: Close" to every
// HTTP/1.1 client that sends no Connection header (while leaving the socket open), which halves
// throughput for clients that take it at its word. Everything an answer depends on is decided
// by the handler function; these files move bytes, time connections out and count.
//
// TLS is Pistache's (Listener::setupSSL): it does the handshake in its accept thread, blocking,
// for up to 10 s per connection (a timeout built into Debian's 0.0.5).
#include "mifos/hooks/http_server.hpp"

// Debian builds libpistache with it. It changes no class layout in the headers we include, only
// inline helpers (the SSL_CTX deleter), which must match the library's.
#define PISTACHE_USE_SSL 1

#include <fcntl.h>
#include <pistache/listener.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <string>

#include "http_server_io.hpp"

namespace mifos::hooks {
namespace {

using detail::server_state;

// How long stop() waits for deferred answers (http_reply) still to come.
constexpr std::chrono::seconds kPendingReplyWait{10};

// Self-pipe for wait_for_signal(): the handler only writes a byte, which is async-signal-safe.
int g_signal_pipe[2] = {-1, -1};
std::once_flag g_signal_pipe_once;

extern "C" void on_stop_signal(int) {
  int saved = errno;
  char byte = 1;
  [[maybe_unused]] auto n = ::write(g_signal_pipe[1], &byte, 1);
  errno = saved;
}

// Pistache's TLS errors are OpenSSL's error queue, a line per entry.
std::string one_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// The longest listen queue the kernel allows (net.core.somaxconn), not Pistache's 128: a burst
// of connections (a load test, hundreds of slow clients) then waits in the queue instead of
// having its SYNs dropped and retried a second later.
int listen_backlog() {
  int backlog = SOMAXCONN;
  if (FILE* f = std::fopen("/proc/sys/net/core/somaxconn", "r")) {
    int value = 0;
    if (std::fscanf(f, "%d", &value) == 1 && value > 0) backlog = value;
    std::fclose(f);
  }
  return backlog;
}

void drain(int fd) {
  char buf[64];
  while (::read(fd, buf, sizeof buf) > 0) {
  }
}

}  // namespace

struct http_server::impl {
  impl(http_handler h, http_server_options o)
      : state(std::make_shared<server_state>(std::move(h), std::move(o))) {}
  impl(http_async_handler h, http_server_options o)
      : state(std::make_shared<server_state>(std::move(h), std::move(o))) {}

  std::shared_ptr<server_state> state;
  std::unique_ptr<Pistache::Tcp::Listener> listener;
  std::uint16_t port = 0;
  std::mutex lifecycle;  // start() and stop()
  bool running = false;
  detail::sweeper sweeper;
  int wake[2] = {-1, -1};  // stop() writes here so wait_for_signal() returns
};

http_server::http_server(http_handler handler, http_server_options options)
    : impl_(std::make_unique<impl>(std::move(handler), std::move(options))) {
  if (::pipe2(impl_->wake, O_NONBLOCK | O_CLOEXEC) != 0)
    throw std::runtime_error("mifos::hooks::http_server: cannot create a pipe");
}

http_server::http_server(http_async_handler handler, http_server_options options)
    : impl_(std::make_unique<impl>(std::move(handler), std::move(options))) {
  if (::pipe2(impl_->wake, O_NONBLOCK | O_CLOEXEC) != 0)
    throw std::runtime_error("mifos::hooks::http_server: cannot create a pipe");
}

http_server::~http_server() {
  try {
    stop();
  } catch (...) {
    // stop() throws only if Pistache cannot signal its own threads; a destructor must not.
  }
  ::close(impl_->wake[0]);
  ::close(impl_->wake[1]);
}

void http_server::start() {
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->running) return;
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, nullptr);  // a client that goes away must not end the process

  const http_server_options& o = impl_->state->options;
  detail::check_tls_files(o);
  std::string where = o.address + ":" + std::to_string(o.port);
  std::unique_ptr<Pistache::Tcp::Listener> listener;
  try {
    listener = std::make_unique<Pistache::Tcp::Listener>(
        Pistache::Address(o.address, Pistache::Port(o.port)));
    listener->init(static_cast<std::size_t>(o.threads > 0 ? o.threads : 2),
                   Pistache::Flags<Pistache::Tcp::Options>(Pistache::Tcp::Options::ReuseAddr) |
                       Pistache::Tcp::Options::NoDelay,
                   /*workersName=*/"", listen_backlog());
  } catch (const std::exception& e) {
    throw std::runtime_error("mifos::hooks::http_server: cannot listen on " + where + ": " +
                             e.what());
  }
  if (!o.tls_cert_file.empty()) {
    try {
      // After init(), which turns TLS off. No compression: it leaks secrets (CRIME, BREACH).
      listener->setupSSL(o.tls_cert_file, o.tls_key_file, false, nullptr);
    } catch (const std::exception& e) {
      throw std::runtime_error("mifos::hooks::http_server: cannot load the TLS certificate " +
                               o.tls_cert_file + " with the key " + o.tls_key_file + ": " +
                               one_line(e.what()));
    }
  }
  try {
    listener->setHandler(detail::make_connection_handler(impl_->state));
    listener->bind();
  } catch (const std::exception& e) {
    throw std::runtime_error("mifos::hooks::http_server: cannot listen on " + where + ": " +
                             e.what());
  }
  impl_->state->stopping = false;
  {
    std::lock_guard replies(impl_->state->replies_mutex);
    impl_->state->write_queues_open = true;
  }

  // Threads started here inherit a mask that blocks SIGINT and SIGTERM, so these signals reach the
  // thread in wait_for_signal() (or the application's own threads), never a worker.
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
  try {
    listener->runThreaded();
    impl_->sweeper.start(impl_->state);
  } catch (...) {
    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    throw std::runtime_error("mifos::hooks::http_server: cannot start serving on " + where);
  }
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  impl_->port = static_cast<std::uint16_t>(listener->getPort());
  impl_->listener = std::move(listener);
  drain(impl_->wake[0]);
  impl_->running = true;
}

std::uint16_t http_server::port() const { return impl_->port; }

void http_server::stop() {
  std::lock_guard lock(impl_->lifecycle);
  if (!impl_->running) return;
  impl_->state->stopping = true;  // answers from now on close their connection
  impl_->listener->shutdown();    // stops accepting and tells the workers to finish
  server_state& state = *impl_->state;
  {
    std::lock_guard replies(state.replies_mutex);
    state.write_queues_open = false;  // the workers' queues go with them
  }
  // The listener's destructor joins the workers. A handler that is running completes first, and
  // its answer is written by that same worker, so requests in flight get their answer.
  impl_->listener.reset();
  {
    // Deferred answers still to come (the journal's fsync, typically) are written straight to
    // their sockets; a function that never answers does not hold the stop for ever.
    std::unique_lock replies(state.replies_mutex);
    state.replies_done.wait_for(replies, kPendingReplyWait,
                                [&] { return state.pending_replies == 0; });
  }
  impl_->sweeper.stop();
  // Pistache leaves connections open when it stops; close them so clients see the end.
  detail::close_all(*impl_->state);
  impl_->running = false;
  char byte = 1;
  [[maybe_unused]] auto n = ::write(impl_->wake[1], &byte, 1);
}

void block_stop_signals() {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
}

void http_server::wait_for_signal() {
  {
    std::lock_guard lock(impl_->lifecycle);
    if (!impl_->running) return;
  }
  std::call_once(g_signal_pipe_once, [] {
    if (::pipe2(g_signal_pipe, O_NONBLOCK | O_CLOEXEC) != 0)
      throw std::runtime_error("mifos::hooks::http_server: cannot create a pipe");
  });
  // A signal from an earlier wait must not end this one; drained before the handler is in place,
  // so that a signal arriving right after it is kept.
  drain(g_signal_pipe[0]);
  struct sigaction on_signal {
  }, old_int{}, old_term{};
  on_signal.sa_handler = on_stop_signal;
  sigemptyset(&on_signal.sa_mask);
  ::sigaction(SIGINT, &on_signal, &old_int);
  ::sigaction(SIGTERM, &on_signal, &old_term);
  // Unblocked only here: a signal that arrived while the caller had them blocked (hello-receiver
  // blocks them before start()) is delivered now instead of being lost.
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_UNBLOCK, &stop_signals, &old_mask);

  pollfd fds[2] = {{g_signal_pipe[0], POLLIN, 0}, {impl_->wake[0], POLLIN, 0}};
  while (::poll(fds, 2, -1) < 0 && errno == EINTR) {
  }

  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGTERM, &old_term, nullptr);
  stop();
}

http_server_stats http_server::stats() const {
  server_state& s = *impl_->state;
  http_server_stats out;
  out.answered_2xx = s.answered_2xx.load();
  out.answered_4xx = s.answered_4xx.load();
  out.answered_5xx = s.answered_5xx.load();
  out.refused_connections = s.refused_connections.load();
  std::lock_guard lock(s.connections_mutex);
  out.open_connections = s.open_connections;
  return out;
}

const http_server_options& http_server::options() const noexcept { return impl_->state->options; }

}  // namespace mifos::hooks
