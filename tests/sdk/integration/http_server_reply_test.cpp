// http_server_reply_test.cpp: answers given later (http_reply), on a real socket: from another
// thread, before the function returns, never (500), twice (the first wins), in order behind
// pipelined requests, without holding up other connections, and across stop().
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "mifos/hooks/http_server.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;

http_server_options any_port(int threads = 2) {
  http_server_options o;
  o.port = 0;
  o.threads = threads;
  return o;
}

// Replies the function handed over, with the target of their request, for the test to answer.
class reply_box {
 public:
  void put(const delivery& d, http_reply r) {
    {
      std::lock_guard lock(mutex_);
      held_.push_back({d.target, std::move(r)});
    }
    arrived_.notify_all();
  }
  // The oldest reply not yet taken, waiting up to 5 s for it.
  std::optional<std::pair<std::string, http_reply>> take() {
    std::unique_lock lock(mutex_);
    if (!arrived_.wait_for(lock, 30s, [&] { return !held_.empty(); })) return std::nullopt;
    auto front = std::move(held_.front());
    held_.pop_front();
    return front;
  }
  std::size_t size() {
    std::lock_guard lock(mutex_);
    return held_.size();
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<std::pair<std::string, http_reply>> held_;
};

std::string request_for(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
}

TEST(HttpReply, AnswerSentLaterFromAnotherThreadReachesTheClient) {
  reply_box box;
  http_server server([&](const delivery& d, http_reply r) { box.put(d, std::move(r)); },
                     any_port());
  server.start();
  raw_connection c(server.port());
  ASSERT_TRUE(c.send(request_for("/later")));
  auto held = box.take();
  ASSERT_TRUE(held);
  EXPECT_EQ(held->first, "/later");
  std::thread answering([&] { held->second.send({202, R"({"stored":true})"}); });
  answering.join();
  auto answer = c.read_response(30s);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 202);
  EXPECT_EQ(answer->body, R"({"stored":true})");
  EXPECT_EQ(answer->header("Connection").value_or(""), "keep-alive");
  // The connection serves the next request as usual.
  ASSERT_TRUE(c.send(request_for("/again")));
  auto again = box.take();
  ASSERT_TRUE(again);
  again->second.send({200, "{}"});
  auto second = c.read_response(30s);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(server.stats().answered_2xx, 2u);
}

TEST(HttpReply, AnswerSentBeforeTheFunctionReturnsIsWrittenAtOnce) {
  http_server server(
      [](const delivery&, http_reply r) {
        r.send({201, R"({"now":true})"});
      },
      any_port());
  server.start();
  auto r = http_call("POST", url(server.port(), "/now"), "x", {});
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, R"({"now":true})");
}

TEST(HttpReply, OnlyTheFirstOfTwoAnswersIsSent) {
  http_server server(
      [](const delivery&, http_reply r) {
        r.send({200, R"({"first":true})"});
        r.send({500, R"({"second":true})"});
      },
      any_port());
  server.start();
  raw_connection c(server.port());
  ASSERT_TRUE(c.send(request_for("/a") + request_for("/b")));
  for (int i = 0; i < 2; ++i) {
    auto answer = c.read_response(30s);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 200);
    EXPECT_EQ(answer->body, R"({"first":true})");
  }
  EXPECT_FALSE(c.read_response(300ms));  // nothing extra was written
  EXPECT_EQ(server.stats().answered_5xx, 0u);
}

TEST(HttpReply, AReplyDroppedUnansweredGetsAGeneric500) {
  http_server server([](const delivery&, http_reply) {}, any_port());
  server.start();
  auto r = http_call("GET", url(server.port(), "/"), "", {});
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, R"({"error":"internal error"})");
}

TEST(HttpReply, AReplyDroppedLaterOnAnotherThreadGetsA500) {
  reply_box box;
  http_server server([&](const delivery& d, http_reply r) { box.put(d, std::move(r)); },
                     any_port());
  server.start();
  raw_connection c(server.port());
  ASSERT_TRUE(c.send(request_for("/lost")));
  {
    auto held = box.take();
    ASSERT_TRUE(held);
    EXPECT_FALSE(c.read_response(200ms));  // still waiting for its answer
  }                                        // the last copy of the reply goes here, unanswered
  auto answer = c.read_response(30s);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 500);
}

TEST(HttpReply, AFunctionThatThrowsAfterHandingTheReplyOnLetsThatAnswerStand) {
  reply_box box;
  http_server server(
      [&](const delivery& d, http_reply r) {
        box.put(d, std::move(r));
        throw std::runtime_error("secret detail");
      },
      any_port());
  server.start();
  raw_connection c(server.port());
  ASSERT_TRUE(c.send(request_for("/x")));
  auto held = box.take();
  ASSERT_TRUE(held);
  held->second.send({200, R"({"ok":true})"});
  auto answer = c.read_response(30s);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(answer->body, R"({"ok":true})");
}

TEST(HttpReply, AFunctionThatThrowsKeepingNoReplyGetsAGeneric500) {
  http_server server([](const delivery&, http_reply) { throw std::runtime_error("secret detail"); },
                     any_port());
  server.start();
  auto r = http_call("GET", url(server.port(), "/"), "", {});
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret detail"), std::string::npos);
}

TEST(HttpReply, PipelinedRequestsWaitForTheDeferredAnswerAndKeepTheirOrder) {
  reply_box box;
  std::atomic<int> calls{0};
  http_server server(
      [&](const delivery& d, http_reply r) {
        ++calls;
        if (d.target == "/1") {
          box.put(d, std::move(r));  // answered later
        } else {
          r.send({200, "answer to " + d.target});
        }
      },
      any_port());
  server.start();
  raw_connection c(server.port());
  ASSERT_TRUE(c.send(request_for("/1") + request_for("/2") + request_for("/3")));
  auto held = box.take();
  ASSERT_TRUE(held);
  std::this_thread::sleep_for(200ms);
  // The requests behind the deferred one are not even read until it is answered.
  EXPECT_EQ(calls.load(), 1);
  held->second.send({200, "answer to /1"});
  for (const char* target : {"/1", "/2", "/3"}) {
    auto answer = c.read_response(30s);
    ASSERT_TRUE(answer) << target;
    EXPECT_EQ(answer->body, std::string("answer to ") + target);
  }
  EXPECT_EQ(calls.load(), 3);
}

TEST(HttpReply, OtherConnectionsAreServedWhileAnAnswerIsDeferred) {
  reply_box box;
  http_server server(
      [&](const delivery& d, http_reply r) {
        if (d.target == "/slow") {
          box.put(d, std::move(r));
        } else {
          r.send({200, "fast"});
        }
      },
      any_port(1));  // one serving thread: it must not be the one waiting
  server.start();
  raw_connection slow(server.port());
  ASSERT_TRUE(slow.send(request_for("/slow")));
  auto held = box.take();
  ASSERT_TRUE(held);
  auto fast = http_call("GET", url(server.port(), "/fast"), "", {});
  EXPECT_EQ(fast.status, 200);
  EXPECT_EQ(fast.body, "fast");
  held->second.send({200, "slow"});
  auto answer = slow.read_response(30s);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->body, "slow");
}

TEST(HttpReply, StopWaitsForAnAnswerStillToComeAndItClosesTheConnection) {
  reply_box box;
  http_server server([&](const delivery& d, http_reply r) { box.put(d, std::move(r)); },
                     any_port());
  server.start();
  raw_connection c(server.port());
  ASSERT_TRUE(c.send(request_for("/in-flight")));
  auto held = box.take();
  ASSERT_TRUE(held);
  std::atomic<bool> stopped{false};
  std::thread stopping([&] {
    server.stop();
    stopped = true;
  });
  // stop() is under way (and answers from now on close) once the listener refuses connections.
  bool refusing = false;
  for (auto deadline = std::chrono::steady_clock::now() + 30s;
       !refusing && std::chrono::steady_clock::now() < deadline;) {
    try {
      raw_connection probe(server.port());
      std::this_thread::sleep_for(10ms);
    } catch (const std::exception&) {
      refusing = true;
    }
  }
  ASSERT_TRUE(refusing) << "stop() did not close the listener";
  EXPECT_FALSE(stopped.load());  // stop() waits for the answer
  held->second.send({200, R"({"late":true})"});
  auto answer = c.read_response(30s);
  stopping.join();
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(answer->body, R"({"late":true})");
  EXPECT_EQ(answer->header("Connection").value_or(""), "close");
  EXPECT_TRUE(stopped.load());
}

TEST(HttpReply, AClientThatLeavesBeforeItsAnswerDoesNotStopTheServer) {
  reply_box box;
  http_server server([&](const delivery& d, http_reply r) { box.put(d, std::move(r)); },
                     any_port());
  server.start();
  std::optional<std::pair<std::string, http_reply>> held;
  {
    raw_connection c(server.port());
    ASSERT_TRUE(c.send(request_for("/gone")));
    held = box.take();
    ASSERT_TRUE(held);
  }  // the client closes its socket
  std::this_thread::sleep_for(200ms);
  held->second.send({200, "{}"});  // written nowhere, and no other connection gets it
  raw_connection next(server.port());
  ASSERT_TRUE(next.send(request_for("/next")));
  auto again = box.take();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->first, "/next");
  again->second.send({200, R"({"next":true})"});
  auto answer = next.read_response(30s);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->body, R"({"next":true})");
}

}  // namespace
}  // namespace mifos::hooks::test
