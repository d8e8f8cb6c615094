// http_request_parser.hpp: incremental HTTP/1.x request framing for the receiver.
//
// The receiver reads raw bytes from Pistache's TCP layer and frames requests itself, because
// Pistache's HTTP parser hides what a hook receiver must see or refuse: it keeps one header of
// each name in a hash map (order and duplicates lost, so a duplicate Content-Length is
// invisible), reads "Content-Length: abc" as 0, and answers "Content-Length: -1" with a 500
// whose body is the text of a std::length_error. This parser keeps every header in arrival
// order with its raw name and value, and refuses ambiguous framing before any byte of the body
// is trusted. No I/O, no Pistache: bytes in, requests out.
//
//   detail::http_request_parser p(1024 * 1024);
//   p.append(bytes.data(), bytes.size());
//   for (auto step = p.parse(); step.status == detail::parse_status::complete; step = p.parse()) {
//     detail::http_request r = p.take();  // r.message is a delivery: method, target, headers, body
//     ...
//   }
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mifos/hooks/delivery.hpp"

namespace mifos::hooks::detail {

enum class parse_status {
  need_more,  // the request is incomplete: append more bytes
  complete,   // a whole request is ready: take() it
  failed,     // the bytes cannot be framed: answer `error_status` and close the connection
};

// Where the parser is in the current request; the receiver times each phase separately.
enum class parse_phase { idle, head, body };

struct parse_step {
  parse_status status = parse_status::need_more;
  int error_status = 0;           // 400, 413, 414, 501 or 505 when failed
  std::string_view error_reason;  // one line, safe to send back
  // The head asked for "Expect: 100-continue" and the body has not arrived: the caller should
  // send "100 Continue" once (the flag is set on one step only).
  bool send_continue = false;
};

struct http_request {
  delivery message;
  bool keep_alive = true;  // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only if asked
  bool head_only = false;  // a HEAD request: the answer carries no body
};

class http_request_parser {
 public:
  // `max_request_bytes` bounds request line, headers and body together; more is a 413.
  explicit http_request_parser(std::size_t max_request_bytes);

  void append(const char* data, std::size_t size);
  parse_step parse();
  // The request a `complete` step announced. Bytes after it stay for the next parse().
  http_request take();

  parse_phase phase() const noexcept;
  // Bytes received and not yet taken as a request.
  std::size_t buffered() const noexcept { return buffer_.size() - start_; }

 private:
  parse_step parse_head();
  parse_step parse_body();
  parse_step parse_chunks();
  parse_step fail(int status, std::string_view reason);
  parse_step fail_too_large();

  std::size_t max_bytes_;
  std::string buffer_;
  std::size_t start_ = 0;      // first byte of the current request in buffer_
  std::size_t scan_ = 0;       // where the search for the end of the head resumes
  std::size_t head_size_ = 0;  // bytes of request line and headers, once parsed
  enum class stage { head, fixed_body, chunk_size, chunk_data, chunk_crlf, trailers, done, failed };
  stage stage_ = stage::head;
  std::size_t body_length_ = 0;  // Content-Length, or the current chunk's size
  bool expect_continue_ = false;
  http_request current_;
};

}  // namespace mifos::hooks::detail
