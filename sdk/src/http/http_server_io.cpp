// http_server_io.cpp: answer rendering, non-blocking writes and connection timeouts.
#include "http_server_io.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <initializer_list>
#include <stdexcept>
#include <system_error>

namespace mifos::hooks::detail {
namespace {

std::string_view reason_phrase(int status) noexcept {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

clock::rep ticks_from_now(std::chrono::milliseconds d) {
  return (clock::now() + d).time_since_epoch().count();
}

}  // namespace

void check_tls_files(const http_server_options& o) {
  if (o.tls_cert_file.empty() && o.tls_key_file.empty()) return;
  const std::string prefix = "mifos::hooks::http_server: ";
  if (o.tls_cert_file.empty() || o.tls_key_file.empty())
    throw std::runtime_error(prefix + "tls_cert_file and tls_key_file must be set together");
  for (const std::string* file : {&o.tls_cert_file, &o.tls_key_file}) {
    if (::access(file->c_str(), R_OK) != 0) {
      std::string why = std::error_code(errno, std::generic_category()).message();
      throw std::runtime_error(prefix + "cannot read the TLS file " + *file + ": " + why);
    }
  }
}

void arm_deadline(connection& c, const http_server_options& options) {
  if (c.closing) return;  // the linger deadline stays
  parse_phase phase = c.parser.phase();
  if (c.armed_phase == phase) return;
  c.armed_phase = phase;
  switch (phase) {
    case parse_phase::idle:
      c.deadline = ticks_from_now(kIdleTimeout);
      break;
    case parse_phase::head:
      c.deadline = ticks_from_now(options.header_timeout);
      break;
    case parse_phase::body:
      c.deadline = ticks_from_now(options.body_timeout);
      break;
  }
}

void begin_linger(connection& c) {
  c.closing = true;
  c.deadline = ticks_from_now(kLinger);
}

std::string render(const http_answer& a, const render_options& how) {
  std::string out;
  out.reserve(160 + a.body.size());
  out += "HTTP/1.1 ";
  out += std::to_string(a.status);
  out += ' ';
  out += reason_phrase(a.status);
  out += "\r\nContent-Type: ";
  out += a.content_type;
  out += "\r\nContent-Length: ";
  out += std::to_string(a.body.size());
  for (const auto& h : a.headers) {
    out += "\r\n";
    out += h.name;
    out += ": ";
    out += h.value;
  }
  // Always explicit: an HTTP/1.1 client that sent no Connection header keeps the connection.
  out += how.keep_alive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n";
  if (!how.head_only) out += a.body;
  return out;
}

bool admit(server_state& state, const std::shared_ptr<connection>& c) {
  std::lock_guard lock(state.connections_mutex);
  // Refused connections stay registered, so the sweeper ends their linger like any other.
  state.connections[c->fd] = c;
  if (state.open_connections >= state.options.max_connections) {
    ++state.refused_connections;
    return false;
  }
  ++state.open_connections;
  c->counted = true;
  return true;
}

void forget(server_state& state, connection& c) {
  std::lock_guard lock(state.connections_mutex);
  state.connections.erase(c.fd);
  if (c.counted) --state.open_connections;
}

std::string render_too_many_connections() {
  return render({503, R"({"error":"too many connections"})"}, {});
}

std::size_t send_now(const connection& c, std::string_view bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(c.fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      break;
    } else {
      return bytes.size();  // EPIPE, ECONNRESET: Pistache sees the end on its next read
    }
  }
  return sent;
}

void sweeper::start(std::shared_ptr<server_state> state) {
  stop();
  state_ = std::move(state);
  const http_server_options& o = state_->options;
  auto tick = std::clamp(std::min(o.header_timeout, o.body_timeout) / 4,
                         std::chrono::milliseconds(10), std::chrono::milliseconds(250));
  stop_ = false;
  thread_ = std::thread([this, tick] { run(tick); });
}

void sweeper::stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void sweeper::run(std::chrono::milliseconds tick) {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, tick, [this] { return stop_; })) {
    clock::rep now = clock::now().time_since_epoch().count();
    // Holding the registry lock keeps each fd open while it is used: a connection leaves the
    // registry (onDisconnection) before Pistache closes its fd.
    std::lock_guard registry(state_->connections_mutex);
    for (auto& [fd, c] : state_->connections) {
      clock::rep due = c->deadline.load();
      // The exchange fails if the worker re-armed or started a handler meanwhile.
      if (due != 0 && now > due && c->deadline.compare_exchange_strong(due, 0))
        ::shutdown(fd, SHUT_RDWR);
    }
  }
}

void close_all(server_state& state) {
  std::lock_guard lock(state.connections_mutex);
  for (auto& [fd, c] : state.connections) {
    std::lock_guard connection_lock(c->mutex);
    c->open = false;
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  }
  state.connections.clear();
  state.open_connections = 0;
}

}  // namespace mifos::hooks::detail
