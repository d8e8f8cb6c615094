// report_figures.cpp: the shared figures of the text, JSON and HTML reports.
#include "report/report_figures.hpp"

#include <cmath>

#include "report/duration_text.hpp"

namespace mifos::mock::detail {

std::vector<latency_figure> latency_figures(const play_report& r) {
  const percentile_histogram& h = r.latencies();
  return {{"p50", "p50", h.percentile(50)},
          {"p90", "p90", h.percentile(90)},
          {"p99", "p99", h.percentile(99)},
          {"p99.9", "p99_9", h.percentile(99.9)},
          {"max", "max", h.max()}};
}

std::vector<int> statuses(const play_report& r) {
  std::vector<int> out;
  for (const auto& [status, count] : r.per_status()) out.push_back(status);
  return out;
}

std::string status_label(int status) { return status == 0 ? "none" : std::to_string(status); }

std::uint64_t errors(const play_report& r) {
  std::uint64_t n = 0;
  for (const auto& [status, count] : r.per_status()) {
    if (status == 0 || status >= 400) n += count;
  }
  return n;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return "0.00";
  return fixed(100.0 * static_cast<double>(part) / static_cast<double>(whole), 2);
}

std::string rate_text(double per_second) { return fixed(per_second, 1); }

std::string summary_line(const play_report& r) {
  const double seconds = static_cast<double>(r.elapsed_us()) / 1e6;
  std::string line = "sent " + std::to_string(r.sent()) + " in " +
                     fixed(seconds, seconds < 10 ? 2 : 1) + " s: " + rate_text(r.achieved_rate()) +
                     "/s achieved";
  if (auto asked = r.asked_rate(); asked && *asked > 0) {
    line += " of " + rate_text(*asked) + "/s asked (" +
            fixed(100.0 * r.achieved_rate() / *asked, 1) + "%)";
  }
  return line;
}

std::string percentile_name(double p) {
  if (p >= 100) return "max";
  // The shortest of 0-3 decimals that spells p: p99, p99.9, p99.99.
  for (int decimals = 0; decimals < 3; ++decimals) {
    const double scale = std::pow(10.0, decimals);
    if (std::fabs(std::round(p * scale) - p * scale) < 1e-6) return "p" + fixed(p, decimals);
  }
  return "p" + fixed(p, 3);
}

}  // namespace mifos::mock::detail
