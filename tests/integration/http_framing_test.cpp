// http_framing_test.cpp: what arrives on the wire that well-behaved clients never send, or send
// rarely, against an in-process receiver through a raw socket: ambiguous Content-Length,
// chunked bodies, pipelining, Expect: 100-continue, HTTP/1.0, HEAD, garbage.
#include <gtest/gtest.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "http_client.hpp"
#include "mifos/hooks/receiver.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;

constexpr auto kTimeout = 10s;
const std::string kHeaders =
    "X-Fineract-Entity: CLIENT\r\nX-Fineract-Action: CREATE\r\n"
    "Fineract-Platform-TenantId: default\r\nContent-Type: application/json\r\n";

// A receiver that records the entity and client id of each event it was handed.
class Framing : public ::testing::Test {
 protected:
  void SetUp() override {
    router routes;
    routes.on_any([this](const event& e) {
      std::lock_guard lock(mutex_);
      client_ids_.push_back(e.result.client_id.value_or(-1));
      entities_.push_back(e.entity);
    });
    receiver_options o;
    o.port = 0;
    o.max_request_bytes = 4096;
    server_ = std::make_unique<receiver>(std::move(routes), o);
    server_->start();
  }

  std::vector<std::int64_t> client_ids() {
    std::lock_guard lock(mutex_);
    return client_ids_;
  }

  std::vector<std::string> entities() {
    std::lock_guard lock(mutex_);
    return entities_;
  }

  std::uint16_t port() const { return server_->port(); }

  std::unique_ptr<receiver> server_;
  std::mutex mutex_;
  std::vector<std::int64_t> client_ids_;
  std::vector<std::string> entities_;
};

TEST_F(Framing, DuplicateContentLengthAnswers400AndCloses) {
  raw_connection c(port());
  c.send("POST /hooks HTTP/1.1\r\n" + kHeaders +
         "Content-Length: 14\r\nContent-Length: 14\r\n\r\n{\"clientId\":1}");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_EQ(nlohmann::json::parse(reply->body)["error"], "duplicate Content-Length header");
  EXPECT_TRUE(c.closed_by_peer(kTimeout));
  EXPECT_TRUE(client_ids().empty());
}

TEST_F(Framing, NegativeContentLengthAnswers400WithAGenericBody) {
  raw_connection c(port());
  c.send("POST /hooks HTTP/1.1\r\n" + kHeaders + "Content-Length: -1\r\n\r\n{}");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_EQ(nlohmann::json::parse(reply->body)["error"], "invalid Content-Length header");
}

TEST_F(Framing, ContentLengthWithTransferEncodingAnswers400) {
  raw_connection c(port());
  c.send("POST /hooks HTTP/1.1\r\n" + kHeaders +
         "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
}

TEST_F(Framing, ContentLengthOverTheLimitAnswers413BeforeTheBodyIsSent) {
  raw_connection c(port());
  c.send("POST /hooks HTTP/1.1\r\n" + kHeaders + "Content-Length: 100000\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
}

TEST_F(Framing, HeadersOverTheLimitAnswer413) {
  raw_connection c(port());
  c.send("GET /hooks HTTP/1.1\r\nX-Padding: " + std::string(8192, 'p') + "\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
}

TEST_F(Framing, ChunkedBodyIsDelivered) {
  raw_connection c(port());
  c.send("POST /hooks HTTP/1.1\r\n" + kHeaders +
         "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"cli\r\n9\r\nentId\":42\r\n1\r\n}\r\n0\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200) << reply->body;
  EXPECT_EQ(client_ids(), std::vector<std::int64_t>{42});
}

TEST_F(Framing, PipelinedRequestsAreAnsweredInOrder) {
  raw_connection c(port());
  std::string two;
  for (int id : {1, 2})
    two += "POST /hooks HTTP/1.1\r\n" + kHeaders +
           "Content-Length: 14\r\n\r\n{\"clientId\":" + std::to_string(id) + "}";
  two += "GET /missing HTTP/1.1\r\n\r\n";
  c.send(two);
  for (int want : {200, 200, 404}) {
    auto reply = c.read_response(kTimeout);
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, want);
  }
  EXPECT_EQ(client_ids(), (std::vector<std::int64_t>{1, 2}));
}

TEST_F(Framing, ExpectContinueGets100ThenTheAnswer) {
  raw_connection c(port());
  c.send("POST /hooks HTTP/1.1\r\n" + kHeaders +
         "Expect: 100-continue\r\nContent-Length: 14\r\n\r\n");
  auto interim = c.read_response(kTimeout);
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  c.send("{\"clientId\":7}");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
}

TEST_F(Framing, Http10WithoutKeepAliveIsClosedAfterTheAnswer) {
  raw_connection c(port());
  c.send("GET /hooks HTTP/1.0\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->header("Connection"), "close");
  EXPECT_TRUE(c.closed_by_peer(kTimeout));
}

TEST_F(Framing, ConnectionCloseRequestIsClosedAfterTheAnswer) {
  raw_connection c(port());
  c.send("GET /hooks HTTP/1.1\r\nConnection: close\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(c.closed_by_peer(kTimeout));
}

TEST_F(Framing, HeadPingHasHeadersButNoBody) {
  raw_connection c(port());
  c.send("HEAD /hooks HTTP/1.1\r\n\r\nGET /hooks HTTP/1.1\r\n\r\n");
  auto head = c.read_response(kTimeout);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  // The HEAD answer announces a length but sends no body, so the next bytes are the GET answer.
  std::string announced = head->header("Content-Length").value_or("0");
  EXPECT_NE(announced, "0");
  EXPECT_EQ(head->body.substr(0, 9), "HTTP/1.1 ") << "the HEAD answer carried a body";
}

TEST_F(Framing, GarbageRequestLineAnswers400AndCloses) {
  raw_connection c(port());
  c.send("GARBAGE\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_TRUE(c.closed_by_peer(kTimeout));
}

TEST_F(Framing, FoldedHeaderLineAnswers400) {
  raw_connection c(port());
  c.send("POST /hooks HTTP/1.1\r\nX-Fineract-Entity: CLIENT\r\n  CREATE\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
}

TEST_F(Framing, TheFirstOfTwoEntityHeadersIsTheOneUsed) {
  raw_connection c(port());
  c.send(
      "POST /hooks HTTP/1.1\r\nX-Fineract-Entity: CLIENT\r\nX-Fineract-Entity: LOAN\r\n"
      "X-Fineract-Action: CREATE\r\nContent-Type: application/json\r\n"
      "Content-Length: 14\r\n\r\n{\"clientId\":3}");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(entities(), std::vector<std::string>{"CLIENT"});
}

}  // namespace
}  // namespace mifos::hooks::test
