// http_sender_test.cpp: mock-mifos's hook sender against a real socket on 127.0.0.1:
// the exact bytes it writes, what it returns, and the async pool's threads and connections.
#include "net/http_sender.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>

#include "capture_server.hpp"

namespace {

using mifos::hooks::delivery;
using mifos::hooks::test::capture_server;
using mifos::mock::async_sender;
using mifos::mock::send_once;
using mifos::mock::send_options;
using mifos::mock::send_result;
using namespace std::chrono_literals;

constexpr auto kWait = std::chrono::milliseconds(30000);  // only a failing test waits it out

// A hook POST as Fineract's OkHttp writes it, with a 2 KiB JSON body.
delivery okhttp_post(std::uint16_t port) {
  delivery d;
  d.method = "POST";
  d.target = "/hooks/?tenant=default";
  d.body = R"({"officeId":1,"clientId":1,"resourceId":1,"note":")" + std::string(2048 - 52, 'x') +
           R"("})";
  d.headers = {{"X-Fineract-Entity", "CLIENT"},
               {"X-Fineract-Action", "CREATE"},
               {"Fineract-Platform-TenantId", "default"},
               {"Content-Type", "application/json; charset=UTF-8"},
               {"Content-Length", std::to_string(d.body.size())},
               {"Host", "127.0.0.1:" + std::to_string(port)},
               {"Connection", "Keep-Alive"},
               {"Accept-Encoding", "gzip"},
               {"User-Agent", "okhttp/4.12.0"}};
  return d;
}

std::string head_of(const std::string& request) {
  return request.substr(0, request.find("\r\n\r\n") + 4);
}

// A port nobody listens on: bound (so the kernel picked it), then closed without listen().
std::uint16_t closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    throw std::runtime_error("cannot bind a socket");
  ::close(fd);
  return ntohs(addr.sin_port);
}

TEST(HttpSender, PostPutsExactlyTheGivenHeadersAndBodyOnTheWire) {
  capture_server server;
  const delivery d = okhttp_post(server.port());
  ASSERT_EQ(d.body.size(), 2048u);

  const send_result r = send_once(server.origin(), d);

  ASSERT_EQ(r.status, 200) << r.error;
  ASSERT_EQ(server.request_count(), 1u);
  const std::string request = server.requests()[0];
  // libcurl always writes Host first; every other header keeps the delivery's order.
  std::string expected =
      "POST /hooks/?tenant=default HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server.port()) +
      "\r\n";
  for (const auto& h : d.headers)
    if (h.name != "Host") expected += h.name + ": " + h.value + "\r\n";
  expected += "\r\n" + d.body;
  EXPECT_EQ(request, expected);
  EXPECT_EQ(head_of(request).find("Accept:"), std::string::npos);
  EXPECT_EQ(head_of(request).find("Expect:"), std::string::npos);
}

TEST(HttpSender, WithoutHostOrLengthLibcurlAddsOnlyThoseTwo) {
  capture_server server;
  delivery d;
  d.target = "/hooks";
  d.headers = {{"X-Fineract-Entity", "LOAN"}, {"X-Fineract-Action", "REPAYMENT"}};
  d.body = R"({"loanId":5})";

  ASSERT_EQ(send_once(server.origin(), d).status, 200);

  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests()[0],
            "POST /hooks HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server.port()) +
                "\r\nX-Fineract-Entity: LOAN\r\nX-Fineract-Action: REPAYMENT\r\n"
                "Content-Length: 12\r\n\r\n{\"loanId\":5}");
}

TEST(HttpSender, ContentLengthThatDisagreesWithTheBodyIsReplacedByTheBodySize) {
  capture_server server;
  delivery d;
  d.target = "/";
  d.headers = {{"Host", "example"}, {"X-A", "1"}, {"Content-Length", "999"}, {"X-B", "2"}};
  d.body = "abc";

  ASSERT_EQ(send_once(server.origin(), d).status, 200);

  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests()[0],
            "POST / HTTP/1.1\r\nHost: example\r\nX-A: 1\r\nContent-Length: 3\r\nX-B: 2\r\n\r\nabc");
}

TEST(HttpSender, OtherMethodSendsItsBody) {
  capture_server server;
  delivery d;
  d.method = "PUT";
  d.target = "/x";
  d.headers = {{"Host", "h"}};
  d.body = "abc";

  ASSERT_EQ(send_once(server.origin(), d).status, 200);

  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests()[0], "PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc");
}

TEST(HttpSender, HeaderWithEmptyValueIsSent) {
  capture_server server;
  delivery d;
  d.method = "GET";
  d.target = "/";
  d.headers = {{"Host", "h"}, {"X-Fineract-Endpoint", ""}};

  ASSERT_EQ(send_once(server.origin(), d).status, 200);

  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests()[0], "GET / HTTP/1.1\r\nHost: h\r\nX-Fineract-Endpoint:\r\n\r\n");
}

TEST(HttpSender, GetSendsNoBody) {
  capture_server server;
  delivery d;
  d.method = "GET";
  d.target = "/hooks";
  d.headers = {{"Host", "h"}, {"User-Agent", "okhttp/4.12.0"}};

  ASSERT_EQ(send_once(server.origin(), d).status, 200);

  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests()[0],
            "GET /hooks HTTP/1.1\r\nHost: h\r\nUser-Agent: okhttp/4.12.0\r\n\r\n");
}

TEST(HttpSender, ReturnsTheStatusAndTheResponseBody) {
  capture_server server;
  server.set_response(201, "created it");

  const send_result r = send_once(server.origin(), okhttp_post(server.port()));

  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, "created it");
  EXPECT_TRUE(r.error.empty()) << r.error;
  EXPECT_TRUE(r.answered());
  EXPECT_GT(r.elapsed.count(), 0);
}

TEST(HttpSender, ResponseBodyIsCappedAt64KiB) {
  capture_server server;
  server.set_response(200, std::string(100 * 1024, 'b'));

  const send_result r = send_once(server.origin(), okhttp_post(server.port()));

  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body, std::string(64 * 1024, 'b'));
}

TEST(HttpSender, ServerErrorIsReturnedWithoutRetry) {
  capture_server server;
  server.set_response(500, "boom");

  const send_result r = send_once(server.origin(), okhttp_post(server.port()));

  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, "boom");
  EXPECT_EQ(server.request_count(), 1u);
}

TEST(HttpSender, RedirectIsReturnedNotFollowed) {
  capture_server server;
  server.set_response(302, "", {"Location: /elsewhere"});

  const send_result r = send_once(server.origin(), okhttp_post(server.port()));

  EXPECT_EQ(r.status, 302);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST(HttpSender, ConnectionRefusedGivesStatusZeroAndAnError) {
  const send_result r =
      send_once("http://127.0.0.1:" + std::to_string(closed_port()), okhttp_post(1));

  EXPECT_EQ(r.status, 0);
  EXPECT_FALSE(r.answered());
  EXPECT_FALSE(r.error.empty());
}

TEST(HttpSender, ConnectionClosedWithoutAnswerGivesStatusZeroOnce) {
  capture_server server;
  server.set_behaviour(capture_server::behaviour::close_at_once);

  const send_result r = send_once(server.origin(), okhttp_post(server.port()));

  EXPECT_EQ(r.status, 0);
  EXPECT_FALSE(r.error.empty());
  EXPECT_EQ(server.connection_count(), 1u);
}

TEST(HttpSender, ServerThatNeverAnswersTimesOutWithinTheTotalTimeout) {
  capture_server server;
  server.set_behaviour(capture_server::behaviour::never_answer);
  send_options options;
  options.total_timeout = 300ms;

  const auto start = std::chrono::steady_clock::now();
  const send_result r = send_once(server.origin(), okhttp_post(server.port()), options);
  const auto took = std::chrono::steady_clock::now() - start;

  EXPECT_EQ(r.status, 0);
  EXPECT_FALSE(r.error.empty());
  // Well under the 10 s default: the option was honoured, with room for a loaded machine.
  EXPECT_GE(took, 290ms);
  EXPECT_LT(took, 5000ms);
  EXPECT_GE(r.elapsed, 290ms);
  EXPECT_TRUE(server.wait_for_requests(1, kWait));
}

TEST(HttpSender, EnvironmentProxyIsIgnored) {
  capture_server server;
  const std::string dead_proxy = "http://127.0.0.1:" + std::to_string(closed_port());
  ::setenv("http_proxy", dead_proxy.c_str(), 1);
  const send_result r = send_once(server.origin(), okhttp_post(server.port()));
  ::unsetenv("http_proxy");

  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(server.request_count(), 1u);
}

TEST(HttpSender, HeaderWithLineBreakIsNotSent) {
  capture_server server;
  delivery d = okhttp_post(server.port());
  d.headers.push_back({"X-Evil", "a\r\nX-Injected: 1"});

  const send_result r = send_once(server.origin(), d);

  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error.find("X-Evil"), std::string::npos) << r.error;
  EXPECT_EQ(server.connection_count(), 0u);
}

TEST(HttpSenderPool, DeliversEveryRequestFromFourThreadsOverReusedConnections) {
  capture_server server;
  std::atomic<int> ok{0};
  {
    async_sender pool(4);
    for (int i = 0; i < 200; ++i)
      pool.submit(server.origin(), okhttp_post(server.port()), [&](const send_result& r) {
        if (r.status == 200) ++ok;
      });
    pool.drain();
    EXPECT_EQ(pool.pending(), 0u);
  }
  EXPECT_EQ(ok.load(), 200);
  EXPECT_EQ(server.request_count(), 200u);
  EXPECT_LE(server.connection_count(), 4u);  // one kept-alive connection per thread
}

TEST(HttpSenderPool, DrainWaitsForEveryCallback) {
  capture_server server;
  async_sender pool(2);
  std::atomic<int> done{0};
  for (int i = 0; i < 20; ++i)
    pool.submit(server.origin(), okhttp_post(server.port()), [&](const send_result&) {
      std::this_thread::sleep_for(5ms);  // a slow callback: drain must wait for it too
      ++done;
    });

  pool.drain();

  EXPECT_EQ(done.load(), 20);
}

TEST(HttpSenderPool, PendingCountsQueuedAndInFlight) {
  capture_server server;
  async_sender pool(1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> entered;
  pool.submit(server.origin(), okhttp_post(server.port()), [&](const send_result&) {
    entered.set_value();
    released.wait_for(kWait);
  });
  pool.submit(server.origin(), okhttp_post(server.port()));
  pool.submit(server.origin(), okhttp_post(server.port()));
  ASSERT_EQ(entered.get_future().wait_for(kWait), std::future_status::ready);

  EXPECT_EQ(pool.pending(), 3u);  // one in its callback, two queued
  release.set_value();
  pool.drain();
  EXPECT_EQ(pool.pending(), 0u);
  EXPECT_EQ(server.request_count(), 3u);
}

TEST(HttpSenderPool, DestructorFinishesPendingWork) {
  capture_server server;
  std::atomic<int> done{0};
  {
    async_sender pool(2);
    for (int i = 0; i < 50; ++i)
      pool.submit(server.origin(), okhttp_post(server.port()), [&](const send_result&) { ++done; });
  }
  EXPECT_EQ(done.load(), 50);
  EXPECT_EQ(server.request_count(), 50u);
}

TEST(HttpSenderPool, ThrowingCallbackDoesNotStopTheWorker) {
  capture_server server;
  async_sender pool(1);
  std::atomic<int> after{0};
  pool.submit(server.origin(), okhttp_post(server.port()),
              [](const send_result&) { throw std::runtime_error("callback failed"); });
  pool.submit(server.origin(), okhttp_post(server.port()),
              [&](const send_result& r) { after = r.status; });

  pool.drain();

  EXPECT_EQ(after.load(), 200);
}

TEST(HttpSenderPool, ZeroThreadsStillDelivers) {
  capture_server server;
  async_sender pool(0);
  std::atomic<int> status{0};
  pool.submit(server.origin(), okhttp_post(server.port()),
              [&](const send_result& r) { status = r.status; });

  pool.drain();

  EXPECT_EQ(status.load(), 200);
}

}  // namespace
