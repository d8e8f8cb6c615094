// report_html_test.cpp: the --report-html page as a browser sees it. A report of 20 seconds
// of synthetic results is rendered to a file, headless Chromium (Debian's `chromium`) loads it and
// dumps its DOM, and the test finds both charts with every data point in that DOM.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

#include "process.hpp"
#include "report/report.hpp"

namespace mifos::hooks::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr const char* kChromium = "/usr/bin/chromium";
constexpr int kSeconds = 20;

// 20 seconds of 40 results each, latency growing with the second and one slow answer a second;
// a gap at second 7 (no traffic), so the points are the seconds with traffic, not the span.
mock::play_report synthetic_run() {
  mock::play_report r(40.0);
  for (int s = 0; s <= kSeconds; ++s) {
    if (s == 7) continue;
    for (int i = 0; i < 40; ++i) {
      const std::int64_t latency = 800 + s * 150 + i * 7 + (i == 39 ? 20'000 : 0);
      r.add({i % 3 ? "LOAN.REPAYMENT" : "CLIENT.<CREATE>", i % 10 ? 200 : 503, latency,
             s * 1'000'000LL + i * 25'000});
    }
  }
  r.finish((kSeconds + 1) * 1'000'000LL);
  return r;
}

class ReportHtmlInChromium : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kChromium)) GTEST_SKIP() << kChromium << " is not installed";
    dir_ = fs::temp_directory_path() / ("mock-report-html-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // The DOM Chromium built from the page at `html`.
  std::string dump_dom(const fs::path& html) {
    child_process p({kChromium, "--headless", "--no-sandbox", "--disable-gpu",
                     "--user-data-dir=" + (dir_ / "profile").string(), "--dump-dom",
                     "file://" + html.string()});
    std::string dom;
    for (const auto& line : p.read_stdout_until_end(60s)) dom += line + "\n";
    EXPECT_EQ(p.wait_for_exit(10s), 0) << p.stderr_text();
    return dom;
  }

  fs::path dir_;
};

TEST_F(ReportHtmlInChromium, FindsBothChartsWithEveryDataPoint) {
  const mock::play_report report = synthetic_run();
  const auto timeline = report.timeline();
  ASSERT_EQ(timeline.size(), static_cast<std::size_t>(kSeconds));  // 21 seconds minus the gap

  const fs::path html = dir_ / "report.html";
  std::ofstream(html) << mock::render_html(report, "synthetic <run>");
  const std::string dom = dump_dom(html);
  ASSERT_NE(dom.find("</html>"), std::string::npos) << dom.substr(0, 500);

  EXPECT_NE(dom.find("id=\"latency-histogram\""), std::string::npos);
  EXPECT_NE(dom.find("id=\"latency-over-time\""), std::string::npos);
  EXPECT_NE(dom.find("<title>synthetic &lt;run&gt;</title>"), std::string::npos);

  const std::regex bar(R"re(<rect class="bar"[^>]*data-count="(\d+)")re");
  std::uint64_t in_bars = 0;
  std::size_t bars = 0;
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), bar); it != std::sregex_iterator();
       ++it, ++bars)
    in_bars += std::stoull((*it)[1]);
  EXPECT_GE(bars, 1u);
  EXPECT_EQ(bars, report.latencies().buckets().size());
  EXPECT_EQ(in_bars, report.sent());

  const std::regex point(
      R"re(<circle class="point"[^>]*data-second="(\d+)" data-p99-us="(\d+)")re");
  std::map<std::int64_t, std::int64_t> points;  // second -> p99
  std::size_t circles = 0;
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), point); it != std::sregex_iterator();
       ++it, ++circles)
    points[std::stoll((*it)[1])] = std::stoll((*it)[2]);
  EXPECT_EQ(circles, timeline.size());
  ASSERT_EQ(points.size(), timeline.size());
  for (const auto& s : timeline) {
    ASSERT_TRUE(points.count(s.at_s)) << "second " << s.at_s;
    EXPECT_EQ(points[s.at_s], s.p99_us) << "second " << s.at_s;
    EXPECT_GT(s.p99_us, 20'000) << "second " << s.at_s;  // the slow answer of each second
  }
  EXPECT_FALSE(points.count(7));
  EXPECT_NE(dom.find("<polyline class=\"line\""), std::string::npos);
}

}  // namespace
}  // namespace mifos::hooks::test
