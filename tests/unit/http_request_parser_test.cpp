// http_request_parser_test.cpp: chunked-body limits that must not depend on how TCP splits the
// bytes (found by tests/fuzz/http_fuzz.cpp's seeds and a throwaway reproducer).
#include "http_request_parser.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mifos::hooks::detail {
namespace {

// Feeds `bytes` whole or one byte at a time; returns the final step.
parse_step feed(const std::string& bytes, std::size_t max_bytes, bool byte_by_byte) {
  http_request_parser p(max_bytes);
  parse_step step;
  if (!byte_by_byte) {
    p.append(bytes.data(), bytes.size());
    return p.parse();
  }
  for (char c : bytes) {
    p.append(&c, 1);
    step = p.parse();
    if (step.status != parse_status::need_more) return step;
  }
  return step;
}

TEST(HttpRequestParser, a_chunk_line_over_the_limit_is_refused_however_it_arrives) {
  const std::string request = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;" +
                              std::string(1100, 'x') + "\r\na\r\n0\r\n\r\n";
  for (bool byte_by_byte : {false, true}) {
    parse_step step = feed(request, 1 << 20, byte_by_byte);
    EXPECT_EQ(step.status, parse_status::failed) << "byte by byte: " << byte_by_byte;
    EXPECT_EQ(step.error_status, 400);
  }
}

TEST(HttpRequestParser, a_chunked_request_may_not_pass_the_size_limit_with_its_last_line) {
  const std::string request = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
  ASSERT_EQ(request.size(), 52u);
  EXPECT_EQ(feed(request, 52, false).status, parse_status::complete);
  parse_step over = feed(request, 50, false);
  EXPECT_EQ(over.status, parse_status::failed);
  EXPECT_EQ(over.error_status, 413);
}

}  // namespace
}  // namespace mifos::hooks::detail
