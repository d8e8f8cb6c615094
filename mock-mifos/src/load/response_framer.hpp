// response_framer.hpp: where an HTTP/1.1 response ends, and no more, for the load sender.
//
// It reads the status line and only three headers (Content-Length, Transfer-Encoding: chunked,
// Connection: close), then skips the body: Content-Length bytes, the chunked framing, nothing
// for 1xx/204/304, or everything up to the end of the connection. Interim 1xx answers (but
// 101) are skipped. Body bytes are counted, never copied, so a response of any size needs only
// the buffer that holds its head.
//
//   detail::response_framer f;
//   f.reset();
//   std::size_t used = f.feed(std::string_view(buf, n));   // keep buf[used..n) for next time
//   if (f.state() == response_framer::outcome::complete) { f.status(); f.must_close(); }
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mifos::mock::detail {

class response_framer {
 public:
  enum class outcome { need_more, complete, error };
  // A head (status line and headers) longer than this is an error.
  static constexpr std::size_t kMaxHead = 16 * 1024;

  // Ready for the next response on the connection.
  void reset();
  // Consumes what it can of `bytes` and returns how many it used. It stops at the end of the
  // response (state() == complete) or at an error; with need_more, the unused rest (a part of a
  // head or of a chunk-size line) must be given again, followed by more bytes.
  std::size_t feed(std::string_view bytes);
  // The connection ended (EOF): true if that completes the response (a body read to the end).
  bool end_of_stream();

  outcome state() const { return outcome_; }
  int status() const { return status_; }
  // The server said Connection: close, spoke HTTP/1.0 without keep-alive, or delimits the
  // body by closing: the connection cannot carry another request.
  bool must_close() const { return close_; }
  // Whether any byte of the response has arrived yet.
  bool started() const { return started_; }
  // Why state() is error; a static string.
  const char* error() const { return error_; }

 private:
  enum class stage { head, body, chunk_size, chunk_data, chunk_end, trailers, until_close, done };

  std::size_t parse_head(std::string_view bytes);
  void after_head();
  void fail(const char* why);

  stage stage_ = stage::head;
  outcome outcome_ = outcome::need_more;
  int status_ = 0;
  bool close_ = false;
  bool started_ = false;
  bool chunked_ = false;
  bool has_length_ = false;
  std::uint64_t remaining_ = 0;  // body or chunk bytes still to skip
  const char* error_ = "";
};

}  // namespace mifos::mock::detail
