// pacing.cpp: the due time of each delivery of a play. Pure arithmetic on the records' offsets.
//
// Rate mode computes every due time from the delivery's number (n * 1e6 / rate, rounded to the
// nearest microsecond), never by adding up rounded gaps, so a long run does not drift. Recorded
// mode adds the gaps (each divided by the speed and capped) to an unrounded running total for
// the same reason. Out-of-range options never throw: a speed that is not > 0 counts as 1, a
// rate that is not > 0 sends as fast as it can (like max), a negative max gap counts as 0.
#include "play/pacing.hpp"

#include <algorithm>
#include <cmath>

namespace mifos::mock {
namespace {

// Rounds a time in microseconds to the nearest integer, saturating instead of overflowing.
std::int64_t to_us(double exact) {
  constexpr double kMax = 9.0e18;  // just under INT64_MAX, exactly representable
  if (!(exact > 0)) return 0;      // also NaN
  if (exact >= kMax) return static_cast<std::int64_t>(kMax);
  return std::llround(exact);
}

}  // namespace

pacing_options pacing_options::recorded(double speed, std::optional<std::int64_t> max_gap_us) {
  pacing_options o;
  o.how = mode::recorded;
  o.speed = speed;
  o.max_gap_us = max_gap_us;
  return o;
}

pacing_options pacing_options::at_rate(double per_second) {
  pacing_options o;
  o.how = mode::rate;
  o.rate = per_second;
  return o;
}

pacing_options pacing_options::max() {
  pacing_options o;
  o.how = mode::max;
  return o;
}

pacer::pacer(pacing_options o) : o_(o) {
  if (!(o_.speed > 0)) o_.speed = 1.0;
  if (o_.max_gap_us && *o_.max_gap_us < 0) o_.max_gap_us = 0;
}

std::int64_t pacer::next(std::int64_t recorded_offset_us) {
  switch (o_.how) {
    case pacing_options::mode::max:
      return 0;
    case pacing_options::mode::rate: {
      if (!(o_.rate > 0)) return 0;
      const double exact = static_cast<double>(count_++) * 1e6 / o_.rate;
      last_due_ = std::max(last_due_, to_us(exact));
      return last_due_;
    }
    case pacing_options::mode::recorded:
      break;
  }
  double gap = 0;
  if (last_offset_) {
    // In double: two extreme offsets must not overflow their difference.
    gap = std::max(0.0,
                   static_cast<double>(recorded_offset_us) - static_cast<double>(*last_offset_)) /
          o_.speed;
    if (o_.max_gap_us) gap = std::min(gap, static_cast<double>(*o_.max_gap_us));
  }
  last_offset_ = recorded_offset_us;
  ++count_;
  exact_due_us_ += gap;
  last_due_ = std::max(last_due_, to_us(exact_due_us_));
  return last_due_;
}

void pacer::restart_recording() { last_offset_.reset(); }

}  // namespace mifos::mock
