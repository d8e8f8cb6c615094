// faults.cpp: the fault plan of each delivery and the malformed deliveries.
//
// Every decision is a pure function of (seed, index, fault kind): a hash, not a shared random
// sequence, so the plan of delivery n does not depend on which plans were asked for before it
// (a looped or filtered run, or a player that asks twice, sees the same faults).
#include "play/faults.hpp"

#include <mifos/hooks/wire.hpp>
#include <string_view>
#include <vector>

namespace mifos::mock {
namespace {

// One tag per decision, so the decisions for one delivery are independent of each other.
enum class decision : std::uint64_t {
  drop = 1,
  duplicate,
  reorder,
  delay,
  malform,
  malform_kind,
  disconnect
};

// splitmix64's finalizer: a bijection that spreads every input bit over the output.
constexpr std::uint64_t mix(std::uint64_t z) noexcept {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t hash(std::uint64_t seed, std::uint64_t index, decision d) noexcept {
  return mix(mix(mix(seed) ^ index) ^ static_cast<std::uint64_t>(d));
}

// Uniform in [0, 1) from the top 53 bits.
double uniform(std::uint64_t h) noexcept {
  return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);
}

// A window takes every delivery due inside it (or, if a probability is given too, that share of
// them); outside it, none.
bool fires(const fault_spec& spec, std::uint64_t seed, std::uint64_t index, std::int64_t due_us,
           decision d) {
  if (spec.from_us) {
    const bool inside = due_us >= *spec.from_us && (!spec.to_us || due_us < *spec.to_us);
    if (!inside) return false;
    if (spec.probability <= 0) return true;
  }
  if (spec.probability <= 0) return false;
  if (spec.probability >= 1) return true;
  return uniform(hash(seed, index, d)) < spec.probability;
}

bool is_header(const hooks::header_field& h, std::string_view name) {
  return hooks::iequals(h.name, name);
}

// The first `name` header gets `value` where it stands (or one is added); later copies go, so no
// other value remains for a receiver to pick.
void set_header(hooks::delivery& d, std::string_view name, const std::string& value) {
  std::vector<hooks::header_field> kept;
  bool seen = false;
  for (auto& h : d.headers) {
    if (!is_header(h, name)) {
      kept.push_back(std::move(h));
    } else if (!seen) {
      seen = true;
      kept.push_back({std::move(h.name), value});
    }
  }
  if (!seen) kept.push_back({std::string(name), value});
  d.headers = std::move(kept);
}

}  // namespace

fault_injector::fault_injector(fault_options o) : o_(o) {}

fault_plan fault_injector::plan_for(std::uint64_t index, std::int64_t due_us) const {
  fault_plan plan;
  const std::uint64_t seed = o_.seed;
  if (fires(o_.drop, seed, index, due_us, decision::drop)) {
    plan.drop = true;  // never sent, so nothing else can happen to it
    return plan;
  }
  plan.duplicate = fires(o_.duplicate, seed, index, due_us, decision::duplicate);
  plan.reorder = fires(o_.reorder, seed, index, due_us, decision::reorder);
  if (fires(o_.delay, seed, index, due_us, decision::delay)) plan.delay_us = o_.delay_us;
  if (fires(o_.malform, seed, index, due_us, decision::malform)) {
    constexpr malformation kinds[] = {malformation::truncated_body,
                                      malformation::wrong_content_type,
                                      malformation::missing_entity_header};
    plan.malform = kinds[hash(seed, index, decision::malform_kind) % 3];
  }
  plan.disconnect = fires(o_.disconnect, seed, index, due_us, decision::disconnect);
  return plan;
}

hooks::delivery malformed(const hooks::delivery& d, malformation how) {
  hooks::delivery out = d;
  switch (how) {
    case malformation::none:
      break;
    case malformation::truncated_body: {
      // The length the complete body had stays announced: the receiver gets fewer bytes than
      // Content-Length says.
      const std::string length = std::to_string(d.body.size());
      bool has_length = false;
      for (const auto& h : out.headers) has_length = has_length || is_header(h, "Content-Length");
      if (!has_length) out.headers.push_back({"Content-Length", length});
      out.body.resize(d.body.size() / 2);
      break;
    }
    case malformation::wrong_content_type:
      set_header(out, "Content-Type", "text/plain");
      break;
    case malformation::missing_entity_header: {
      const std::string_view fineract = hooks::wire::kFineractHeaders.entity;
      const std::string_view mifos = hooks::wire::kMifosHeaders.entity;
      std::erase_if(out.headers, [&](const hooks::header_field& h) {
        return is_header(h, fineract) || is_header(h, mifos);
      });
      break;
    }
  }
  return out;
}

}  // namespace mifos::mock
