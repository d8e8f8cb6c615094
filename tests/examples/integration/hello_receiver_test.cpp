// hello_receiver_test.cpp: the status table of design.md, row by row, over real HTTP (the SDK
// client) against the hello-receiver executable on 127.0.0.1, plus its command line and its stop.
#include "hello_receiver.hpp"

#include <gtest/gtest.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "http_client.hpp"

namespace mifos::hooks::test {
namespace {

const std::vector<std::string> kClientCreateHeaders = {
    "X-Fineract-Entity: CLIENT", "X-Fineract-Action: CREATE", "Fineract-Platform-TenantId: default",
    "Content-Type: application/json; charset=UTF-8"};
const std::string kClientCreateBody =
    R"({"officeId":1,"clientId":1,"savingsId":10,"resourceId":1})";

client_response post_client_create(std::uint16_t port, std::string_view path,
                               std::vector<std::string> extra_headers = {}) {
  auto headers = kClientCreateHeaders;
  headers.insert(headers.end(), extra_headers.begin(), extra_headers.end());
  return http_call("POST", url(port, path), kClientCreateBody, headers);
}

TEST(HelloReceiver, DeliveryAnswers200AndPrintsTheNormalizedEvent) {
  hello_receiver r;
  auto reply = post_client_create(r.port(), "/hooks/");
  ASSERT_EQ(reply.status, 200) << reply.error;
  EXPECT_EQ(nlohmann::json::parse(reply.body), nlohmann::json({{"status", "accepted"}}));

  auto line = r.process().read_stdout_line(kIoTimeout);
  ASSERT_TRUE(line) << r.process().stderr_text();
  nlohmann::json want = {
      {"entity", "CLIENT"},  {"action", "CREATE"},
      {"tenant", "default"}, {"dialect", "fineract"},
      {"shape", "result"},   {"format", "json"},
      {"failed", false},     {"officeId", 1},
      {"clientId", 1},       {"savingsId", 10},
      {"resourceId", 1},     {"payload", nlohmann::json::parse(kClientCreateBody)}};
  EXPECT_EQ(nlohmann::json::parse(*line), want);
}

TEST(HelloReceiver, GetPingAnswers200) {
  hello_receiver r;
  auto reply = http_call("GET", url(r.port(), "/hooks"), "", {});
  EXPECT_EQ(reply.status, 200) << reply.error;
}

TEST(HelloReceiver, WrongPathAnswers404) {
  hello_receiver r;
  EXPECT_EQ(post_client_create(r.port(), "/elsewhere").status, 404);
}

TEST(HelloReceiver, PutAnswers405WithAllowHeader) {
  hello_receiver r;
  auto reply = http_call("PUT", url(r.port(), "/hooks"), kClientCreateBody, kClientCreateHeaders);
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.header("Allow").value_or(""), "GET, HEAD, POST");
}

TEST(HelloReceiver, DeleteAnswers405) {
  hello_receiver r;
  EXPECT_EQ(http_call("DELETE", url(r.port(), "/hooks"), "", {}).status, 405);
}

TEST(HelloReceiver, TextPlainBodyAnswers415) {
  hello_receiver r;
  auto reply = http_call(
      "POST", url(r.port(), "/hooks"), "client 1 created",
      {"X-Fineract-Entity: CLIENT", "X-Fineract-Action: CREATE", "Content-Type: text/plain"});
  EXPECT_EQ(reply.status, 415);
}

TEST(HelloReceiver, MalformedJsonAnswers400) {
  hello_receiver r;
  auto reply =
      http_call("POST", url(r.port(), "/hooks"), R"({"officeId":1,)", kClientCreateHeaders);
  EXPECT_EQ(reply.status, 400);
}

TEST(HelloReceiver, MissingEntityHeaderAnswers400) {
  hello_receiver r;
  auto reply = http_call("POST", url(r.port(), "/hooks"), kClientCreateBody,
                         {"X-Fineract-Action: CREATE", "Content-Type: application/json"});
  EXPECT_EQ(reply.status, 400);
}

TEST(HelloReceiver, DuplicateContentLengthAnswers400) {
  hello_receiver r;
  raw_connection c(r.port());
  c.send(
      "POST /hooks HTTP/1.1\r\nHost: h\r\nX-Fineract-Entity: CLIENT\r\nX-Fineract-Action: "
      "CREATE\r\n"
      "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 15\r\n\r\n"
      R"({"officeId":1})");
  auto reply = c.read_response(kIoTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_EQ(reply->header("Connection"), "close");
}

TEST(HelloReceiver, NonNumericContentLengthAnswers400) {
  hello_receiver r;
  raw_connection c(r.port());
  c.send(
      "POST /hooks HTTP/1.1\r\nHost: h\r\nX-Fineract-Entity: CLIENT\r\nX-Fineract-Action: "
      "CREATE\r\n"
      "Content-Type: application/json\r\nContent-Length: fifteen\r\n\r\n"
      R"({"officeId":1})");
  auto reply = c.read_response(kIoTimeout);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
}

TEST(HelloReceiver, MissingSecretAnswers401) {
  hello_receiver r({"--token", "s3cret"});
  EXPECT_EQ(post_client_create(r.port(), "/hooks").status, 401);
}

TEST(HelloReceiver, WrongSecretAnswers401) {
  hello_receiver r({"--token", "s3cret"});
  EXPECT_EQ(post_client_create(r.port(), "/hooks/s3cres").status, 401);
}

TEST(HelloReceiver, SecretAsPathSegmentIsAccepted) {
  hello_receiver r({"--token", "s3cret"});
  EXPECT_EQ(post_client_create(r.port(), "/hooks/s3cret").status, 200);
}

TEST(HelloReceiver, SecretAsTokenQueryParameterIsAccepted) {
  hello_receiver r({"--token", "s3cret"});
  EXPECT_EQ(post_client_create(r.port(), "/hooks?token=s3cret").status, 200);
}

TEST(HelloReceiver, SecretInHeaderIsAccepted) {
  hello_receiver r({"--token", "s3cret"});
  EXPECT_EQ(post_client_create(r.port(), "/hooks", {"X-Hook-Token: s3cret"}).status, 200);
}

TEST(HelloReceiver, BodyOverTheLimitAnswers413) {
  hello_receiver r({"--max-bytes", "4096"});
  std::string body = R"({"officeId":1,"note":")" + std::string(8192, 'x') + R"("})";
  auto reply = http_call("POST", url(r.port(), "/hooks"), body, kClientCreateHeaders);
  EXPECT_EQ(reply.status, 413) << reply.error;
}

TEST(HelloReceiver, KeepsTheConnectionForClientsWithoutConnectionHeader) {
  hello_receiver r;
  raw_connection c(r.port());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(c.send("GET /hooks HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    auto reply = c.read_response(kIoTimeout);
    ASSERT_TRUE(reply) << "request " << i << " got no answer";
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->header("Connection"), "keep-alive");
  }
}

TEST(HelloReceiver, AKeepAliveClientReusesOneConnectionForSuccessiveDeliveries) {
  hello_receiver r;
  mifos::hooks::http_session session(test_session_options());
  const auto request =
      make_request("POST", url(r.port(), "/hooks"), kClientCreateBody, kClientCreateHeaders);
  auto first = session.send(request);
  auto second = session.send(request);
  ASSERT_EQ(first.status, 200) << first.error;
  ASSERT_EQ(second.status, 200) << second.error;
  EXPECT_EQ(first.new_connections, 1);
  EXPECT_EQ(second.new_connections, 0) << "the client had to reconnect";
}

TEST(HelloReceiver, GarbageGets400AndTheReceiverKeepsServing) {
  hello_receiver r;
  {
    raw_connection c(r.port());
    c.send(std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11));
    auto reply = c.read_response(kIoTimeout);
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 400);
    EXPECT_TRUE(c.closed_by_peer(kIoTimeout));
  }
  EXPECT_TRUE(r.process().running());
  EXPECT_EQ(http_call("GET", url(r.port(), "/hooks"), "", {}).status, 200);
}

TEST(HelloReceiver, SigtermExitsZero) {
  hello_receiver r;
  r.process().send_signal(SIGTERM);
  EXPECT_EQ(r.process().wait_for_exit(kIoTimeout), 0) << r.process().stderr_text();
}

TEST(HelloReceiver, SigintExitsZero) {
  hello_receiver r;
  r.process().send_signal(SIGINT);
  EXPECT_EQ(r.process().wait_for_exit(kIoTimeout), 0) << r.process().stderr_text();
}

TEST(HelloReceiver, QuietPrintsCountsPerEntityActionOnStop) {
  hello_receiver r({"--quiet"});
  ASSERT_EQ(post_client_create(r.port(), "/hooks").status, 200);
  ASSERT_EQ(post_client_create(r.port(), "/hooks").status, 200);
  auto repayment = http_call(
      "POST", url(r.port(), "/hooks"), R"({"officeId":1,"loanId":5})",
      {"X-Mifos-Entity: LOAN", "X-Mifos-Action: REPAYMENT", "Content-Type: application/json"});
  ASSERT_EQ(repayment.status, 200);
  r.process().send_signal(SIGTERM);
  auto lines = r.process().read_stdout_until_end(kIoTimeout);
  EXPECT_EQ(lines, (std::vector<std::string>{"CLIENT.CREATE 2", "LOAN.REPAYMENT 1"}));
  EXPECT_EQ(r.process().wait_for_exit(kIoTimeout), 0);
}

TEST(HelloReceiver, HelpPrintsUsageAndExitsZero) {
  child_process p({MIFOS_HOOKS_HELLO_RECEIVER, "--help"});
  auto first = p.read_stdout_line(kIoTimeout);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->rfind("usage: hello-receiver", 0), 0u) << *first;
  EXPECT_EQ(p.wait_for_exit(kIoTimeout), 0);
}

TEST(HelloReceiver, UnknownFlagPrintsUsageOnStderrAndExitsTwo) {
  child_process p({MIFOS_HOOKS_HELLO_RECEIVER, "--colour", "blue"});
  EXPECT_TRUE(p.wait_for_stderr_line("usage: hello-receiver", kIoTimeout)) << p.stderr_text();
  EXPECT_EQ(p.wait_for_exit(kIoTimeout), 2);
}

TEST(HelloReceiver, PortInUseExitsOneWithAReadableMessage) {
  hello_receiver first;
  child_process second({MIFOS_HOOKS_HELLO_RECEIVER, "--port", std::to_string(first.port())});
  EXPECT_EQ(second.wait_for_exit(kIoTimeout), 1);
  EXPECT_NE(second.stderr_text().find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
            std::string::npos)
      << second.stderr_text();
}

}  // namespace
}  // namespace mifos::hooks::test
