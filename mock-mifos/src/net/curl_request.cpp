// curl_request.cpp: configures a libcurl easy handle so that the request on the wire is exactly
// the delivery (method, target, headers in their order, body) and nothing of libcurl's own.
//
// What libcurl would add by itself, and what we do about it:
//   Accept: */*        suppressed with "Accept:" (unless the delivery has an Accept header)
//   Expect: 100-...    suppressed with "Expect:" (a receiver must not have to answer 100s)
//   Content-Type       libcurl marks every POSTFIELDS body x-www-form-urlencoded; suppressed
//                      with "Content-Type:" when the delivery has none
//   User-Agent         libcurl sends none unless asked, so a delivery without one goes without
//   Host               libcurl's own is used only when the delivery has no Host header. Either
//                      way libcurl writes Host as the first header line, right after the request
//                      line, whatever its position in the delivery (no option changes that).
//                      Header order carries no meaning in HTTP, so only a byte-exact replay of
//                      a capture where Host came later differs.
//   Content-Length     always the size of the body actually sent. If the delivery has one, it is
//                      written at the delivery's position but with that size: when it disagrees
//                      with the body, the body wins (a lying length would desynchronise the
//                      keep-alive connection, and tests of bad lengths use a raw socket
//                      instead). Later duplicates are dropped. Without one, libcurl appends it
//                      after the other headers.
// A header with an empty value is sent as "Name:" (libcurl's "Name;" form), without the space.
#include "net/curl_request.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace mifos::mock::detail {
namespace {

constexpr std::size_t kMaxResponseBody = 64 * 1024;

void global_init_once() {
  // curl_global_init is not thread-safe and must precede every easy handle.
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Keeps the first kMaxResponseBody bytes and swallows the rest, so that a huge answer neither
// grows memory nor aborts the transfer (which would make libcurl close the connection).
std::size_t keep_capped(char* data, std::size_t size, std::size_t count, void* out) {
  auto* body = static_cast<std::string*>(out);
  const std::size_t bytes = size * count;
  if (body->size() < kMaxResponseBody)
    body->append(data, std::min(bytes, kMaxResponseBody - body->size()));
  return bytes;
}

bool is_token_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7f) return false;
  return std::string_view("()<>@,;:\\\"/[]?={}").find(c) == std::string_view::npos;
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_token_char);
}

bool has_line_break_or_nul(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

struct slist_free {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using slist_ptr = std::unique_ptr<curl_slist, slist_free>;

// The lines for CURLOPT_HTTPHEADER, in the delivery's order. `sent_body` is the number of body
// bytes the request carries (0 when it carries none).
std::vector<std::string> header_lines(const hooks::delivery& d, std::size_t sent_body,
                                      bool has_body) {
  std::vector<std::string> lines;
  lines.reserve(d.headers.size() + 3);
  bool length_written = false;
  for (const auto& h : d.headers) {
    if (hooks::iequals(h.name, "Content-Length")) {
      if (!length_written) lines.push_back(h.name + ": " + std::to_string(sent_body));
      length_written = true;
    } else if (h.value.empty()) {
      lines.push_back(h.name + ";");  // "Name:" alone would delete the header instead
    } else {
      lines.push_back(h.name + ": " + h.value);
    }
  }
  if (!d.header("Accept")) lines.emplace_back("Accept:");
  if (!d.header("Expect")) lines.emplace_back("Expect:");
  if (has_body && !d.header("Content-Type")) lines.emplace_back("Content-Type:");
  return lines;
}

}  // namespace

std::optional<std::string> invalid_delivery(const hooks::delivery& d) {
  if (!is_token(d.method)) return "the method \"" + d.method + "\" is not an HTTP token";
  if (d.target.empty() || d.target.front() != '/')
    return "the target \"" + d.target + "\" does not start with '/'";
  if (std::any_of(d.target.begin(), d.target.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; }))
    return "the target contains a space or a control character";
  for (const auto& h : d.headers) {
    if (!is_token(h.name)) return "the header name \"" + h.name + "\" is not an HTTP token";
    if (has_line_break_or_nul(h.value))
      return "the value of header " + h.name + " contains CR, LF or NUL";
  }
  return std::nullopt;
}

curl_easy::curl_easy() {
  global_init_once();
  handle_ = ::curl_easy_init();
}

curl_easy::~curl_easy() {
  if (handle_) curl_easy_cleanup(static_cast<CURL*>(handle_));
}

send_result curl_easy::send(const std::string& origin, const hooks::delivery& d,
                            const send_options& options) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  send_result r;
  auto finish = [&]() -> send_result {
    r.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - start);
    return std::move(r);
  };
  if (!handle_) {
    r.error = "curl_easy_init failed";
    return finish();
  }
  if (auto why = invalid_delivery(d)) {
    r.error = "not sent: " + *why;
    return finish();
  }
  if (options.connect_timeout.count() < 0 || options.total_timeout.count() < 0) {
    r.error = "not sent: a timeout is negative";
    return finish();
  }

  CURL* curl = static_cast<CURL*>(handle_);
  // Reset clears every option of the previous request but keeps the connection cache.
  curl_easy_reset(curl);

  const bool is_get = d.method == "GET";
  const bool is_head = d.method == "HEAD";
  const bool has_body = d.method == "POST" || (!is_get && !is_head && !d.body.empty());
  const std::size_t sent_body = has_body ? d.body.size() : 0;

  slist_ptr headers;
  for (const auto& line : header_lines(d, sent_body, has_body)) {
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (!grown) {
      r.error = "not sent: out of memory building headers";
      return finish();
    }
    (void)headers.release();  // `grown` is the same list, now one longer
    headers.reset(grown);
  }

  const std::string url = origin + d.target;
  std::array<char, CURL_ERROR_SIZE> error_text{};
  CURLcode setup = CURLE_OK;
  auto set = [&setup](CURLcode rc) {
    if (setup == CURLE_OK) setup = rc;
  };
  set(curl_easy_setopt(curl, CURLOPT_URL, url.c_str()));
  set(curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https"));
  // Send the target as given: no "/a/../b" squashing.
  set(curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L));
  set(curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1)));
  // The mock must hit exactly the URL it was given: an http_proxy/HTTPS_PROXY in the environment
  // would otherwise reroute (and rewrite) every delivery. "" disables proxies, env ones too.
  set(curl_easy_setopt(curl, CURLOPT_PROXY, ""));
  // Fineract's client does not follow redirects for hooks; a 3xx is the answer.
  set(curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L));
  // Signals (for DNS timeouts) are process-wide and unsafe with threads.
  set(curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L));
  set(curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                       static_cast<long>(options.connect_timeout.count())));
  set(curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count())));
  set(curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text.data()));
  set(curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_capped));
  set(curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body));
  set(curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get()));
  if (is_get) {
    set(curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L));
  } else if (is_head) {
    set(curl_easy_setopt(curl, CURLOPT_NOBODY, 1L));
  } else {
    if (has_body) {
      // POSTFIELDS does not copy: d.body outlives the perform below.
      set(curl_easy_setopt(curl, CURLOPT_POSTFIELDS, d.body.data()));
      set(curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                           static_cast<curl_off_t>(d.body.size())));
    }
    if (d.method != "POST") set(curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, d.method.c_str()));
  }

  CURLcode rc = setup;
  if (rc == CURLE_OK) rc = curl_easy_perform(curl);
  long code = 0;
  if (curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK)
    r.status = static_cast<int>(code);
  if (rc != CURLE_OK) {
    r.error = error_text[0] != '\0' ? std::string(error_text.data()) : curl_easy_strerror(rc);
    if (setup != CURLE_OK) r.error = "not sent: " + r.error;
  }
  // Drop the pointers to this function's locals (headers, error buffer, url, body) before they
  // die; the connection cache survives the reset.
  curl_easy_reset(curl);
  return finish();
}

}  // namespace mifos::mock::detail
