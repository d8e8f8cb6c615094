#include "hook_headers.hpp"

#include <array>
#include <cstdint>

namespace mifos::hooks::detail {
namespace {

enum slot { entity, action, tenant, endpoint, api_key, content_type, kSlots };

struct known_header {
  std::string_view name;
  slot where;
  bool fineract;  // the Fineract family outranks the Mifos X one
};

constexpr std::array kKnown = {
    known_header{wire::kFineractHeaders.entity, entity, true},
    known_header{wire::kFineractHeaders.action, action, true},
    known_header{wire::kFineractHeaders.tenant, tenant, true},
    known_header{wire::kFineractHeaders.endpoint, endpoint, true},
    known_header{wire::kFineractHeaders.api_key, api_key, true},
    known_header{wire::kMifosHeaders.entity, entity, false},
    known_header{wire::kMifosHeaders.action, action, false},
    known_header{wire::kMifosHeaders.tenant, tenant, false},
    known_header{wire::kMifosHeaders.endpoint, endpoint, false},
    known_header{wire::kMifosHeaders.api_key, api_key, false},
    // Seen from some proxies and older docs: the tenant header with an "X-".
    known_header{"X-Fineract-Platform-TenantId", tenant, false},
    known_header{"Content-Type", content_type, true},
};

// Length, first and last letter (case folded) of a name: distinct for every known header (the
// perfect hash below fails to compile otherwise), so a match needs one full comparison.
constexpr std::uint32_t signature(std::string_view name) noexcept {
  if (name.empty() || name.size() > 255) return 0;
  auto first = static_cast<std::uint32_t>(static_cast<unsigned char>(name.front()) | 0x20u);
  auto last = static_cast<std::uint32_t>(static_cast<unsigned char>(name.back()) | 0x20u);
  return static_cast<std::uint32_t>(name.size()) | first << 8 | last << 16;
}

constexpr auto kSignatures = [] {
  std::array<std::uint32_t, kKnown.size()> out{};
  for (std::size_t i = 0; i < kKnown.size(); ++i) out[i] = signature(kKnown[i].name);
  return out;
}();

// A perfect hash of the signatures into 64 slots, its multiplier found at compile time: one
// multiply and one compare tell whether a header can be one of ours.
constexpr int kSlotBits = 6;
constexpr std::size_t slot_of(std::uint32_t sig, std::uint64_t multiplier) noexcept {
  return static_cast<std::size_t>((sig * multiplier) >> (64 - kSlotBits));
}

constexpr std::uint64_t find_multiplier() {
  for (std::uint64_t seed = 1;; ++seed) {
    std::uint64_t m = seed * 0x9E3779B97F4A7C15ull;  // splitmix64's finalizer spreads the tries
    m = (m ^ (m >> 30)) * 0xBF58476D1CE4E5B9ull;
    m = ((m ^ (m >> 27)) * 0x94D049BB133111EBull) | 1u;
    std::array<bool, 1u << kSlotBits> used{};
    bool ok = true;
    for (auto sig : kSignatures) {
      auto slot = slot_of(sig, m);
      if (used[slot]) ok = false;
      used[slot] = true;
    }
    if (ok) return m;
  }
}
constexpr std::uint64_t kMultiplier = find_multiplier();

struct slot_entry {
  std::uint32_t sig = 0;      // 0: no known header hashes here
  std::uint8_t known = 0xff;  // index into kKnown
};

constexpr auto kSlotTable = [] {
  std::array<slot_entry, 1u << kSlotBits> table{};
  for (std::size_t i = 0; i < kKnown.size(); ++i)
    table[slot_of(kSignatures[i], kMultiplier)] = {kSignatures[i], static_cast<std::uint8_t>(i)};
  return table;
}();

}  // namespace

hook_headers read_hook_headers(const delivery& d) noexcept {
  std::array<std::optional<std::string_view>, kSlots> found{};
  std::array<bool, kSlots> from_fineract{};
  std::array<std::optional<std::string_view>, kKnown.size()> first_of_name{};
  std::optional<std::string_view> conflict;
  for (const auto& h : d.headers) {
    const std::uint32_t sig = signature(h.name);
    const slot_entry& candidate = kSlotTable[slot_of(sig, kMultiplier)];
    if (candidate.sig != sig || sig == 0) continue;
    const known_header& k = kKnown[candidate.known];
    if (!iequals(h.name, k.name)) continue;
    auto& first = first_of_name[candidate.known];
    if (first && *first != h.value && !conflict) conflict = k.name;
    if (!first) first = h.value;
    auto& value = found[k.where];
    if (!value || (k.fineract && !from_fineract[k.where])) {
      value = h.value;
      from_fineract[k.where] = k.fineract;
    }
  }
  hook_headers out;
  out.entity = found[entity];
  out.action = found[action];
  out.tenant = found[tenant];
  out.endpoint = found[endpoint];
  out.api_key = found[api_key];
  out.content_type = found[content_type];
  out.conflict = conflict;
  out.dialect =
      (found[entity] && !from_fineract[entity]) ? wire_dialect::mifos : wire_dialect::fineract;
  return out;
}

}  // namespace mifos::hooks::detail
