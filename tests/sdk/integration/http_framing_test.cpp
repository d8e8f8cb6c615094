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
    "Host: 127.0.0.1\r\nX-Fineract-Entity: CLIENT\r\nX-Fineract-Action: CREATE\r\n"
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

  // Sends `bytes` on `c` and reads one answer: "STATUS" and, when the body has one, " <error>";
  // "no answer" when none came in time.
  static std::string answer(raw_connection& c, const std::string& bytes) {
    c.send(bytes);
    auto reply = c.read_response(kTimeout);
    if (!reply) return "no answer";
    std::string out = std::to_string(reply->status);
    auto body = nlohmann::json::parse(reply->body, nullptr, /*allow_exceptions=*/false);
    if (body.is_object() && body.contains("error") && body["error"].is_string())
      out += " " + body["error"].get<std::string>();
    return out;
  }

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
  c.send("GET /hooks HTTP/1.1\r\nHost: h\r\nX-Padding: " + std::string(8192, 'p') + "\r\n\r\n");
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
  two += "GET /missing HTTP/1.1\r\nHost: h\r\n\r\n";
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
  c.send("GET /hooks HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(c.closed_by_peer(kTimeout));
}

TEST_F(Framing, HeadPingHasHeadersButNoBody) {
  raw_connection c(port());
  c.send("HEAD /hooks HTTP/1.1\r\nHost: h\r\n\r\nGET /hooks HTTP/1.1\r\nHost: h\r\n\r\n");
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
  c.send("POST /hooks HTTP/1.1\r\nHost: h\r\nX-Fineract-Entity: CLIENT\r\n  CREATE\r\n\r\n");
  auto reply = c.read_response(kTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
}

// A hook header repeated with another value: a proxy in front may have acted on the other one
// (routing, an allow-list), so the receiver takes neither.
TEST_F(Framing, AHookHeaderRepeatedWithAnotherValueAnswers400) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "POST /hooks HTTP/1.1\r\n" + kHeaders + "X-Fineract-Entity: LOAN\r\n" +
                          "Content-Length: 14\r\n\r\n{\"clientId\":3}"),
            "400 X-Fineract-Entity header repeated with another value");
  EXPECT_TRUE(entities().empty());
}

TEST_F(Framing, AHookHeaderRepeatedWithTheSameValueIsAccepted) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "POST /hooks HTTP/1.1\r\n" + kHeaders + "X-Fineract-Entity: CLIENT\r\n" +
                          "Content-Length: 14\r\n\r\n{\"clientId\":3}"),
            "200");
  EXPECT_EQ(entities(), std::vector<std::string>{"CLIENT"});
}

TEST_F(Framing, TwoHostHeadersAnswer400AndClose) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "POST /hooks HTTP/1.1\r\nHost: a.example\r\n" + kHeaders +
                          "Content-Length: 14\r\n\r\n{\"clientId\":1}"),
            "400 duplicate Host header");
  EXPECT_TRUE(c.closed_by_peer(kTimeout));
  EXPECT_TRUE(client_ids().empty());
}

TEST_F(Framing, AnHttp11RequestWithoutHostAnswers400) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "GET /hooks HTTP/1.1\r\n\r\n"), "400 missing Host header");
}

TEST_F(Framing, AnInvalidHostValueAnswers400) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "GET /hooks HTTP/1.1\r\nHost: a/b\r\n\r\n"), "400 invalid Host header");
}

TEST_F(Framing, AbsoluteFormTargetIsRoutedByItsPath) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "POST http://127.0.0.1/hooks HTTP/1.1\r\n" + kHeaders +
                          "Content-Length: 15\r\n\r\n{\"clientId\":11}"),
            "200");
  EXPECT_EQ(client_ids(), std::vector<std::int64_t>{11});
}

TEST_F(Framing, AbsoluteFormTargetToAnotherPathAnswers404) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "GET HTTPS://127.0.0.1:9/elsewhere?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"),
            "404 no hook at this path");
}

TEST_F(Framing, ATargetInNoFormAnswers400) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "GET hooks HTTP/1.1\r\nHost: h\r\n\r\n"), "400 malformed request target");
}

TEST_F(Framing, AnotherMajorHttpVersionAnswers505AndCloses) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "GET /hooks HTTP/2.0\r\nHost: h\r\n\r\n"), "505 HTTP version not supported");
  EXPECT_TRUE(c.closed_by_peer(kTimeout));
}

TEST_F(Framing, ALaterHttp1MinorVersionIsReadAsHttp11) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "GET /hooks HTTP/1.2\r\nHost: h\r\n\r\n"), "200");
  EXPECT_EQ(answer(c, "GET /hooks HTTP/1.1\r\nHost: h\r\n\r\n"), "200");  // kept alive
}

TEST_F(Framing, ATransferCodingBesidesChunkedAnswers501AndCloses) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "POST /hooks HTTP/1.1\r\n" + kHeaders +
                          "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
            "501 transfer codings other than chunked are not supported");
  EXPECT_TRUE(c.closed_by_peer(kTimeout));
}

TEST_F(Framing, TransferEncodingNotEndingInChunkedAnswers400) {
  raw_connection c(port());
  EXPECT_EQ(
      answer(c, "POST /hooks HTTP/1.1\r\n" + kHeaders + "Transfer-Encoding: chunked, gzip\r\n\r\n"),
      "400 Transfer-Encoding does not end in chunked");
}

TEST_F(Framing, TransferEncodingInAnHttp10RequestAnswers400) {
  raw_connection c(port());
  EXPECT_EQ(answer(c, "POST /hooks HTTP/1.0\r\n" + kHeaders +
                          "Transfer-Encoding: chunked\r\n\r\ne\r\n{\"clientId\":1}\r\n0\r\n\r\n"),
            "400 Transfer-Encoding in an HTTP/1.0 request");
  EXPECT_TRUE(client_ids().empty());
}

// Java's URLDecoder refuses "%zz", so no Fineract form carries it: it is not a hook delivery.
TEST_F(Framing, AFormBodyWithAnInvalidPercentEscapeAnswers400WithTheReason) {
  raw_connection c(port());
  EXPECT_EQ(
      answer(c,
             "POST /hooks HTTP/1.1\r\nHost: h\r\nX-Fineract-Entity: CLIENT\r\n"
             "X-Fineract-Action: CREATE\r\nContent-Type: application/x-www-form-urlencoded\r\n"
             "Content-Length: 16\r\n\r\nclientId=1&x=%zz"),
      "400 form body has an invalid percent escape (a '%' not followed by two hex digits) "
      "at byte 13");
  EXPECT_TRUE(client_ids().empty());
}

}  // namespace
}  // namespace mifos::hooks::test
