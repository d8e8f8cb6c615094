// metrics_text.hpp: the receiver's counters in the Prometheus text exposition format (0.0.4).
//
//   std::string body = detail::render_metrics(server.stats(), pings, pipeline.stats());
//   // # HELP mifos_hooks_accepted_total Deliveries answered 200 ...
//   // # TYPE mifos_hooks_accepted_total counter
//   // mifos_hooks_accepted_total 1042
//
// Served by the receiver's admin port as GET /metrics (text/plain; version=0.0.4).
#pragma once

#include <cstdint>
#include <string>

#include "delivery_pipeline.hpp"
#include "mifos/hooks/http_server.hpp"

namespace mifos::hooks::detail {

inline constexpr const char* kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

std::string render_metrics(const http_server_stats& server, std::uint64_t pings,
                           const pipeline_stats& pipeline);

}  // namespace mifos::hooks::detail
