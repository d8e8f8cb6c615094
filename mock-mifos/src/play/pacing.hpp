// pacing.hpp: when each delivery of a play should leave, as a pure function of the records.
//
//   --pace recorded --speed 2 --max-gap 5s   the recorded gaps, halved, none longer than 5 s
//   --rate 500                               500 per second, evenly spaced (open model)
//   --rate max                               as fast as the connections allow
//
//   pacer p(pacing_options::at_rate(500));
//   std::int64_t due = p.next(record.offset_us);   // microseconds from the start of the run
#pragma once

#include <cstdint>
#include <optional>

namespace mifos::mock {

struct pacing_options {
  enum class mode { recorded, rate, max };
  mode how = mode::recorded;
  double speed = 1.0;                      // recorded: gaps divided by this (> 0)
  std::optional<std::int64_t> max_gap_us;  // recorded: no gap longer than this (after speed)
  double rate = 0;                         // rate: deliveries per second (> 0)

  static pacing_options recorded(double speed = 1.0, std::optional<std::int64_t> max_gap_us = {});
  static pacing_options at_rate(double per_second);
  static pacing_options max();
};

class pacer {
 public:
  explicit pacer(pacing_options o);
  // The intended send time of the next delivery, given its recorded offset. Never decreases.
  // recorded: the first delivery is due at 0, each next one after its recorded gap (a negative
  // gap counts as 0); rate: the n-th (from 0) at n / rate seconds; max: always 0 (send when a
  // connection is free).
  std::int64_t next(std::int64_t recorded_offset_us);
  // Start over (for --loop): the next delivery continues right after the last one.
  void restart_recording();

 private:
  pacing_options o_;
  std::uint64_t count_ = 0;
  std::optional<std::int64_t> last_offset_;
  std::int64_t last_due_ = 0;
  // recorded: the due time before rounding, so rounding each gap / speed never adds up to drift.
  double exact_due_us_ = 0;
};

}  // namespace mifos::mock
