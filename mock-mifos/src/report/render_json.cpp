// render_json.cpp: the report for programs (--report-json). The keys below are part of the CLI's
// interface: add keys freely, never rename or remove one.
//
//   {
//     "sent": 1000,                  results counted (every answered or failed send, duplicates
//                                    included; drops are not sent)
//     "elapsed_us": 20000000,        the run's wall time
//     "achieved_rate": 50.0,         sent per second of elapsed time
//     "asked_rate": 50.0,            --rate N, or null for paced and max runs
//     "errors": 3,                   results with no response or a 4xx/5xx status
//     "status": {"200": 997, "0": 3},          count per status; "0" = no response
//     "events": {"LOAN.REPAYMENT": {"200": 500, "total": 500}},  per entity.action ("-": none)
//     "latency_us": {"count", "min", "mean", "p50", "p90", "p99", "p99_9", "max"},
//                                    microseconds from the intended send time to the answer
//     "send_lag_us": {"p50", "p99", "max"}: actual minus intended send time (open-model runs),
//     "faults": {"dropped", "duplicated", "malformed", "disconnected"},
//     "histogram": [{"le_us": 1239, "count": 57}, ...],   non-empty latency buckets, ascending;
//                                    le_us is the largest value the bucket holds
//     "timeline": [{"second": 0, "count": 50, "p99_us": 1234}, ...]  seconds with traffic
//   }
#include "report/report.hpp"
#include "report/report_figures.hpp"

namespace mifos::mock {

nlohmann::ordered_json render_json(const play_report& r) {
  using json = nlohmann::ordered_json;
  json out = json::object();
  out["sent"] = r.sent();
  out["elapsed_us"] = r.elapsed_us();
  out["achieved_rate"] = r.achieved_rate();
  out["asked_rate"] = r.asked_rate() ? json(*r.asked_rate()) : json(nullptr);
  out["errors"] = detail::errors(r);

  json& status = out["status"] = json::object();
  for (const auto& [code, count] : r.per_status()) status[std::to_string(code)] = count;

  json& events = out["events"] = json::object();
  for (const auto& [event, counts] : r.per_event()) {
    json e = json::object();
    std::uint64_t total = 0;
    for (const auto& [code, count] : counts) {
      e[std::to_string(code)] = count;
      total += count;
    }
    e["total"] = total;
    events[event] = std::move(e);
  }

  const percentile_histogram& h = r.latencies();
  json& latency = out["latency_us"] = json::object();
  latency["count"] = h.count();
  latency["min"] = h.min();
  latency["mean"] = h.mean();
  for (const auto& f : detail::latency_figures(r)) latency[f.json_key] = f.us;

  const percentile_histogram& lag = r.send_lags();
  if (lag.count() > 0) {
    out["send_lag_us"] = {
        {"p50", lag.percentile(50)}, {"p99", lag.percentile(99)}, {"max", lag.max()}};
  }

  out["faults"] = {{"dropped", r.dropped()},
                   {"duplicated", r.duplicated()},
                   {"malformed", r.malformed()},
                   {"disconnected", r.disconnected()}};

  json& histogram = out["histogram"] = json::array();
  for (const auto& [upper, count] : h.buckets())
    histogram.push_back({{"le_us", upper}, {"count", count}});

  json& timeline = out["timeline"] = json::array();
  for (const auto& s : r.timeline())
    timeline.push_back({{"second", s.at_s}, {"count", s.count}, {"p99_us", s.p99_us}});
  return out;
}

}  // namespace mifos::mock
