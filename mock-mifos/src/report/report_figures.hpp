// report_figures.hpp: the figures every rendering of a play_report shows, computed once in one
// place so that the text, JSON and HTML reports never disagree. Internal to play/.
//
//   for (const auto& q : detail::latency_figures(report)) print(q.name, q.us);  // "p50", 1234
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/report.hpp"

namespace mifos::mock::detail {

struct latency_figure {
  std::string name;      // "p50", "p90", "p99", "p99.9", "max"
  std::string json_key;  // "p50", "p90", "p99", "p99_9", "max"
  std::int64_t us = 0;
};

// p50, p90, p99, p99.9 and max, in that order (all 0 when nothing was sent).
std::vector<latency_figure> latency_figures(const play_report& r);

// Every status that answered, ascending (0, "no response", first).
std::vector<int> statuses(const play_report& r);

// "200", or "none" for 0 (no response).
std::string status_label(int status);

// Results without a response or with a 4xx/5xx answer.
std::uint64_t errors(const play_report& r);

// 12.3456 -> "12.35" (two decimals) for a share in percent.
std::string percent(std::uint64_t part, std::uint64_t whole);

// "sent 1000 in 20.0 s: 50.0/s achieved of 50.0/s asked (100.0%)" (no "asked" part for paced and
// max runs).
std::string summary_line(const play_report& r);

// A rate per second with one decimal: "498.7".
std::string rate_text(double per_second);

// "p99", "p99.9", "p50", or "max" for 100: a percentile as --slo spells it.
std::string percentile_name(double p);

}  // namespace mifos::mock::detail
