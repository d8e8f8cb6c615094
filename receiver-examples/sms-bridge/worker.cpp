// worker.cpp: one thread, one event at a time (an SMS bridge sends a few messages a minute);
// every wait can be cut short by stop().
#include "worker.hpp"

#include <exception>
#include <utility>

namespace sms_bridge {

worker::worker(bridge_store& store, provider_factory providers, lookup_factory lookups,
               worker_options options, log_function log)
    : store_(store),
      providers_(std::move(providers)),
      lookups_(std::move(lookups)),
      options_(options),
      log_(std::move(log)) {}

worker::~worker() { stop(); }

void worker::start() {
  {
    std::lock_guard lock(mutex_);
    for (std::int64_t id : store_.pending_ids()) queue_.push_back(id);
    stopping_ = false;
  }
  thread_ = std::thread([this] { loop(); });
}

void worker::enqueue(std::int64_t event_id) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(event_id);
  }
  wake_.notify_one();
}

void worker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void worker::loop() {
  for (;;) {
    std::int64_t id = 0;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      id = queue_.front();
      queue_.pop_front();
    }
    try {
      run(id);
    } catch (const std::exception& e) {
      // The store failed: the event stays pending and is taken again on the next start.
      if (log_) log_("event " + std::to_string(id) + " left pending: " + e.what());
    }
  }
}

bool worker::pause(std::chrono::milliseconds d) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, d, [this] { return stopping_; });
}

void worker::finish(sms_event& e, event_state state, std::string error) {
  e.state = state;
  e.error = std::move(error);
  store_.update_event(e);
  if (!log_) return;
  std::string line = "event " + std::to_string(e.id) + " (" + e.tenant + " " + e.entity + "." +
                     e.action + ") " + std::string(to_string(state));
  if (state == event_state::sent) line += " to " + e.mobile_no + " as " + e.provider_id;
  if (!e.error.empty()) line += ": " + e.error;
  log_(line);
}

void worker::run(std::int64_t event_id) {
  auto found = store_.find_event(event_id);
  if (!found || found->state != event_state::pending) return;
  sms_event& e = *found;
  auto tenant = store_.find_tenant(e.tenant);
  if (!tenant) return finish(e, event_state::failed, "tenant " + e.tenant + " is not configured");
  auto provider = providers_(*tenant);
  if (!provider)
    return finish(e, event_state::failed, "no SMS provider \"" + tenant->sms_provider + "\"");
  auto api = lookups_(*tenant, e.dialect);

  auto wait = options_.backoff;
  for (int attempt = 1;; ++attempt) {
    ++e.attempts;
    composed c = compose(e, *api);
    if (c.outcome == composed::skipped) return finish(e, event_state::skipped, c.reason);
    bool retry = c.retry;
    if (c.outcome == composed::ready) {
      // Kept, so that a later attempt (or a resend) sends the same text without asking again.
      e.mobile_no = c.mobile_no;
      e.message = c.message;
      send_result sent = provider->send(tenant->phone_no, e.mobile_no, e.message);
      if (sent.ok()) {
        e.provider_id = sent.provider_id;
        return finish(e, event_state::sent, {});
      }
      e.error = sent.error;
      retry = true;
    } else {
      e.error = c.reason;
    }
    if (!retry || attempt >= options_.send_attempts) return finish(e, event_state::failed, e.error);
    store_.update_event(e);  // still pending, with what the last attempt said
    if (!pause(wait)) return;
    wait *= 2;
  }
}

}  // namespace sms_bridge
