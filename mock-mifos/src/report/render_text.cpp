// render_text.cpp: the report a person reads at the end of a play, and the live progress line.
//
//   sent 1000 in 20.0 s: 50.0/s achieved of 50.0/s asked (100.0%)
//
//   status  count       %
//   200       990   99.00
//   ...
#include <algorithm>
#include <cstddef>

#include "report/duration_text.hpp"
#include "report/report.hpp"
#include "report/report_figures.hpp"

namespace mifos::mock {
namespace {

using rows = std::vector<std::vector<std::string>>;

// Columns two spaces apart, the first left-aligned (names), the others right-aligned (figures).
std::string table(const rows& t) {
  std::vector<std::size_t> width;
  for (const auto& row : t) {
    if (width.size() < row.size()) width.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  std::string out;
  for (const auto& row : t) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - row[c].size(), ' ');
      if (c > 0) line += "  ";
      line += c == 0 ? row[c] + pad : pad + row[c];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string text_status_table(const play_report& r) {
  rows t{{"status", "count", "%"}};
  for (const auto& [status, count] : r.per_status())
    t.push_back(
        {detail::status_label(status), std::to_string(count), detail::percent(count, r.sent())});
  return table(t);
}

std::string text_event_table(const play_report& r) {
  const std::vector<int> statuses = detail::statuses(r);
  rows t{{"event"}};
  for (int s : statuses) t[0].push_back(detail::status_label(s));
  t[0].push_back("total");
  for (const auto& [event, counts] : r.per_event()) {
    std::vector<std::string> row{event};
    std::uint64_t total = 0;
    for (int s : statuses) {
      auto it = counts.find(s);
      const std::uint64_t n = it == counts.end() ? 0 : it->second;
      total += n;
      row.push_back(std::to_string(n));
    }
    row.push_back(std::to_string(total));
    t.push_back(std::move(row));
  }
  return table(t);
}

std::string text_latency_table(const play_report& r) {
  rows t{{"latency"}, {"ms"}};
  for (const auto& f : detail::latency_figures(r)) {
    t[0].push_back(f.name);
    t[1].push_back(detail::format_ms_number(f.us));
  }
  t[0].push_back("mean");
  t[1].push_back(detail::format_ms_number(std::llround(r.latencies().mean())));
  return table(t);
}

}  // namespace

std::string render_text(const play_report& r) {
  std::string out = detail::summary_line(r) + "\n";
  if (r.sent() > 0) {
    out += "\n" + text_status_table(r) + "\n" + text_event_table(r) + "\n" + text_latency_table(r);
  }
  if (r.asked_rate() && r.send_lags().count() > 0) {
    const percentile_histogram& lag = r.send_lags();
    out += "\nsend lag (actual minus intended send time): p50 " +
           detail::format_ms(lag.percentile(50)) + ", p99 " +
           detail::format_ms(lag.percentile(99)) + ", max " + detail::format_ms(lag.max()) + "\n";
  }
  if (r.dropped() + r.duplicated() + r.malformed() + r.disconnected() > 0) {
    out += "\nfaults: dropped " + std::to_string(r.dropped()) + ", duplicated " +
           std::to_string(r.duplicated()) + ", malformed " + std::to_string(r.malformed()) +
           ", disconnected " + std::to_string(r.disconnected()) + "\n";
  }
  return out;
}

std::string progress_line(const play_report& r, std::int64_t now_us) {
  const double rate =
      now_us > 0 ? static_cast<double>(r.sent()) * 1e6 / static_cast<double>(now_us) : 0.0;
  return "sent " + std::to_string(r.sent()) + "  rate " + detail::rate_text(rate) + "/s  errors " +
         std::to_string(detail::errors(r)) + "  p99 " +
         detail::format_ms(r.latencies().percentile(99));
}

}  // namespace mifos::mock
