// receiver.cpp: the hook receiver is the embedded HTTP server with screen() as its front and a
// delivery pipeline behind it, plus an optional admin server for health and metrics.
#include "mifos/hooks/receiver.hpp"

#include <atomic>
#include <mutex>
#include <utility>

#include "delivery_pipeline.hpp"
#include "metrics_text.hpp"
#include "mifos/hooks/answer.hpp"
#include "mifos/hooks/http_server.hpp"

namespace mifos::hooks {
namespace {

http_server_options admin_options(const receiver_options& o) {
  http_server_options s;
  s.address = o.admin_address;
  s.port = o.admin_port.value_or(0);
  s.threads = 1;
  return s;
}

http_answer answer_for(detail::admit_result r) {
  switch (r) {
    case detail::admit_result::accepted:
      return status_answer("accepted");
    case detail::admit_result::duplicate:
      return status_answer("duplicate");
    case detail::admit_result::handler_failed:
      return error_answer(500, "a handler failed");
    case detail::admit_result::queue_full:
      return error_answer(503, "too many deliveries waiting; try again later");
    case detail::admit_result::journal_failed:
      return error_answer(503, "cannot store the delivery");
  }
  return error_answer(500, "internal error");
}

}  // namespace

struct receiver::impl {
  impl(router r, receiver_options o) : routes(std::move(r)), options(std::move(o)) {}

  const router routes;
  const receiver_options options;
  std::atomic<std::uint64_t> pings{0};
  std::mutex lifecycle;
  bool running = false;
  // Made by start(), kept after stop() so that stats() still tells what happened.
  std::unique_ptr<detail::delivery_pipeline> pipeline;
  // Their threads use the members above until they are destroyed.
  http_server server = options.journal_dir.empty() ? http_server(serving(), options)
                                                   : http_server(serving_journaled(), options);
  std::unique_ptr<http_server> admin;

  http_handler serving() {
    return [this](const delivery& d) {
      auto screened = screen(d, options);
      if (!screened) return answered(screened.error());
      return answer_for(pipeline->admit(d, std::move(*screened)));
    };
  }

  // With a journal, a serving thread does not wait for the fsync: the answer is sent by the
  // journal's flusher once the delivery is on disk, so one fsync answers every request it holds.
  http_async_handler serving_journaled() {
    return [this](const delivery& d, http_reply reply) {
      auto screened = screen(d, options);
      if (!screened) {
        reply.send(answered(screened.error()));
        return;
      }
      pipeline->admit(d, std::move(*screened),
                      [reply](detail::admit_result r) { reply.send(answer_for(r)); });
    };
  }

  http_answer answered(http_answer a) {
    if (a.status < 400) ++pings;
    return a;
  }

  http_answer serve_admin(const delivery& d) {
    if (d.method != "GET" && d.method != "HEAD") {
      http_answer a = error_answer(405, "use GET");
      a.headers.push_back({"Allow", "GET, HEAD"});
      return a;
    }
    if (d.path() == "/healthz") {
      if (pipeline && pipeline->healthy()) return status_answer("ok");
      return error_answer(503, "the journal cannot write");
    }
    if (d.path() == "/metrics") {
      return {200, detail::render_metrics(server.stats(), pings, pipeline->stats()),
              detail::kMetricsContentType};
    }
    return error_answer(404, "try /healthz or /metrics");
  }
};

receiver::receiver(router r, receiver_options options)
    : impl_(std::make_unique<impl>(std::move(r), std::move(options))) {}

receiver::~receiver() { stop(); }

void receiver::start() {
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->running) return;
  impl_->pipeline.reset();  // a restart reopens the journal and recovers it
  auto pipeline = std::make_unique<detail::delivery_pipeline>(impl_->routes, impl_->options);
  pipeline->start();
  impl_->pipeline = std::move(pipeline);
  try {
    if (impl_->options.admin_port) {
      impl_->admin =
          std::make_unique<http_server>([this](const delivery& d) { return impl_->serve_admin(d); },
                                        admin_options(impl_->options));
      impl_->admin->start();
    }
    impl_->server.start();
    impl_->running = true;
  } catch (const std::runtime_error& e) {
    if (impl_->admin) impl_->admin->stop();
    impl_->admin.reset();
    impl_->pipeline->stop();
    impl_->pipeline.reset();
    // Keep the receiver's name in the message users see.
    std::string what = e.what();
    const std::string prefix = "mifos::hooks::http_server";
    if (what.rfind(prefix, 0) == 0) what = "mifos::hooks::receiver" + what.substr(prefix.size());
    throw std::runtime_error(what);
  }
}

std::uint16_t receiver::port() const { return impl_->server.port(); }

std::uint16_t receiver::admin_port() const { return impl_->admin ? impl_->admin->port() : 0; }

void receiver::stop() {
  std::lock_guard lock(impl_->lifecycle);
  if (!impl_->running) return;
  impl_->running = false;
  impl_->server.stop();  // requests in flight get their answer first
  impl_->pipeline->stop();
  if (impl_->admin) impl_->admin->stop();
}

void receiver::wait_for_signal() {
  impl_->server.wait_for_signal();
  stop();
}

receiver_stats receiver::stats() const {
  http_server_stats s = impl_->server.stats();
  receiver_stats r;
  r.pings = impl_->pings.load();
  r.rejected = s.answered_4xx;
  r.errors = s.answered_5xx;
  if (!impl_->pipeline) return r;
  detail::pipeline_stats p = impl_->pipeline->stats();
  r.accepted = p.accepted;
  r.handled = p.handled;
  r.handler_failures = p.handler_failures;
  r.retried = p.retried;
  r.dead_lettered = p.dead_lettered;
  r.deduped = p.deduped;
  r.queue_full = p.queue_full;
  r.recovered = p.recovered;
  r.queue_depth = p.queue_depth;
  if (p.journal) {
    r.journal_fsyncs = p.journal->fsyncs;
    r.journal_fsync_p99_us = p.journal->fsync_latency.quantile_us(0.99);
  }
  return r;
}

const receiver_options& receiver::options() const noexcept { return impl_->options; }

}  // namespace mifos::hooks
