// load_sender.cpp: the load sender's event loop: non-blocking IPv4 sockets on one level-triggered
// epoll set, in the caller's thread.
//
// The steady state costs what wrk's does: one send() per request (made at once in send(), so an
// open connection needs no epoll round trip to start), one recv() per readable event into the
// connection's own buffer, one epoll_wait per batch of events, and no epoll_ctl at all (an open
// connection stays registered for reading, also while idle, which is how a server's close of an
// idle keep-alive connection is noticed before a request is lost on it). EPOLLOUT is asked for
// only while a write is partial. Buffers are made once per connection and reused; a request's
// bytes are the caller's string, moved in and dropped when it finishes.
//
// A request that fails before its first byte leaves has sent_us = done_us = the time it failed.
#include "load/load_sender.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <utility>

#include "load/epoll_wait_us.hpp"
#include "load/load_connection.hpp"

namespace mifos::mock {

using detail::load_connection;
using detail::response_framer;

struct load_sender::impl {
  load_sender_options options;
  std::chrono::steady_clock::time_point epoch = std::chrono::steady_clock::now();
  sockaddr_in address{};
  std::string address_error;  // empty when the host was usable
  int epoll_fd = -1;
  bool have_pwait2 = true;
  std::vector<load_connection> connections;
  std::vector<std::uint32_t> idle;  // a stack: the most recently used (likely open) on top
  std::vector<epoll_event> events;
  std::vector<load_response> pending;  // finished inside send(), handed out by the next poll()
  std::vector<load_response>* out = &pending;
  std::int64_t next_deadline = std::numeric_limits<std::int64_t>::max();

  std::int64_t now() const {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 epoch)
        .count();
  }

  std::uint32_t index_of(const load_connection& c) const {
    return static_cast<std::uint32_t>(&c - connections.data());
  }

  void set_events(load_connection& c, std::uint32_t mask) {
    if (c.events == mask) return;
    epoll_event ev{};
    ev.events = mask;
    ev.data.u32 = index_of(c);
    ::epoll_ctl(epoll_fd, c.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, c.fd, &ev);
    c.events = mask;
  }

  void close_connection(load_connection& c, bool cut) {
    if (c.fd >= 0) {
      if (cut) ::shutdown(c.fd, SHUT_RDWR);
      ::close(c.fd);  // also leaves the epoll set
    }
    c.fd = -1;
    c.events = 0;
    c.state = load_connection::state_t::closed;
    c.begin = c.end = 0;
  }

  // Hands out the connection's request as done and makes the connection idle again.
  void finish(load_connection& c, int status, const char* error, bool close, bool cut = false) {
    const std::int64_t t = now();
    load_response& r = out->emplace_back();
    r.id = c.request.id;
    r.status = status;
    if (*error != '\0') r.error = error;
    r.intended_us = c.request.intended_us;
    r.sent_us = c.sent_us >= 0 ? c.sent_us : t;
    r.done_us = t;
    c.request.bytes.clear();
    if (close) {
      close_connection(c, cut);
    } else {
      c.state = load_connection::state_t::idle;
    }
    idle.push_back(index_of(c));
  }

  void set_deadline(load_connection& c, std::chrono::milliseconds after) {
    c.deadline_us = now() + std::chrono::duration_cast<std::chrono::microseconds>(after).count();
    next_deadline = std::min(next_deadline, c.deadline_us);
  }

  void open(load_connection& c);
  void write_some(load_connection& c);
  void read_some(load_connection& c);
  void on_event(load_connection& c, std::uint32_t ev);
  void expire(std::int64_t t);
  int wait_events(std::chrono::microseconds wait);
};

void load_sender::impl::open(load_connection& c) {
  if (!address_error.empty()) return finish(c, 0, address_error.c_str(), true);
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return finish(c, 0, detail::socket_error(errno), true);
  c.fd = fd;
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
    c.state = load_connection::state_t::busy;
    set_deadline(c, options.request_timeout);
    set_events(c, EPOLLIN);
    return write_some(c);
  }
  if (errno != EINPROGRESS) return finish(c, 0, detail::socket_error(errno), true);
  c.state = load_connection::state_t::connecting;
  set_deadline(c, options.connect_timeout);
  set_events(c, EPOLLOUT);
}

void load_sender::impl::write_some(load_connection& c) {
  while (c.written < c.write_end) {
    const ssize_t n =
        ::send(c.fd, c.request.bytes.data() + c.written, c.write_end - c.written, MSG_NOSIGNAL);
    if (n > 0) {
      if (c.sent_us < 0) c.sent_us = now();
      c.written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      set_events(c, EPOLLIN | EPOLLOUT);
      return;
    }
    return finish(c, 0, detail::socket_error(n < 0 ? errno : ECONNRESET), true);
  }
  if (c.write_end < c.request.bytes.size() || c.request.cut_after > 0) {
    // A cut on purpose: the server sees the request end where the fault says.
    return finish(c, 0, "disconnected on purpose", true, true);
  }
  set_events(c, EPOLLIN);
}

void load_sender::impl::read_some(load_connection& c) {
  for (;;) {
    const ssize_t n = ::recv(c.fd, c.buffer.get() + c.end, detail::kReadBuffer - c.end, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (n <= 0) {
      if (c.state == load_connection::state_t::idle) return close_connection(c, false);
      if (c.framer.end_of_stream()) return finish(c, c.framer.status(), "", true);
      if (n < 0) return finish(c, 0, detail::socket_error(errno), true);
      return finish(c, 0, c.framer.started() ? "closed mid-response" : "closed before answering",
                    true);
    }
    if (c.state == load_connection::state_t::idle) {
      // Bytes nobody asked for: the connection is out of step, so it is not reused.
      return close_connection(c, false);
    }
    c.end += static_cast<std::size_t>(n);
    c.begin += c.framer.feed(std::string_view(c.buffer.get() + c.begin, c.end - c.begin));
    switch (c.framer.state()) {
      case response_framer::outcome::complete: {
        // Leftover bytes or an unfinished write would put the next request out of step.
        const bool close = c.framer.must_close() || c.begin != c.end || c.written < c.write_end;
        c.begin = c.end = 0;
        return finish(c, c.framer.status(), "", close);
      }
      case response_framer::outcome::error:
        return finish(c, 0, c.framer.error(), true);
      case response_framer::outcome::need_more:
        if (c.begin == c.end) {
          c.begin = c.end = 0;
        } else if (c.begin > 0) {  // part of a head or line: keep it at the front
          std::memmove(c.buffer.get(), c.buffer.get() + c.begin, c.end - c.begin);
          c.end -= c.begin;
          c.begin = 0;
        }
        return;  // level-triggered: anything more is reported again
    }
  }
}

void load_sender::impl::on_event(load_connection& c, std::uint32_t ev) {
  switch (c.state) {
    case load_connection::state_t::closed:
      return;
    case load_connection::state_t::idle:
      return read_some(c);
    case load_connection::state_t::connecting: {
      int error = 0;
      socklen_t len = sizeof error;
      if (::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &len) != 0) error = errno;
      if (error == 0 && (ev & (EPOLLERR | EPOLLHUP)) != 0) error = ECONNREFUSED;
      if (error != 0) return finish(c, 0, detail::socket_error(error), true);
      c.state = load_connection::state_t::busy;
      set_deadline(c, options.request_timeout);
      return write_some(c);
    }
    case load_connection::state_t::busy:
      if ((ev & EPOLLOUT) != 0 && c.written < c.write_end) write_some(c);
      if (c.state == load_connection::state_t::busy && (ev & (EPOLLIN | EPOLLERR | EPOLLHUP)) != 0)
        read_some(c);
      return;
  }
}

void load_sender::impl::expire(std::int64_t t) {
  if (t < next_deadline) return;
  next_deadline = std::numeric_limits<std::int64_t>::max();
  for (load_connection& c : connections) {
    if (c.state != load_connection::state_t::busy &&
        c.state != load_connection::state_t::connecting)
      continue;
    if (c.deadline_us <= t) {
      finish(c, 0, c.state == load_connection::state_t::connecting ? "connect timeout" : "timeout",
             true);
    } else {
      next_deadline = std::min(next_deadline, c.deadline_us);
    }
  }
}

int load_sender::impl::wait_events(std::chrono::microseconds wait) {
  std::int64_t us = wait.count();
  if (next_deadline != std::numeric_limits<std::int64_t>::max())
    us = std::min(us, next_deadline - now());  // wake for the next timeout
  return detail::epoll_wait_us(epoll_fd, events.data(), static_cast<int>(events.size()), us,
                               have_pwait2);
}

load_sender::load_sender(std::string host, std::uint16_t port, load_sender_options options)
    : impl_(std::make_unique<impl>()) {
  impl& s = *impl_;
  if (options.connections == 0) options.connections = 1;
  s.options = options;
  s.address.sin_family = AF_INET;
  s.address.sin_port = htons(port);
  // IPv4 only, no DNS: a load run should not depend on a resolver.
  const std::string ip = host == "localhost" ? "127.0.0.1" : host;
  if (::inet_pton(AF_INET, ip.c_str(), &s.address.sin_addr) != 1)
    s.address_error = "bad host '" + host + "': an IPv4 address or localhost is needed";
  s.epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (s.epoll_fd < 0 && s.address_error.empty()) s.address_error = "epoll_create1 failed";
  s.connections.resize(options.connections);
  for (load_connection& c : s.connections) c.buffer = std::make_unique<char[]>(detail::kReadBuffer);
  s.idle.reserve(options.connections);
  for (std::size_t i = options.connections; i-- > 0;)
    s.idle.push_back(static_cast<std::uint32_t>(i));
  s.events.resize(std::max<std::size_t>(64, options.connections));
  s.pending.reserve(options.connections);
}

load_sender::~load_sender() {
  for (load_connection& c : impl_->connections) impl_->close_connection(c, false);
  if (impl_->epoll_fd >= 0) ::close(impl_->epoll_fd);
}

std::size_t load_sender::idle_connections() const { return impl_->idle.size(); }

std::size_t load_sender::in_flight() const {
  return impl_->connections.size() - impl_->idle.size();
}

void load_sender::send(load_request r) {
  impl& s = *impl_;
  s.out = &s.pending;
  if (s.idle.empty()) {
    // A broken precondition is reported, not undefined: the request fails at once.
    load_response& failed = s.pending.emplace_back();
    failed.id = r.id;
    failed.error = "no idle connection";
    failed.intended_us = r.intended_us;
    failed.sent_us = failed.done_us = s.now();
    return;
  }
  load_connection& c = s.connections[s.idle.back()];
  s.idle.pop_back();
  c.request = std::move(r);
  c.written = 0;
  c.write_end = c.request.cut_after > 0 ? std::min(c.request.cut_after, c.request.bytes.size())
                                        : c.request.bytes.size();
  c.sent_us = -1;
  c.framer.reset();
  if (c.fd < 0) return s.open(c);
  c.state = load_connection::state_t::busy;
  s.set_deadline(c, s.options.request_timeout);
  s.write_some(c);
}

void load_sender::poll(std::chrono::microseconds wait, std::vector<load_response>& done) {
  impl& s = *impl_;
  if (!s.pending.empty()) {
    for (load_response& r : s.pending) done.push_back(std::move(r));
    s.pending.clear();
    wait = std::chrono::microseconds(0);  // the caller has news already
  }
  s.out = &done;
  const int n = s.wait_events(wait);
  for (int i = 0; i < n; ++i)
    s.on_event(s.connections[s.events[static_cast<std::size_t>(i)].data.u32],
               s.events[static_cast<std::size_t>(i)].events);
  s.expire(s.now());
  s.out = &s.pending;
}

std::int64_t load_sender::now_us() const { return impl_->now(); }

}  // namespace mifos::mock
