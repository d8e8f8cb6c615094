// http_client.cpp: http_session on libcurl (one easy handle, kept for its connection cache) and
// http_client as a fresh session per call, so calls from several threads never share a handle.
// The only file of the project that includes libcurl outside the tests' TLS client.
//
// What libcurl would add by itself, and what we do about it:
//   Accept: */*        suppressed with "Accept:" unless the request has an Accept header
//   Expect: 100-...    suppressed with "Expect:" (a receiver must not have to answer 100s)
//   Content-Type       libcurl marks every POSTFIELDS body x-www-form-urlencoded; suppressed
//                      with "Content-Type:" when the request has none
//   Host               libcurl's own unless the request has one; libcurl always writes Host
//                      first, right after the request line (no option changes that)
//   Content-Length     always the size of the body actually sent, written at the position of
//                      the request's Content-Length if it has one (a lying length would
//                      desynchronise the keep-alive connection); later duplicates are dropped
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

using clock = std::chrono::steady_clock;

void global_init_once() {
  // curl_global_init is not thread-safe and must precede every easy handle.
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct slist_free {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using slist_ptr = std::unique_ptr<curl_slist, slist_free>;

struct received {
  std::size_t max_body = 0;
  bool truncate = false;
  bool too_large = false;
  std::string body;
  std::vector<header_field> headers;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* out) {
  auto* r = static_cast<received*>(out);
  const std::size_t bytes = size * count;
  if (r->body.size() + bytes > r->max_body) {
    r->too_large = true;
    if (!r->truncate) return 0;  // aborts the transfer
    r->body.append(data, r->max_body - r->body.size());
    return bytes;  // the rest is read and dropped, so the connection stays usable
  }
  r->body.append(data, bytes);
  return bytes;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
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
    r->headers.push_back(
        {std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
  }
  return bytes;
}

bool is_token(std::string_view s) {
  auto token_char = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f &&
           std::string_view("()<>@,;:\\\"/[]?={}").find(c) == std::string_view::npos;
  };
  return !s.empty() && std::all_of(s.begin(), s.end(), token_char);
}

bool has_line_break_or_nul(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

std::optional<std::string> invalid_request(const client_request& request) {
  if (request.url.rfind("http://", 0) != 0 && request.url.rfind("https://", 0) != 0)
    return "the URL \"" + request.url + "\" is not http:// or https://";
  if (std::any_of(request.url.begin(), request.url.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; }))
    return "the URL contains a space or a control character";
  if (!is_token(request.method))
    return "the method \"" + request.method + "\" is not an HTTP token";
  for (const auto& h : request.headers) {
    if (!is_token(h.name)) return "the header name \"" + h.name + "\" is not an HTTP token";
    if (has_line_break_or_nul(h.value))
      return "the value of header " + h.name + " contains CR, LF or NUL";
  }
  if (has_line_break_or_nul(request.content_type)) return "the content type has a line break";
  return std::nullopt;
}

// The lines for CURLOPT_HTTPHEADER, in the request's order.
std::vector<std::string> header_lines(const client_request& request, std::size_t sent_body,
                                      bool has_body) {
  std::vector<std::string> lines;
  lines.reserve(request.headers.size() + 4);
  bool has_accept = false, has_expect = false, has_type = false, length_written = false;
  for (const auto& h : request.headers) {
    has_accept = has_accept || iequals(h.name, "Accept");
    has_expect = has_expect || iequals(h.name, "Expect");
    has_type = has_type || iequals(h.name, "Content-Type");
    if (iequals(h.name, "Content-Length")) {
      if (!length_written) lines.push_back(h.name + ": " + std::to_string(sent_body));
      length_written = true;
    } else if (h.value.empty()) {
      lines.push_back(h.name + ";");  // "Name:" alone would delete the header instead
    } else {
      lines.push_back(h.name + ": " + h.value);
    }
  }
  if (!has_accept) lines.emplace_back("Accept:");
  if (!has_expect) lines.emplace_back("Expect:");
  if (has_body && !has_type)
    lines.push_back(request.content_type.empty() ? "Content-Type:"
                                                 : "Content-Type: " + request.content_type);
  return lines;
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

struct http_session::impl {
  http_client_options options;
  CURL* curl = nullptr;

  explicit impl(http_client_options o) : options(std::move(o)) {
    global_init_once();
    curl = curl_easy_init();
  }
  ~impl() {
    if (curl) curl_easy_cleanup(curl);
  }
  impl(const impl&) = delete;
  impl& operator=(const impl&) = delete;

  client_response send(const client_request& request);
};

client_response http_session::impl::send(const client_request& request) {
  const auto start = clock::now();
  client_response response;
  auto finish = [&]() -> client_response {
    response.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - start);
    return std::move(response);
  };
  if (!curl) {
    response.error = "not sent: curl_easy_init failed";
    return finish();
  }
  if (auto why = invalid_request(request)) {
    response.error = "not sent: " + *why;
    return finish();
  }
  if (options.connect_timeout.count() < 0 || options.timeout.count() < 0) {
    response.error = "not sent: a timeout is negative";
    return finish();
  }

  const std::string& method = request.method;
  const bool is_get = method == "GET", is_head = method == "HEAD";
  // POST, PUT and PATCH always carry a body, an empty one as "Content-Length: 0" (what HTTP
  // clients do); other methods only when they have one.
  const bool has_body = method == "POST" || method == "PUT" || method == "PATCH" ||
                        (!is_get && !is_head && !request.body.empty());
  slist_ptr headers;
  for (const auto& line : header_lines(request, has_body ? request.body.size() : 0, has_body)) {
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (!grown) {
      response.error = "not sent: out of memory building headers";
      return finish();
    }
    (void)headers.release();  // `grown` is the same list, now one longer
    headers.reset(grown);
  }

  // Reset clears every option of the previous request but keeps the connection cache.
  curl_easy_reset(curl);
  received in;
  in.max_body = options.max_body;
  in.truncate = options.truncate_large_body;
  std::array<char, CURL_ERROR_SIZE> detail{};
  CURLcode setup = CURLE_OK;
  auto set = [&setup](CURLcode rc) {
    if (setup == CURLE_OK) setup = rc;
  };
  set(curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str()));
  set(curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https"));
  set(curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L));  // no "/a/../b" squashing
  set(curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1)));
  // "" disables proxies, the environment's too.
  if (!options.use_environment_proxy) set(curl_easy_setopt(curl, CURLOPT_PROXY, ""));
  set(curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L));  // signals are process-wide; we have threads
  set(curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L));
  set(curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                       static_cast<long>(options.connect_timeout.count())));
  set(curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count())));
  set(curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, options.verify_tls ? 1L : 0L));
  set(curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, options.verify_tls ? 2L : 0L));
  if (!options.ca_file.empty())
    set(curl_easy_setopt(curl, CURLOPT_CAINFO, options.ca_file.c_str()));
  if (!options.user_agent.empty())
    set(curl_easy_setopt(curl, CURLOPT_USERAGENT, options.user_agent.c_str()));
  set(curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail.data()));
  set(curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body));
  set(curl_easy_setopt(curl, CURLOPT_WRITEDATA, &in));
  set(curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header));
  set(curl_easy_setopt(curl, CURLOPT_HEADERDATA, &in));
  set(curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get()));
  if (is_get) {
    set(curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L));
  } else if (is_head) {
    set(curl_easy_setopt(curl, CURLOPT_NOBODY, 1L));
  } else {
    if (has_body) {
      // POSTFIELDS does not copy: request.body outlives the perform below.
      set(curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data()));
      set(curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                           static_cast<curl_off_t>(request.body.size())));
    }
    if (method != "POST") set(curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str()));
  }

  const CURLcode rc = setup == CURLE_OK ? curl_easy_perform(curl) : setup;
  long connects = 0;
  if (curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK)
    response.new_connections = static_cast<int>(connects);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  // Drop the pointers to this function's locals (headers, buffers, error text) before they
  // die; the connection cache survives the reset.
  curl_easy_reset(curl);

  if (setup != CURLE_OK) {
    response.error = std::string("not sent: ") + curl_easy_strerror(setup);
  } else if (in.too_large && !in.truncate) {
    response.error = "the answer is larger than " + std::to_string(options.max_body) + " bytes";
  } else if (rc != CURLE_OK) {
    response.error = transport_error(rc, detail.data(), options);
  } else {
    response.status = static_cast<int>(status);
    response.headers = std::move(in.headers);
    response.body = std::move(in.body);
    response.body_truncated = in.too_large;
  }
  return finish();
}

http_session::http_session(http_client_options options)
    : impl_(std::make_unique<impl>(std::move(options))) {}
http_session::~http_session() = default;
http_session::http_session(http_session&&) noexcept = default;
http_session& http_session::operator=(http_session&&) noexcept = default;

client_response http_session::send(const client_request& request) { return impl_->send(request); }

const http_client_options& http_session::options() const noexcept { return impl_->options; }

http_client::http_client(http_client_options options) : options_(std::move(options)) {
  global_init_once();
}

client_response http_client::send(const client_request& request) const {
  return http_session(options_).send(request);
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
