// latency_histogram_test.cpp: power-of-two microsecond buckets, quantiles, max and sum.
#include "latency_histogram.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace mifos::hooks::detail {
namespace {

using std::chrono::microseconds;
using std::chrono::nanoseconds;

TEST(LatencyHistogram, BucketBoundsArePowersOfTwoMicrosecondsThenInfinity) {
  EXPECT_EQ(latency_histogram::bucket_upper_us(0), 1.0);
  EXPECT_EQ(latency_histogram::bucket_upper_us(1), 2.0);
  EXPECT_EQ(latency_histogram::bucket_upper_us(10), 1024.0);
  EXPECT_EQ(latency_histogram::bucket_upper_us(26), 67108864.0);
  EXPECT_TRUE(std::isinf(latency_histogram::bucket_upper_us(27)));
}

TEST(LatencyHistogram, DurationsLandInTheSmallestBucketThatHoldsThem) {
  latency_histogram h;
  h.record(nanoseconds(0));             // <= 1 us
  h.record(nanoseconds(1000));          // <= 1 us
  h.record(nanoseconds(1001));          // <= 2 us
  h.record(microseconds(2));            // <= 2 us
  h.record(microseconds(3));            // <= 4 us
  h.record(microseconds(340));          // <= 512 us
  h.record(microseconds(512));          // <= 512 us
  h.record(microseconds(513));          // <= 1024 us
  h.record(std::chrono::seconds(100));  // +Inf
  EXPECT_EQ(h.bucket_count(0), 2u);
  EXPECT_EQ(h.bucket_count(1), 2u);
  EXPECT_EQ(h.bucket_count(2), 1u);
  EXPECT_EQ(h.bucket_count(9), 2u);
  EXPECT_EQ(h.bucket_count(10), 1u);
  EXPECT_EQ(h.bucket_count(27), 1u);
  EXPECT_EQ(h.count(), 9u);
}

TEST(LatencyHistogram, NegativeDurationsCountAsZero) {
  latency_histogram h;
  h.record(nanoseconds(-5));
  EXPECT_EQ(h.bucket_count(0), 1u);
  EXPECT_EQ(h.sum_seconds(), 0.0);
}

TEST(LatencyHistogram, QuantileIsTheUpperBoundOfTheBucketHoldingIt) {
  latency_histogram h;
  for (int i = 0; i < 90; ++i) h.record(microseconds(3));    // <= 4 us
  for (int i = 0; i < 10; ++i) h.record(microseconds(300));  // <= 512 us
  EXPECT_EQ(h.quantile_us(0.5), 4.0);
  EXPECT_EQ(h.quantile_us(0.9), 4.0);
  EXPECT_EQ(h.quantile_us(0.91), 512.0);
  EXPECT_EQ(h.quantile_us(1.0), 512.0);
}

TEST(LatencyHistogram, QuantileOfAnEmptyHistogramIsZero) {
  EXPECT_EQ(latency_histogram{}.quantile_us(0.99), 0.0);
}

TEST(LatencyHistogram, QuantileInTheInfiniteBucketIsTheLargestSample) {
  latency_histogram h;
  h.record(std::chrono::seconds(100));
  EXPECT_EQ(h.quantile_us(0.99), 100e6);
}

TEST(LatencyHistogram, TracksMaxAndSum) {
  latency_histogram h;
  h.record(microseconds(250));
  h.record(std::chrono::milliseconds(2));
  h.record(microseconds(750));
  EXPECT_EQ(h.max_us(), 2000.0);
  EXPECT_DOUBLE_EQ(h.sum_seconds(), 0.003);
  EXPECT_EQ(h.count(), 3u);
}

TEST(LatencyHistogram, CopiesAreIndependent) {
  latency_histogram a;
  a.record(microseconds(1));
  latency_histogram b = a;
  b.record(microseconds(1));
  EXPECT_EQ(a.count(), 1u);
  EXPECT_EQ(b.count(), 2u);
}

}  // namespace
}  // namespace mifos::hooks::detail
