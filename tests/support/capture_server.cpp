// capture_server.cpp: the recording HTTP/1.1 server. Blocking sockets, a thread per connection;
// every wait polls the wake pipe too, so stopping never depends on what a client does.
#include "capture_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <stdexcept>
#include <string_view>

namespace mifos::hooks::test {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of header `name` (lower case) in a request head, trimmed; empty if absent.
std::string head_value(std::string_view head, std::string_view name) {
  std::size_t at = head.find("\r\n");
  while (at != std::string_view::npos && at + 2 < head.size()) {
    const std::size_t start = at + 2;
    const std::size_t end = head.find("\r\n", start);
    const std::string_view line =
        head.substr(start, (end == std::string_view::npos ? head.size() : end) - start);
    if (line.empty()) break;  // the end of the head
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && lower(line.substr(0, colon)) == name) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
      return std::string(value);
    }
    at = end;
  }
  return {};
}

std::size_t content_length(std::string_view head) {
  std::size_t n = 0;
  for (char c : head_value(head, "content-length")) {
    if (c < '0' || c > '9' || n > (1u << 30)) return 0;  // tests never send bad lengths here
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

const char* reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 302:
      return "Found";
    case 404:
      return "Not Found";
    case 500:
      return "Internal Server Error";
    default:
      return "Status";
  }
}

}  // namespace

capture_server::capture_server() {
  if (::pipe(wake_) != 0) throw std::runtime_error("capture_server: pipe failed");
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 256) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    for (int fd : {listen_fd_, wake_[0], wake_[1]})
      if (fd >= 0) ::close(fd);
    throw std::runtime_error("capture_server: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

capture_server::~capture_server() {
  const char byte = 'x';
  (void)!::write(wake_[1], &byte, 1);
  acceptor_.join();
  // The acceptor is gone, so nobody adds threads any more.
  for (auto& t : connection_threads_) t.join();
  ::close(listen_fd_);
  ::close(wake_[0]);
  ::close(wake_[1]);
}

std::string capture_server::origin() const { return "http://127.0.0.1:" + std::to_string(port_); }

void capture_server::set_behaviour(behaviour b) {
  std::lock_guard guard(mutex_);
  behaviour_ = b;
}

void capture_server::set_response(int status, std::string body,
                                  std::vector<std::string> extra_headers) {
  std::lock_guard guard(mutex_);
  status_ = status;
  body_ = std::move(body);
  extra_headers_ = std::move(extra_headers);
}

void capture_server::set_raw_response(std::vector<std::string> pieces, bool close_after) {
  std::lock_guard guard(mutex_);
  raw_pieces_ = std::move(pieces);
  raw_close_after_ = close_after;
}

std::vector<std::string> capture_server::requests() const {
  std::lock_guard guard(mutex_);
  return requests_;
}

std::size_t capture_server::request_count() const {
  std::lock_guard guard(mutex_);
  return requests_.size();
}

std::size_t capture_server::connection_count() const {
  std::lock_guard guard(mutex_);
  return connections_;
}

bool capture_server::wait_for_requests(std::size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return request_seen_.wait_for(lock, timeout, [&] { return requests_.size() >= n; });
}

std::size_t capture_server::client_closes() const {
  std::lock_guard guard(mutex_);
  return client_closes_;
}

std::vector<std::string> capture_server::partial_requests() const {
  std::lock_guard guard(mutex_);
  return partial_requests_;
}

bool capture_server::wait_for_client_closes(std::size_t n,
                                            std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return request_seen_.wait_for(lock, timeout, [&] { return client_closes_ >= n; });
}

void capture_server::note_client_close(const std::string& pending) {
  {
    std::lock_guard guard(mutex_);
    ++client_closes_;
    if (!pending.empty()) partial_requests_.push_back(pending);
  }
  request_seen_.notify_all();
}

bool capture_server::write_all(int fd, std::string_view rest) {
  while (!rest.empty()) {
    pollfd fds[2] = {{fd, POLLOUT, 0}, {wake_[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0 && errno != EINTR) return false;
    if (fds[1].revents != 0) return false;
    const ssize_t n = ::send(fd, rest.data(), rest.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n <= 0) return false;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool capture_server::wait_readable(int fd) {
  pollfd fds[2] = {{fd, POLLIN, 0}, {wake_[0], POLLIN, 0}};
  for (;;) {
    const int n = ::poll(fds, 2, -1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || fds[1].revents != 0) return false;
    return true;
  }
}

void capture_server::accept_loop() {
  while (wait_readable(listen_fd_)) {
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::lock_guard guard(mutex_);
    ++connections_;
    if (behaviour_ == behaviour::close_at_once) {
      ::close(fd);
      continue;
    }
    connection_threads_.emplace_back([this, fd] { serve(fd); });
  }
}

bool capture_server::read_request(int fd, std::string& pending, std::string& out) {
  char buffer[16384];
  for (;;) {
    const std::size_t head_end = pending.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      const std::size_t total =
          head_end + 4 + content_length(std::string_view(pending).substr(0, head_end));
      if (pending.size() >= total) {
        out = pending.substr(0, total);
        pending.erase(0, total);
        return true;
      }
    }
    if (!wait_readable(fd)) return false;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n == 0) note_client_close(pending);
    if (n <= 0) return false;
    pending.append(buffer, static_cast<std::size_t>(n));
  }
}

void capture_server::serve(int fd) {
  std::string pending;
  std::string request;
  while (read_request(fd, pending, request)) {
    behaviour b;
    std::string answer;
    std::vector<std::string> raw;
    bool raw_close = false;
    {
      std::lock_guard guard(mutex_);
      requests_.push_back(request);
      b = behaviour_;
      answer = "HTTP/1.1 " + std::to_string(status_) + " " + reason(status_) +
               "\r\nContent-Length: " + std::to_string(body_.size()) + "\r\n";
      for (const auto& h : extra_headers_) answer += h + "\r\n";
      answer += "\r\n" + body_;
      raw = raw_pieces_;
      raw_close = raw_close_after_;
    }
    request_seen_.notify_all();
    if (b == behaviour::never_answer) {
      // Hold the connection, discarding anything more, until the client leaves or we stop.
      char sink[4096];
      ssize_t n = 0;
      while (wait_readable(fd) && (n = ::recv(fd, sink, sizeof sink, 0)) > 0) {
      }
      if (n == 0) note_client_close({});
      break;
    }
    if (!raw.empty()) {
      bool ok = true;
      for (std::size_t i = 0; ok && i < raw.size(); ++i) {
        if (i > 0) {
          pollfd wake = {wake_[0], POLLIN, 0};
          ok = ::poll(&wake, 1, 10) == 0;  // a pause between pieces, cut short by a stop
        }
        ok = ok && write_all(fd, raw[i]);
      }
      if (!ok || raw_close || lower(head_value(request, "connection")) == "close") break;
      continue;
    }
    if (!write_all(fd, answer) || lower(head_value(request, "connection")) == "close") break;
  }
  ::close(fd);
}

}  // namespace mifos::hooks::test
