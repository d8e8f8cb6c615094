// play_test.cpp: `mock-mifos play` as a user runs it: real processes on 127.0.0.1, a
// generated traffic file, hello-receiver (or a capture server) on the other end.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "capture_server.hpp"
#include "event_counts.hpp"
#include "hello_receiver.hpp"
#include "http_client.hpp"
#include "mifos/hooks/base64.hpp"
#include "process.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

class MockPlay : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mock-play-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // mock-mifos generate into `name`; returns the file's path.
  std::string generate(const std::string& name, int clients = 20) {
    child_process p({MIFOS_MOCK_BINARY, "generate", "--clients", std::to_string(clients), "--seed",
                     "3", "--out", path(name)});
    EXPECT_EQ(p.wait_for_exit(60s), 0) << p.stderr_text();
    return path(name);
  }

  struct run_result {
    int exit_code = -1;
    std::string out, err;
  };
  run_result play(std::vector<std::string> args) {
    std::vector<std::string> argv = {MIFOS_MOCK_BINARY, "play"};
    argv.insert(argv.end(), args.begin(), args.end());
    child_process p(argv);
    run_result r;
    auto lines = p.read_stdout_until_end(60s);
    for (const auto& l : lines) r.out += l + "\n";
    r.exit_code = p.wait_for_exit(60s).value_or(-1);
    r.err = p.stderr_text();
    return r;
  }

  nlohmann::json report_json(const std::string& file) {
    std::ifstream in(file);
    return nlohmann::json::parse(in, nullptr, false);
  }

  fs::path dir_;
};

TEST_F(MockPlay, ReplayingAGeneratedDayDeliversTheSameMultisetOfEvents) {
  std::string day = generate("day.jsonl");
  hello_receiver receiver({"--quiet"});
  auto r = play({day, "--target", url(receiver.port(), "/hooks/"), "--rate", "max", "--expect",
                 "2xx", "--report-json", path("report.json")});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(stop_and_count(receiver), events_in(day));
  auto report = report_json(path("report.json"));
  ASSERT_TRUE(report.is_object()) << "no JSON report";
  EXPECT_EQ(report["sent"], total(events_in(day)));
}

TEST_F(MockPlay, LoopingStartsTheFilesOverUntilTheCount) {
  std::string day = generate("day.jsonl", 5);
  const int in_file = total(events_in(day));
  ASSERT_GT(in_file, 0);
  hello_receiver receiver({"--quiet"});
  const int wanted = 2 * in_file + 3;
  auto r = play({day, "--target", url(receiver.port(), "/hooks/"), "--rate", "max", "--loop",
                 "--count", std::to_string(wanted), "--expect", "2xx"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto seen = stop_and_count(receiver);
  EXPECT_EQ(total(seen), wanted);
  for (const auto& [event, count] : events_in(day)) EXPECT_GE(seen[event], 2 * count) << event;
}

TEST_F(MockPlay, PlaysAHarCaptureAsItsDeliveries) {
  // Two hook deliveries as a browser or proxy saves them (HAR 1.2), one body base64-encoded.
  const std::string client = R"({"officeId":1,"clientId":7,"resourceId":7})";
  const std::string loan = R"({"officeId":1,"clientId":7,"loanId":3,"resourceId":3})";
  nlohmann::json har = {
      {"log",
       {{"version", "1.2"},
        {"entries",
         {{{"startedDateTime", "2024-10-24T09:00:00.000Z"},
           {"request",
            {{"method", "POST"},
             {"url", "http://capture.example/hooks/"},
             {"headers",
              {{{"name", "X-Fineract-Entity"}, {"value", "CLIENT"}},
               {{"name", "X-Fineract-Action"}, {"value", "CREATE"}},
               {{"name", "Fineract-Platform-TenantId"}, {"value", "default"}},
               {{"name", "Content-Type"}, {"value", "application/json; charset=UTF-8"}}}},
             {"postData", {{"mimeType", "application/json"}, {"text", client}}}}}},
          {{"startedDateTime", "2024-10-24T09:00:00.250Z"},
           {"request",
            {{"method", "POST"},
             {"url", "http://capture.example/hooks/"},
             {"headers",
              {{{"name", "X-Fineract-Entity"}, {"value", "LOAN"}},
               {{"name", "X-Fineract-Action"}, {"value", "CREATE"}},
               {{"name", "Fineract-Platform-TenantId"}, {"value", "default"}},
               {{"name", "Content-Type"}, {"value", "application/json; charset=UTF-8"}}}},
             {"postData",
              {{"mimeType", "application/json"},
               {"text", "eyJvZmZpY2VJZCI6MSwiY2xpZW50SWQiOjcsImxvYW5JZCI6MywicmVzb3VyY2VJZCI6M30="},
               {"encoding", "base64"}}}}}}}}}}};
  ASSERT_EQ(har["log"]["entries"][1]["request"]["postData"]["text"], base64_encode(loan));
  std::ofstream(path("capture.har")) << har.dump(2);
  hello_receiver receiver({"--quiet"});
  auto r =
      play({path("capture.har"), "--target", url(receiver.port(), "/hooks/"), "--expect", "2xx"});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  auto seen = stop_and_count(receiver);
  EXPECT_EQ(seen, (std::map<std::string, int>{{"CLIENT.CREATE", 1}, {"LOAN.CREATE", 1}}));
}

TEST_F(MockPlay, DuplicatesArriveTwiceAndAreCounted) {
  std::string day = generate("day.jsonl");
  hello_receiver receiver({"--quiet"});
  auto r = play({day, "--target", url(receiver.port(), "/hooks/"), "--rate", "max", "--count", "10",
                 "--duplicate", "1", "--report-json", path("report.json")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(total(stop_and_count(receiver)), 20);
  auto report = report_json(path("report.json"));
  EXPECT_EQ(report["faults"]["duplicated"], 10) << report.dump();
}

TEST_F(MockPlay, DropsNeverArriveAndAreCounted) {
  std::string day = generate("day.jsonl");
  const int in_file = total(events_in(day));
  hello_receiver receiver({"--quiet"});
  auto r = play({day, "--target", url(receiver.port(), "/hooks/"), "--rate", "max", "--drop", "0.5",
                 "--seed", "11", "--report-json", path("report.json")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto report = report_json(path("report.json"));
  int dropped = report["faults"]["dropped"];
  EXPECT_GT(dropped, 0);
  EXPECT_LT(dropped, in_file);
  EXPECT_EQ(total(stop_and_count(receiver)), in_file - dropped);
}

TEST_F(MockPlay, MalformedDeliveriesGet4xxAndAreCounted) {
  std::string day = generate("day.jsonl");
  hello_receiver receiver({"--quiet"});
  auto r = play({day, "--target", url(receiver.port(), "/hooks/"), "--rate", "max", "--count", "30",
                 "--malform", "1", "--report-json", path("report.json")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(total(stop_and_count(receiver)), 0);
  auto report = report_json(path("report.json"));
  EXPECT_EQ(report["faults"]["malformed"], 30) << report.dump();
  int four_xx = 0;
  for (const auto& [status, count] : report["status"].items()) {
    EXPECT_EQ(status[0], '4') << report.dump();
    four_xx += count.get<int>();
  }
  EXPECT_EQ(four_xx, 30);
}

TEST_F(MockPlay, ExpectFailsTheExitCodeWhenAnswersAreOutsideIt) {
  std::string day = generate("day.jsonl");
  capture_server receiver;
  receiver.set_response(500, "{}");
  auto broken = play({day, "--target", receiver.origin() + "/hooks/", "--rate", "max", "--count",
                      "5", "--expect", "2xx"});
  EXPECT_EQ(broken.exit_code, 1) << broken.err;
  EXPECT_NE(broken.err.find("broken"), std::string::npos) << broken.err;
  receiver.set_response(200, "{}");
  auto held = play({day, "--target", receiver.origin() + "/hooks/", "--rate", "max", "--count", "5",
                    "--expect", "2xx"});
  EXPECT_EQ(held.exit_code, 0) << held.err;
}

TEST_F(MockPlay, SloFailsTheExitCodeWhenLatencyIsOverIt) {
  std::string day = generate("day.jsonl");
  capture_server receiver;
  receiver.set_response(200, "{}");
  auto broken = play({day, "--target", receiver.origin() + "/hooks/", "--rate", "max", "--count",
                      "5", "--slo", "p99=1us"});
  EXPECT_EQ(broken.exit_code, 1) << broken.err;
  auto held = play({day, "--target", receiver.origin() + "/hooks/", "--rate", "max", "--count", "5",
                    "--slo", "p99=10s"});
  EXPECT_EQ(held.exit_code, 0) << held.err;
}

TEST_F(MockPlay, RefusesABadCommandLineWithExitCode2) {
  EXPECT_EQ(play({"--target", "http://127.0.0.1:1/"}).exit_code, 2);
  EXPECT_EQ(play({"x.jsonl"}).exit_code, 2);
  EXPECT_EQ(play({"x.jsonl", "--target", "http://127.0.0.1:1/", "--rate", "fast"}).exit_code, 2);
  EXPECT_EQ(play({"x.jsonl", "--target", "http://127.0.0.1:1/", "--drop", "2"}).exit_code, 2);
  EXPECT_EQ(play({"x.jsonl", "--target", "http://127.0.0.1:1/", "--loop"}).exit_code, 2);
}

TEST_F(MockPlay, AMissingFileIsARunTimeErrorWithExitCode1) {
  auto r = play({path("missing.jsonl"), "--target", "http://127.0.0.1:9/"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.jsonl"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace mifos::hooks::test
