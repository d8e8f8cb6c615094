// http_request_parser_test.cpp: what the framing decides without a socket: chunked-body limits that
// must not depend on how TCP splits the bytes (found by tests/fuzz/http_fuzz.cpp's seeds), and the
// request-target, version and Host rules of RFC 9112 section 3.
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

TEST(HttpRequestParser, AChunkLineOverTheLimitIsRefusedHoweverItArrives) {
  const std::string request = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1;" +
                              std::string(1100, 'x') + "\r\na\r\n0\r\n\r\n";
  for (bool byte_by_byte : {false, true}) {
    parse_step step = feed(request, 1 << 20, byte_by_byte);
    EXPECT_EQ(step.status, parse_status::failed) << "byte by byte: " << byte_by_byte;
    EXPECT_EQ(step.error_status, 400);
  }
}

TEST(HttpRequestParser, AChunkedRequestMayNotPassTheSizeLimitWithItsLastLine) {
  const std::string request =
      "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
  ASSERT_EQ(request.size(), 61u);
  EXPECT_EQ(feed(request, 61, false).status, parse_status::complete);
  parse_step over = feed(request, 59, false);
  EXPECT_EQ(over.status, parse_status::failed);
  EXPECT_EQ(over.error_status, 413);
}

std::string target_of(const std::string& request_line) {
  http_request_parser p(1 << 20);
  const std::string bytes = request_line + "\r\nHost: h\r\n\r\n";
  p.append(bytes.data(), bytes.size());
  parse_step step = p.parse();
  if (step.status != parse_status::complete) return "failed " + std::to_string(step.error_status);
  return p.take().message.target;
}

TEST(HttpRequestParser, AnAbsoluteFormTargetBecomesItsPathAndQuery) {
  EXPECT_EQ(target_of("POST http://127.0.0.1:8080/hooks/?tenant=a HTTP/1.1"), "/hooks/?tenant=a");
  EXPECT_EQ(target_of("POST hTTps://host/hooks HTTP/1.1"), "/hooks");
  EXPECT_EQ(target_of("GET http://host HTTP/1.1"), "/");
  EXPECT_EQ(target_of("GET http://host?x=1 HTTP/1.1"), "/?x=1");
  EXPECT_EQ(target_of("GET /hooks?x=1 HTTP/1.1"), "/hooks?x=1");
}

TEST(HttpRequestParser, ATargetInNoAcceptedFormIsRefused) {
  EXPECT_EQ(target_of("GET hooks HTTP/1.1"), "failed 400");
  EXPECT_EQ(target_of("GET ftp://host/hooks HTTP/1.1"), "failed 400");
  EXPECT_EQ(target_of("GET http:///hooks HTTP/1.1"), "failed 400");
  EXPECT_EQ(target_of("GET * HTTP/1.1"), "failed 400");
  EXPECT_EQ(target_of("OPTIONS * HTTP/1.1"), "*");
}

TEST(HttpRequestParser, VersionsAreReadAsRfc9110Says) {
  EXPECT_EQ(target_of("GET / HTTP/1.9"), "/");
  EXPECT_EQ(target_of("GET / HTTP/3.0"), "failed 505");
  EXPECT_EQ(target_of("GET / HTTP/1.10"), "failed 400");
  EXPECT_EQ(target_of("GET / http/1.1"), "failed 400");
}

TEST(HttpRequestParser, ARequestLineOverTheLimitIsA414AndHeadersOverItA413) {
  const std::string long_line = "GET /" + std::string(200, 'a') + " HTTP/1.1\r\nHost: h\r\n\r\n";
  EXPECT_EQ(feed(long_line, 100, false).error_status, 414);
  EXPECT_EQ(feed(long_line.substr(0, 150), 100, true).error_status, 414);
  const std::string long_header = "GET / HTTP/1.1\r\nHost: " + std::string(200, 'h') + "\r\n\r\n";
  EXPECT_EQ(feed(long_header, 100, false).error_status, 413);
}

TEST(HttpRequestParser, AMethodLongerThanAnyIsA501AndANonTokenA400) {
  EXPECT_EQ(feed(std::string(40, 'P') + " / HTTP/1.1\r\n", 1 << 20, true).error_status, 501);
  EXPECT_EQ(feed("\x16\x03\x01 / HTTP/1.1\r\n", 1 << 20, true).error_status, 400);
}

TEST(HttpRequestParser, AnHttp10RequestMayOmitHostButNotRepeatIt) {
  for (auto [bytes, want] :
       {std::pair{"GET / HTTP/1.0\r\n\r\n", parse_status::complete},
        std::pair{"GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n", parse_status::failed},
        std::pair{"GET / HTTP/1.1\r\n\r\n", parse_status::failed}}) {
    EXPECT_EQ(feed(bytes, 1 << 20, false).status, want) << bytes;
  }
}

}  // namespace
}  // namespace mifos::hooks::detail
