// receiver_guarantees_test.cpp: hello-receiver's delivery options end to end, with real
// processes on 127.0.0.1: the admin port, dead letters replayed with play, dedupe of duplicates
// play sends, and the tenant allow-list.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "event_counts.hpp"
#include "hello_receiver.hpp"
#include "http_client.hpp"
#include "process.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

class ReceiverGuarantees : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("receiver-guarantees-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::string generate(int clients) {
    child_process p({MIFOS_MOCK_BINARY, "generate", "--clients", std::to_string(clients), "--seed",
                     "5", "--out", path("day.jsonl")});
    EXPECT_EQ(p.wait_for_exit(60s), 0) << p.stderr_text();
    return path("day.jsonl");
  }

  int play(std::vector<std::string> args) {
    std::vector<std::string> argv = {MIFOS_MOCK_BINARY, "play"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("--quiet");
    child_process p(argv);
    return p.wait_for_exit(60s).value_or(-1);
  }

  static std::uint16_t admin_port_of(hello_receiver& r) {
    const std::string& err = r.process().stderr_text();
    const std::string prefix = "admin on http://127.0.0.1:";
    auto at = err.find(prefix);
    if (at == std::string::npos) return 0;
    return static_cast<std::uint16_t>(std::stoul(err.substr(at + prefix.size())));
  }

  // The value of a sample line "name value" of a Prometheus text.
  static std::string metric(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
      if (line.rfind(name + " ", 0) == 0) return line.substr(name.size() + 1);
    return "<missing>";
  }

  fs::path dir_;
};

TEST_F(ReceiverGuarantees, AdminPortServesHealthAndPrometheusMetrics) {
  std::string day = generate(10);
  hello_receiver r({"--quiet", "--journal", path("journal"), "--admin-port", "0"});
  std::uint16_t admin = admin_port_of(r);
  ASSERT_NE(admin, 0) << r.process().stderr_text();
  auto health = http_call("GET", url(admin, "/healthz"), "", {});
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(nlohmann::json::parse(health.body)["status"], "ok");

  ASSERT_EQ(play({day, "--target", url(r.port(), "/hooks/"), "--rate", "max", "--expect", "2xx"}),
            0);
  const int sent = total(events_in(day));
  auto metrics = http_call("GET", url(admin, "/metrics"), "", {});
  EXPECT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.header("Content-Type").value_or(""), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(metric(metrics.body, "mifos_hooks_accepted_total"), std::to_string(sent));
  EXPECT_NE(metrics.body.find("# TYPE mifos_hooks_journal_fsync_seconds histogram"),
            std::string::npos);
  EXPECT_EQ(metric(metrics.body, "mifos_hooks_journal_fsync_seconds_bucket{le=\"+Inf\"}"),
            metric(metrics.body, "mifos_hooks_journal_fsyncs_total"));
  // The admin port is not a hook path, and the hook port has no metrics.
  EXPECT_EQ(http_call("POST", url(admin, "/metrics"), "{}", {}).status, 405);
  EXPECT_EQ(http_call("GET", url(admin, "/hooks"), "", {}).status, 404);
  EXPECT_EQ(http_call("GET", url(r.port(), "/metrics"), "", {}).status, 404);
  EXPECT_EQ(stop_and_count(r), events_in(day));
}

TEST_F(ReceiverGuarantees, DeadLetteredDeliveriesReplayWithPlayOnceTheHandlerIsFixed) {
  std::string day = generate(10);
  const auto all = events_in(day);
  ASSERT_GT(all.count("LOAN.REPAYMENT"), 0u);
  {
    hello_receiver failing({"--quiet", "--workers", "1", "--fail-on", "LOAN.REPAYMENT",
                            "--attempts", "2", "--dead-letter", path("dead.jsonl")});
    ASSERT_EQ(play({day, "--target", url(failing.port(), "/hooks/"), "--rate", "max", "--expect",
                    "2xx"}),
              0);
    auto handled = stop_and_count(failing);
    EXPECT_EQ(handled.count("LOAN.REPAYMENT"), 0u);
    EXPECT_EQ(failing.process().wait_for_exit(20s), 0);
    EXPECT_NE(failing.process().stderr_text().find(
                  std::to_string(all.at("LOAN.REPAYMENT")) + " dead-lettered"),
              std::string::npos)
        << failing.process().stderr_text();
    // Each give-up is told through receiver_options::log, which hello-receiver prints.
    EXPECT_NE(failing.process().stderr_text().find(
                  "hello-receiver: warning: gave up on LOAN.REPAYMENT delivery "),
              std::string::npos)
        << failing.process().stderr_text();
  }
  // The dead-letter file is traffic: exactly the repayments, replayable as they are.
  EXPECT_EQ(events_in(path("dead.jsonl")),
            (std::map<std::string, int>{{"LOAN.REPAYMENT", all.at("LOAN.REPAYMENT")}}));
  hello_receiver fixed({"--quiet"});
  ASSERT_EQ(play({path("dead.jsonl"), "--target", url(fixed.port(), "/hooks/"), "--rate", "max",
                  "--expect", "2xx"}),
            0);
  EXPECT_EQ(stop_and_count(fixed),
            (std::map<std::string, int>{{"LOAN.REPAYMENT", all.at("LOAN.REPAYMENT")}}));
}

TEST_F(ReceiverGuarantees, DuplicatesSentByPlayAreAnswered200AndHandledOnce) {
  std::string day = generate(10);
  hello_receiver r({"--quiet", "--workers", "2", "--dedupe", "10000", "--admin-port", "0"});
  ASSERT_EQ(play({day, "--target", url(r.port(), "/hooks/"), "--rate", "max", "--connections",
                  "1", "--duplicate", "100%", "--expect", "2xx"}),
            0);
  const int sent = total(events_in(day));
  auto metrics = http_call("GET", url(admin_port_of(r), "/metrics"), "", {});
  EXPECT_EQ(metric(metrics.body, "mifos_hooks_deduped_total"), std::to_string(sent));
  EXPECT_EQ(stop_and_count(r), events_in(day));
}

TEST_F(ReceiverGuarantees, TenantsOutsideTheAllowListGet403AndAreNotHandled) {
  std::string day = generate(5);
  hello_receiver r({"--quiet", "--tenant", "branch1"});
  EXPECT_EQ(play({day, "--target", url(r.port(), "/hooks/"), "--rate", "max", "--expect", "403"}),
            0);
  EXPECT_EQ(play({day, "--target", url(r.port(), "/hooks/"), "--rate", "max", "--rewrite-tenant",
                  "branch1", "--expect", "2xx"}),
            0);
  EXPECT_EQ(stop_and_count(r), events_in(day));
}

}  // namespace
}  // namespace mifos::hooks::test
