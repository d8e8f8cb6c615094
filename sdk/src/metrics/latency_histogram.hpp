// latency_histogram.hpp: a fixed-size histogram of durations, for quantiles and Prometheus.
//
//   detail::latency_histogram h;
//   h.record(std::chrono::microseconds(340));
//   double p99 = h.quantile_us(0.99);   // upper bound of the bucket holding the 99th percentile
//
// Buckets are powers of two in microseconds (<= 1 us, <= 2 us, ..., <= 2^26 us ~ 67 s, then
// +Inf), so memory is constant and copying it is cheap. Not thread-safe: the owner locks.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>

namespace mifos::hooks::detail {

class latency_histogram {
 public:
  static constexpr int kBuckets = 28;  // 27 finite upper bounds (2^0 .. 2^26 us) and +Inf

  void record(std::chrono::nanoseconds d) noexcept;

  std::uint64_t count() const noexcept { return count_; }
  double sum_seconds() const noexcept { return static_cast<double>(sum_ns_) / 1e9; }
  double max_us() const noexcept { return static_cast<double>(max_ns_) / 1e3; }
  // Upper bound, in microseconds, of the bucket that holds quantile q (0 < q <= 1); 0 if empty.
  double quantile_us(double q) const noexcept;
  // Upper bound of bucket i in microseconds (+Inf for the last) and its (non-cumulative) count.
  static double bucket_upper_us(int i) noexcept;
  std::uint64_t bucket_count(int i) const noexcept { return buckets_[static_cast<std::size_t>(i)]; }

 private:
  std::array<std::uint64_t, kBuckets> buckets_{};
  std::uint64_t count_ = 0;
  std::uint64_t sum_ns_ = 0;
  std::uint64_t max_ns_ = 0;
};

}  // namespace mifos::hooks::detail
