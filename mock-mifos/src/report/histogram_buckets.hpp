// histogram_buckets.hpp: the bucket layout of percentile_histogram, shared with the charts that
// draw its buckets. Internal to play/.
//
// Log-linear, as HdrHistogram: values below 128 us have a bucket each; above, every power of two
// is cut into 128 equal buckets, so a bucket is at most 1/128 (< 1%) of its values wide.
//
//   auto i = detail::bucket_of(1234);   // the bucket holding 1234 us
//   detail::bucket_lower(i);            // 1232
//   detail::bucket_upper(i);            // 1239
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

namespace mifos::mock::detail {

inline constexpr int kSubBucketBits = 7;
inline constexpr std::int64_t kSubBuckets = std::int64_t{1} << kSubBucketBits;  // 128
inline constexpr std::int64_t kMinLatencyUs = 1;
inline constexpr std::int64_t kMaxLatencyUs = 3'600'000'000;  // 1 hour
// 2^31 <= 1 h < 2^32: powers of two 7..31 above the 128 exact buckets.
inline constexpr std::size_t kBucketCount = kSubBuckets + (32 - kSubBucketBits) * kSubBuckets;

constexpr std::size_t bucket_of(std::int64_t us) noexcept {
  if (us < kSubBuckets) return static_cast<std::size_t>(us);
  const auto v = static_cast<std::uint64_t>(us);
  const int exponent = static_cast<int>(std::bit_width(v)) - 1;  // >= kSubBucketBits
  const int shift = exponent - kSubBucketBits;
  const auto sub = static_cast<std::int64_t>(v >> shift) - kSubBuckets;  // 0..127
  return static_cast<std::size_t>(kSubBuckets + (shift * kSubBuckets) + sub);
}

constexpr std::int64_t bucket_lower(std::size_t index) noexcept {
  const auto i = static_cast<std::int64_t>(index);
  if (i < kSubBuckets) return i;
  const std::int64_t shift = (i - kSubBuckets) / kSubBuckets;
  const std::int64_t sub = (i - kSubBuckets) % kSubBuckets;
  return (kSubBuckets + sub) << shift;
}

// The largest value the bucket holds.
constexpr std::int64_t bucket_upper(std::size_t index) noexcept {
  const auto i = static_cast<std::int64_t>(index);
  if (i < kSubBuckets) return i;
  const std::int64_t shift = (i - kSubBuckets) / kSubBuckets;
  return bucket_lower(index) + (std::int64_t{1} << shift) - 1;
}

static_assert(bucket_of(kMaxLatencyUs) < kBucketCount);
static_assert(bucket_of(127) == 127 && bucket_of(128) == 128 && bucket_of(255) == 255);
static_assert(bucket_of(256) == 256 && bucket_of(257) == 256 && bucket_upper(256) == 257);

}  // namespace mifos::mock::detail
