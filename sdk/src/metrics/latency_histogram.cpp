// latency_histogram.cpp: power-of-two microsecond buckets; the bucket of a duration is found
// with a bit count, so record() is a handful of instructions.
#include "latency_histogram.hpp"

#include <bit>
#include <cmath>
#include <limits>

namespace mifos::hooks::detail {
namespace {

constexpr int kLastFinite = latency_histogram::kBuckets - 2;  // the <= 2^26 us bucket

int bucket_of(std::uint64_t ns) noexcept {
  const std::uint64_t us_ceiling = (ns + 999) / 1000;
  if (us_ceiling <= 1) return 0;
  // The smallest i with us_ceiling <= 2^i.
  const int i = static_cast<int>(std::bit_width(us_ceiling - 1));
  return i > kLastFinite ? kLastFinite + 1 : i;
}

}  // namespace

void latency_histogram::record(std::chrono::nanoseconds d) noexcept {
  const std::uint64_t ns = d.count() < 0 ? 0 : static_cast<std::uint64_t>(d.count());
  ++buckets_[static_cast<std::size_t>(bucket_of(ns))];
  ++count_;
  sum_ns_ += ns;
  if (ns > max_ns_) max_ns_ = ns;
}

double latency_histogram::bucket_upper_us(int i) noexcept {
  if (i > kLastFinite) return std::numeric_limits<double>::infinity();
  return std::ldexp(1.0, i < 0 ? 0 : i);
}

double latency_histogram::quantile_us(double q) const noexcept {
  if (count_ == 0) return 0;
  // The rank of the sample that holds quantile q, 1-based; NaN and q <= 0 mean the first.
  const double wanted = std::ceil((q > 1 ? 1.0 : q) * static_cast<double>(count_));
  const std::uint64_t rank = wanted >= 1 ? static_cast<std::uint64_t>(wanted) : 1;
  std::uint64_t seen = 0;
  for (int i = 0; i < kBuckets; ++i) {
    seen += buckets_[static_cast<std::size_t>(i)];
    if (seen < rank) continue;
    // The +Inf bucket has no finite bound: the largest sample is the tightest true one.
    return i > kLastFinite ? max_us() : bucket_upper_us(i);
  }
  return max_us();
}

}  // namespace mifos::hooks::detail
