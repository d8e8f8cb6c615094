// metrics_text.cpp: one HELP line, one TYPE line and the samples per metric.
#include "metrics_text.hpp"

#include <cstdio>
#include <string>
#include <string_view>

namespace mifos::hooks::detail {
namespace {

class exposition {
 public:
  void counter(std::string_view name, std::string_view help, std::uint64_t value) {
    head(name, help, "counter");
    sample(name, "", std::to_string(value));
  }
  void gauge(std::string_view name, std::string_view help, double value) {
    head(name, help, "gauge");
    sample(name, "", number(value));
  }
  // Prometheus histograms are cumulative: each bucket counts every sample at or below its bound.
  void histogram(std::string_view name, std::string_view help, const latency_histogram& h) {
    head(name, help, "histogram");
    std::uint64_t cumulative = 0;
    std::string bucket = std::string(name) + "_bucket";
    for (int i = 0; i < latency_histogram::kBuckets; ++i) {
      cumulative += h.bucket_count(i);
      if (i + 1 == latency_histogram::kBuckets) {
        sample(bucket, "le=\"+Inf\"", std::to_string(cumulative));
      } else {
        char le[48];
        std::snprintf(le, sizeof le, "le=\"%.9g\"", latency_histogram::bucket_upper_us(i) / 1e6);
        sample(bucket, le, std::to_string(cumulative));
      }
    }
    sample(std::string(name) + "_sum", "", number(h.sum_seconds()));
    sample(std::string(name) + "_count", "", std::to_string(h.count()));
  }

  std::string take() { return std::move(text_); }

 private:
  void head(std::string_view name, std::string_view help, std::string_view type) {
    text_.append("# HELP ").append(name).append(" ").append(help).append("\n");
    text_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
  }
  static std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
  }
  void sample(std::string_view name, std::string_view labels, const std::string& value) {
    text_.append(name);
    if (!labels.empty()) text_.append("{").append(labels).append("}");
    text_.append(" ").append(value).append("\n");
  }

  std::string text_;
};

}  // namespace

std::string render_metrics(const http_server_stats& server, std::uint64_t pings,
                           const pipeline_stats& p) {
  exposition x;
  x.counter("mifos_hooks_accepted_total",
            "Deliveries answered 200: handled, or queued (and journaled) for the workers.",
            p.accepted);
  x.counter("mifos_hooks_pings_total", "GET requests on a hook path answered 200.", pings);
  x.counter("mifos_hooks_rejected_total", "Requests answered 4xx (bad request, secret, ...).",
            server.answered_4xx);
  x.counter("mifos_hooks_errors_total",
            "Requests answered 5xx (handler failed inline, queue full, journal failed).",
            server.answered_5xx);
  x.counter("mifos_hooks_connections_refused_total",
            "Connections over max_connections, answered 503 and closed.",
            server.refused_connections);
  x.gauge("mifos_hooks_connections_open", "Connections open now.",
          static_cast<double>(server.open_connections));
  x.counter("mifos_hooks_handled_total", "Dispatches whose handlers all returned.", p.handled);
  x.counter("mifos_hooks_handler_failures_total",
            "Dispatches in which a handler threw, each attempt.", p.handler_failures);
  x.counter("mifos_hooks_retried_total", "Dispatches scheduled again after a failure.", p.retried);
  x.counter("mifos_hooks_dead_lettered_total",
            "Deliveries given up on and written to the dead-letter file.", p.dead_lettered);
  x.counter("mifos_hooks_deduped_total", "Duplicates answered 200 and not handled again.",
            p.deduped);
  x.counter("mifos_hooks_queue_full_total", "Deliveries answered 503 because the queue was full.",
            p.queue_full);
  x.counter("mifos_hooks_recovered_total",
            "Deliveries read back from the journal at start, not handled before.", p.recovered);
  x.gauge("mifos_hooks_queue_depth", "Deliveries accepted and not yet handled.",
          static_cast<double>(p.queue_depth));
  if (p.journal) {
    x.counter("mifos_hooks_journal_refused_total",
              "Deliveries answered 503 because the journal could not write.", p.journal_refused);
    x.counter("mifos_hooks_journal_fsyncs_total", "fdatasync calls of the journal.",
              p.journal->fsyncs);
    x.gauge("mifos_hooks_journal_checkpoint", "Highest journal sequence handled with all below.",
            static_cast<double>(p.journal->checkpoint));
    x.histogram("mifos_hooks_journal_fsync_seconds", "Duration of each journal fdatasync.",
                p.journal->fsync_latency);
  }
  return x.take();
}

}  // namespace mifos::hooks::detail
