// receiver_crash_test.cpp: a journaled hello-receiver is killed with SIGKILL several times while
// `mock-mifos play` sends it a generated day at a fixed rate, and restarted each time. Every
// delivery answered 2xx must then have been handled exactly once (its event in the --out file
// once), and nothing handled that was not sent.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "http_client.hpp"
#include "process.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr std::chrono::seconds kStart{30};

class ReceiverCrash : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("receiver-crash-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // hello-receiver with the journal, on `port` (0 the first time); returns its port.
  std::uint16_t start_receiver(std::uint16_t port) {
    const std::string prefix = "listening on http://127.0.0.1:";
    // A port just freed by a killed process can take a moment to bind again.
    for (int attempt = 0; attempt < 20; ++attempt) {
      receiver_ = std::make_unique<child_process>(std::vector<std::string>{
          MIFOS_HOOKS_HELLO_RECEIVER, "--port", std::to_string(port), "--journal", path("journal"),
          "--out", path("events.jsonl"), "--admin-port", "0"});
      auto line = receiver_->wait_for_stderr_line(prefix, kStart);
      if (line) {
        starts_log_ += receiver_->stderr_text();
        // "admin on" comes before "listening on", so it is in what was read already.
        const std::string admin = "admin on http://127.0.0.1:";
        const std::string& text = receiver_->stderr_text();
        auto at = text.find(admin);
        admin_port_ = at == std::string::npos
                          ? 0
                          : static_cast<std::uint16_t>(std::stoul(text.substr(at + admin.size())));
        return static_cast<std::uint16_t>(std::stoul(line->substr(prefix.size())));
      }
      starts_log_ += receiver_->stderr_text();
      receiver_->wait_for_exit(5s);
      std::this_thread::sleep_for(50ms);
    }
    ADD_FAILURE() << "hello-receiver did not restart:\n" << starts_log_;
    return 0;
  }

  // Deliveries the running receiver accepted since it started (its /metrics), 0 when unknown.
  std::uint64_t accepted_in_this_life() const {
    if (admin_port_ == 0) return 0;
    auto r =
        http_call("GET", "http://127.0.0.1:" + std::to_string(admin_port_) + "/metrics", "", {});
    const std::string name = "\nmifos_hooks_accepted_total ";
    auto at = r.body.find(name);
    if (r.status != 200 || at == std::string::npos) return 0;
    return std::stoull(r.body.substr(at + name.size()));
  }

  // Each line's body parsed and dumped: the same text the receiver's payload dumps to.
  std::vector<std::string> bodies_of(const std::string& file) {
    std::vector<std::string> out;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
      out.push_back(
          nlohmann::json::parse(nlohmann::json::parse(line)["body"].get<std::string>()).dump());
    return out;
  }

  fs::path dir_;
  std::unique_ptr<child_process> receiver_;
  std::uint16_t admin_port_ = 0;
  std::string starts_log_;
};

TEST_F(ReceiverCrash, EveryDeliveryAnswered2xxIsHandledExactlyOnceAcrossSigkills) {
  {
    child_process gen({MIFOS_MOCK_BINARY, "generate", "--clients", "250", "--seed", "11", "--out",
                       path("day.jsonl")});
    ASSERT_EQ(gen.wait_for_exit(60s), 0) << gen.stderr_text();
  }
  const std::vector<std::string> bodies = bodies_of(path("day.jsonl"));
  ASSERT_GT(bodies.size(), 500u);

  std::uint16_t port = start_receiver(0);
  ASSERT_NE(port, 0);
  // About 7 s of traffic at 100 deliveries a second.
  child_process play({MIFOS_MOCK_BINARY, "play", path("day.jsonl"), "--target",
                      "http://127.0.0.1:" + std::to_string(port) + "/hooks/", "--rate", "100",
                      "--connections", "8", "--timeout", "10s", "--log", path("answers.jsonl"),
                      "--quiet"});
  // Each life is killed once it has taken some traffic, a little later each time, however long
  // the machine took to start it; a restart that outlasts the traffic ends the kills.
  std::mt19937 random(20261122);
  std::uniform_int_distribution<int> extra_ms(0, 200);
  const int kMaxKills = 4;
  int kills = 0;
  for (; kills < kMaxKills; ++kills) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (accepted_in_this_life() < 30 && play.running() &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(10ms);
    std::this_thread::sleep_for(std::chrono::milliseconds(extra_ms(random)));
    if (!play.running()) break;
    receiver_->send_signal(SIGKILL);
    ASSERT_EQ(receiver_->wait_for_exit(30s), 128 + SIGKILL);
    ASSERT_EQ(start_receiver(port), port);
  }
  ASSERT_GE(kills, 2) << "the traffic ended before two kills: " << starts_log_;
  ASSERT_TRUE(play.wait_for_exit(120s).has_value()) << "play did not finish";
  // A clean stop handles what is queued; what it could not is in the journal, and a last start
  // would handle it: do one, and stop it cleanly too.
  receiver_->send_signal(SIGTERM);
  ASSERT_EQ(receiver_->wait_for_exit(30s), 0) << receiver_->stderr_text();
  ASSERT_EQ(start_receiver(port), port);
  receiver_->send_signal(SIGTERM);
  ASSERT_EQ(receiver_->wait_for_exit(30s), 0) << receiver_->stderr_text();

  // What play was told, per delivery.
  std::map<std::string, int> answered_2xx, not_answered;
  std::size_t lines = 0, ok = 0;
  std::set<std::uint64_t> indexes;
  {
    std::ifstream in(path("answers.jsonl"));
    for (std::string line; std::getline(in, line); ++lines) {
      auto a = nlohmann::json::parse(line);
      std::uint64_t index = a["index"];
      ASSERT_LT(index, bodies.size());
      ASSERT_TRUE(indexes.insert(index).second) << "answered twice: " << line;
      int status = a["status"];
      if (status >= 200 && status < 300) {
        ++answered_2xx[bodies[index]];
        ++ok;
      } else {
        ++not_answered[bodies[index]];
      }
    }
  }
  ASSERT_EQ(lines, bodies.size()) << "play logged fewer answers than deliveries";

  // What the receiver handled, across all its lives.
  std::map<std::string, int> handled;
  std::set<std::uint64_t> ids;
  std::size_t events = 0;
  {
    std::ifstream in(path("events.jsonl"));
    for (std::string line; std::getline(in, line); ++events) {
      auto e = nlohmann::json::parse(line);
      ASSERT_TRUE(ids.insert(e["deliveryId"].get<std::uint64_t>()).second) << line;
      ++handled[e["payload"].dump()];
    }
  }

  for (const auto& [body, n] : handled) {
    int must = answered_2xx.count(body) ? answered_2xx.at(body) : 0;
    int may = not_answered.count(body) ? not_answered.at(body) : 0;
    EXPECT_GE(n, must) << "a delivery answered 2xx was not handled: " << body;
    EXPECT_LE(n, must + may) << "handled more often than sent: " << body;
  }
  for (const auto& [body, n] : answered_2xx)
    EXPECT_TRUE(handled.count(body)) << "answered 2xx, never handled: " << body;

  // The kills landed during the traffic, or this test proved nothing.
  std::size_t failed = lines - ok;
  EXPECT_GT(failed, 0u) << "no delivery failed: the kills missed the traffic";
  // A restart under the sanitizers on a loaded machine can take a second, during which every
  // delivery fails: ask only for enough answered ones that exactly-once was really exercised.
  EXPECT_GE(ok, 100u) << "too few deliveries answered 2xx to prove anything";
  std::size_t recovered = 0;
  for (std::size_t at = 0; (at = starts_log_.find("hello-receiver: ", at)) != std::string::npos;) {
    at += 16;
    std::size_t end = starts_log_.find(" deliveries recovered", at);
    if (end != std::string::npos && end - at < 8 &&
        starts_log_.find_first_not_of("0123456789", at) == end)
      recovered += std::stoul(starts_log_.substr(at, end - at));
  }
  std::printf(
      "[ figures  ] %zu deliveries sent, %zu answered 2xx, %zu not answered, %d kills; "
      "%zu events handled, each once; %zu recovered from the journal at restarts\n",
      lines, ok, failed, kills, events, recovered);
}

}  // namespace
}  // namespace mifos::hooks::test
