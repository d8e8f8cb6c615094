// pacing_test.cpp: when each delivery of a play is due (play/pacing.hpp), in every mode.
#include "play/pacing.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace {

using mifos::mock::pacer;
using mifos::mock::pacing_options;

std::vector<std::int64_t> due_times(pacer& p, const std::vector<std::int64_t>& offsets) {
  std::vector<std::int64_t> out;
  for (std::int64_t offset : offsets) out.push_back(p.next(offset));
  return out;
}

TEST(PacingRecorded, FirstDeliveryIsDueAtZeroWhateverItsOffset) {
  pacer p(pacing_options::recorded());
  EXPECT_EQ(p.next(7'000'000), 0);
}

TEST(PacingRecorded, KeepsTheRecordedGapsAtSpeedOne) {
  pacer p(pacing_options::recorded());
  EXPECT_EQ(due_times(p, {1'000, 1'500, 4'500, 4'500}),
            (std::vector<std::int64_t>{0, 500, 3'500, 3'500}));
}

TEST(PacingRecorded, SpeedDividesTheGaps) {
  pacer p(pacing_options::recorded(2.0));
  EXPECT_EQ(due_times(p, {0, 1'000, 3'000}), (std::vector<std::int64_t>{0, 500, 1'500}));
}

TEST(PacingRecorded, SpeedBelowOneStretchesTheGaps) {
  pacer p(pacing_options::recorded(0.5));
  EXPECT_EQ(due_times(p, {0, 1'000}), (std::vector<std::int64_t>{0, 2'000}));
}

TEST(PacingRecorded, MaxGapCapsALongGapAfterSpeed) {
  // 10 s recorded, 5 s at speed 2, capped at 3 s; the 1 s gap (0.5 s after speed) is kept.
  pacer p(pacing_options::recorded(2.0, 3'000'000));
  EXPECT_EQ(due_times(p, {0, 10'000'000, 11'000'000}),
            (std::vector<std::int64_t>{0, 3'000'000, 3'500'000}));
}

TEST(PacingRecorded, NegativeGapCountsAsZero) {
  pacer p(pacing_options::recorded());
  EXPECT_EQ(due_times(p, {5'000, 2'000, 3'000}), (std::vector<std::int64_t>{0, 0, 1'000}));
}

TEST(PacingRecorded, RoundingEachGapDoesNotDrift) {
  // Each gap is 1 us / 3 = 0.333 us: rounded one by one it would stay at 0 forever.
  pacer p(pacing_options::recorded(3.0));
  std::int64_t due = 0;
  for (std::int64_t offset = 0; offset <= 3'000'000; ++offset) due = p.next(offset);
  EXPECT_EQ(due, 1'000'000);
}

TEST(PacingRecorded, NonPositiveSpeedCountsAsOne) {
  pacer p(pacing_options::recorded(0.0));
  EXPECT_EQ(due_times(p, {0, 1'000}), (std::vector<std::int64_t>{0, 1'000}));
}

TEST(PacingRecorded, RestartContinuesRightAfterTheLastDueTime) {
  pacer p(pacing_options::recorded());
  EXPECT_EQ(due_times(p, {100, 600}), (std::vector<std::int64_t>{0, 500}));
  p.restart_recording();
  // The loop starts over at offset 100: gap 0 to the last delivery, then the recorded gaps.
  EXPECT_EQ(due_times(p, {100, 600}), (std::vector<std::int64_t>{500, 1'000}));
}

TEST(PacingRecorded, RestartAppliesSpeedToTheNextLoop) {
  pacer p(pacing_options::recorded(4.0));
  EXPECT_EQ(due_times(p, {0, 4'000}), (std::vector<std::int64_t>{0, 1'000}));
  p.restart_recording();
  EXPECT_EQ(due_times(p, {0, 4'000}), (std::vector<std::int64_t>{1'000, 2'000}));
}

TEST(PacingRate, SpacesDeliveriesEvenlyIgnoringOffsets) {
  pacer p(pacing_options::at_rate(500));
  EXPECT_EQ(due_times(p, {9'000'000, 0, 0, 42}),
            (std::vector<std::int64_t>{0, 2'000, 4'000, 6'000}));
}

TEST(PacingRate, FractionalIntervalsRoundToTheNearestMicrosecond) {
  pacer p(pacing_options::at_rate(3));
  EXPECT_EQ(due_times(p, {0, 0, 0, 0}),
            (std::vector<std::int64_t>{0, 333'333, 666'667, 1'000'000}));
}

TEST(PacingRate, NoDriftAfterAMillionDeliveriesAtRateThree) {
  pacer p(pacing_options::at_rate(3));
  std::int64_t due = 0;
  for (int n = 0; n < 1'000'000; ++n) due = p.next(0);
  // The last of them is number 999,999: due at exactly 999,999 / 3 = 333,333 s.
  EXPECT_EQ(due, 333'333'000'000);
  // Number 1,000,000 is due at 1e6 / 3 s, rounded to the nearest microsecond.
  EXPECT_EQ(p.next(0), 333'333'333'333);
}

TEST(PacingRate, RestartDoesNotBreakTheRate) {
  pacer p(pacing_options::at_rate(1'000));
  EXPECT_EQ(due_times(p, {0, 0}), (std::vector<std::int64_t>{0, 1'000}));
  p.restart_recording();
  EXPECT_EQ(p.next(0), 2'000);
}

TEST(PacingRate, NonPositiveRateSendsAtOnce) {
  pacer p(pacing_options::at_rate(0));
  EXPECT_EQ(due_times(p, {0, 5'000}), (std::vector<std::int64_t>{0, 0}));
}

TEST(PacingMax, EveryDeliveryIsDueAtZero) {
  pacer p(pacing_options::max());
  EXPECT_EQ(due_times(p, {0, 1'000'000, 5}), (std::vector<std::int64_t>{0, 0, 0}));
  p.restart_recording();
  EXPECT_EQ(p.next(2'000'000), 0);
}

TEST(PacingOptions, FactoriesSetTheirMode) {
  EXPECT_EQ(pacing_options::recorded(2.0, 5).how, pacing_options::mode::recorded);
  EXPECT_EQ(pacing_options::recorded(2.0, 5).speed, 2.0);
  EXPECT_EQ(pacing_options::recorded(2.0, 5).max_gap_us, 5);
  EXPECT_EQ(pacing_options::at_rate(7).how, pacing_options::mode::rate);
  EXPECT_EQ(pacing_options::at_rate(7).rate, 7.0);
  EXPECT_EQ(pacing_options::max().how, pacing_options::mode::max);
}

}  // namespace
