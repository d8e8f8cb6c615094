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

// Length, first and last letter (case folded) of a name: distinct for every known header, so a
// delivery's other headers (Host, Content-Length, User-Agent...) are rejected by comparing one
// integer per known name, and a match needs one full comparison.
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

constexpr bool signatures_distinct() {
  for (std::size_t i = 0; i < kSignatures.size(); ++i)
    for (std::size_t j = i + 1; j < kSignatures.size(); ++j)
      if (kSignatures[i] == kSignatures[j]) return false;
  return true;
}
static_assert(signatures_distinct(), "two known header names share a signature");

}  // namespace

hook_headers read_hook_headers(const delivery& d) noexcept {
  std::array<std::optional<std::string_view>, kSlots> found{};
  std::array<bool, kSlots> from_fineract{};
  for (const auto& h : d.headers) {
    const std::uint32_t sig = signature(h.name);
    for (std::size_t i = 0; i < kKnown.size(); ++i) {
      if (kSignatures[i] != sig) continue;
      const known_header& k = kKnown[i];
      if (iequals(h.name, k.name)) {
        auto& value = found[k.where];
        if (!value || (k.fineract && !from_fineract[k.where])) {
          value = h.value;
          from_fineract[k.where] = k.fineract;
        }
      }
      break;  // signatures are distinct: no other known name can match
    }
  }
  hook_headers out;
  out.entity = found[entity];
  out.action = found[action];
  out.tenant = found[tenant];
  out.endpoint = found[endpoint];
  out.api_key = found[api_key];
  out.content_type = found[content_type];
  out.dialect = (found[entity] && !from_fineract[entity]) ? wire_dialect::mifos
                                                          : wire_dialect::fineract;
  return out;
}

}  // namespace mifos::hooks::detail
