// report_test.cpp: the play report: the latency histogram against exact percentiles, the
// aggregation, and the text / JSON / HTML renderings (--expect and --slo are in
// report_expectations_test.cpp).
#include "report/report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <regex>

namespace mifos::mock {
namespace {

// The exact percentile of sorted values, by the histogram's definition: the smallest value with
// at least p% of the values at or below it.
std::int64_t exact_percentile(const std::vector<std::int64_t>& sorted, double p) {
  const auto n = static_cast<double>(sorted.size());
  auto rank = static_cast<std::size_t>(std::ceil(p * n / 100.0 - 1e-9));
  rank = std::clamp<std::size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

// 20 seconds at 50 per second: latency 1 ms + (second * 100 us) + a little spread; every 25th
// answered 500 (half of them each event), and one "-" event without a response after 10 s.
play_report twenty_seconds() {
  play_report r(50.0);
  for (int s = 0; s < 20; ++s) {
    for (int i = 0; i < 50; ++i) {
      const int n = s * 50 + i;
      r.add({n % 2 ? "LOAN.REPAYMENT" : "CLIENT.CREATE", n % 25 == 0 ? 500 : 200,
             1000 + s * 100 + i, s * 1'000'000 + i * 20'000});
    }
  }
  r.add({"-", 0, 10'000'000, 19'990'000});
  r.count_dropped();
  r.count_dropped();
  r.count_duplicated();
  r.finish(20'020'000);  // 1001 in 20.02 s: 50.0 per second
  return r;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ReportHistogram, PercentilesAreWithinOnePercentOfExactOnesOnRandomData) {
  std::mt19937_64 rng(12345);
  std::lognormal_distribution<double> latency(std::log(5000.0), 1.2);  // ~5 ms, long tail
  std::vector<std::int64_t> values;
  percentile_histogram h;
  for (int i = 0; i < 200'000; ++i) {
    const auto v = std::clamp<std::int64_t>(std::llround(latency(rng)), 1, 3'600'000'000);
    values.push_back(v);
    h.record(v);
  }
  std::sort(values.begin(), values.end());
  for (double p : {1.0, 10.0, 50.0, 90.0, 99.0, 99.9, 99.99, 100.0}) {
    const auto exact = exact_percentile(values, p);
    const auto got = h.percentile(p);
    EXPECT_GE(got, exact) << "p" << p;
    EXPECT_LE(static_cast<double>(got), static_cast<double>(exact) * 1.01) << "p" << p;
  }
  EXPECT_EQ(h.count(), 200'000u);
  EXPECT_EQ(h.max(), values.back());
  EXPECT_EQ(h.min(), values.front());
}

TEST(ReportHistogram, SmallValuesAreExact) {
  percentile_histogram h;
  for (int v = 1; v <= 100; ++v) h.record(v);
  EXPECT_EQ(h.percentile(50), 50);
  EXPECT_EQ(h.percentile(99), 99);
  EXPECT_EQ(h.percentile(100), 100);
  EXPECT_DOUBLE_EQ(h.mean(), 50.5);
}

TEST(ReportHistogram, ValuesOutside1usTo1hAreClamped) {
  percentile_histogram h;
  h.record(-5);
  h.record(0);
  h.record(10'000'000'000);
  EXPECT_EQ(h.min(), 1);
  EXPECT_EQ(h.max(), 3'600'000'000);
  EXPECT_EQ(h.percentile(100), 3'600'000'000);
}

TEST(ReportHistogram, EmptyHistogramReadsZero) {
  percentile_histogram h;
  EXPECT_EQ(h.percentile(99), 0);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), 0);
  EXPECT_EQ(h.mean(), 0.0);
  EXPECT_TRUE(h.buckets().empty());
}

TEST(ReportHistogram, BucketsAreOrderedAndHoldEveryValue) {
  percentile_histogram h;
  for (std::int64_t v : {5, 5, 1000, 1001, 250'000}) h.record(v);
  const auto b = h.buckets();
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0], (std::pair<std::int64_t, std::uint64_t>{5, 2}));
  EXPECT_EQ(b[1].second, 2u);
  EXPECT_GE(b[1].first, 1001);
  EXPECT_EQ(b[2].first, 250'000);  // the last bucket ends at the max
}

TEST(ReportAggregation, CountsPerStatusAndPerEvent) {
  const play_report r = twenty_seconds();
  EXPECT_EQ(r.sent(), 1001u);
  EXPECT_EQ(r.per_status().at(200), 960u);
  EXPECT_EQ(r.per_status().at(500), 40u);
  EXPECT_EQ(r.per_status().at(0), 1u);
  EXPECT_EQ(r.per_event().at("CLIENT.CREATE").at(500), 20u);  // n % 50 == 0
  EXPECT_EQ(r.per_event().at("CLIENT.CREATE").at(200), 480u);
  EXPECT_EQ(r.per_event().at("LOAN.REPAYMENT").at(500), 20u);
  EXPECT_EQ(r.per_event().at("LOAN.REPAYMENT").at(200), 480u);
  EXPECT_EQ(r.per_event().at("-").at(0), 1u);
  EXPECT_EQ(r.dropped(), 2u);
  EXPECT_EQ(r.duplicated(), 1u);
}

TEST(ReportAggregation, AchievedRateIsSentPerSecondOfElapsedTime) {
  play_report r(100.0);
  for (int i = 0; i < 150; ++i) r.add({"X.Y", 200, 100, i * 10'000});
  r.finish(2'000'000);
  EXPECT_DOUBLE_EQ(r.achieved_rate(), 75.0);
  EXPECT_EQ(r.asked_rate(), 100.0);
  EXPECT_EQ(play_report().achieved_rate(), 0.0);
}

TEST(ReportTimeline, OnePointPerSecondWithTraffic) {
  play_report r;
  for (int i = 0; i < 10; ++i) r.add({"X.Y", 200, 1000, 0 + i});
  for (int i = 0; i < 5; ++i) r.add({"X.Y", 200, 2000, 3'500'000 + i});
  const auto t = r.timeline();
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].at_s, 0);
  EXPECT_EQ(t[0].count, 10u);
  EXPECT_EQ(t[1].at_s, 3);
  EXPECT_EQ(t[1].count, 5u);
  EXPECT_EQ(t[1].p99_us, 2000);  // never above that second's max
}

TEST(ReportTimeline, P99OfEachSecondIsCloseToTheExactOne) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::int64_t> latency(500, 50'000);
  play_report r;
  std::vector<std::vector<std::int64_t>> seconds(10);
  for (int s = 0; s < 10; ++s) {
    for (int i = 0; i < 2000; ++i) {
      const auto v = latency(rng) * (s + 1);
      seconds[s].push_back(v);
      r.add({"X.Y", 200, v, s * 1'000'000 + i * 400});
    }
  }
  const auto t = r.timeline();
  ASSERT_EQ(t.size(), 10u);
  for (int s = 0; s < 10; ++s) {
    std::sort(seconds[s].begin(), seconds[s].end());
    const auto exact = static_cast<double>(exact_percentile(seconds[s], 99));
    EXPECT_NEAR(static_cast<double>(t[s].p99_us), exact, exact * 0.2) << "second " << s;
  }
}

TEST(ReportTimeline, AVeryLongRunMergesSecondsInsteadOfGrowing) {
  play_report r;
  r.add({"X.Y", 200, 1000, 0});
  r.add({"X.Y", 200, 1000, 1'000'000});
  r.add({"X.Y", 200, 3000, 40'000LL * 1'000'000});  // 11 hours in: past 16384 seconds
  const auto t = r.timeline();
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].at_s, 0);
  EXPECT_EQ(t[0].count, 2u);
  EXPECT_LE(t[1].at_s, 40'000);
  EXPECT_GT(t[1].at_s, 40'000 - 4);
  EXPECT_EQ(r.sent(), 3u);
}

TEST(ReportText, ShowsTheRatesStatusesEventsLatenciesAndFaults) {
  const std::string text = render_text(twenty_seconds());
  EXPECT_NE(text.find("sent 1001 in 20.0 s: 50.0/s achieved of 50.0/s asked (100.0%)"),
            std::string::npos)
      << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(\n200 +960 +95\.90\n)"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(\n500 +40 +4\.00\n)"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(\nnone +1 +0\.10\n)"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(\nCLIENT\.CREATE +0 +480 +20 +500\n)")))
      << text;
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(latency +p50 +p90 +p99 +p99\.9 +max +mean)")));
  EXPECT_NE(text.find("10000.0"), std::string::npos) << text;  // the max, 10 s, in ms
  EXPECT_NE(text.find("faults: dropped 2, duplicated 1, malformed 0, disconnected 0"),
            std::string::npos)
      << text;
}

TEST(ReportText, LeavesOutTheFaultsLineWhenThereWereNone) {
  play_report r;
  r.add({"X.Y", 200, 1234, 0});
  r.finish(1'000'000);
  const std::string text = render_text(r);
  EXPECT_EQ(text.find("faults"), std::string::npos);
  EXPECT_NE(text.find("1.23"), std::string::npos) << text;
  EXPECT_EQ(text.find("asked"), std::string::npos) << text;
}

TEST(ReportProgress, LineShowsSentRateErrorsAndP99) {
  play_report r;
  for (int i = 0; i < 99; ++i) r.add({"X.Y", 200, 12'300, i * 1000});
  r.add({"X.Y", 503, 12'300, 99'000});
  EXPECT_EQ(progress_line(r, 2'000'000), "sent 100  rate 50.0/s  errors 1  p99 12.3 ms");
}

TEST(ReportJson, HasEveryFigureUnderStableKeys) {
  const auto j = render_json(twenty_seconds());
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"sent", "elapsed_us", "achieved_rate", "asked_rate",
                                            "errors", "status", "events", "latency_us", "faults",
                                            "histogram", "timeline"}));
  EXPECT_EQ(j["sent"], 1001);
  EXPECT_EQ(j["elapsed_us"], 20'020'000);
  EXPECT_EQ(j["asked_rate"], 50.0);
  EXPECT_EQ(j["errors"], 41);
  EXPECT_EQ(j["status"]["200"], 960);
  EXPECT_EQ(j["status"]["0"], 1);
  EXPECT_EQ(j["events"]["CLIENT.CREATE"]["total"], 500);
  for (const char* k : {"count", "min", "mean", "p50", "p90", "p99", "p99_9", "max"})
    EXPECT_TRUE(j["latency_us"].contains(k)) << k;
  EXPECT_EQ(j["latency_us"]["max"], 10'000'000);
  EXPECT_EQ(j["faults"]["dropped"], 2);
  EXPECT_EQ(j["faults"]["duplicated"], 1);
  EXPECT_EQ(j["timeline"].size(), 20u);
  EXPECT_EQ(j["timeline"][3]["second"], 3);
  EXPECT_EQ(j["timeline"][3]["count"], 50);
  std::uint64_t in_histogram = 0;
  for (const auto& b : j["histogram"]) in_histogram += b["count"].get<std::uint64_t>();
  EXPECT_EQ(in_histogram, 1001u);
}

TEST(ReportJson, AskedRateIsNullForRunsWithoutOne) {
  EXPECT_TRUE(render_json(play_report()).at("asked_rate").is_null());
}

TEST(ReportPage, IsOneSelfContainedPage) {
  play_report r = twenty_seconds();
  r.add({"<script src=\"https://evil.example/x.js\"></script>", 200, 1000, 0});
  const std::string html = render_html(r, "run <1> & \"friends\"");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  // The only URL is the escaped event name.
  EXPECT_EQ(occurrences(html, "https://"), occurrences(html, "&lt;script src=&quot;https://"));
  EXPECT_NE(html.find("<title>run &lt;1&gt; &amp; &quot;friends&quot;</title>"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
}

TEST(ReportPage, HasBothChartsWithAPointPerSecondAndABarPerBucket) {
  const play_report r = twenty_seconds();
  const std::string html = render_html(r, "run");
  EXPECT_EQ(occurrences(html, "<svg id=\"latency-histogram\""), 1u);
  EXPECT_EQ(occurrences(html, "<svg id=\"latency-over-time\""), 1u);
  EXPECT_EQ(occurrences(html, "<rect class=\"bar\""), r.latencies().buckets().size());
  EXPECT_EQ(occurrences(html, "<circle class=\"point\""), 20u);
  EXPECT_EQ(occurrences(html, "<polyline class=\"line\""), 1u);
  for (const auto& s : r.timeline()) {
    EXPECT_NE(html.find("data-second=\"" + std::to_string(s.at_s) + "\" data-p99-us=\"" +
                        std::to_string(s.p99_us) + "\""),
              std::string::npos)
        << s.at_s;
  }
  // The 10 s answer's bucket, its end cut to the largest value seen.
  EXPECT_NE(html.find("<title>9961.5 ms to 10000.0 ms: 1 delivery</title>"), std::string::npos);
  EXPECT_NE(html.find("latency (log scale)"), std::string::npos);
  EXPECT_NE(html.find("second of the run"), std::string::npos);
}

TEST(ReportPage, TablesShowTheSameFiguresAsTheText) {
  const std::string html = render_html(twenty_seconds(), "run");
  EXPECT_NE(html.find("<tr><td>200</td><td>960</td><td>95.90</td></tr>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>CLIENT.CREATE</td><td>0</td><td>480</td><td>20</td><td>500</td>"),
            std::string::npos);
  EXPECT_NE(html.find("faults: dropped 2, duplicated 1"), std::string::npos);
}

TEST(ReportPage, AnEmptyRunStillHasBothCharts) {
  const std::string html = render_html(play_report(), "empty");
  EXPECT_NE(html.find("id=\"latency-histogram\""), std::string::npos);
  EXPECT_NE(html.find("id=\"latency-over-time\""), std::string::npos);
  EXPECT_EQ(occurrences(html, "class=\"point\""), 0u);
}

}  // namespace
}  // namespace mifos::mock
