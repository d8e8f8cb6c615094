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

// Which known headers have each name length: most headers of a delivery (Host, Accept-Encoding,
// User-Agent...) are rejected by one table lookup, without comparing a single byte.
constexpr std::size_t kMaxNameLength = 32;
constexpr auto kByLength = [] {
  std::array<std::uint32_t, kMaxNameLength + 1> bits{};
  for (std::size_t i = 0; i < kKnown.size(); ++i) bits[kKnown[i].name.size()] |= 1u << i;
  return bits;
}();

}  // namespace

hook_headers read_hook_headers(const delivery& d) noexcept {
  std::array<std::optional<std::string_view>, kSlots> found{};
  std::array<bool, kSlots> from_fineract{};
  for (const auto& h : d.headers) {
    if (h.name.size() > kMaxNameLength) continue;
    std::uint32_t candidates = kByLength[h.name.size()];
    for (std::size_t i = 0; candidates != 0; ++i, candidates >>= 1) {
      if ((candidates & 1u) == 0) continue;
      const known_header& k = kKnown[i];
      if (!iequals(h.name, k.name)) continue;
      auto& value = found[k.where];
      if (!value || (k.fineract && !from_fineract[k.where])) {
        value = h.value;
        from_fineract[k.where] = k.fineract;
      }
      break;
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
