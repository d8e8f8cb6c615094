// faults.hpp: the faults a play injects, decided per delivery from a seed, so a run can be
// repeated exactly. Each fault is given as a probability ("0.05") or a window of the run's time
// ("10s-20s": every delivery due in that window).
//
//   fault_injector faults(options);            // options.seed and one fault_spec per fault
//   fault_plan plan = faults.plan_for(index, due_us);
//   if (plan.drop) { ++dropped; continue; }
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include <mifos/hooks/delivery.hpp>

namespace mifos::mock {

struct fault_spec {
  double probability = 0;                  // 0..1
  std::optional<std::int64_t> from_us, to_us;  // a window instead: [from, to)
  bool active() const noexcept { return probability > 0 || from_us.has_value(); }
};

// "0.05", "5%", or "10s-20s" / "500ms-2s"; an error message otherwise.
std::variant<fault_spec, std::string> parse_fault_spec(const std::string& flag,
                                                       const std::string& text);

enum class malformation { none, truncated_body, wrong_content_type, missing_entity_header };

struct fault_options {
  std::uint64_t seed = 1;
  fault_spec duplicate, reorder, delay, drop, malform, disconnect;
  std::int64_t delay_us = 1'000'000;  // how long a delayed delivery waits (--delay-by)
};

struct fault_plan {
  bool drop = false;        // counted, never sent
  bool duplicate = false;   // sent twice in a row
  bool reorder = false;     // held back and sent after the next delivery
  std::int64_t delay_us = 0;
  malformation malform = malformation::none;
  bool disconnect = false;  // the connection is closed mid-body
};

class fault_injector {
 public:
  explicit fault_injector(fault_options o);
  // The faults of delivery number `index` (from 0), due at `due_us`. The same options and index
  // always give the same plan. A dropped delivery gets no other fault.
  fault_plan plan_for(std::uint64_t index, std::int64_t due_us) const;
  const fault_options& options() const noexcept { return o_; }

 private:
  fault_options o_;
};

// `d` made malformed: the body cut in half (Content-Length kept, so it no longer matches),
// Content-Type text/plain, or the entity header (both families) removed.
hooks::delivery malformed(const hooks::delivery& d, malformation how);

}  // namespace mifos::mock
