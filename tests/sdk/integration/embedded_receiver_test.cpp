// embedded_receiver_test.cpp: mifos::hooks::receiver in the test process, for what needs the
// handler on our side: a throwing handler, a slow one during stop(), stats, signals, timeouts.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "hello_receiver.hpp"
#include "http_client.hpp"
#include "mifos/hooks/receiver.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;

const std::vector<std::string> kLoanRepaymentHeaders = {
    "X-Fineract-Entity: LOAN", "X-Fineract-Action: REPAYMENT",
    "Fineract-Platform-TenantId: default", "Content-Type: application/json"};
const std::string kLoanRepaymentBody = R"({"officeId":1,"clientId":1,"loanId":5,"resourceId":564})";

receiver_options any_port() {
  receiver_options o;
  o.port = 0;
  return o;
}

client_response post_repayment(const receiver& r) {
  return http_call("POST", url(r.port(), "/hooks"), kLoanRepaymentBody, kLoanRepaymentHeaders);
}

// Polls `condition` until it holds or the deadline passes, sleeping between looks so that the
// server threads it waits for get the CPU.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout = 30s) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

TEST(EmbeddedReceiver, PortZeroBindsARealPort) {
  receiver r(router{}, any_port());
  r.start();
  EXPECT_NE(r.port(), 0);
  EXPECT_EQ(http_call("GET", url(r.port(), "/hooks"), "", {}).status, 200);
}

TEST(EmbeddedReceiver, ThrowingHandlerAnswers500WithoutTheExceptionText) {
  router routes;
  routes.on("LOAN", "REPAYMENT",
            [](const event&) { throw std::runtime_error("database password is hunter2"); });
  receiver r(std::move(routes), any_port());
  r.start();
  auto reply = post_repayment(r);
  EXPECT_EQ(reply.status, 500);
  EXPECT_EQ(reply.body.find("hunter2"), std::string::npos) << reply.body;
  EXPECT_TRUE(nlohmann::json::parse(reply.body).contains("error")) << reply.body;
}

TEST(EmbeddedReceiver, StopDuringASlowHandlerStillAnswers200) {
  std::atomic<bool> handler_started{false};
  router routes;
  routes.on("LOAN", "REPAYMENT", [&](const event&) {
    handler_started = true;
    std::this_thread::sleep_for(300ms);  // the slow work stop() must wait for
  });
  receiver r(std::move(routes), any_port());
  r.start();
  auto reply = std::async(std::launch::async, [&] { return post_repayment(r); });
  ASSERT_TRUE(eventually([&] { return handler_started.load(); }));
  r.stop();
  auto result = reply.get();
  EXPECT_EQ(result.status, 200) << result.error;
}

TEST(EmbeddedReceiver, StopClosesIdleKeepAliveConnections) {
  receiver r(router{}, any_port());
  r.start();
  raw_connection c(r.port());
  c.send("GET /hooks HTTP/1.1\r\nHost: h\r\n\r\n");
  ASSERT_TRUE(c.read_response(10s));
  r.stop();
  EXPECT_TRUE(c.closed_by_peer(10s));
}

TEST(EmbeddedReceiver, StartThrowsAReadableErrorWhenThePortIsInUse) {
  receiver first(router{}, any_port());
  first.start();
  receiver_options taken;
  taken.port = first.port();
  receiver second(router{}, taken);
  try {
    second.start();
    FAIL() << "start() did not throw";
  } catch (const std::runtime_error& e) {
    std::string text = e.what();
    EXPECT_NE(text.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("in use"), std::string::npos) << text;
  }
}

TEST(EmbeddedReceiver, CanStartAgainAfterStop) {
  receiver r(router{}, any_port());
  r.start();
  r.stop();
  r.start();
  EXPECT_EQ(http_call("GET", url(r.port(), "/hooks"), "", {}).status, 200);
}

TEST(EmbeddedReceiver, StatsCountEachKindOfAnswer) {
  router routes;
  routes.on("CLIENT", "CREATE", [](const event&) { throw std::runtime_error("boom"); });
  receiver r(std::move(routes), any_port());
  r.start();
  ASSERT_EQ(post_repayment(r).status, 200);
  ASSERT_EQ(post_repayment(r).status, 200);
  ASSERT_EQ(http_call("GET", url(r.port(), "/hooks"), "", {}).status, 200);
  ASSERT_EQ(http_call("GET", url(r.port(), "/nothing"), "", {}).status, 404);
  ASSERT_EQ(http_call("POST", url(r.port(), "/hooks"), "{}",
                      {"X-Fineract-Entity: CLIENT", "X-Fineract-Action: CREATE",
                       "Content-Type: application/json"})
                .status,
            500);
  receiver_stats s = r.stats();
  EXPECT_EQ(s.accepted, 2u);
  EXPECT_EQ(s.pings, 1u);
  EXPECT_EQ(s.rejected, 1u);
  EXPECT_EQ(s.errors, 1u);
}

TEST(EmbeddedReceiver, StartIgnoresSigpipe) {
  receiver r(router{}, any_port());
  r.start();
  struct sigaction current {};
  ::sigaction(SIGPIPE, nullptr, &current);
  EXPECT_EQ(current.sa_handler, SIG_IGN);
}

TEST(EmbeddedReceiver, ClientThatLeavesBeforeItsAnswerDoesNotStopTheServer) {
  std::atomic<bool> handler_started{false};
  router routes;
  routes.on("LOAN", "REPAYMENT", [&](const event&) {
    handler_started = true;
    std::this_thread::sleep_for(100ms);
  });
  receiver r(std::move(routes), any_port());
  r.start();
  {
    raw_connection c(r.port());
    c.send(
        "POST /hooks HTTP/1.1\r\nHost: h\r\nX-Fineract-Entity: LOAN\r\nX-Fineract-Action: "
        "REPAYMENT\r\n"
        "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    ASSERT_TRUE(eventually([&] { return handler_started.load(); }));
  }  // closed while the handler runs: the answer goes to a dead socket
  EXPECT_EQ(post_repayment(r).status, 200);
}

TEST(EmbeddedReceiver, WaitForSignalReturnsWhenStopIsCalledElsewhere) {
  receiver r(router{}, any_port());
  r.start();
  auto waiter = std::async(std::launch::async, [&] { r.wait_for_signal(); });
  r.stop();
  EXPECT_EQ(waiter.wait_for(10s), std::future_status::ready);
}

TEST(EmbeddedReceiver, WaitForSignalStopsOnSigterm) {
  receiver r(router{}, any_port());
  r.start();
  auto waiter = std::async(std::launch::async, [&] { r.wait_for_signal(); });
  // Sent only once wait_for_signal() has its handler in place: before, SIGTERM would end the test.
  ASSERT_TRUE(eventually([] {
    struct sigaction current {};
    ::sigaction(SIGTERM, nullptr, &current);
    return current.sa_handler != SIG_DFL;
  }));
  ::kill(::getpid(), SIGTERM);
  ASSERT_EQ(waiter.wait_for(10s), std::future_status::ready);
  raw_connection* refused = nullptr;
  EXPECT_THROW(refused = new raw_connection(r.port()), std::runtime_error);
  delete refused;
}

TEST(EmbeddedReceiver, HeaderTimeoutDisconnectsAClientThatStopsMidHead) {
  receiver_options o = any_port();
  o.header_timeout = 200ms;
  receiver r(router{}, o);
  r.start();
  raw_connection c(r.port());
  c.send("POST /hooks HTTP/1.1\r\nHost: h\r\nX-Fineract-Ent");
  EXPECT_TRUE(c.closed_by_peer(10s));
}

TEST(EmbeddedReceiver, BodyTimeoutDisconnectsAClientThatStopsMidBody) {
  receiver_options o = any_port();
  o.body_timeout = 200ms;
  receiver r(router{}, o);
  r.start();
  raw_connection c(r.port());
  c.send(
      "POST /hooks HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: "
      "100\r\n\r\n{");
  EXPECT_TRUE(c.closed_by_peer(10s));
}

}  // namespace
}  // namespace mifos::hooks::test
