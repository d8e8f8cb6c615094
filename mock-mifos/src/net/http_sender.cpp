// http_sender.cpp: send_once and the async_sender pool. Both send through the SDK's
// http_session, which puts the request on the wire as given (no Accept, Expect or User-Agent of
// its own; see http_client.hpp), so a delivery looks the same whichever way it goes. Nothing here
// retries: Fineract sends each event once, on a fresh thread, and forgets it.
#include "net/http_sender.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mifos/hooks/http_client.hpp>
#include <mutex>
#include <set>
#include <thread>
#include <utility>
#include <vector>

namespace mifos::mock {
namespace {

// A huge answer is cut here rather than aborted, which would close the keep-alive connection.
constexpr std::size_t kMaxAnswerBody = 64 * 1024;

hooks::http_session open_session(const send_options& options) {
  hooks::http_client_options o;
  o.connect_timeout = options.connect_timeout;
  o.timeout = options.total_timeout;
  o.user_agent.clear();  // a delivery carries its own User-Agent, or none
  // The mock must hit exactly the URL it was given: a proxy from the environment would reroute
  // (and rewrite) every delivery.
  o.use_environment_proxy = false;
  o.max_body = kMaxAnswerBody;
  o.truncate_large_body = true;
  return hooks::http_session(std::move(o));
}

send_result send_with(hooks::http_session& session, const std::string& origin,
                      const hooks::delivery& d) {
  send_result r;
  if (d.target.empty() || d.target.front() != '/') {
    r.error = "not sent: the target \"" + d.target + "\" does not start with '/'";
    return r;
  }
  hooks::client_request request;
  request.method = d.method;
  request.url = origin + d.target;
  request.headers = d.headers;
  request.body = d.body;
  hooks::client_response answer = session.send(request);
  r.status = answer.status;
  r.body = std::move(answer.body);
  r.error = std::move(answer.error);
  r.elapsed = answer.elapsed;
  return r;
}

}  // namespace

send_result send_once(const std::string& origin, const hooks::delivery& d,
                      const send_options& options) {
  hooks::http_session session = open_session(options);
  return send_with(session, origin, d);
}

struct async_sender::impl {
  struct job {
    std::uint64_t ticket;
    std::string origin;
    hooks::delivery d;
    std::function<void(const send_result&)> done;
  };

  send_options options;
  mutable std::mutex mutex;
  std::condition_variable work_ready;  // a job was queued, or stopping
  std::condition_variable job_done;    // a job finished (for drain)
  std::deque<job> queue;
  std::size_t in_flight = 0;
  // Tickets submitted but not finished. drain() waits for every ticket below the next one at the
  // time of the call, so submissions racing with a drain cannot starve it.
  std::set<std::uint64_t> unfinished;
  std::uint64_t next_ticket = 0;
  bool stopping = false;
  std::vector<std::thread> workers;

  void work() {
    // One handle per thread for the thread's lifetime: its connection cache is what keeps
    // connections alive between deliveries, as OkHttp's connection pool does.
    hooks::http_session session = open_session(options);
    std::unique_lock lock(mutex);
    for (;;) {
      work_ready.wait(lock, [this] { return stopping || !queue.empty(); });
      if (queue.empty()) return;  // stopping, and everything submitted is done
      job next = std::move(queue.front());
      queue.pop_front();
      ++in_flight;
      lock.unlock();
      const send_result r = send_with(session, next.origin, next.d);
      if (next.done) {
        try {
          next.done(r);
        } catch (...) {
          // A callback's failure is the caller's business; letting it escape would end the
          // thread (std::terminate) and lose every delivery still queued.
        }
      }
      const std::uint64_t ticket = next.ticket;
      next = job{};  // release the callback's captures before reporting the job done
      lock.lock();
      --in_flight;
      unfinished.erase(ticket);
      job_done.notify_all();
    }
  }

  void stop_and_join() {
    {
      std::lock_guard guard(mutex);
      stopping = true;
    }
    work_ready.notify_all();
    for (auto& t : workers)
      if (t.joinable()) t.join();
  }
};

async_sender::async_sender(std::size_t threads, send_options options)
    : impl_(std::make_unique<impl>()) {
  impl_->options = options;
  // Zero threads would accept deliveries and never send them; one is the least that works.
  const std::size_t count = threads == 0 ? 1 : threads;
  impl_->workers.reserve(count);
  try {
    for (std::size_t i = 0; i < count; ++i) impl_->workers.emplace_back([this] { impl_->work(); });
  } catch (...) {
    impl_->stop_and_join();  // joinable threads must not outlive a failed constructor
    throw;
  }
}

async_sender::~async_sender() { impl_->stop_and_join(); }

void async_sender::submit(std::string origin, hooks::delivery d,
                          std::function<void(const send_result&)> done) {
  {
    std::lock_guard guard(impl_->mutex);
    const std::uint64_t ticket = impl_->next_ticket++;
    impl_->unfinished.insert(ticket);
    impl_->queue.push_back({ticket, std::move(origin), std::move(d), std::move(done)});
  }
  impl_->work_ready.notify_one();
}

// Called from a callback (a pool thread), this would wait for its own job and never return;
// callbacks may submit, but must not drain.
void async_sender::drain() {
  std::unique_lock lock(impl_->mutex);
  const std::uint64_t end = impl_->next_ticket;
  impl_->job_done.wait(
      lock, [&] { return impl_->unfinished.empty() || *impl_->unfinished.begin() >= end; });
}

std::size_t async_sender::pending() const {
  std::lock_guard guard(impl_->mutex);
  return impl_->queue.size() + impl_->in_flight;
}

}  // namespace mifos::mock
