// report.hpp: what a play measured, and the report a person reads (text), a program reads
// (--report-json) and a browser shows (--report-html: one self-contained page with a latency
// histogram and latency over time as inline SVG).
//
//   play_report r(asked_rate);
//   r.add({"LOAN.REPAYMENT", 200, latency_us, intended_us});
//   ...
//   r.finish(elapsed_us);
//   std::cout << render_text(r);
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mifos::mock {

// Latencies in microseconds with bounded memory and about 1% relative error (log-linear
// buckets, as HdrHistogram does), from 1 us to 1 hour.
class percentile_histogram {
 public:
  percentile_histogram();
  void record(std::int64_t us);
  std::uint64_t count() const noexcept { return count_; }
  std::int64_t max() const noexcept { return max_; }
  std::int64_t min() const noexcept;
  double mean() const noexcept;
  // The value at percentile p (0..100); 0 when empty.
  std::int64_t percentile(double p) const;
  // (bucket upper bound in us, count) for every non-empty bucket, in order: for charts.
  std::vector<std::pair<std::int64_t, std::uint64_t>> buckets() const;

 private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  std::int64_t max_ = 0, min_ = 0;
  double sum_ = 0;
};

struct play_result {
  play_result() = default;
  play_result(std::string event_, int status_, std::int64_t latency, std::int64_t intended,
              std::optional<std::int64_t> send_lag = {})
      : event(std::move(event_)),
        status(status_),
        latency_us(latency),
        intended_us(intended),
        send_lag_us(send_lag) {}

  std::string event;             // "LOAN.REPAYMENT", or "-" when the delivery had no entity header
  int status = 0;                // 0: no response
  std::int64_t latency_us = 0;   // done minus intended send time
  std::int64_t intended_us = 0;  // from the start of the run
  // How late its first byte left: actual minus intended send time (the scheduling error of an
  // open-model run); nothing when unknown.
  std::optional<std::int64_t> send_lag_us;
};

class play_report {
 public:
  // asked_rate: deliveries per second asked (--rate N), or nothing for paced / max runs.
  explicit play_report(std::optional<double> asked_rate = {});

  void add(const play_result& r);
  // The same without building a play_result (the player's hot path: no string per delivery).
  void add(std::string_view event, int status, std::int64_t latency_us, std::int64_t intended_us,
           std::optional<std::int64_t> send_lag_us);
  void count_dropped() { ++dropped_; }
  void count_duplicated() { ++duplicated_; }
  void count_malformed() { ++malformed_; }
  void count_disconnected() { ++disconnected_; }
  void finish(std::int64_t elapsed_us);  // the run's wall time, for the achieved rate

  std::uint64_t sent() const noexcept { return latencies_.count(); }
  const percentile_histogram& latencies() const noexcept { return latencies_; }
  // Actual minus intended send times (empty when the player gave none).
  const percentile_histogram& send_lags() const noexcept { return send_lags_; }
  const std::map<int, std::uint64_t>& per_status() const noexcept { return per_status_; }
  // event -> (status -> count)
  using event_counts = std::map<std::string, std::map<int, std::uint64_t>, std::less<>>;
  const event_counts& per_event() const noexcept { return per_event_; }
  std::uint64_t dropped() const noexcept { return dropped_; }
  std::uint64_t duplicated() const noexcept { return duplicated_; }
  std::uint64_t malformed() const noexcept { return malformed_; }
  std::uint64_t disconnected() const noexcept { return disconnected_; }
  std::optional<double> asked_rate() const noexcept { return asked_rate_; }
  double achieved_rate() const noexcept;  // sent per second of elapsed time
  std::int64_t elapsed_us() const noexcept { return elapsed_us_; }
  // One point per second of the run that had traffic (by intended time): count and p99 latency
  // of that second. The p99 comes from a coarse histogram (within ~20%, interpolated, never above
  // that second's max). A run longer than 4.5 hours gets one point per 2, 4, ... seconds
  // (at_s: the first of them), so that memory stays bounded.
  struct second {
    std::int64_t at_s;
    std::uint64_t count;
    std::int64_t p99_us;
  };
  std::vector<second> timeline() const;

 private:
  std::optional<double> asked_rate_;
  percentile_histogram latencies_;
  percentile_histogram send_lags_;
  std::map<int, std::uint64_t> per_status_;
  event_counts per_event_;
  // Per second of the run, a count and a coarse histogram (64 half-octave buckets): a full
  // percentile_histogram per second would grow by 26 KB a second. Indexed by second >> span_shift_;
  // when a run outlasts kMaxSeconds, neighbours merge and each point covers twice the time, so
  // the memory stays bounded however long the run.
  struct second_record {
    std::uint32_t count = 0;
    std::uint32_t max_us = 0;  // clamped to 1 h, which fits
    std::array<std::uint32_t, 64> buckets{};
  };
  static constexpr std::size_t kMaxSeconds = 16384;  // ~4.3 MB, 4.5 hours at one per second
  std::vector<second_record> per_second_;
  int span_shift_ = 0;
  std::uint64_t dropped_ = 0, duplicated_ = 0, malformed_ = 0, disconnected_ = 0;
  std::int64_t elapsed_us_ = 0;
};

// The final report for a terminal: totals per status code and per entity.action, latency
// p50/p90/p99/p99.9/max, achieved vs asked rate, dropped/duplicated/malformed/disconnected.
std::string render_text(const play_report& r);
nlohmann::ordered_json render_json(const play_report& r);
// One self-contained HTML page (no external resources): the text figures as tables, a latency
// histogram and latency (p99) over time as inline SVG with one element per data point.
std::string render_html(const play_report& r, const std::string& title);
// The live progress line: "sent 12345  rate 498.7/s  errors 3  p99 12.3 ms" (no newline).
std::string progress_line(const play_report& r, std::int64_t now_us);

// --expect 2xx | --expect 200,202 | --expect 2xx,404 ; --slo p99=50ms (repeatable: p50, p90,
// p99, p99.9, max; a limit is a duration as cli/README.md reads them).
struct expectations {
  std::vector<std::pair<int, int>> statuses;  // accepted [low, high] ranges; empty = no check
  std::vector<std::pair<double, std::int64_t>> slos;  // (percentile, at most us); 100 = max
};
std::optional<std::string> parse_expect(const std::string& text, expectations& into);
std::optional<std::string> parse_slo(const std::string& text, expectations& into);
// Every broken expectation, one line each ("12 deliveries answered outside 2xx: 500 x12",
// "p99 = 73.1 ms, over the 50 ms SLO"); empty when all hold.
std::vector<std::string> check(const play_report& r, const expectations& e);

}  // namespace mifos::mock
