// load_sender_test.cpp: the play load sender (play/load_sender.hpp) against real sockets on
// 127.0.0.1: the bytes it writes, keep-alive, each way a request can fail, and the response
// framings it must find the end of. The framer itself is also driven byte by byte.
#include "load/load_sender.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "capture_server.hpp"
#include "load/response_framer.hpp"

namespace {

using mifos::hooks::test::capture_server;
using mifos::mock::load_request;
using mifos::mock::load_response;
using mifos::mock::load_sender;
using mifos::mock::load_sender_options;
using mifos::mock::serialize_request;
using mifos::mock::detail::response_framer;
using namespace std::chrono_literals;

constexpr auto kWait = 30000ms;  // only a failing test waits it out

std::string hook_post(std::uint16_t port, const std::string& body = R"({"officeId":1})") {
  return serialize_request("POST", "/hooks",
                           {{"Content-Type", "application/json; charset=UTF-8"},
                            {"X-Fineract-Entity", "LOAN"},
                            {"X-Fineract-Action", "REPAYMENT"}},
                           body, "127.0.0.1:" + std::to_string(port));
}

load_request request(std::uint64_t id, std::string bytes, std::size_t cut_after = 0) {
  load_request r;
  r.id = id;
  r.bytes = std::move(bytes);
  r.cut_after = cut_after;
  return r;
}

// Polls until `n` responses are in (or the deadline) and returns them.
std::vector<load_response> collect(load_sender& sender, std::size_t n,
                                   std::chrono::milliseconds timeout = kWait) {
  std::vector<load_response> done;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (done.size() < n && std::chrono::steady_clock::now() < deadline) sender.poll(10ms, done);
  return done;
}

// Sends `r` on its own and waits for its answer.
load_response round_trip(load_sender& sender, load_request r) {
  sender.send(std::move(r));
  std::vector<load_response> done = collect(sender, 1);
  return done.empty() ? load_response{.status = -1, .error = "no answer in time"} : done[0];
}

// A port on 127.0.0.1 with nobody listening (bound, then released).
std::uint16_t closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

TEST(LoadSenderSerialize, WritesRequestLineHeadersInOrderLengthAndBody) {
  const std::string bytes = serialize_request("POST", "/hooks?tenant=default",
                                              {{"Host", "recorded:8443"},
                                               {"X-Fineract-Entity", "CLIENT"},
                                               {"Content-Length", "999"},
                                               {"User-Agent", "okhttp/4.12.0"}},
                                              "{}", "127.0.0.1:9000");
  EXPECT_EQ(
      bytes,
      "POST /hooks?tenant=default HTTP/1.1\r\nHost: 127.0.0.1:9000\r\n"
      "X-Fineract-Entity: CLIENT\r\nContent-Length: 2\r\nUser-Agent: okhttp/4.12.0\r\n\r\n{}");
}

TEST(LoadSenderSerialize, AddsHostFirstAndLengthLastWhenMissingAndDropsTransferEncoding) {
  EXPECT_EQ(serialize_request("POST", "/h", {{"Transfer-Encoding", "chunked"}, {"A", "b\r\nX: y"}},
                              "abc", "h:1"),
            "POST /h HTTP/1.1\r\nHost: h:1\r\nA: bX: y\r\nContent-Length: 3\r\n\r\nabc");
}

TEST(LoadSenderSerialize, BodilessGetHasNoContentLength) {
  EXPECT_EQ(serialize_request("GET", "/x", {}, "", "h:1"), "GET /x HTTP/1.1\r\nHost: h:1\r\n\r\n");
}

TEST(LoadSenderFramer, FindsTheEndOfAChunkedResponseFedByteByByte) {
  const std::string response =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: x\r\n\r\n";
  response_framer f;
  f.reset();
  std::string pending;
  for (char c : response) {
    pending += c;
    pending.erase(0, f.feed(pending));
  }
  EXPECT_EQ(f.state(), response_framer::outcome::complete);
  EXPECT_EQ(f.status(), 200);
  EXPECT_FALSE(f.must_close());
  EXPECT_TRUE(pending.empty());
}

TEST(LoadSenderFramer, StopsAtTheEndOfAContentLengthBody) {
  response_framer f;
  f.reset();
  const std::string two = "HTTP/1.1 201 Created\r\ncontent-length: 3\r\n\r\nabcHTTP/1.1 200";
  EXPECT_EQ(f.feed(two), two.size() - 12);
  EXPECT_EQ(f.status(), 201);
}

TEST(LoadSenderFramer, SkipsInterimAnswersAndKnowsBodilessStatuses) {
  response_framer f;
  f.reset();
  f.feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");
  EXPECT_EQ(f.state(), response_framer::outcome::complete);
  EXPECT_EQ(f.status(), 204);
}

TEST(LoadSenderFramer, Http10WithoutKeepAliveMustClose) {
  response_framer f;
  f.reset();
  f.feed("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
  EXPECT_EQ(f.state(), response_framer::outcome::complete);
  EXPECT_TRUE(f.must_close());
}

TEST(LoadSenderFramer, RejectsWhatIsNotAnHttpAnswer) {
  response_framer f;
  f.reset();
  f.feed("SSH-2.0-OpenSSH_9.2\r\n\r\n");
  EXPECT_EQ(f.state(), response_framer::outcome::error);
  EXPECT_STREQ(f.error(), "bad status line");
}

TEST(LoadSender, PutsTheSerializedBytesOnTheWireExactly) {
  capture_server server;
  load_sender sender("127.0.0.1", server.port(), {.connections = 2});
  const std::string bytes = hook_post(server.port());
  EXPECT_EQ(round_trip(sender, request(1, bytes)).status, 200);
  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests()[0], bytes);
}

TEST(LoadSender, WritesARequestTooBigForOneSendWhole) {
  capture_server server;
  load_sender sender("localhost", server.port(), {.connections = 1});
  const std::string bytes = hook_post(server.port(), std::string(8 << 20, 'x'));
  EXPECT_EQ(round_trip(sender, request(1, bytes)).status, 200);
  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests()[0], bytes);
}

TEST(LoadSender, ReusesKeepAliveConnectionsAndOpensThemOnlyWhenNeeded) {
  capture_server server;
  load_sender sender("127.0.0.1", server.port(), {.connections = 8});
  for (std::uint64_t i = 0; i < 10; ++i)
    ASSERT_EQ(round_trip(sender, request(i, hook_post(server.port()))).status, 200);
  EXPECT_EQ(server.request_count(), 10u);
  EXPECT_EQ(server.connection_count(), 1u);
}

TEST(LoadSender, SpreadsConcurrentRequestsOverAtMostItsConnections) {
  capture_server server;
  load_sender sender("127.0.0.1", server.port(), {.connections = 4});
  std::vector<load_response> done;
  std::uint64_t sent = 0;
  const auto deadline = std::chrono::steady_clock::now() + kWait;
  while (done.size() < 40 && std::chrono::steady_clock::now() < deadline) {
    while (sent < 40 && sender.idle_connections() > 0)
      sender.send(request(sent++, hook_post(server.port())));
    sender.poll(10ms, done);
  }
  ASSERT_EQ(done.size(), 40u);
  for (const auto& r : done) EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_LE(server.connection_count(), 4u);
  EXPECT_EQ(sender.in_flight(), 0u);
  EXPECT_EQ(sender.idle_connections(), 4u);
}

TEST(LoadSender, FillsStatusIdAndOrderedTimes) {
  capture_server server;
  server.set_response(201, "created");
  load_sender sender("127.0.0.1", server.port());
  load_request r = request(42, hook_post(server.port()));
  r.intended_us = sender.now_us();
  sender.send(std::move(r));
  EXPECT_EQ(sender.in_flight(), 1u);
  const std::vector<load_response> done = collect(sender, 1);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].id, 42u);
  EXPECT_EQ(done[0].status, 201);
  EXPECT_EQ(done[0].error, "");
  EXPECT_LE(done[0].intended_us, done[0].sent_us);
  EXPECT_LE(done[0].sent_us, done[0].done_us);
  EXPECT_LE(done[0].done_us, sender.now_us());
}

TEST(LoadSender, ServerClosingAtOnceGivesStatusZero) {
  capture_server server;
  server.set_behaviour(capture_server::behaviour::close_at_once);
  load_sender sender("127.0.0.1", server.port());
  const load_response r = round_trip(sender, request(1, hook_post(server.port())));
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.error == "closed before answering" || r.error == "connection reset") << r.error;
}

TEST(LoadSender, ConnectionRefusedGivesStatusZero) {
  const std::uint16_t port = closed_port();
  load_sender sender("127.0.0.1", port);
  const load_response r = round_trip(sender, request(1, hook_post(port)));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.error, "connection refused");
  EXPECT_EQ(sender.idle_connections(), 32u);
}

TEST(LoadSender, TimesOutANeverAnsweringServer) {
  capture_server server;
  server.set_behaviour(capture_server::behaviour::never_answer);
  load_sender sender("127.0.0.1", server.port(), {.connections = 1, .request_timeout = 200ms});
  const load_response r = round_trip(sender, request(1, hook_post(server.port())));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.error, "timeout");
  // sent_us is stamped just after the deadline is set; the default timeout is 10 s.
  EXPECT_GE(r.done_us - r.sent_us, 190'000);
  EXPECT_LT(r.done_us - r.sent_us, 5'000'000);
  EXPECT_TRUE(server.wait_for_client_closes(1, kWait));  // the timed-out connection is closed
}

TEST(LoadSender, CutAfterSendsOnlyTheFirstBytesThenCloses) {
  capture_server server;
  load_sender sender("127.0.0.1", server.port(), {.connections = 1});
  const std::string bytes = hook_post(server.port(), std::string(2000, 'x'));
  const load_response r = round_trip(sender, request(1, bytes, 100));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.error, "disconnected on purpose");
  ASSERT_TRUE(server.wait_for_client_closes(1, kWait));
  EXPECT_EQ(server.request_count(), 0u);
  EXPECT_EQ(server.partial_requests(), std::vector<std::string>{bytes.substr(0, 100)});
  // The next request opens a new connection and is answered.
  EXPECT_EQ(round_trip(sender, request(2, bytes)).status, 200);
  EXPECT_EQ(server.connection_count(), 2u);
}

TEST(LoadSender, SkipsAContentLengthBodyExactly) {
  capture_server server;
  server.set_response(200, std::string(200'000, 'b'));
  load_sender sender("127.0.0.1", server.port(), {.connections = 1});
  for (std::uint64_t i = 0; i < 3; ++i)
    EXPECT_EQ(round_trip(sender, request(i, hook_post(server.port()))).status, 200);
  EXPECT_EQ(server.connection_count(), 1u);  // each body ended where the next answer began
}

TEST(LoadSender, ParsesAChunkedAnswerSplitOverSeveralReads) {
  capture_server server;
  server.set_raw_response({"HTTP/1.1 202 Accepted\r\nTransfer-Enc", "oding: chunked\r\n\r\n4\r\nab",
                           "cd\r\n", "0\r\n\r\n"});
  load_sender sender("127.0.0.1", server.port(), {.connections = 1});
  for (std::uint64_t i = 0; i < 2; ++i) {
    const load_response r = round_trip(sender, request(i, hook_post(server.port())));
    EXPECT_EQ(r.status, 202) << r.error;
  }
  EXPECT_EQ(server.connection_count(), 1u);
}

TEST(LoadSender, AnswerWithoutLengthEndsWithTheConnection) {
  capture_server server;
  server.set_raw_response({"HTTP/1.1 200 OK\r\n\r\nsome body", " and more"}, true);
  load_sender sender("127.0.0.1", server.port(), {.connections = 1});
  const load_response r = round_trip(sender, request(1, hook_post(server.port())));
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(round_trip(sender, request(2, hook_post(server.port()))).status, 200);
  EXPECT_EQ(server.connection_count(), 2u);
}

TEST(LoadSender, ConnectionCloseAnswersMakeItReconnect) {
  capture_server server;
  server.set_response(200, "ok", {"Connection: close"});
  load_sender sender("127.0.0.1", server.port(), {.connections = 1});
  for (std::uint64_t i = 0; i < 3; ++i)
    EXPECT_EQ(round_trip(sender, request(i, hook_post(server.port()))).status, 200);
  EXPECT_EQ(server.connection_count(), 3u);
}

TEST(LoadSender, NoticesAServerClosingAnIdleConnection) {
  capture_server server;
  // Answered with a length and no Connection: close, then closed: the client learns it only
  // from the end of stream on the idle connection.
  server.set_raw_response({"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"}, true);
  load_sender sender("127.0.0.1", server.port(), {.connections = 1});
  EXPECT_EQ(round_trip(sender, request(1, hook_post(server.port()))).status, 200);
  std::vector<load_response> none;
  // The end of stream arrives while idle; the server thread closes just after it answers, which
  // a loaded machine may delay: half a second of polling lets it land.
  for (int i = 0; i < 5; ++i) sender.poll(100ms, none);
  EXPECT_TRUE(none.empty());
  const load_response r = round_trip(sender, request(2, hook_post(server.port())));
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(server.connection_count(), 2u);
}

TEST(LoadSender, BadHostFailsEachRequestWithAClearError) {
  load_sender sender("fineract.example.org", 80, {.connections = 1});
  const load_response r = round_trip(sender, request(1, "GET / HTTP/1.1\r\n\r\n"));
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error.find("IPv4"), std::string::npos) << r.error;
}

TEST(LoadSender, SendWithoutAnIdleConnectionFailsThatRequest) {
  capture_server server;
  server.set_behaviour(capture_server::behaviour::never_answer);
  load_sender sender("127.0.0.1", server.port(), {.connections = 1});
  sender.send(request(1, hook_post(server.port())));
  sender.send(request(2, hook_post(server.port())));
  std::vector<load_response> done;
  sender.poll(0us, done);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].id, 2u);
  EXPECT_EQ(done[0].error, "no idle connection");
  EXPECT_EQ(sender.in_flight(), 1u);
}

}  // namespace
