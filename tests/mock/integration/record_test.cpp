// record_test.cpp: `mock-mifos record` and `mock-mifos export` as real processes: a
// generated day sent through `record --forward` into hello-receiver is recorded as sent and
// reaches the receiver as the same events; a dead downstream gives 502; the k6 export passes
// `node --check` and the vegeta export (from JSON Lines and HAR) is vegeta's JSON target format.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <mifos/hooks/base64.hpp>
#include <mifos/hooks/event.hpp>
#include <nlohmann/json.hpp>

#include "hello_receiver.hpp"
#include "http_client.hpp"
#include "process.hpp"
#include "traffic/traffic_source.hpp"

namespace mifos::hooks::test {
namespace {

namespace fs = std::filesystem;

// A fresh temporary directory per test.
class temp_dir {
 public:
  temp_dir() {
    path_ = fs::temp_directory_path() /
            ("mock_record_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~temp_dir() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Runs a mock-mifos command to its end; its exit code (or -1 at the deadline).
int run_mock(std::vector<std::string> args, std::string* err = nullptr) {
  args.insert(args.begin(), MIFOS_MOCK_BINARY);
  child_process p(args);
  const auto code = p.wait_for_exit(std::chrono::seconds(60));
  if (err) *err = p.stderr_text();
  return code.value_or(-1);
}

std::vector<traffic_record> read_traffic(const std::string& path) {
  std::string error;
  auto source = mock::open_traffic_file(path, error);
  std::vector<traffic_record> out;
  if (!source) {
    ADD_FAILURE() << error;
    return out;
  }
  while (auto r = source->next(error)) out.push_back(*r);
  EXPECT_EQ(error, "");
  return out;
}

// `mock-mifos record --listen 0 --out FILE` plus `flags`, up and listening.
class recorder_process {
 public:
  recorder_process(const std::string& out, std::vector<std::string> flags) {
    std::vector<std::string> argv = {MIFOS_MOCK_BINARY, "record", "--listen", "0", "--out", out};
    argv.insert(argv.end(), flags.begin(), flags.end());
    process_ = std::make_unique<child_process>(argv);
    const std::string prefix = "listening on http://127.0.0.1:";
    auto line = process_->wait_for_stderr_line(prefix, kStartTimeout);
    if (!line)
      throw std::runtime_error("mock-mifos record did not start; stderr:\n" +
                               process_->stderr_text());
    port_ = static_cast<std::uint16_t>(std::stoul(line->substr(prefix.size())));
  }
  std::uint16_t port() const { return port_; }
  child_process& process() { return *process_; }

 private:
  std::unique_ptr<child_process> process_;
  std::uint16_t port_ = 0;
};

// The request as a client sends it: libcurl writes Host and Content-Length itself.
client_response send_record(std::uint16_t port, const delivery& d) {
  std::vector<std::string> headers;
  for (const auto& h : d.headers)
    if (!iequals(h.name, "Host") && !iequals(h.name, "Content-Length"))
      headers.push_back(h.name + ": " + h.value);
  return http_call(d.method, url(port, d.target), d.body, headers);
}

std::string header_or_empty(const delivery& d, std::string_view name) {
  return std::string(d.header(name).value_or(""));
}

// A TCP port on 127.0.0.1 that nothing listens on (bound, read, closed).
std::uint16_t closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t size = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size);
  ::close(fd);
  return ntohs(a.sin_port);
}

TEST(MockRecord, AGeneratedDayForwardedToHelloReceiverIsRecordedAndDeliveredUnchanged) {
  temp_dir dir;
  ASSERT_EQ(run_mock({"generate", "--clients", "20", "--out", dir / "day.jsonl"}), 0);
  const auto sent = read_traffic(dir / "day.jsonl");
  ASSERT_GE(sent.size(), 20u);

  hello_receiver hello;
  recorder_process rec(dir / "recorded.jsonl",
                       {"--forward", "http://127.0.0.1:" + std::to_string(hello.port())});
  std::vector<std::string> printed;
  for (const auto& r : sent) {
    const auto answer = send_record(rec.port(), r.message);
    EXPECT_EQ(answer.status, 200) << answer.error << answer.body;
    // Drain hello-receiver's stdout as we go, so a full pipe never blocks it.
    while (auto line = hello.process().read_stdout_line(std::chrono::milliseconds(0)))
      printed.push_back(*line);
  }
  rec.process().send_signal(SIGTERM);
  EXPECT_EQ(rec.process().wait_for_exit(kIoTimeout), 0) << rec.process().stderr_text();
  EXPECT_NE(rec.process().stderr_text().find("mock-mifos record: stopped after " +
                                             std::to_string(sent.size()) + " requests"),
            std::string::npos)
      << rec.process().stderr_text();

  const auto recorded = read_traffic(dir / "recorded.jsonl");
  ASSERT_EQ(recorded.size(), sent.size());
  for (std::size_t i = 0; i < sent.size(); ++i) {
    const delivery& want = sent[i].message;
    const delivery& got = recorded[i].message;
    EXPECT_EQ(got.method, want.method) << i;
    EXPECT_EQ(got.target, want.target) << i;
    EXPECT_EQ(got.body, want.body) << i;
    EXPECT_EQ(header_or_empty(got, "X-Fineract-Entity"),
              header_or_empty(want, "X-Fineract-Entity"));
    EXPECT_EQ(header_or_empty(got, "X-Fineract-Action"),
              header_or_empty(want, "X-Fineract-Action"));
    if (i > 0) {
      EXPECT_GE(recorded[i].offset_us, recorded[i - 1].offset_us) << i;
    }
  }
  EXPECT_EQ(recorded.front().offset_us, 0);

  std::vector<std::string> expected;
  for (const auto& r : sent)
    if (auto e = parse(r.message)) expected.push_back(to_json(*e).dump());
  ASSERT_EQ(expected.size(), sent.size()) << "every generated delivery is an event";
  while (printed.size() < expected.size()) {
    auto line = hello.process().read_stdout_line(kIoTimeout);
    if (!line) break;
    printed.push_back(*line);
  }
  std::sort(expected.begin(), expected.end());
  std::sort(printed.begin(), printed.end());
  EXPECT_EQ(printed, expected);
}

TEST(MockRecord, ARecordingReplayedWithPlayGivesTheReceiverTheSameEvents) {
  temp_dir dir;
  ASSERT_EQ(run_mock({"generate", "--clients", "20", "--out", dir / "day.jsonl"}), 0);
  const auto sent = read_traffic(dir / "day.jsonl");
  {
    recorder_process rec(dir / "recorded.jsonl", {});
    for (const auto& r : sent) EXPECT_EQ(send_record(rec.port(), r.message).status, 200);
    rec.process().send_signal(SIGTERM);
    EXPECT_EQ(rec.process().wait_for_exit(kIoTimeout), 0) << rec.process().stderr_text();
  }

  hello_receiver hello;
  std::string err;
  EXPECT_EQ(run_mock({"play", dir / "recorded.jsonl", "--target",
                      "http://127.0.0.1:" + std::to_string(hello.port()) + "/hooks/", "--pace",
                      "recorded", "--speed", "10", "--expect", "2xx"},
                     &err),
            0)
      << err;
  std::vector<std::string> expected, printed;
  for (const auto& r : sent)
    if (auto e = parse(r.message)) expected.push_back(to_json(*e).dump());
  while (printed.size() < expected.size()) {
    auto line = hello.process().read_stdout_line(kIoTimeout);
    if (!line) break;
    printed.push_back(*line);
  }
  std::sort(expected.begin(), expected.end());
  std::sort(printed.begin(), printed.end());
  EXPECT_EQ(printed, expected);
}

TEST(MockRecord, WithoutForwardEveryRequestIsAnswered200AndRecorded) {
  temp_dir dir;
  recorder_process rec(dir / "out.jsonl", {"--quiet"});
  auto post = http_call("POST", url(rec.port(), "/hooks/?t=1"), R"({"clientId":1})",
                        {"X-Fineract-Entity: CLIENT", "X-Fineract-Action: CREATE"});
  EXPECT_EQ(post.status, 200);
  EXPECT_EQ(nlohmann::json::parse(post.body), nlohmann::json({{"status", "recorded"}}));
  EXPECT_EQ(http_call("GET", url(rec.port(), "/hooks"), "", {}).status, 200);
  rec.process().send_signal(SIGINT);
  EXPECT_EQ(rec.process().wait_for_exit(kIoTimeout), 0);
  const auto recorded = read_traffic(dir / "out.jsonl");
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_EQ(recorded[0].message.target, "/hooks/?t=1");
  EXPECT_EQ(recorded[0].message.body, R"({"clientId":1})");
  EXPECT_EQ(recorded[1].message.method, "GET");
}

TEST(MockRecord, ADownstreamThatIsDownGives502AndTheRequestIsStillRecorded) {
  temp_dir dir;
  recorder_process rec(dir / "out.jsonl",
                       {"--forward", "http://127.0.0.1:" + std::to_string(closed_port())});
  auto answer = http_call("POST", url(rec.port(), "/hooks/"), R"({"clientId":1})",
                          {"X-Fineract-Entity: CLIENT", "X-Fineract-Action: CREATE"});
  EXPECT_EQ(answer.status, 502);
  auto body = nlohmann::json::parse(answer.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << answer.body;
  EXPECT_TRUE(body.value("error", "").starts_with("downstream did not answer")) << answer.body;
  rec.process().send_signal(SIGTERM);
  EXPECT_EQ(rec.process().wait_for_exit(kIoTimeout), 0);
  EXPECT_EQ(read_traffic(dir / "out.jsonl").size(), 1u);
}

TEST(MockRecord, TheK6ExportOfAGeneratedDayPassesNodeCheck) {
  const fs::path node = "/usr/bin/node";
  if (!fs::exists(node)) GTEST_SKIP() << "node is not installed";
  temp_dir dir;
  ASSERT_EQ(run_mock({"generate", "--clients", "20", "--out", dir / "day.jsonl"}), 0);
  std::string err;
  ASSERT_EQ(run_mock({"export", dir / "day.jsonl", "--format", "k6", "--out", dir / "k6"}, &err), 0)
      << err;
  EXPECT_NE(err.find("to " + (dir / "k6/script.js")), std::string::npos) << err;
  // node treats a .mjs file as an ES module, as k6 does with every script.
  fs::copy_file(dir / "k6/script.js", dir / "script.mjs");
  child_process check({node.string(), "--check", dir / "script.mjs"});
  EXPECT_EQ(check.wait_for_exit(std::chrono::seconds(30)), 0) << check.stderr_text();
}

// Each line of a vegeta targets file, checked against vegeta's JSON target format.
void expect_vegeta_targets(const std::string& path, const std::vector<traffic_record>& records,
                           const std::string& origin) {
  std::ifstream in(path);
  std::string line;
  std::size_t i = 0;
  for (; std::getline(in, line); ++i) {
    ASSERT_LT(i, records.size());
    const auto t = nlohmann::json::parse(line);
    const delivery& d = records[i].message;
    EXPECT_EQ(t.size(), 4u) << line;
    EXPECT_EQ(t["method"], d.method);
    EXPECT_EQ(t["url"], origin + d.target);
    EXPECT_EQ(base64_decode(t["body"].get<std::string>()), d.body);
    ASSERT_TRUE(t["header"].is_object());
    for (const auto& [name, values] : t["header"].items()) {
      ASSERT_TRUE(values.is_array()) << name;
      for (const auto& v : values) EXPECT_EQ(d.header(name), v.get<std::string>()) << name;
    }
    EXPECT_FALSE(t["header"].contains("Host"));
    EXPECT_FALSE(t["header"].contains("Content-Length"));
  }
  EXPECT_EQ(i, records.size());
}

TEST(MockRecord, TheVegetaExportHasOneJsonTargetPerDelivery) {
  temp_dir dir;
  ASSERT_EQ(run_mock({"generate", "--clients", "5", "--out", dir / "day.jsonl"}), 0);
  std::string err;
  ASSERT_EQ(run_mock({"export", dir / "day.jsonl", "--format", "vegeta", "--out",
                      dir / "out/targets.jsonl", "--target", "http://127.0.0.1:9999"},
                     &err),
            0)
      << err;
  expect_vegeta_targets(dir / "out/targets.jsonl", read_traffic(dir / "day.jsonl"),
                        "http://127.0.0.1:9999");
}

TEST(MockRecord, AHarCaptureExportsToVegeta) {
  temp_dir dir;
  std::ofstream(dir / "capture.har") << R"({"log":{"version":"1.2","entries":[
    {"startedDateTime":"2024-10-24T09:52:59.123Z","request":{"method":"POST",
     "url":"http://127.0.0.1:8080/hooks/","headers":[{"name":":authority","value":"x"},
     {"name":"X-Fineract-Entity","value":"CLIENT"}],
     "postData":{"mimeType":"application/json","text":"eyJjbGllbnRJZCI6MX0=","encoding":"base64"}}}]}})";
  std::string err;
  ASSERT_EQ(
      run_mock({"export", dir / "capture.har", "--format", "vegeta", "--out", dir / "v"}, &err), 0)
      << err;
  std::ifstream in(dir / "v/targets.jsonl");
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(nlohmann::json::parse(line),
            nlohmann::json({{"method", "POST"},
                            {"url", "http://127.0.0.1:8080/hooks/"},
                            {"body", "eyJjbGllbnRJZCI6MX0="},
                            {"header", {{"X-Fineract-Entity", {"CLIENT"}}}}}));
}

TEST(MockRecord, ExportWithoutAFormatIsABadCommandLine) {
  temp_dir dir;
  std::string err;
  EXPECT_EQ(run_mock({"export", dir / "x.jsonl", "--out", dir / "o"}, &err), 2);
  EXPECT_NE(err.find("--format k6|vegeta is required"), std::string::npos) << err;
}

}  // namespace
}  // namespace mifos::hooks::test
