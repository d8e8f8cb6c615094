// http_request_parser.cpp: HTTP/1.x request framing (RFC 9112), strict where framing is at
// stake. Ambiguous framing (two Content-Length headers, a non-numeric one, Content-Length with
// Transfer-Encoding) is refused rather than guessed, since a guess is how request smuggling works.
#include "http_request_parser.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mifos::hooks::detail {
namespace {

constexpr std::size_t kMaxChunkLine = 1024;  // a chunk-size line with extensions, generously
constexpr std::size_t kMaxMethod = 32;       // longer than any method a hook sender uses

bool is_tchar(unsigned char c) noexcept {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool is_token(std::string_view s) noexcept {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return is_tchar(static_cast<unsigned char>(c)); });
}

// Field values may hold visible ASCII, spaces, tabs and obs-text; other control bytes are
// refused so nothing downstream ever sees a NUL or a bare CR.
bool is_field_value(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c == '\t' || (c >= 0x20 && c != 0x7f);
  });
}

bool is_target(std::string_view s) noexcept {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c > 0x20 && c < 0x7f;
  });
}

// Host = uri-host [ ":" port ] (RFC 9110 7.2, RFC 3986 3.2.2): reg-name, IP literal or IPv4
// characters; empty is allowed (a target without an authority).
bool is_host_value(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return c != 0 && std::strchr("-._~!$&'()*+,;=:[]%", c) != nullptr;
  });
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// The request target in origin-form ("/path?query"), or nothing when it is in no form a server
// accepts (RFC 9112 3.2). The absolute-form ("http://host/path") is a server's to accept too,
// and is routed by its path; "*" (OPTIONS) and "host:port" (CONNECT) are left for the answer.
std::optional<std::string> origin_form(std::string_view method, std::string_view target) {
  if (target.front() == '/' || (target == "*" && method == "OPTIONS") || method == "CONNECT")
    return std::string(target);
  std::string_view rest;
  if (starts_with_nocase(target, "http://")) {
    rest = target.substr(7);
  } else if (starts_with_nocase(target, "https://")) {
    rest = target.substr(8);
  } else {
    return std::nullopt;
  }
  auto path = rest.find_first_of("/?#");
  if (path == 0) return std::nullopt;  // "http:///path" has no host
  if (path == std::string_view::npos) return std::string("/");
  if (rest[path] == '/') return std::string(rest.substr(path));
  return "/" + std::string(rest.substr(path));
}

// "HTTP/1.1" and later 1.x read as 1.1, "HTTP/1.0" as 1.0 (RFC 9110 2.5); another major
// version is well formed but not ours.
enum class version_kind { http10, http11, other_major, malformed };

version_kind read_version(std::string_view v) noexcept {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (v.size() != 8 || v.substr(0, 5) != "HTTP/" || !digit(v[5]) || v[6] != '.' || !digit(v[7]))
    return version_kind::malformed;
  if (v[5] != '1') return version_kind::other_major;
  return v[7] == '0' ? version_kind::http10 : version_kind::http11;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A line ending in LF, with an optional CR before it removed (RFC 9112 2.2 allows bare LF).
std::string_view without_cr(std::string_view line) noexcept {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

parse_step status_only(parse_status status) noexcept {
  parse_step step;
  step.status = status;
  return step;
}

bool has_token(const delivery& d, std::string_view header, std::string_view token) {
  for (const auto& h : d.headers) {
    if (!iequals(h.name, header)) continue;
    std::string_view rest = h.value;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      if (iequals(trim(rest.substr(0, comma)), token)) return true;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return false;
}

// Every coding of every Transfer-Encoding line, in order ("gzip, chunked" is two).
std::vector<std::string_view> transfer_codings(const delivery& d) {
  std::vector<std::string_view> out;
  for (const auto& h : d.headers) {
    if (!iequals(h.name, "Transfer-Encoding")) continue;
    std::string_view rest = h.value;
    for (;;) {
      auto comma = rest.find(',');
      if (auto coding = trim(rest.substr(0, comma)); !coding.empty()) out.push_back(coding);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return out;
}

}  // namespace

http_request_parser::http_request_parser(std::size_t max_request_bytes)
    : max_bytes_(max_request_bytes) {}

void http_request_parser::append(const char* data, std::size_t size) { buffer_.append(data, size); }

parse_phase http_request_parser::phase() const noexcept {
  if (stage_ == stage::head) return buffer_.empty() ? parse_phase::idle : parse_phase::head;
  if (stage_ == stage::failed) return parse_phase::idle;
  return parse_phase::body;
}

parse_step http_request_parser::fail(int status, std::string_view reason) {
  stage_ = stage::failed;
  parse_step step = status_only(parse_status::failed);
  step.error_status = status;
  step.error_reason = reason;
  return step;
}

// RFC 9112 3: a request line longer than the limit is a 414, more headers a 413.
parse_step http_request_parser::fail_too_large() {
  if (buffer_.find('\n') > max_bytes_) return fail(414, "request target too long");
  return fail(413, "request too large");
}

parse_step http_request_parser::parse() {
  switch (stage_) {
    case stage::failed:
      return fail(400, "malformed request");
    case stage::done:
      return status_only(parse_status::complete);
    case stage::head:
      return parse_head();
    case stage::fixed_body:
      return parse_body();
    default:
      return parse_chunks();
  }
}

parse_step http_request_parser::parse_head() {
  // Empty lines before a request line are tolerated (RFC 9112 2.2), e.g. a stray CRLF after a body.
  std::size_t skip = 0;
  while (skip < buffer_.size() && (buffer_[skip] == '\r' || buffer_[skip] == '\n')) ++skip;
  if (skip > 0) {
    buffer_.erase(0, skip);
    scan_ = 0;
  }
  // Refuse a request that does not start with a method at once, instead of waiting for a line
  // end that binary garbage (a TLS hello, say) may never send.
  for (std::size_t i = 0; i < buffer_.size() && buffer_[i] != ' '; ++i) {
    if (!is_tchar(static_cast<unsigned char>(buffer_[i])))
      return fail(400, "malformed request line");
    if (i >= kMaxMethod) return fail(501, "method not implemented");
  }

  std::size_t end = std::string::npos;
  for (;;) {
    std::size_t lf = buffer_.find('\n', scan_);
    if (lf == std::string::npos) break;
    std::string_view line = without_cr(std::string_view(buffer_).substr(scan_, lf - scan_));
    scan_ = lf + 1;
    if (line.empty()) {
      end = scan_;
      break;
    }
  }
  if (end == std::string::npos) {
    if (buffer_.size() > max_bytes_) return fail_too_large();
    return status_only(parse_status::need_more);
  }
  head_size_ = end;
  if (head_size_ > max_bytes_) return fail_too_large();

  std::string_view head = std::string_view(buffer_).substr(0, end);
  std::size_t lf = head.find('\n');
  std::string_view request_line = without_cr(head.substr(0, lf));
  head.remove_prefix(lf + 1);

  auto sp1 = request_line.find(' ');
  auto sp2 = request_line.rfind(' ');
  if (sp1 == std::string_view::npos || sp1 == sp2) return fail(400, "malformed request line");
  std::string_view method = request_line.substr(0, sp1);
  std::string_view target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = request_line.substr(sp2 + 1);
  if (!is_token(method) || !is_target(target)) return fail(400, "malformed request line");
  const version_kind kind = read_version(version);
  if (kind == version_kind::malformed) return fail(400, "malformed request line");
  if (kind == version_kind::other_major) return fail(505, "HTTP version not supported");
  std::optional<std::string> routed = origin_form(method, target);
  if (!routed) return fail(400, "malformed request target");

  delivery& d = current_.message;
  d.method.assign(method);
  d.target = std::move(*routed);
  d.headers.clear();
  d.body.clear();
  while (!head.empty()) {
    lf = head.find('\n');
    std::string_view line = without_cr(head.substr(0, lf));
    head.remove_prefix(lf + 1);
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t')
      return fail(400, "folded header lines are not supported");
    auto colon = line.find(':');
    if (colon == std::string_view::npos || !is_token(line.substr(0, colon)))
      return fail(400, "malformed header line");
    std::string_view value = trim(line.substr(colon + 1));
    if (!is_field_value(value)) return fail(400, "malformed header line");
    d.headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
  }

  const bool http10 = kind == version_kind::http10;
  current_.keep_alive =
      http10 ? has_token(d, "Connection", "keep-alive") : !has_token(d, "Connection", "close");
  current_.head_only = method == "HEAD";

  // RFC 9112 3.2: exactly one valid Host in HTTP/1.1 (HTTP/1.0 may omit it), never two.
  const std::size_t hosts = d.header_count("Host");
  if (hosts > 1) return fail(400, "duplicate Host header");
  if (hosts == 0 && !http10) return fail(400, "missing Host header");
  if (hosts == 1 && !is_host_value(*d.header("Host"))) return fail(400, "invalid Host header");

  std::size_t lengths = d.header_count("Content-Length");
  std::size_t encodings = d.header_count("Transfer-Encoding");
  if (lengths > 1) return fail(400, "duplicate Content-Length header");
  if (lengths == 1 && encodings > 0)
    return fail(400, "Content-Length and Transfer-Encoding together");
  if (encodings > 0) {
    // RFC 9112 6.1: HTTP/1.0 has no chunked framing, and a body whose last coding is not
    // chunked has no length; both are faulty framing. Codings besides chunked are not ours.
    if (http10) return fail(400, "Transfer-Encoding in an HTTP/1.0 request");
    const std::vector<std::string_view> codings = transfer_codings(d);
    if (codings.empty() || !iequals(codings.back(), "chunked"))
      return fail(400, "Transfer-Encoding does not end in chunked");
    if (codings.size() > 1) {
      bool twice = std::any_of(codings.begin(), codings.end() - 1,
                               [](std::string_view c) { return iequals(c, "chunked"); });
      return twice ? fail(400, "chunked applied more than once")
                   : fail(501, "transfer codings other than chunked are not supported");
    }
    stage_ = stage::chunk_size;
    body_length_ = 0;
  } else if (lengths == 1) {
    std::string_view value = *d.header("Content-Length");
    if (value.empty() || value.size() > 18 ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return fail(400, "invalid Content-Length header");
    body_length_ = std::stoull(std::string(value));
    if (body_length_ > max_bytes_ - head_size_) return fail(413, "request too large");
    stage_ = stage::fixed_body;
  } else {
    stage_ = stage::done;
    return status_only(parse_status::complete);
  }
  scan_ = head_size_;
  expect_continue_ = !http10 && iequals(d.header("Expect").value_or(""), "100-continue");
  return parse();
}

parse_step http_request_parser::parse_body() {
  if (buffer_.size() - head_size_ < body_length_) {
    parse_step step = status_only(parse_status::need_more);
    step.send_continue = std::exchange(expect_continue_, false);
    return step;
  }
  current_.message.body.assign(buffer_, head_size_, body_length_);
  scan_ = head_size_ + body_length_;
  stage_ = stage::done;
  return status_only(parse_status::complete);
}

// scan_ is the read position in the chunked body; body_length_ the size of the current chunk.
parse_step http_request_parser::parse_chunks() {
  std::string& body = current_.message.body;
  for (;;) {
    if (scan_ > max_bytes_) return fail(413, "request too large");
    if (stage_ == stage::chunk_data) {
      if (buffer_.size() - scan_ < body_length_) break;
      body.append(buffer_, scan_, body_length_);
      scan_ += body_length_;
      stage_ = stage::chunk_crlf;
      continue;
    }
    if (stage_ == stage::chunk_crlf) {
      if (buffer_.size() - scan_ < 2 && (scan_ == buffer_.size() || buffer_[scan_] == '\r')) break;
      if (buffer_[scan_] == '\n') {
        scan_ += 1;
      } else if (buffer_.compare(scan_, 2, "\r\n") == 0) {
        scan_ += 2;
      } else {
        return fail(400, "malformed chunked body");
      }
      stage_ = stage::chunk_size;
      continue;
    }
    std::size_t lf = buffer_.find('\n', scan_);
    if (lf == std::string::npos) {
      if (buffer_.size() - scan_ > kMaxChunkLine) return fail(400, "malformed chunked body");
      break;
    }
    // The same limit whether the line's end came with it or later (TCP splits anywhere).
    if (lf - scan_ > kMaxChunkLine) return fail(400, "malformed chunked body");
    std::string_view line = without_cr(std::string_view(buffer_).substr(scan_, lf - scan_));
    scan_ = lf + 1;
    if (scan_ > max_bytes_) return fail(413, "request too large");
    if (stage_ == stage::trailers) {
      if (line.empty()) {
        stage_ = stage::done;
        return status_only(parse_status::complete);
      }
      continue;  // trailer fields are not part of a hook delivery
    }
    std::string_view digits = trim(line.substr(0, line.find(';')));
    if (digits.empty() || digits.size() > 15) return fail(400, "malformed chunked body");
    std::size_t size = 0;
    for (char c : digits) {
      int v = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (v < 0) return fail(400, "malformed chunked body");
      size = size * 16 + static_cast<std::size_t>(v);
    }
    if (size > max_bytes_ - std::min(scan_, max_bytes_)) return fail(413, "request too large");
    body_length_ = size;
    stage_ = size == 0 ? stage::trailers : stage::chunk_data;
  }
  parse_step step = status_only(parse_status::need_more);
  step.send_continue = std::exchange(expect_continue_, false);
  return step;
}

http_request http_request_parser::take() {
  http_request out = std::move(current_);
  current_ = http_request{};
  buffer_.erase(0, scan_);
  scan_ = 0;
  head_size_ = 0;
  body_length_ = 0;
  expect_continue_ = false;
  stage_ = stage::head;
  return out;
}

}  // namespace mifos::hooks::detail
