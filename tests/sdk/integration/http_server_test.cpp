// http_server_test.cpp: the generic embedded server (http_server.hpp) with a function of ours, on
// a real socket: what it passes to the function, what it writes back, and what it does when the
// function throws.
#include "mifos/hooks/http_server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

#include "http_client.hpp"

namespace mifos::hooks::test {
namespace {

http_server_options any_port() {
  http_server_options o;
  o.port = 0;
  return o;
}

TEST(HttpServer, PassesMethodTargetHeadersAndBodyToTheFunction) {
  delivery seen;
  http_server server(
      [&seen](const delivery& d) {
        seen = d;
        return http_answer{201, R"({"created":true})"};
      },
      any_port());
  server.start();
  auto r = http_call("PUT", url(server.port(), "/things/7?x=1"), "payload", {"X-Test: yes"});
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, R"({"created":true})");
  EXPECT_EQ(seen.method, "PUT");
  EXPECT_EQ(seen.target, "/things/7?x=1");
  EXPECT_EQ(seen.header("x-test").value_or(""), "yes");
  EXPECT_EQ(seen.body, "payload");
}

TEST(HttpServer, WritesContentTypeAndExtraHeadersOfTheAnswer) {
  http_server server(
      [](const delivery&) {
        http_answer a{200, "plain words", "text/plain"};
        a.headers.push_back({"X-Mock", "1"});
        return a;
      },
      any_port());
  server.start();
  raw_connection c(server.port());
  ASSERT_TRUE(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto answer = c.read_response(std::chrono::seconds(30));
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->header("Content-Type").value_or(""), "text/plain");
  EXPECT_EQ(answer->header("X-Mock").value_or(""), "1");
  EXPECT_EQ(answer->body, "plain words");
}

TEST(HttpServer, AnswersAGeneric500WhenTheFunctionThrows) {
  http_server server(
      [](const delivery&) -> http_answer { throw std::runtime_error("secret detail"); },
      any_port());
  server.start();
  auto r = http_call("GET", url(server.port(), "/"), "", {});
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret detail"), std::string::npos);
  EXPECT_EQ(server.stats().answered_5xx, 1u);
  // The serving thread survived: the next request is answered.
  EXPECT_EQ(http_call("GET", url(server.port(), "/"), "", {}).status, 500);
}

TEST(HttpServer, RefusesADuplicateContentLengthBeforeTheFunctionRuns) {
  std::atomic<int> calls{0};
  http_server server(
      [&calls](const delivery&) {
        ++calls;
        return http_answer{200, "{}"};
      },
      any_port());
  server.start();
  raw_connection c(server.port());
  ASSERT_TRUE(
      c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}"));
  auto answer = c.read_response(std::chrono::seconds(30));
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 400);
  EXPECT_EQ(calls.load(), 0);
  EXPECT_EQ(server.stats().answered_4xx, 1u);
}

TEST(HttpServer, ReportsAPortInUseWithTheAddress) {
  http_server first([](const delivery&) { return http_answer{}; }, any_port());
  first.start();
  http_server_options same = any_port();
  same.port = first.port();
  http_server second([](const delivery&) { return http_answer{}; }, same);
  try {
    second.start();
    FAIL() << "a second server bound the same port";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(std::to_string(first.port())), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace mifos::hooks::test
