// hook_headers.hpp: the headers a hook delivery is read by, found in one pass.
//
// Each value is the header of its name in either family; where both families carry one,
// Fineract's wins. The dialect is the family of the entity header. A header repeated with
// another value is named in `conflict`: which one a proxy in front acted on is unknown, so the
// delivery is refused rather than read one way.
//
//   auto h = detail::read_hook_headers(d);
//   if (!h.entity) return missing_entity;
#pragma once

#include <optional>
#include <string_view>

#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/wire.hpp"

namespace mifos::hooks::detail {

struct hook_headers {
  std::optional<std::string_view> entity, action, tenant, endpoint, api_key, content_type;
  wire_dialect dialect = wire_dialect::fineract;
  std::optional<std::string_view> conflict;  // the name of a header repeated with another value
};

hook_headers read_hook_headers(const delivery& d) noexcept;

}  // namespace mifos::hooks::detail
