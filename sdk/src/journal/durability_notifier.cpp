// durability_notifier.cpp: a queue of callback batches and the one thread that runs them.
#include "durability_notifier.hpp"

namespace mifos::hooks::detail {

durability_notifier::durability_notifier() : thread_([this] { run(); }) {}

durability_notifier::~durability_notifier() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  posted_.notify_one();
  thread_.join();
}

void durability_notifier::post(durable_callbacks&& callbacks, bool durable) {
  if (callbacks.empty()) return;
  {
    std::lock_guard lock(mutex_);
    batches_.emplace_back(std::move(callbacks), durable);
  }
  callbacks.clear();  // moved-from: make it reusable by the caller
  posted_.notify_one();
}

void durability_notifier::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    posted_.wait(lock, [this] { return stopping_ || !batches_.empty(); });
    if (batches_.empty()) return;  // stopping, and everything posted has run
    auto [callbacks, durable] = std::move(batches_.front());
    batches_.pop_front();
    lock.unlock();
    for (auto& [seq, done] : callbacks) done(seq, durable);
    lock.lock();
  }
}

}  // namespace mifos::hooks::detail
