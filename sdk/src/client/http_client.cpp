// http_client.cpp: http_client on libcurl, one easy handle per call (so calls from several
// threads never share one). The only file of the SDK that includes libcurl.
#include "mifos/hooks/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <mutex>

#include "mifos/hooks/base64.hpp"
#include "mifos/hooks/delivery.hpp"

namespace mifos::hooks {
namespace {

// An answer larger than this is cut off and reported as an error, not kept whole: a receiver
// calling out must not be made to hold an unbounded body.
constexpr std::size_t kMaxResponseBody = 16 * 1024 * 1024;

void global_init_once() {
  // curl_global_init is not thread-safe and must precede every easy handle.
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct easy_free {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct slist_free {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using slist_ptr = std::unique_ptr<curl_slist, slist_free>;

struct received {
  std::string body;
  bool too_large = false;
  std::vector<header_field> headers;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* out) {
  auto* r = static_cast<received*>(out);
  const std::size_t bytes = size * count;
  if (r->body.size() + bytes > kMaxResponseBody) {
    r->too_large = true;
    return 0;  // aborts the transfer
  }
  r->body.append(data, bytes);
  return bytes;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// Called once per header line, status line and the blank line included. A new status line
// (after a 100 Continue or a proxy's answer) starts the list over.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* out) {
  auto* r = static_cast<received*>(out);
  const std::size_t bytes = size * count;
  std::string_view line(data, bytes);
  if (line.rfind("HTTP/", 0) == 0) {
    r->headers.clear();
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    r->headers.push_back({std::string(trim(line.substr(0, colon))),
                          std::string(trim(line.substr(colon + 1)))});
  }
  return bytes;
}

bool unsafe_in_header(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

std::optional<std::string> invalid_request(const client_request& request) {
  if (request.url.rfind("http://", 0) != 0 && request.url.rfind("https://", 0) != 0)
    return "the URL \"" + request.url + "\" is not http:// or https://";
  if (request.method.empty() ||
      std::any_of(request.method.begin(), request.method.end(),
                  [](char c) { return c < 'A' || c > 'Z'; }))
    return "the method \"" + request.method + "\" is not an upper-case HTTP method";
  for (const auto& h : request.headers)
    if (h.name.empty() || unsafe_in_header(h.name) || unsafe_in_header(h.value) ||
        h.name.find(':') != std::string::npos)
      return "the header \"" + h.name + "\" has an empty name, a ':' in it, or a line break";
  if (unsafe_in_header(request.content_type)) return "the content type has a line break";
  return std::nullopt;
}

std::string transport_error(CURLcode code, const char* detail, const http_client_options& o) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return "timed out (connect " + std::to_string(o.connect_timeout.count()) + " ms, total " +
             std::to_string(o.timeout.count()) + " ms)";
    case CURLE_COULDNT_CONNECT:
      return std::string("could not connect: ") + (*detail ? detail : "connection refused");
    default:
      return *detail ? std::string(detail) : std::string(curl_easy_strerror(code));
  }
}

}  // namespace

std::optional<std::string_view> client_response::header(std::string_view name) const {
  for (const auto& h : headers)
    if (iequals(h.name, name)) return std::string_view(h.value);
  return std::nullopt;
}

http_client::http_client(http_client_options options) : options_(std::move(options)) {
  global_init_once();
}

client_response http_client::send(const client_request& request) const {
  client_response response;
  if (auto why = invalid_request(request)) {
    response.error = "not sent: " + *why;
    return response;
  }
  std::unique_ptr<CURL, easy_free> curl(curl_easy_init());
  if (!curl) {
    response.error = "not sent: curl_easy_init failed";
    return response;
  }

  slist_ptr headers;
  auto append = [&headers](const std::string& line) {
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (!grown) return false;
    (void)headers.release();  // `grown` is the same list, one longer
    headers.reset(grown);
    return true;
  };
  bool built = true;
  for (const auto& h : request.headers)
    built = built && append(h.name + (h.value.empty() ? ";" : ": " + h.value));
  // libcurl would add "Expect: 100-continue" on large bodies and its own form content type.
  built = built && append("Expect:");
  if (!request.body.empty())
    built = built && append(request.content_type.empty() ? "Content-Type:"
                                                          : "Content-Type: " + request.content_type);
  if (!built) {
    response.error = "not sent: out of memory";
    return response;
  }

  received in;
  std::array<char, CURL_ERROR_SIZE> detail{};
  CURL* c = curl.get();
  CURLcode setup = CURLE_OK;
  auto set = [&setup](CURLcode rc) {
    if (setup == CURLE_OK) setup = rc;
  };
  set(curl_easy_setopt(c, CURLOPT_URL, request.url.c_str()));
  set(curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https"));
  set(curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L));  // signals are process-wide; we have threads
  set(curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L));
  set(curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                       static_cast<long>(options_.connect_timeout.count())));
  set(curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count())));
  set(curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, options_.verify_tls ? 1L : 0L));
  set(curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, options_.verify_tls ? 2L : 0L));
  set(curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str()));
  set(curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail.data()));
  set(curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body));
  set(curl_easy_setopt(c, CURLOPT_WRITEDATA, &in));
  set(curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header));
  set(curl_easy_setopt(c, CURLOPT_HEADERDATA, &in));
  set(curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get()));
  if (request.method == "GET") {
    set(curl_easy_setopt(c, CURLOPT_HTTPGET, 1L));
  } else if (request.method == "HEAD") {
    set(curl_easy_setopt(c, CURLOPT_NOBODY, 1L));
  } else {
    if (request.method != "POST")
      set(curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str()));
    if (request.method == "POST" || !request.body.empty()) {
      // POSTFIELDS does not copy: request.body outlives the perform below.
      set(curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data()));
      set(curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                           static_cast<curl_off_t>(request.body.size())));
    }
  }
  if (setup != CURLE_OK) {
    response.error = std::string("not sent: ") + curl_easy_strerror(setup);
    return response;
  }

  const CURLcode rc = curl_easy_perform(c);
  if (in.too_large) {
    response.error = "the answer is larger than " + std::to_string(kMaxResponseBody) + " bytes";
    return response;
  }
  if (rc != CURLE_OK) {
    response.error = transport_error(rc, detail.data(), options_);
    return response;
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  response.headers = std::move(in.headers);
  response.body = std::move(in.body);
  return response;
}

std::string basic_authorization(std::string_view user, std::string_view password) {
  std::string credentials;
  credentials.reserve(user.size() + 1 + password.size());
  credentials.append(user).append(":").append(password);
  return "Basic " + base64_encode(credentials);
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto encode = [](std::string& out, std::string_view text) {
    for (char ch : text) {
      const auto u = static_cast<unsigned char>(ch);
      const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                         (u >= '0' && u <= '9') || ch == '-' || ch == '.' || ch == '_' || ch == '*';
      if (plain) {
        out.push_back(ch);
      } else if (ch == ' ') {
        out.push_back('+');
      } else {
        out.push_back('%');
        out.push_back(kHex[u >> 4]);
        out.push_back(kHex[u & 0xF]);
      }
    }
  };
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out.push_back('&');
    encode(out, name);
    out.push_back('=');
    encode(out, value);
  }
  return out;
}

}  // namespace mifos::hooks
