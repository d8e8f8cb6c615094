// The SDK's REST client against a running mock-mifos (both dialects) and against a capture
// server for what it puts on the wire, its retries and its errors.
#include <gtest/gtest.h>

#include <chrono>
#include <mifos/hooks/base64.hpp>
#include <mifos/hooks/fineract_client.hpp>
#include <mifos/hooks/http_client.hpp>
#include <string>

#include "capture_server.hpp"
#include "mock_mifos.hpp"

namespace hooks = mifos::hooks;
using mifos::hooks::test::capture_server;
using mifos::hooks::test::mock_mifos;
using namespace std::chrono_literals;

namespace {

hooks::fineract_client client_for(const mock_mifos& mock, hooks::wire_dialect dialect) {
  hooks::fineract_client_options o;
  o.base_url = mock.api_url();
  o.dialect = dialect;
  o.username = "mifos";
  o.password = "password";
  o.retry_backoff = 10ms;
  return hooks::fineract_client(o);
}

std::int64_t create_loan(const mock_mifos& mock, std::int64_t client_id) {
  nlohmann::json loan = {{"clientId", client_id},
                         {"productId", 1},
                         {"principal", 5000},
                         {"loanTermFrequency", 6},
                         {"loanTermFrequencyType", 2},
                         {"numberOfRepayments", 6},
                         {"repaymentEvery", 1},
                         {"repaymentFrequencyType", 2},
                         {"interestRatePerPeriod", 2},
                         {"amortizationType", 1},
                         {"interestType", 0},
                         {"interestCalculationPeriodType", 1},
                         {"transactionProcessingStrategyCode", "mifos-standard-strategy"},
                         {"loanType", "individual"},
                         {"expectedDisbursementDate", "24 October 2024"},
                         {"submittedOnDate", "24 October 2024"},
                         {"dateFormat", "dd MMMM yyyy"},
                         {"locale", "en"}};
  auto r = mock.api("POST", "/loans", loan.dump());
  EXPECT_EQ(r.status, 200) << r.body;
  return nlohmann::json::parse(r.body, nullptr, false).value("loanId", std::int64_t{0});
}

}  // namespace

TEST(FineractClient, GetClientReadsTheMockClientInTheFineractDialect) {
  mock_mifos mock;
  const std::int64_t id = mock.create_client("Petra", "Yton");
  ASSERT_GT(id, 0);
  auto c = client_for(mock, hooks::wire_dialect::fineract).get_client(id);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->id, id);
  EXPECT_EQ(c->display_name, "Petra Yton");
  EXPECT_EQ(c->first_name, "Petra");
  EXPECT_EQ(c->mobile_no.value_or(""), "+254712345678");
  EXPECT_FALSE(c->account_no.empty());
  EXPECT_TRUE(c->active);
}

TEST(FineractClient, GetClientWorksAgainstMifosXWithItsTenantHeaderAndAStoredToken) {
  mock_mifos mock({"--dialect", "mifos"});
  const std::int64_t id = mock.create_client("Ana", "Kim");
  ASSERT_GT(id, 0);
  hooks::fineract_client_options o;
  o.base_url = mock.api_url();
  o.dialect = hooks::wire_dialect::mifos;
  o.token = hooks::base64_encode("mifos:password");
  auto c = hooks::fineract_client(o).get_client(id);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->display_name, "Ana Kim");
}

TEST(FineractClient, GetLoanReadsAccountNumberClientAndStatus) {
  mock_mifos mock;
  const std::int64_t client_id = mock.create_client();
  const std::int64_t loan_id = create_loan(mock, client_id);
  ASSERT_GT(loan_id, 0);
  auto l = client_for(mock, hooks::wire_dialect::fineract).get_loan(loan_id);
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(l->id, loan_id);
  EXPECT_EQ(l->client_id.value_or(0), client_id);
  EXPECT_EQ(l->client_name, "Petra Yton");
  EXPECT_FALSE(l->account_no.empty());
  EXPECT_EQ(l->status_code, "loanStatusType.submitted.and.pending.approval");
}

TEST(FineractClient, AnUnknownClientIsAnErrorValueWithTheServersCodeAndNoRetry) {
  mock_mifos mock;
  auto c = client_for(mock, hooks::wire_dialect::fineract).get_client(999999);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().status, 404);
  EXPECT_EQ(c.error().attempts, 1);
  EXPECT_FALSE(c.error().code.empty());
  EXPECT_TRUE(c.error().body.is_object());
}

TEST(FineractClient, BadCredentialsAre401) {
  mock_mifos mock;
  hooks::fineract_client_options o;
  o.base_url = mock.api_url();
  o.username = "mifos";
  o.password = "wrong";
  auto c = hooks::fineract_client(o).get_client(1);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().status, 401);
}

TEST(FineractClient, SendsTheTenantHeaderBasicAuthAndAcceptToTheEndpointPlusV1) {
  capture_server server;
  server.set_response(200, R"({"id":3,"displayName":"X"})");
  hooks::fineract_client_options o;
  o.base_url = server.origin() + "/fineract-provider/api/";  // as an Endpoint header says it
  o.tenant = "branch7";
  o.username = "mifos";
  o.password = "password";
  auto c = hooks::fineract_client(o).get_client(3);
  ASSERT_TRUE(c) << c.error().message;
  ASSERT_EQ(server.request_count(), 1u);
  const std::string request = server.requests()[0];
  EXPECT_EQ(request.rfind("GET /fineract-provider/api/v1/clients/3 HTTP/1.1\r\n", 0), 0u)
      << request;
  EXPECT_NE(request.find("\r\nFineract-Platform-TenantId: branch7\r\n"), std::string::npos);
  EXPECT_NE(request.find("\r\nAuthorization: Basic bWlmb3M6cGFzc3dvcmQ=\r\n"), std::string::npos);
  EXPECT_NE(request.find("\r\nAccept: application/json\r\n"), std::string::npos);
}

TEST(FineractClient, Retries5xxUpToMaxAttemptsThenReportsTheLastAnswer) {
  capture_server server;
  server.set_response(503, R"({"developerMessage":"down for maintenance"})");
  hooks::fineract_client_options o;
  o.base_url = server.origin() + "/api/v1/";
  o.max_attempts = 3;
  o.retry_backoff = 5ms;
  auto c = hooks::fineract_client(o).get_client(1);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().status, 503);
  EXPECT_EQ(c.error().attempts, 3);
  EXPECT_EQ(c.error().message, "down for maintenance");
  EXPECT_EQ(server.request_count(), 3u);
}

TEST(FineractClient, ANonJsonSuccessIsAnErrorNotACrash) {
  capture_server server;
  server.set_response(200, "<html>login</html>");
  hooks::fineract_client_options o;
  o.base_url = server.origin() + "/api/v1/";
  auto c = hooks::fineract_client(o).get_client(1);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().status, 200);
  EXPECT_NE(c.error().message.find("not a JSON object"), std::string::npos);
}

TEST(FineractClient, ARefusedConnectionIsStatusZeroAfterEveryAttempt) {
  std::uint16_t closed_port = 0;
  {
    capture_server gone;  // a port that was just free
    closed_port = gone.port();
  }
  hooks::fineract_client_options o;
  o.base_url = "http://127.0.0.1:" + std::to_string(closed_port) + "/api/v1/";
  o.max_attempts = 2;
  o.retry_backoff = 5ms;
  auto c = hooks::fineract_client(o).get_client(1);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().status, 0);
  EXPECT_EQ(c.error().attempts, 2);
  EXPECT_FALSE(c.error().message.empty());
}

TEST(FineractClient, WithoutABaseUrlSaysSo) {
  auto c = hooks::fineract_client(hooks::fineract_client_options{}).get_client(1);
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("no base URL"), std::string::npos);
}

TEST(HttpClient, PostsTheBodyWithItsContentTypeAndReadsStatusHeadersAndBody) {
  capture_server server;
  server.set_response(201, R"({"sid":"SM1"})", {"X-Request-Id: abc"});
  hooks::client_request request;
  request.method = "POST";
  request.url = server.origin() + "/2010-04-01/Accounts/AC1/Messages.json";
  request.headers = {{"Authorization", hooks::basic_authorization("AC1", "t")}};
  request.body = "To=%2B1&Body=hi";
  request.content_type = "application/x-www-form-urlencoded";
  auto r = hooks::http_client().send(request);
  EXPECT_EQ(r.status, 201) << r.error;
  EXPECT_EQ(r.body, R"({"sid":"SM1"})");
  EXPECT_EQ(r.header("x-request-id").value_or(""), "abc");
  ASSERT_EQ(server.request_count(), 1u);
  const std::string sent = server.requests()[0];
  EXPECT_EQ(sent.rfind("POST /2010-04-01/Accounts/AC1/Messages.json HTTP/1.1\r\n", 0), 0u);
  EXPECT_NE(sent.find("\r\nContent-Type: application/x-www-form-urlencoded\r\n"),
            std::string::npos);
  EXPECT_EQ(sent.substr(sent.size() - 15), "To=%2B1&Body=hi");
  EXPECT_EQ(sent.find("Expect:"), std::string::npos);
}

TEST(HttpClient, AServerThatNeverAnswersTimesOutWithAClearError) {
  capture_server server;
  server.set_behaviour(capture_server::behaviour::never_answer);
  hooks::http_client_options options;
  options.timeout = 300ms;
  hooks::client_request request;
  request.url = server.origin() + "/slow";
  const auto start = std::chrono::steady_clock::now();
  auto r = hooks::http_client(options).send(request);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error.find("timed out"), std::string::npos) << r.error;
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(HttpClient, RefusesAHeaderWithALineBreakWithoutSendingAnything) {
  capture_server server;
  hooks::client_request request;
  request.url = server.origin() + "/";
  request.headers = {{"X-A", "1\r\nX-Injected: 2"}};
  auto r = hooks::http_client().send(request);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error.find("not sent"), std::string::npos);
  EXPECT_EQ(server.request_count(), 0u);
}

TEST(HttpClient, RefusesAUrlThatIsNotHttp) {
  hooks::client_request request;
  request.url = "file:///etc/passwd";
  auto r = hooks::http_client().send(request);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error.find("not http"), std::string::npos);
}

namespace {

hooks::client_request get_of(const capture_server& server, std::string path) {
  hooks::client_request request;
  request.url = server.origin() + std::move(path);
  return request;
}

}  // namespace

TEST(HttpClient, AddsNoAcceptNorExpectAndRewritesAWrongContentLengthInPlace) {
  capture_server server;
  hooks::client_request request;
  request.method = "POST";
  request.url = server.origin() + "/x";
  request.headers = {{"X-First", "1"}, {"Content-Length", "999"}, {"X-Last", ""}};
  request.body = "abc";
  ASSERT_EQ(hooks::http_client().send(request).status, 200);
  ASSERT_EQ(server.request_count(), 1u);
  const std::string sent = server.requests()[0];
  EXPECT_NE(sent.find("X-First: 1\r\nContent-Length: 3\r\nX-Last:\r\n"), std::string::npos) << sent;
  EXPECT_EQ(sent.find("Accept:"), std::string::npos) << sent;
  EXPECT_EQ(sent.find("Expect:"), std::string::npos) << sent;
  EXPECT_NE(sent.find("User-Agent: mifos-hooks\r\n"), std::string::npos) << sent;
}

TEST(HttpClient, AnEmptyUserAgentSendsNone) {
  capture_server server;
  hooks::http_client_options options;
  options.user_agent.clear();
  ASSERT_EQ(hooks::http_client(options).send(get_of(server, "/")).status, 200);
  EXPECT_EQ(server.requests()[0].find("User-Agent"), std::string::npos);
}

TEST(HttpClient, AnAnswerLargerThanTheLimitIsAnErrorByDefault) {
  capture_server server;
  server.set_response(200, std::string(10'000, 'x'));
  hooks::http_client_options options;
  options.max_body = 1000;
  auto r = hooks::http_client(options).send(get_of(server, "/big"));
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error.find("larger than 1000 bytes"), std::string::npos) << r.error;
}

TEST(HttpSession, TruncatesALargeAnswerAndKeepsTheConnectionForTheNextCall) {
  capture_server server;
  server.set_response(200, std::string(10'000, 'x'));
  hooks::http_client_options options;
  options.max_body = 1000;
  options.truncate_large_body = true;
  hooks::http_session session(options);
  auto first = session.send(get_of(server, "/big"));
  auto second = session.send(get_of(server, "/big"));
  EXPECT_EQ(first.status, 200) << first.error;
  EXPECT_EQ(first.body, std::string(1000, 'x'));
  EXPECT_TRUE(first.body_truncated);
  EXPECT_EQ(first.new_connections, 1);
  EXPECT_EQ(second.status, 200) << second.error;
  EXPECT_EQ(second.new_connections, 0);
  EXPECT_EQ(server.connection_count(), 1u);
}
