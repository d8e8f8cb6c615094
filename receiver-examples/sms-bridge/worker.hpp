// worker.hpp: the thread that turns pending events into SMS after the hook delivery has had its
// 200: compose (callbacks to the server), send, record the outcome.
//
// Each event gets up to `send_attempts` tries, `backoff` then twice that ... apart; then it is
// "failed" (POST .../_resend queues it again). An event is "pending" until its outcome is
// written, so a crash or a stop mid-way leaves it pending, and start() queues it again: an SMS
// is sent at least once, and twice only if the process dies between the provider's answer and
// the write.
//
//   sms_bridge::worker w(store, providers, lookups, {.send_attempts = 3});
//   w.start();                 // queues every pending event in the store
//   w.enqueue(id);             // from the HTTP handler, after store.add_event()
//   w.stop();                  // at shutdown: the attempt under way finishes
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "bridge_store.hpp"
#include "compose.hpp"
#include "sms_provider.hpp"

namespace sms_bridge {

struct worker_options {
  int send_attempts = 3;
  std::chrono::milliseconds backoff = std::chrono::seconds(1);
};

class worker {
 public:
  // The provider of a tenant (nullptr: the bridge has none by that name).
  using provider_factory = std::function<std::unique_ptr<sms_provider>(const tenant_config&)>;
  // How to reach the tenant's server for an event of this dialect.
  using lookup_factory = std::function<std::unique_ptr<fineract_lookup>(
      const tenant_config&, mifos::hooks::wire_dialect)>;
  // One line per event handled (no newline); nothing when empty.
  using log_function = std::function<void(const std::string&)>;

  worker(bridge_store& store, provider_factory providers, lookup_factory lookups,
         worker_options options = {}, log_function log = {});
  ~worker();  // stop()
  worker(const worker&) = delete;
  worker& operator=(const worker&) = delete;

  // Queues every pending event of the store, then starts the thread.
  void start();
  void enqueue(std::int64_t event_id);
  // Ends the thread after the attempt under way; queued events stay pending in the store.
  void stop();

  // All attempts for one event, on the calling thread (the worker thread's step; tests call it
  // directly). Does nothing for an event that is missing or not pending.
  void run(std::int64_t event_id);

 private:
  void loop();
  // Waits `d` unless stop() comes first; false if it did.
  bool pause(std::chrono::milliseconds d);
  void finish(sms_event& e, event_state state, std::string error);

  bridge_store& store_;
  provider_factory providers_;
  lookup_factory lookups_;
  worker_options options_;
  log_function log_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::int64_t> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sms_bridge
