// http_fuzz.cpp: the libFuzzer target for the receiver's HTTP framing
// (sdk/src/http/http_request_parser .hpp), the code that reads raw socket bytes. It feeds the input
// to the parser the way http_server.cpp serve() does (parse, take on complete, stop on failed,
// append on need_more) and traps (a crash libFuzzer records) when a promise of the parser is
// broken. The same bytes are also framed in one append(): how TCP splits a stream must not change
// the requests.
//
// Input encoding:
//   byte 0  split: 0 mod 3 one append(); 1 mod 3 byte by byte; 2 mod 3 chunks of 1..64 bytes,
//           sizes from a generator seeded with byte 0 (so a mutation of byte 0 re-splits)
//   byte 1  max_request_bytes: 64 + 16 * byte (64..4144); 255 means the receiver's 1 MiB default
//   rest    the bytes a client sends on one connection
//
//   printf '\x00\xffPOST /hooks HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}' > seed
//   http_fuzz seed
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string_view>
#include <system_error>
#include <vector>

#include "fuzz_check.hpp"
#include "http_request_parser.hpp"

namespace mifos::hooks::fuzz {
namespace {

using detail::http_request;
using detail::parse_status;

// The shortest request there is: "A * HTTP/1.0\n\n" (bare LF is allowed), 14 bytes.
constexpr std::size_t kMinRequestBytes = 14;
constexpr std::size_t kDefaultMax = 1024 * 1024;

struct fuzz_input {
  std::uint8_t split = 0;
  std::size_t max_bytes = kDefaultMax;
  std::string_view stream;
};

fuzz_input decode(const std::uint8_t* data, std::size_t size) {
  fuzz_input in;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  if (!rest.empty()) in.split = static_cast<std::uint8_t>(rest.front()), rest.remove_prefix(1);
  if (!rest.empty()) {
    const auto b = static_cast<std::uint8_t>(rest.front());
    in.max_bytes = b == 255 ? kDefaultMax : 64 + 16 * std::size_t{b};
    rest.remove_prefix(1);
  }
  in.stream = rest;
  return in;
}

// The pieces the bytes arrive in, as recv() might return them.
std::vector<std::string_view> pieces_of(const fuzz_input& in) {
  std::vector<std::string_view> out;
  std::string_view rest = in.stream;
  std::uint32_t state = 0x9e3779b9u ^ in.split;
  while (!rest.empty()) {
    std::size_t n = rest.size();
    if (in.split % 3 == 1) n = 1;
    if (in.split % 3 == 2) {
      state ^= state << 13, state ^= state >> 17, state ^= state << 5;  // xorshift32
      n = 1 + state % 64;
    }
    n = std::min(n, rest.size());
    out.push_back(rest.substr(0, n));
    rest.remove_prefix(n);
  }
  return out;
}

struct outcome {
  std::vector<http_request> requests;
  parse_status last = parse_status::need_more;
};

// What a framed request must satisfy whatever the bytes were.
void check_request(const http_request& r, std::size_t max_bytes) {
  const delivery& d = r.message;
  check(!d.method.empty() && !d.target.empty(), "a request without method or target");
  std::size_t size = d.method.size() + d.target.size() + d.body.size();
  for (const auto& h : d.headers) {
    check(!h.name.empty(), "a header without a name");
    size += h.name.size() + h.value.size();
  }
  check(size <= max_bytes, "a request larger than max_request_bytes");
  check(r.head_only == (d.method == "HEAD"), "head_only is not 'method is HEAD'");
  if (d.header_count("Content-Length") == 1) {
    const std::string_view v = *d.header("Content-Length");
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    check(ec == std::errc() && end == v.data() + v.size(), "accepted a bad Content-Length");
    check(d.body.size() == n, "body size is not Content-Length");
  }
  check(d.header_count("Content-Length") <= 1, "accepted two Content-Length headers");
  check(d.header_count("Host") <= 1, "accepted two Host headers");
  check(d.target.front() == '/' || d.target == "*" || d.method == "CONNECT",
        "a target in no form a server accepts (absolute-form must become origin-form)");
}

void check_failure(const detail::parse_step& step) {
  const int status = step.error_status;
  check(status == 400 || status == 413 || status == 414 || status == 501 || status == 505,
        "failed with a status the parser does not give");
  check(!step.error_reason.empty(), "failed without a reason");
  check(step.error_reason.find_first_of("\r\n") == std::string_view::npos,
        "the reason is not one line");
}

// The loop of http_server.cpp serve(), over the given pieces.
outcome frame(const std::vector<std::string_view>& pieces, std::size_t max_bytes) {
  outcome out;
  detail::http_request_parser p(max_bytes);
  std::size_t next = 0;
  int continues = 0;  // "100 Continue" prompts for the request being read
  for (;;) {
    const detail::parse_step step = p.parse();
    if (step.send_continue) {
      check(step.status == parse_status::need_more,
            "send_continue on a step that is not need_more");
      check(++continues == 1, "send_continue twice for one request");
    }
    out.last = step.status;
    if (step.status == parse_status::failed) {
      check_failure(step);
      return out;
    }
    if (step.status == parse_status::complete) {
      out.requests.push_back(p.take());
      check_request(out.requests.back(), max_bytes);
      continues = 0;
      continue;
    }
    if (next == pieces.size()) break;
    p.append(pieces[next].data(), pieces[next].size());
    ++next;
  }
  // No new bytes, no new answer: a second parse() must wait as the first did.
  check(p.parse().status == parse_status::need_more, "parse() changed its mind without new bytes");
  return out;
}

bool same(const http_request& a, const http_request& b) {
  return a.message == b.message && a.keep_alive == b.keep_alive && a.head_only == b.head_only;
}

void run_one(const std::uint8_t* data, std::size_t size) {
  const fuzz_input in = decode(data, size);
  const outcome split = frame(pieces_of(in), in.max_bytes);
  check(split.requests.size() * kMinRequestBytes <= in.stream.size(),
        "more requests than the bytes can hold");
  if (in.split % 3 == 0 || in.stream.empty()) return;

  const outcome whole = frame({in.stream}, in.max_bytes);
  const std::size_t common = std::min(split.requests.size(), whole.requests.size());
  for (std::size_t i = 0; i < common; ++i)
    check(same(split.requests[i], whole.requests[i]), "the split changed a request");
  // A failure may come sooner on a split stream (a limit hit before a line ended), but two runs
  // that both ended waiting for bytes must have framed the same requests.
  if (split.last != parse_status::failed && whole.last != parse_status::failed)
    check(split.requests.size() == whole.requests.size(), "the split changed the request count");
}

}  // namespace
}  // namespace mifos::hooks::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return mifos::hooks::fuzz::run_guarded([&] { mifos::hooks::fuzz::run_one(data, size); });
}
