// http_server_tls_test.cpp: the embedded server over HTTPS (tls_cert_file, tls_key_file), with a
// self-signed certificate made by the openssl CLI at test time and the SDK client verifying against
// it.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "mifos/hooks/http_server.hpp"
#include "process.hpp"

namespace mifos::hooks::test {
namespace {

using clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;
namespace fs = std::filesystem;

std::optional<std::string> find_openssl() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = dir + "/openssl";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

// A temporary directory with cert.pem and key.pem for CN=localhost, IP 127.0.0.1.
class self_signed {
 public:
  explicit self_signed(const std::string& openssl) {
    std::string pattern = (fs::temp_directory_path() / "mifos-tls-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    child_process p({openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                     "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout",
                     key(), "-out", cert()});
    if (p.wait_for_exit(seconds(30)) != 0)
      throw std::runtime_error("openssl req failed: " + p.stderr_text());
  }
  ~self_signed() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  self_signed(const self_signed&) = delete;
  self_signed& operator=(const self_signed&) = delete;

  std::string cert() const { return (dir_ / "cert.pem").string(); }
  std::string key() const { return (dir_ / "key.pem").string(); }

 private:
  fs::path dir_;
};

// The SDK's client over HTTPS, verifying the server against `ca`. The session keeps its
// connection.
class https_client {
 public:
  explicit https_client(std::string ca) : session_(options(std::move(ca))) {}

  client_response post(std::uint16_t port, const std::string& body,
                       const std::vector<std::string>& headers = {}) {
    return session_.send(make_request(
        "POST", "https://127.0.0.1:" + std::to_string(port) + "/hooks", body, headers));
  }

 private:
  static http_client_options options(std::string ca) {
    http_client_options o = test_session_options();
    o.ca_file = std::move(ca);
    // The TLS handshake counts as connecting: a server may hold it up to its 10 s handshake wait.
    o.connect_timeout = std::chrono::seconds(30);
    o.timeout = std::chrono::seconds(30);
    return o;
  }
  http_session session_;
};

class HttpServerTls : public ::testing::Test {
 protected:
  void SetUp() override {
    auto openssl = find_openssl();
    if (!openssl) GTEST_SKIP() << "no openssl binary (scripts/setup installs it)";
    files_ = std::make_unique<self_signed>(*openssl);
  }

  http_server_options tls_options() const {
    http_server_options o;
    o.port = 0;
    o.tls_cert_file = files_->cert();
    o.tls_key_file = files_->key();
    return o;
  }

  std::unique_ptr<self_signed> files_;
};

TEST_F(HttpServerTls, PostOverHttpsIsAnsweredAndTheHandlerSeesTheBody) {
  std::string seen;
  http_server server(
      [&seen](const delivery& d) {
        seen = d.body;
        return http_answer{200, R"({"status":"accepted"})"};
      },
      tls_options());
  server.start();
  https_client client(files_->cert());
  auto r = client.post(server.port(), R"({"officeId":1})");
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body, R"({"status":"accepted"})");
  EXPECT_EQ(seen, R"({"officeId":1})");
}

TEST_F(HttpServerTls, KeepAliveReusesTheConnection) {
  http_server server([](const delivery&) { return http_answer{200, "{}"}; }, tls_options());
  server.start();
  https_client client(files_->cert());
  auto first = client.post(server.port(), "{}");
  auto second = client.post(server.port(), "{}");
  ASSERT_EQ(first.status, 200) << first.error;
  ASSERT_EQ(second.status, 200) << second.error;
  EXPECT_EQ(first.new_connections, 1);
  EXPECT_EQ(second.new_connections, 0);
}

TEST_F(HttpServerTls, AnswerSentLaterFromAnotherThreadIsEncryptedByTheConnectionsWorker) {
  // The journaled receiver answers this way: from its notifier thread, never the worker's.
  std::vector<std::thread> answering;
  std::mutex m;
  http_server server(
      [&](const delivery& d, http_reply reply) {
        std::lock_guard lock(m);
        answering.emplace_back([reply, body = d.body] {
          std::this_thread::sleep_for(milliseconds(50));
          reply.send({200, R"({"echo":)" + body + "}"});
        });
      },
      tls_options());
  server.start();
  https_client client(files_->cert());
  auto first = client.post(server.port(), "1");
  auto second = client.post(server.port(), "2");  // the same connection, kept alive
  EXPECT_EQ(first.status, 200) << first.error;
  EXPECT_EQ(first.body, R"({"echo":1})");
  EXPECT_EQ(second.status, 200) << second.error;
  EXPECT_EQ(second.body, R"({"echo":2})");
  EXPECT_EQ(second.new_connections, 0);
  server.stop();
  for (auto& t : answering) t.join();
}

std::string big_body() {
  std::string body(200 * 1024, 'x');
  for (std::size_t i = 0; i < body.size(); i += 97) body[i] = static_cast<char>('a' + i % 26);
  return body;
}

TEST_F(HttpServerTls, BigAnswerArrivesWhole) {
  const std::string body = big_body();
  http_server server(
      [&body](const delivery&) {
        return http_answer{200, body, "text/plain"};
      },
      tls_options());
  server.start();
  https_client client(files_->cert());
  auto r = client.post(server.port(), "{}");
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body.size(), body.size());
  EXPECT_TRUE(r.body == body);
}

TEST_F(HttpServerTls, BigAnswerThatClosesTheConnectionArrivesWhole) {
  const std::string body = big_body();
  http_server server(
      [&body](const delivery&) {
        return http_answer{200, body, "text/plain"};
      },
      tls_options());
  server.start();
  https_client client(files_->cert());
  auto r = client.post(server.port(), "{}", {"Connection: close"});
  EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body.size(), body.size());
  EXPECT_TRUE(r.body == body);
}

TEST_F(HttpServerTls, PlainHttpOnTheTlsPortIsDroppedAndTheServerGoesOn) {
  http_server server([](const delivery&) { return http_answer{200, "{}"}; }, tls_options());
  server.start();
  raw_connection plain(server.port());
  plain.send("POST /hooks HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
  EXPECT_TRUE(plain.closed_by_peer(seconds(5)));
  https_client client(files_->cert());
  auto r = client.post(server.port(), "{}");
  EXPECT_EQ(r.status, 200) << r.error;
}

// Pistache 0.0.5 does the handshake in its accept thread, waiting for the client up to 10 s
// (http_server.hpp documents it). A silent client delays the next connection, but no longer.
TEST_F(HttpServerTls, SilentClientDelaysNewConnectionsByTheHandshakeTimeoutAtMost) {
  http_server server([](const delivery&) { return http_answer{200, "{}"}; }, tls_options());
  server.start();
  raw_connection silent(server.port());
  auto t0 = clock::now();
  https_client client(files_->cert());
  auto r = client.post(server.port(), "{}");
  auto took = std::chrono::duration_cast<milliseconds>(clock::now() - t0);
  RecordProperty("delay_ms", std::to_string(took.count()));
  EXPECT_EQ(r.status, 200) << r.error;
  // Bounded by the 10 s handshake wait, not by the silent client: under twice that on a loaded
  // machine, where an unbounded wait would hang until curl gave up.
  EXPECT_LT(took, seconds(18));
  // The silent connection was dropped when its handshake timed out.
  EXPECT_TRUE(silent.closed_by_peer(seconds(10)));
}

TEST_F(HttpServerTls, ConnectionOverTheLimitGets503OverTls) {
  http_server_options o = tls_options();
  o.max_connections = 1;
  http_server server([](const delivery&) { return http_answer{200, "{}"}; }, o);
  server.start();
  https_client first(files_->cert());
  ASSERT_EQ(first.post(server.port(), "{}").status, 200);  // and keeps its connection
  https_client second(files_->cert());
  auto r = second.post(server.port(), "{}");
  EXPECT_EQ(r.status, 503) << r.error;
  EXPECT_EQ(r.body, R"({"error":"too many connections"})");
}

TEST_F(HttpServerTls, MissingCertificateFileMakesStartThrowWithThePath) {
  http_server_options o = tls_options();
  o.tls_cert_file = files_->cert() + ".missing";
  http_server server([](const delivery&) { return http_answer{}; }, o);
  try {
    server.start();
    FAIL() << "start() did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(o.tls_cert_file), std::string::npos) << e.what();
  }
}

TEST_F(HttpServerTls, KeyThatIsNotAKeyMakesStartThrowWithThePath) {
  http_server_options o = tls_options();
  o.tls_key_file = o.tls_cert_file;  // readable, but a certificate
  http_server server([](const delivery&) { return http_answer{}; }, o);
  try {
    server.start();
    FAIL() << "start() did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(o.tls_key_file), std::string::npos) << e.what();
  }
}

TEST_F(HttpServerTls, CertificateWithoutKeyMakesStartThrow) {
  http_server_options o = tls_options();
  o.tls_key_file.clear();
  http_server server([](const delivery&) { return http_answer{}; }, o);
  EXPECT_THROW(server.start(), std::runtime_error);
}

}  // namespace
}  // namespace mifos::hooks::test
