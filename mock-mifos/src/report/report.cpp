// report.cpp: play_report, the aggregation of every result of a run, in memory that does not grow
// with the number of deliveries (and only slowly, then not at all, with the run's length).
#include "report/report.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "report/histogram_buckets.hpp"

namespace mifos::mock {
namespace {

// Half-octave buckets: [2^(b/2), 2^((b+1)/2)) for b = 0..63, 1 us to beyond 1 hour.
std::size_t coarse_bucket(std::int64_t us) {
  const auto v = static_cast<std::uint64_t>(us);  // 1 .. 1 h, so v * v fits in 64 bits
  const int exponent = static_cast<int>(std::bit_width(v)) - 1;
  // In the upper half of its octave when v >= 2^exponent * sqrt(2), i.e. v^2 >= 2^(2e+1).
  const bool upper = v * v >= (std::uint64_t{1} << (2 * exponent + 1));
  return std::min<std::size_t>(63, static_cast<std::size_t>(2 * exponent + (upper ? 1 : 0)));
}

double coarse_lower(std::size_t b) { return std::exp2(static_cast<double>(b) / 2.0); }

}  // namespace

play_report::play_report(std::optional<double> asked_rate) : asked_rate_(asked_rate) {}

void play_report::add(const play_result& r) {
  add(r.event, r.status, r.latency_us, r.intended_us, r.send_lag_us);
}

void play_report::add(std::string_view event, int status, std::int64_t latency_us,
                      std::int64_t intended_us, std::optional<std::int64_t> send_lag_us) {
  latencies_.record(latency_us);
  if (send_lag_us) send_lags_.record(std::max<std::int64_t>(0, *send_lag_us));
  ++per_status_[status];
  auto counts = per_event_.find(event);
  if (counts == per_event_.end())
    counts = per_event_.emplace(std::string(event), std::map<int, std::uint64_t>{}).first;
  ++counts->second[status];

  const std::int64_t us = std::clamp(latency_us, detail::kMinLatencyUs, detail::kMaxLatencyUs);
  const auto at_s = static_cast<std::uint64_t>(std::max<std::int64_t>(0, intended_us) / 1'000'000);
  // Merge neighbours until this second has a place: each merge halves the records.
  while ((at_s >> span_shift_) >= kMaxSeconds) {
    std::vector<second_record> merged((per_second_.size() + 1) / 2);
    for (std::size_t i = 0; i < per_second_.size(); ++i) {
      second_record& into = merged[i / 2];
      into.count += per_second_[i].count;
      into.max_us = std::max(into.max_us, per_second_[i].max_us);
      for (std::size_t b = 0; b < into.buckets.size(); ++b)
        into.buckets[b] += per_second_[i].buckets[b];
    }
    per_second_ = std::move(merged);
    ++span_shift_;
  }
  const std::size_t slot = at_s >> span_shift_;
  if (slot >= per_second_.size()) per_second_.resize(slot + 1);
  second_record& s = per_second_[slot];
  ++s.count;
  s.max_us = std::max(s.max_us, static_cast<std::uint32_t>(us));
  ++s.buckets[coarse_bucket(us)];
}

void play_report::finish(std::int64_t elapsed_us) { elapsed_us_ = elapsed_us; }

double play_report::achieved_rate() const noexcept {
  if (elapsed_us_ <= 0) return 0.0;
  return static_cast<double>(sent()) * 1e6 / static_cast<double>(elapsed_us_);
}

std::vector<play_report::second> play_report::timeline() const {
  std::vector<second> out;
  for (std::size_t i = 0; i < per_second_.size(); ++i) {
    const second_record& s = per_second_[i];
    if (s.count == 0) continue;
    const double wanted = std::ceil(99.0 * static_cast<double>(s.count) / 100.0 - 1e-9);
    const auto rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(wanted));
    std::uint64_t seen = 0;
    double p99 = s.max_us;
    for (std::size_t b = 0; b < s.buckets.size(); ++b) {
      if (s.buckets[b] == 0 || seen + s.buckets[b] < rank) {
        seen += s.buckets[b];
        continue;
      }
      // Interpolated within the bucket by rank, as if its values were spread evenly.
      const double lower = coarse_lower(b), upper = coarse_lower(b + 1);
      const double within = static_cast<double>(rank - seen) / static_cast<double>(s.buckets[b]);
      p99 = std::min(lower + (upper - lower) * within, static_cast<double>(s.max_us));
      break;
    }
    out.push_back({static_cast<std::int64_t>(i) << span_shift_, s.count,
                   static_cast<std::int64_t>(std::llround(p99))});
  }
  return out;
}

}  // namespace mifos::mock
