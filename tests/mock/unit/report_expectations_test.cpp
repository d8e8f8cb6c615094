// report_expectations_test.cpp: --expect and --slo: reading the flags, and the lines that say
// which expectation a run broke.
#include <gtest/gtest.h>

#include "report/report.hpp"

namespace mifos::mock {
namespace {

TEST(ReportExpectations, ParseExpectReadsCodesAndClasses) {
  expectations e;
  EXPECT_EQ(parse_expect("2xx", e), std::nullopt);
  EXPECT_EQ(parse_expect("200,202", e), std::nullopt);
  EXPECT_EQ(parse_expect("2xx,404", e), std::nullopt);
  EXPECT_EQ(e.statuses, (std::vector<std::pair<int, int>>{
                            {200, 299}, {200, 200}, {202, 202}, {200, 299}, {404, 404}}));
}

TEST(ReportExpectations, ParseExpectRefusesWhatIsNotAStatus) {
  for (const char* text : {"abc", "6xx", "2x", "", "200,", "99", "2000", "0xx"}) {
    expectations e;
    const auto error = parse_expect(text, e);
    ASSERT_TRUE(error.has_value()) << text;
    EXPECT_NE(error->find("--expect"), std::string::npos);
    EXPECT_TRUE(e.statuses.empty()) << text;
  }
  expectations e;
  EXPECT_EQ(parse_expect("abc", e),
            "--expect takes status codes (200) or classes (2xx) from 1xx to 5xx, separated by "
            "commas; \"abc\" is neither");
}

TEST(ReportExpectations, ParseSloReadsPercentilesAndUnits) {
  expectations e;
  EXPECT_EQ(parse_slo("p99=50ms", e), std::nullopt);
  EXPECT_EQ(parse_slo("p50=2ms", e), std::nullopt);
  EXPECT_EQ(parse_slo("p99.9=1s", e), std::nullopt);
  EXPECT_EQ(parse_slo("max=100ms", e), std::nullopt);
  EXPECT_EQ(parse_slo("p90=750us", e), std::nullopt);
  EXPECT_EQ(e.slos,
            (std::vector<std::pair<double, std::int64_t>>{
                {99.0, 50'000}, {50.0, 2'000}, {99.9, 1'000'000}, {100.0, 100'000}, {90.0, 750}}));
}

TEST(ReportExpectations, ParseSloReadsLimitsInTheSharedDurationGrammar) {
  // One grammar for every program (cli/): a bare number is seconds, "m" is minutes.
  expectations e;
  EXPECT_EQ(parse_slo("p99=50", e), std::nullopt);
  EXPECT_EQ(parse_slo("max=2m", e), std::nullopt);
  ASSERT_EQ(e.slos.size(), 2u);
  EXPECT_EQ(e.slos[0].second, 50'000'000);
  EXPECT_EQ(e.slos[1].second, 120'000'000);
}

TEST(ReportExpectations, ParseSloRefusesBadNamesUnitsAndLimits) {
  for (const char* text : {"p99", "p99=50x", "p99=50M", "q99=1ms", "p101=1ms", "p0=1ms", "p99=-1ms",
                           "=1ms", "p99=ms", "p99=0ms"}) {
    expectations e;
    const auto error = parse_slo(text, e);
    ASSERT_TRUE(error.has_value()) << text;
    EXPECT_NE(error->find("--slo"), std::string::npos) << *error;
    EXPECT_TRUE(e.slos.empty()) << text;
  }
}

TEST(ReportExpectations, CheckPassesWhenEverythingHolds) {
  expectations e;
  ASSERT_FALSE(parse_expect("2xx,500", e));
  ASSERT_FALSE(parse_slo("p50=2ms", e));
  play_report r;
  r.add({"X.Y", 200, 1500, 0});
  r.add({"X.Y", 500, 1500, 0});
  EXPECT_TRUE(check(r, e).empty());
}

TEST(ReportExpectations, CheckNamesEachStatusOutsideTheExpectedOnes) {
  expectations e;
  ASSERT_FALSE(parse_expect("2xx,404", e));
  play_report r;
  for (int i = 0; i < 100; ++i) r.add({"X.Y", i < 60 ? 200 : i < 70 ? 404 : 500, 1000, 0});
  r.add({"X.Y", 0, 1000, 0});
  const auto broken = check(r, e);
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_EQ(broken[0], "31 deliveries answered outside 2xx,404: no response x1, 500 x30");
}

TEST(ReportExpectations, CheckSaysWhichPercentileBrokeItsSloAndByHowMuch) {
  expectations e;
  ASSERT_FALSE(parse_slo("p99=50ms", e));
  ASSERT_FALSE(parse_slo("p50=1s", e));
  ASSERT_FALSE(parse_slo("max=2s", e));
  play_report r;
  for (int i = 0; i < 100; ++i) r.add({"X.Y", 200, i < 95 ? 1000 : 72'100, 0});
  r.add({"X.Y", 200, 2'500'000, 0});
  const auto broken = check(r, e);
  ASSERT_EQ(broken.size(), 2u);
  // 72.1 ms reads as 72.2: a percentile is the end of its bucket (72192-72703 us, < 1% wide).
  EXPECT_EQ(broken[0], "p99 = 72.2 ms, over the 50 ms SLO");
  EXPECT_EQ(broken[1], "max = 2500.0 ms, over the 2 s SLO");
}

TEST(ReportExpectations, CheckShowsMicrosecondsWhenMillisecondsWouldHideTheExcess) {
  expectations e;
  ASSERT_FALSE(parse_slo("p50=50ms", e));
  play_report r;
  r.add({"X.Y", 200, 50'020, 0});
  const auto broken = check(r, e);
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_EQ(broken[0], "p50 = 50020 us, over the 50 ms SLO");
}

TEST(ReportExpectations, OneAnswerOutsideReadsInTheSingular) {
  expectations e;
  ASSERT_FALSE(parse_expect("200", e));
  play_report r;
  r.add({"X.Y", 201, 1000, 0});
  EXPECT_EQ(check(r, e), std::vector<std::string>{"1 delivery answered outside 200: 201 x1"});
}

}  // namespace
}  // namespace mifos::mock
