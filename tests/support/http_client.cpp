// http_client.cpp: libcurl calls and a raw socket with deadlines.
#include "http_client.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
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

std::size_t append_to(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

http_result perform(CURL* curl, std::string_view method, const std::string& url,
                    const std::string& body, const std::vector<std::string>& headers) {
  http_result r;
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, std::string(method).c_str());
  if (method == "POST" || method == "PUT" || !body.empty()) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  } else {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, std::string(method).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_to);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, append_to);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r.headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 15000L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
    curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &r.connects);
  } else {
    r.error = curl_easy_strerror(rc);
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  curl_slist_free_all(list);
  return r;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

http_result http_call(std::string_view method, const std::string& url, const std::string& body,
                      const std::vector<std::string>& headers, void* curl_handle) {
  if (curl_handle) return perform(static_cast<CURL*>(curl_handle), method, url, body, headers);
  curl_session session;
  return session.call(method, url, body, headers);
}

curl_session::curl_session() {
  global_init();
  handle_ = curl_easy_init();
  if (!handle_) throw std::runtime_error("curl_easy_init failed");
}

curl_session::~curl_session() { curl_easy_cleanup(static_cast<CURL*>(handle_)); }

http_result curl_session::call(std::string_view method, const std::string& url,
                               const std::string& body, const std::vector<std::string>& headers) {
  return perform(static_cast<CURL*>(handle_), method, url, body, headers);
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
