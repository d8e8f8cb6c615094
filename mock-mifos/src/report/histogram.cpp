// histogram.cpp: percentile_histogram, the run's latency distribution in fixed memory (26 KB).
#include <algorithm>
#include <cmath>

#include "report/histogram_buckets.hpp"
#include "report/report.hpp"

namespace mifos::mock {

percentile_histogram::percentile_histogram() : counts_(detail::kBucketCount, 0) {}

void percentile_histogram::record(std::int64_t us) {
  us = std::clamp(us, detail::kMinLatencyUs, detail::kMaxLatencyUs);
  ++counts_[detail::bucket_of(us)];
  if (count_ == 0 || us < min_) min_ = us;
  if (count_ == 0 || us > max_) max_ = us;
  ++count_;
  sum_ += static_cast<double>(us);
}

std::int64_t percentile_histogram::min() const noexcept { return count_ == 0 ? 0 : min_; }

double percentile_histogram::mean() const noexcept {
  return count_ == 0 ? 0.0 : sum_ / static_cast<double>(count_);
}

// As HdrHistogram's valueAtPercentile: the bucket where the cumulative count first reaches p%
// of all values, read as its largest value; never more than the largest value seen, so p100 is
// exactly the max.
std::int64_t percentile_histogram::percentile(double p) const {
  if (count_ == 0) return 0;
  p = std::clamp(p, 0.0, 100.0);
  // Multiplied before dividing, and a hair below, so that 99% of 100 is 99 and not 100 through
  // rounding.
  const double wanted = std::ceil(p * static_cast<double>(count_) / 100.0 - 1e-9);
  const auto rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(wanted));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::min(detail::bucket_upper(i), max_);
  }
  return max_;
}

std::vector<std::pair<std::int64_t, std::uint64_t>> percentile_histogram::buckets() const {
  std::vector<std::pair<std::int64_t, std::uint64_t>> out;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i] != 0) out.emplace_back(std::min(detail::bucket_upper(i), max_), counts_[i]);
  }
  return out;
}

}  // namespace mifos::mock
