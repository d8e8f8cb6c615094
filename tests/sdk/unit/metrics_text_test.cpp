// metrics_text_test.cpp: the Prometheus text the admin port serves.
#include "metrics_text.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace mifos::hooks::detail {
namespace {

// The value of the sample line that starts with `series` followed by a space.
std::string sample(const std::string& text, const std::string& series) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(series + " ", 0) == 0) return line.substr(series.size() + 1);
  return "<missing>";
}

TEST(MetricsText, CountersHaveHelpTypeAndValue) {
  pipeline_stats p;
  p.accepted = 42;
  p.deduped = 3;
  p.queue_depth = 7;
  http_server_stats s;
  s.answered_4xx = 5;
  s.refused_connections = 4;
  s.open_connections = 12;
  std::string text = render_metrics(s, 2, p);
  EXPECT_NE(text.find("# HELP mifos_hooks_accepted_total "), std::string::npos);
  EXPECT_NE(text.find("# TYPE mifos_hooks_accepted_total counter\n"), std::string::npos);
  EXPECT_EQ(sample(text, "mifos_hooks_accepted_total"), "42");
  EXPECT_EQ(sample(text, "mifos_hooks_deduped_total"), "3");
  EXPECT_EQ(sample(text, "mifos_hooks_rejected_total"), "5");
  EXPECT_EQ(sample(text, "mifos_hooks_pings_total"), "2");
  EXPECT_EQ(sample(text, "mifos_hooks_connections_refused_total"), "4");
  EXPECT_EQ(sample(text, "mifos_hooks_connections_open"), "12");
  EXPECT_NE(text.find("# TYPE mifos_hooks_queue_depth gauge\n"), std::string::npos);
  EXPECT_EQ(sample(text, "mifos_hooks_queue_depth"), "7");
  EXPECT_EQ(text.find("mifos_hooks_journal"), std::string::npos);  // no journal, no such metric
}

TEST(MetricsText, FsyncLatencyIsACumulativeHistogramInSeconds) {
  pipeline_stats p;
  p.journal = journal_stats{};
  p.journal->fsyncs = 3;
  p.journal->fsync_latency.record(std::chrono::microseconds(300));
  p.journal->fsync_latency.record(std::chrono::microseconds(300));
  p.journal->fsync_latency.record(std::chrono::milliseconds(3));
  std::string text = render_metrics({}, 0, p);
  EXPECT_NE(text.find("# TYPE mifos_hooks_journal_fsync_seconds histogram\n"), std::string::npos);
  EXPECT_EQ(sample(text, "mifos_hooks_journal_fsync_seconds_bucket{le=\"0.000512\"}"), "2");
  EXPECT_EQ(sample(text, "mifos_hooks_journal_fsync_seconds_bucket{le=\"0.004096\"}"), "3");
  EXPECT_EQ(sample(text, "mifos_hooks_journal_fsync_seconds_bucket{le=\"+Inf\"}"), "3");
  EXPECT_EQ(sample(text, "mifos_hooks_journal_fsync_seconds_count"), "3");
  EXPECT_DOUBLE_EQ(std::stod(sample(text, "mifos_hooks_journal_fsync_seconds_sum")), 0.0036);
  EXPECT_EQ(sample(text, "mifos_hooks_journal_fsyncs_total"), "3");
}

}  // namespace
}  // namespace mifos::hooks::detail
