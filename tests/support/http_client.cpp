// http_client.cpp: calls through the SDK client and a raw socket with deadlines.
#include "http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <mutex>
#include <stdexcept>

namespace mifos::hooks::test {
namespace {

using clock = std::chrono::steady_clock;

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

hooks::http_client_options test_session_options() {
  hooks::http_client_options options;
  options.connect_timeout = std::chrono::seconds(5);
  options.timeout = std::chrono::seconds(15);
  options.use_environment_proxy = false;
  options.user_agent.clear();
  return options;
}

hooks::client_request make_request(std::string_view method, const std::string& url,
                                   const std::string& body,
                                   const std::vector<std::string>& headers) {
  hooks::client_request request;
  request.method = std::string(method);
  request.url = url;
  request.body = body;
  for (const auto& line : headers) {
    const auto colon = line.find(':');
    std::string_view value =
        colon == std::string::npos ? std::string_view() : std::string_view(line).substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    request.headers.push_back({line.substr(0, colon), std::string(value)});
  }
  return request;
}

hooks::client_response http_call(std::string_view method, const std::string& url,
                                 const std::string& body, const std::vector<std::string>& headers) {
  return hooks::http_client(test_session_options()).send(make_request(method, url, body, headers));
}

std::optional<std::string> raw_response::header(std::string_view name) const {
  std::string_view rest = head;
  while (!rest.empty()) {
    auto lf = rest.find('\n');
    std::string_view line = rest.substr(0, lf);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto colon = line.find(':');
    if (colon != std::string_view::npos && iequals_ascii(line.substr(0, colon), name)) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      return std::string(value);
    }
    if (lf == std::string_view::npos) break;
    rest.remove_prefix(lf + 1);
  }
  return std::nullopt;
}

raw_connection::raw_connection(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port) + " failed");
  }
}

raw_connection::~raw_connection() { ::close(fd_); }

bool raw_connection::send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool raw_connection::fill(clock::time_point deadline) {
  if (ended_) return false;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
  if (ms <= 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(ms)) <= 0) return false;
  char buf[8192];
  ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
  if (n <= 0) {
    if (n < 0 && errno == EINTR) return true;
    ended_ = true;
    return false;
  }
  buffer_.append(buf, static_cast<std::size_t>(n));
  return true;
}

std::optional<raw_response> raw_connection::read_response(std::chrono::milliseconds timeout) {
  auto deadline = clock::now() + timeout;
  std::size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos)
    if (!fill(deadline)) return std::nullopt;
  raw_response r;
  r.head = buffer_.substr(0, end + 2);
  if (r.head.rfind("HTTP/1.", 0) != 0 || r.head.size() < 12) return std::nullopt;
  r.status = std::stoi(r.head.substr(9, 3));
  std::size_t length = 0;
  if (auto cl = r.header("Content-Length")) length = std::stoul(*cl);
  if (r.status == 100) length = 0;
  std::size_t body_start = end + 4;
  while (buffer_.size() - body_start < length)
    if (!fill(deadline)) return std::nullopt;
  r.body = buffer_.substr(body_start, length);
  buffer_.erase(0, body_start + length);
  return r;
}

bool raw_connection::closed_by_peer(std::chrono::milliseconds timeout) {
  auto deadline = clock::now() + timeout;
  while (fill(deadline)) buffer_.clear();
  return ended_;
}

std::string wire_bytes(const delivery& d) {
  std::string out = d.method + " " + d.target + " HTTP/1.1\r\n";
  if (!d.header("Host")) out += "Host: 127.0.0.1\r\n";
  for (const auto& h : d.headers) out += h.name + ": " + h.value + "\r\n";
  if (!d.header("Content-Length") && !d.header("Transfer-Encoding"))
    out += "Content-Length: " + std::to_string(d.body.size()) + "\r\n";
  out += "\r\n";
  out += d.body;
  return out;
}

std::string url(std::uint16_t port, std::string_view path) {
  return "http://127.0.0.1:" + std::to_string(port) + std::string(path);
}

}  // namespace mifos::hooks::test
