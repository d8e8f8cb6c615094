// response_framer.cpp: the minimal HTTP/1.1 response parser of the load sender. Lines may end
// in CRLF or a bare LF; header names are matched case-insensitively by length first, so the
// common case costs one pass over the head and no allocation.
#include "load/response_framer.hpp"

#include <cstring>

namespace mifos::mock::detail {
namespace {

constexpr std::uint64_t kMaxBody = std::uint64_t{1} << 60;  // keeps the digit loops in range
constexpr std::size_t kMaxLine = 4096;                      // a chunk-size or trailer line

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// `name` is lower case.
bool equals_lower(std::string_view text, std::string_view name) {
  if (text.size() != name.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (lower(text[i]) != name[i]) return false;
  return true;
}

// Whether the comma-separated list `value` holds `token` (lower case).
bool has_token(std::string_view value, std::string_view token) {
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    std::string_view item = value.substr(0, comma);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (equals_lower(item, token)) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

// The line at the start of `bytes` without its CRLF or LF, and the bytes it took with its end;
// taken = 0 when no line end is there yet.
std::string_view take_line(std::string_view bytes, std::size_t& taken) {
  const void* nl = std::memchr(bytes.data(), '\n', bytes.size());
  if (nl == nullptr) {
    taken = 0;
    return {};
  }
  const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - bytes.data());
  taken = end + 1;
  std::string_view line = bytes.substr(0, end);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool parse_decimal(std::string_view text, std::uint64_t& out) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return false;
  std::uint64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || n >= kMaxBody) return false;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  out = n;
  return true;
}

// The chunk size at the start of `line` (hex, up to an extension or blank).
bool parse_chunk_size(std::string_view line, std::uint64_t& out) {
  std::uint64_t n = 0;
  std::size_t digits = 0;
  for (char c : line) {
    int v;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v = c - 'A' + 10;
    } else {
      break;
    }
    if (n >= kMaxBody) return false;
    n = n * 16 + static_cast<std::uint64_t>(v);
    ++digits;
  }
  out = n;
  return digits > 0;
}

}  // namespace

void response_framer::reset() {
  stage_ = stage::head;
  outcome_ = outcome::need_more;
  status_ = 0;
  close_ = false;
  started_ = false;
  chunked_ = false;
  has_length_ = false;
  remaining_ = 0;
  error_ = "";
}

void response_framer::fail(const char* why) {
  outcome_ = outcome::error;
  error_ = why;
  close_ = true;
}

std::size_t response_framer::parse_head(std::string_view bytes) {
  std::size_t at = 0;
  std::size_t taken = 0;
  const std::string_view status_line = take_line(bytes, taken);
  if (taken == 0) {
    if (bytes.size() > kMaxHead) fail("response head too large");
    return 0;
  }
  // "HTTP/1.x NNN ...": anything else is not an HTTP/1 answer.
  if (status_line.size() < 12 || status_line.substr(0, 7) != "HTTP/1." || status_line[8] != ' ' ||
      status_line[9] < '1' || status_line[9] > '9' || status_line[10] < '0' ||
      status_line[10] > '9' || status_line[11] < '0' || status_line[11] > '9' ||
      (status_line.size() > 12 && status_line[12] != ' ')) {
    fail("bad status line");
    return 0;
  }
  const bool http10 = status_line[7] == '0';
  int status =
      (status_line[9] - '0') * 100 + (status_line[10] - '0') * 10 + (status_line[11] - '0');
  bool close = false;
  bool keep_alive = false;
  bool chunked = false;
  bool has_length = false;
  std::uint64_t length = 0;
  at = taken;
  for (;;) {
    const std::string_view line = take_line(bytes.substr(at), taken);
    if (taken == 0) {
      if (bytes.size() > kMaxHead) fail("response head too large");
      return 0;  // the head is not all here yet: it is parsed again from its start
    }
    at += taken;
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerated, as most clients do
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = line.substr(colon + 1);
    switch (name.size()) {
      case 10:  // connection
        if (equals_lower(name, "connection")) {
          close = close || has_token(value, "close");
          keep_alive = keep_alive || has_token(value, "keep-alive");
        }
        break;
      case 14:  // content-length
        if (equals_lower(name, "content-length")) {
          if (!parse_decimal(value, length)) {
            fail("bad Content-Length");
            return 0;
          }
          has_length = true;
        }
        break;
      case 17:  // transfer-encoding
        if (equals_lower(name, "transfer-encoding")) chunked = has_token(value, "chunked");
        break;
      default:
        break;
    }
  }
  if (at > kMaxHead) {
    fail("response head too large");
    return 0;
  }
  status_ = status;
  close_ = close || (http10 && !keep_alive);
  chunked_ = chunked;
  has_length_ = has_length;
  remaining_ = length;
  after_head();
  return at;
}

void response_framer::after_head() {
  if (status_ >= 100 && status_ < 200 && status_ != 101) {
    // An interim answer (100 Continue, 103 Early Hints): the real one follows.
    close_ = false;
    stage_ = stage::head;
  } else if (status_ == 101) {
    close_ = true;  // switching protocols: nothing more for us on this connection
    stage_ = stage::done;
  } else if (status_ == 204 || status_ == 304) {
    stage_ = stage::done;
  } else if (chunked_) {
    stage_ = stage::chunk_size;
  } else if (has_length_) {
    stage_ = remaining_ == 0 ? stage::done : stage::body;
  } else {
    close_ = true;  // the body ends with the connection
    stage_ = stage::until_close;
  }
  if (stage_ == stage::done) outcome_ = outcome::complete;
}

std::size_t response_framer::feed(std::string_view bytes) {
  std::size_t used = 0;
  if (!bytes.empty()) started_ = true;
  while (outcome_ == outcome::need_more && used < bytes.size()) {
    const std::string_view rest = bytes.substr(used);
    std::size_t taken = 0;
    switch (stage_) {
      case stage::head: {
        const std::size_t n = parse_head(rest);
        if (n == 0) return used;  // incomplete head, or an error
        used += n;
        break;
      }
      case stage::body:
      case stage::chunk_data: {
        const std::uint64_t skip = remaining_ < rest.size() ? remaining_ : rest.size();
        used += static_cast<std::size_t>(skip);
        remaining_ -= skip;
        if (remaining_ == 0) {
          stage_ = stage_ == stage::body ? stage::done : stage::chunk_end;
          if (stage_ == stage::done) outcome_ = outcome::complete;
        }
        break;
      }
      case stage::chunk_size: {
        const std::string_view line = take_line(rest, taken);
        if (taken == 0) {
          if (rest.size() > kMaxLine) fail("bad chunk size");
          return used;
        }
        std::uint64_t size = 0;
        if (!parse_chunk_size(line, size)) {
          fail("bad chunk size");
          return used;
        }
        used += taken;
        remaining_ = size;
        stage_ = size == 0 ? stage::trailers : stage::chunk_data;
        break;
      }
      case stage::chunk_end:
      case stage::trailers: {
        const std::string_view line = take_line(rest, taken);
        if (taken == 0) {
          if (rest.size() > kMaxLine) fail("bad chunked body");
          return used;
        }
        used += taken;
        if (stage_ == stage::chunk_end) {
          if (!line.empty()) {
            fail("bad chunked body");
            return used;
          }
          stage_ = stage::chunk_size;
        } else if (line.empty()) {
          stage_ = stage::done;
          outcome_ = outcome::complete;
        }
        break;
      }
      case stage::until_close:
        used = bytes.size();
        break;
      case stage::done:
        return used;
    }
  }
  return used;
}

bool response_framer::end_of_stream() {
  if (outcome_ == outcome::need_more && stage_ == stage::until_close) {
    stage_ = stage::done;
    outcome_ = outcome::complete;
    return true;
  }
  return outcome_ == outcome::complete;
}

}  // namespace mifos::mock::detail
