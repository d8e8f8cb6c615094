// stream_forwarder_test.cpp: stream-forwarder and stream-consumer against a real redis-server
// started here on a free loopback port: a generated day played into two forwarder replicas
// lands in the stream exactly once per delivery, across a Redis restart mid-run; consumers in
// one group share the entries without overlap.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "event_counts.hpp"
#include "http_client.hpp"
#include "process.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;
using clock = std::chrono::steady_clock;

std::string find_redis_server() {
  std::string dirs = std::getenv("PATH") ? std::getenv("PATH") : "";
  dirs += ":/usr/bin:/usr/sbin:/usr/local/bin";
  for (std::size_t start = 0; start <= dirs.size();) {
    std::size_t end = std::min(dirs.find(':', start), dirs.size());
    fs::path p = fs::path(dirs.substr(start, end - start)) / "redis-server";
    if (end > start && ::access(p.c_str(), X_OK) == 0) return p.string();
    start = end + 1;
  }
  return "";
}

// A port nobody listens on now: bound to 0, read back, closed.
std::uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

// One Redis command over a fresh socket; the first line of the reply (":12", "+PONG"), or
// nullopt when Redis is not there or slow.
std::optional<std::string> redis_call(std::uint16_t port, const std::vector<std::string>& args,
                                      std::chrono::milliseconds timeout = 2s) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{timeout.count() / 1000, static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string request = "*" + std::to_string(args.size()) + "\r\n";
  for (const auto& arg : args) request += "$" + std::to_string(arg.size()) + "\r\n" + arg + "\r\n";
  std::string reply;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == ssize_t(request.size())) {
    char c;
    while (::recv(fd, &c, 1, 0) == 1 && c != '\n') reply += c;
  }
  ::close(fd);
  if (reply.empty() || reply.back() != '\r') return std::nullopt;
  reply.pop_back();
  return reply;
}

long stream_length(std::uint16_t port, const std::string& stream = "mifos:events:default") {
  auto r = redis_call(port, {"XLEN", stream});
  return r && r->starts_with(":") ? std::stol(r->substr(1)) : -1;
}

// Polls `done` every 50 ms until it holds or the deadline passes.
template <typename Condition>
bool wait_until(Condition done, std::chrono::milliseconds timeout) {
  for (auto end = clock::now() + timeout; clock::now() < end;) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

class StreamForwarder : public ::testing::Test {
 protected:
  void SetUp() override {
    redis_binary_ = find_redis_server();
    if (redis_binary_.empty())
      GTEST_SKIP() << "redis-server is not installed (apt install redis-server)";
    dir_ = fs::temp_directory_path() /
           ("stream-forwarder-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "redis");
    redis_port_ = free_port();
  }
  void TearDown() override {
    redis_.reset();
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string redis_address() const { return "127.0.0.1:" + std::to_string(redis_port_); }

  // The same port and directory each time, and the AOF fsynced per write, so a restart keeps
  // every entry and dedupe key.
  void start_redis(std::vector<std::string> argv = {}) {
    argv.insert(argv.begin(),
                {redis_binary_, "--port", std::to_string(redis_port_), "--bind", "127.0.0.1",
                 "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir",
                 path("redis"), "--logfile", path("redis/redis.log")});
    redis_ = std::make_unique<child_process>(argv);
    ASSERT_TRUE(wait_until([&] { return redis_call(redis_port_, {"PING"}) == "+PONG"; }, 15s))
        << "redis-server did not answer PING";
  }
  void stop_redis() {
    redis_->send_signal(SIGTERM);
    EXPECT_EQ(redis_->wait_for_exit(15s), 0);
  }

  // A stream-forwarder with its own journal and an admin port; returns its hook URL.
  std::string start_forwarder(std::unique_ptr<child_process>& p, const std::string& journal,
                              std::vector<std::string> argv = {}) {
    argv.insert(argv.begin(), {MIFOS_STREAM_FORWARDER, "--port", "0", "--admin-port", "0",
                               "--journal", path(journal), "--redis", redis_address()});
    p = std::make_unique<child_process>(argv);
    const std::string prefix = "listening on http://127.0.0.1:";
    auto line = p->wait_for_stderr_line(prefix, 30s);
    if (!line) ADD_FAILURE() << "stream-forwarder did not start:\n" << p->stderr_text();
    if (!line) return "";
    // "admin on" comes before "listening on", so it is in what was read already.
    const std::string admin = "admin on http://127.0.0.1:";
    const std::string& text = p->stderr_text();
    if (auto at = text.find(admin); at != std::string::npos)
      admin_ports_[p.get()] =
          static_cast<std::uint16_t>(std::stoul(text.substr(at + admin.size())));
    return "http://127.0.0.1:" + std::to_string(std::stoul(line->substr(prefix.size()))) +
           "/hooks/";
  }

  // True once the forwarder holds no delivery (none queued, none waiting for a retry): what
  // it forwards at stop is then " 0 left in the journal".
  bool journal_drained(const child_process& fw) {
    auto port = admin_ports_.find(&fw);
    if (port == admin_ports_.end()) return false;
    auto r =
        http_call("GET", "http://127.0.0.1:" + std::to_string(port->second) + "/metrics", "", {});
    return r.status == 200 && r.body.find("\nmifos_hooks_queue_depth 0\n") != std::string::npos;
  }

  std::unique_ptr<child_process> play(const std::string& file, const std::string& target,
                                      const std::string& log, const std::string& rate) {
    return std::make_unique<child_process>(std::vector<std::string>{MIFOS_MOCK_BINARY, "play", file,
                                                                    "--target", target, "--rate",
                                                                    rate, "--quiet", "--log", log});
  }

  // Per ENTITY.ACTION, the deliveries a play log says were answered 2xx.
  static event_counts answered(const std::string& log) {
    event_counts out;
    std::ifstream in(log);
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line);
      if (j["status"].get<int>() / 100 == 2) ++out[j["event"].get<std::string>()];
    }
    return out;
  }

  // The day's deliveries, alternately into two traffic files.
  std::pair<std::string, std::string> split_day() {
    child_process gen({MIFOS_MOCK_BINARY, "generate", "--clients", "100", "--seed", "5", "--out",
                       path("day.jsonl")});
    EXPECT_EQ(gen.wait_for_exit(60s), 0) << gen.stderr_text();
    std::ifstream in(path("day.jsonl"));
    std::ofstream a(path("a.jsonl")), b(path("b.jsonl"));
    int n = 0;
    for (std::string line; std::getline(in, line); ++n) (n % 2 ? b : a) << line << "\n";
    return {path("a.jsonl"), path("b.jsonl")};
  }

  std::string redis_binary_;
  fs::path dir_;
  std::uint16_t redis_port_ = 0;
  std::unique_ptr<child_process> redis_;
  std::map<const child_process*, std::uint16_t> admin_ports_;
};

TEST_F(StreamForwarder, TwoReplicasPutEveryAnsweredDeliveryInTheStreamOnceAcrossARedisRestart) {
  start_redis();
  auto [file_a, file_b] = split_day();
  std::unique_ptr<child_process> fw_a, fw_b;
  std::string url_a = start_forwarder(fw_a, "journal-a");
  std::string url_b = start_forwarder(fw_b, "journal-b");
  ASSERT_FALSE(url_a.empty() || url_b.empty());

  auto play_a = play(file_a, url_a, path("a.log"), "20");
  auto play_b = play(file_b, url_b, path("b.log"), "20");

  // Mid-run: Redis goes away for about 3 s while both plays go on.
  ASSERT_TRUE(wait_until([&] { return stream_length(redis_port_) >= 30; }, 30s));
  auto stopped_at = clock::now();
  stop_redis();
  for (auto* fw : {fw_a.get(), fw_b.get()})
    ASSERT_TRUE(fw->wait_for_stderr_line("stream-forwarder: redis unavailable", 10s))
        << fw->stderr_text();
  auto down_for =
      std::chrono::duration_cast<std::chrono::milliseconds>(3s - (clock::now() - stopped_at));
  // Nothing can get through while Redis is down.
  EXPECT_FALSE(fw_a->wait_for_stderr_line("stream-forwarder: redis is back", down_for));
  start_redis();

  ASSERT_EQ(play_a->wait_for_exit(60s), 0) << play_a->stderr_text();
  ASSERT_EQ(play_b->wait_for_exit(60s), 0) << play_b->stderr_text();
  event_counts sent = answered(path("a.log"));
  for (const auto& [name, n] : answered(path("b.log"))) sent[name] += n;
  const int n = total(sent);
  EXPECT_EQ(n, total(events_in(path("day.jsonl")))) << "every delivery should be answered 2xx";
  ASSERT_GT(n, 100);

  ASSERT_TRUE(wait_until([&] { return stream_length(redis_port_) >= n; }, 60s))
      << stream_length(redis_port_) << " of " << n << "\n"
      << fw_a->stderr_text() << fw_b->stderr_text();
  for (auto* fw : {fw_a.get(), fw_b.get()})
    EXPECT_TRUE(fw->wait_for_stderr_line("stream-forwarder: redis is back", 10s))
        << fw->stderr_text();
  EXPECT_EQ(stream_length(redis_port_), n);

  child_process reader({MIFOS_STREAM_CONSUMER, "--redis", redis_address(), "--group", "check",
                        "--from-start", "--with-ids", "--count", std::to_string(n)});
  auto lines = reader.read_stdout_until_end(60s);
  EXPECT_EQ(reader.wait_for_exit(10s), 0) << reader.stderr_text();
  std::set<std::pair<std::string, std::uint64_t>> deliveries;
  std::set<std::string> replicas;
  event_counts read;
  for (const auto& line : lines) {
    auto j = nlohmann::json::parse(line);
    deliveries.emplace(j["replica"], j["delivery"]);
    replicas.insert(j["replica"].get<std::string>());
    ++read[j["event"]["entity"].get<std::string>() + "." + j["event"]["action"].get<std::string>()];
  }
  EXPECT_EQ(static_cast<int>(lines.size()), n);
  EXPECT_EQ(static_cast<int>(deliveries.size()), n) << "a delivery is in the stream twice";
  EXPECT_EQ(replicas.size(), 2u);
  EXPECT_EQ(read, sent);

  // The group has nothing more for anyone.
  child_process rest({MIFOS_STREAM_CONSUMER, "--redis", redis_address(), "--group", "check",
                      "--idle-exit", "500ms"});
  EXPECT_TRUE(rest.read_stdout_until_end(20s).empty());
  EXPECT_EQ(rest.wait_for_exit(10s), 0) << rest.stderr_text();

  // A delivery whose forward ran in Redis but whose reply was lost in the restart waits for a
  // retry (which finds it already in the stream): the journal is empty once that is done.
  for (auto* fw : {fw_a.get(), fw_b.get()})
    EXPECT_TRUE(wait_until([&] { return journal_drained(*fw); }, 30s)) << fw->stderr_text();
  for (auto* fw : {fw_a.get(), fw_b.get()}) {
    fw->send_signal(SIGTERM);
    EXPECT_EQ(fw->wait_for_exit(30s), 0) << fw->stderr_text();
    EXPECT_NE(fw->stderr_text().find(" 0 left in the journal"), std::string::npos)
        << fw->stderr_text();
  }
}

TEST_F(StreamForwarder, ConsumersInOneGroupShareTheEntriesWithoutOverlap) {
  start_redis();
  std::unique_ptr<child_process> fw;
  std::string url_fw = start_forwarder(fw, "journal");
  ASSERT_FALSE(url_fw.empty());
  child_process gen({MIFOS_MOCK_BINARY, "generate", "--clients", "30", "--seed", "8", "--out",
                     path("day.jsonl")});
  ASSERT_EQ(gen.wait_for_exit(60s), 0) << gen.stderr_text();
  // Both wait in XREADGROUP before the first entry arrives, so Redis hands entries to both. They
  // read until stopped: how long the machine takes to start them decides nothing.
  std::vector<std::unique_ptr<child_process>> consumers;
  for (const char* name : {"one", "two"}) {
    consumers.push_back(std::make_unique<child_process>(std::vector<std::string>{
        MIFOS_STREAM_CONSUMER, "--redis", redis_address(), "--consumer", name, "--with-ids"}));
    ASSERT_TRUE(consumers.back()->wait_for_stderr_line("stream-consumer: reading ", 30s))
        << consumers.back()->stderr_text();
  }

  // 40 deliveries: each consumer's output stays well under a pipe's 64 KiB while we wait.
  child_process player({MIFOS_MOCK_BINARY, "play", path("day.jsonl"), "--target", url_fw, "--rate",
                        "40", "--count", "40", "--quiet", "--expect", "2xx"});
  ASSERT_EQ(player.wait_for_exit(60s), 0) << player.stderr_text();
  ASSERT_TRUE(wait_until([&] { return stream_length(redis_port_) == 40; }, 30s))
      << stream_length(redis_port_) << "\n"
      << fw->stderr_text();

  std::vector<std::set<std::string>> ids(2);
  auto read_available = [&](std::size_t i) {
    while (auto line = consumers[i]->read_stdout_line(10ms))
      ids[i].insert(nlohmann::json::parse(*line)["id"].get<std::string>());
  };
  EXPECT_TRUE(wait_until(
      [&] {
        read_available(0);
        read_available(1);
        return ids[0].size() + ids[1].size() >= 40;
      },
      30s))
      << ids[0].size() + ids[1].size() << " of 40 entries read";
  for (std::size_t i = 0; i < 2; ++i) {
    consumers[i]->send_signal(SIGTERM);
    for (const auto& line : consumers[i]->read_stdout_until_end(30s))
      ids[i].insert(nlohmann::json::parse(line)["id"].get<std::string>());
    EXPECT_EQ(consumers[i]->wait_for_exit(30s), 0) << consumers[i]->stderr_text();
  }
  EXPECT_GT(ids[0].size(), 0u);
  EXPECT_GT(ids[1].size(), 0u);
  std::set<std::string> both;
  for (const auto& id : ids[0])
    if (ids[1].count(id)) both.insert(id);
  EXPECT_TRUE(both.empty()) << both.size() << " entries went to both consumers";
  EXPECT_EQ(ids[0].size() + ids[1].size(), 40u);
}

// Redis freezes (DEBUG SLEEP) with the forward script queued: the forwarder times out, and Redis
// runs the script when it wakes, but its reply is lost. The retry finds the delivery seen.
TEST_F(StreamForwarder, ADeliveryWhoseReplyWasLostIsNotAddedTwice) {
  start_redis({"--enable-debug-command", "local"});
  std::unique_ptr<child_process> fw;
  std::string hook = start_forwarder(fw, "journal", {"--redis-timeout", "1s"});
  ASSERT_FALSE(hook.empty());
  // Frozen for 8 s: the delivery must reach the forwarder and its forward time out (1 s) within
  // that window, which a loaded machine needs room for.
  std::thread sleeper([&] { redis_call(redis_port_, {"DEBUG", "SLEEP", "8"}, 15s); });
  bool frozen = wait_until([&] { return !redis_call(redis_port_, {"PING"}, 1s); }, 10s);
  auto r = http_call("POST", hook, R"({"officeId":1,"clientId":7,"resourceId":7})",
                     {"X-Fineract-Entity: CLIENT", "X-Fineract-Action: CREATE",
                      "Fineract-Platform-TenantId: default", "Content-Type: application/json"});
  sleeper.join();
  ASSERT_TRUE(frozen) << "DEBUG SLEEP did not block Redis";
  EXPECT_EQ(r.status, 200) << r.error;
  ASSERT_TRUE(fw->wait_for_stderr_line("stream-forwarder: redis unavailable", 30s))
      << fw->stderr_text();
  ASSERT_TRUE(fw->wait_for_stderr_line("stream-forwarder: redis is back", 30s))
      << fw->stderr_text();
  EXPECT_EQ(stream_length(redis_port_), 1);
  EXPECT_TRUE(wait_until([&] { return journal_drained(*fw); }, 30s)) << fw->stderr_text();
  fw->send_signal(SIGTERM);
  EXPECT_EQ(fw->wait_for_exit(30s), 0);
  EXPECT_NE(fw->stderr_text().find(" 0 forwarded, 1 already in the stream"), std::string::npos)
      << fw->stderr_text();
}

}  // namespace
}  // namespace mifos::hooks::test
