// rewrite.hpp: what a play changes in each recorded delivery before sending it.
//
//   rewrite_options r;
//   r.path = "/hooks/";                      // --rewrite-path
//   r.tenant = "other";                      // --rewrite-tenant
//   r.dialect = hooks::wire_dialect::mifos;  // --rewrite-dialect: replay a Fineract recording as
//                                            // Mifos X traffic (and back)
//   hooks::delivery out = rewrite(recorded, r);
#pragma once

#include <optional>
#include <string>

#include <mifos/hooks/delivery.hpp>
#include <mifos/hooks/wire.hpp>

namespace mifos::mock {

struct rewrite_options {
  std::optional<std::string> path;    // the request target (path and query) to use instead
  std::optional<std::string> tenant;  // the tenant header's value (either family)
  // Another header family and body shape: fineract -> X-Fineract-* headers and the envelope;
  // mifos -> X-Mifos-* headers and the bare command result (a failure delivery has none: it is
  // kept as it is). JSON stays JSON, form stays form.
  std::optional<hooks::wire_dialect> dialect;

  bool any() const noexcept { return path || tenant || dialect; }
};

// Never throws on bad input: a delivery the SDK cannot parse keeps its body and only gets its
// headers, path and tenant rewritten. Content-Length follows the new body.
hooks::delivery rewrite(const hooks::delivery& d, const rewrite_options& r);

}  // namespace mifos::mock
