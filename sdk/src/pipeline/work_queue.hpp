// work_queue.hpp: accepted deliveries waiting for a worker, and failed ones waiting to retry.
//
//   detail::work_queue q(10000);
//   if (!q.push(std::move(item), std::chrono::seconds(1))) return 503;   // full for a second
//   while (auto item = q.pop()) handle(*item);                           // on each worker
//   q.push_retry(std::move(item), clock::now() + backoff);               // after a failure
//
// Capacity counts every item held, waiting or retrying. Items due now are popped in arrival
// order, retries once their time has come (earliest first).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "mifos/hooks/event.hpp"

namespace mifos::hooks::detail {

using work_clock = std::chrono::steady_clock;

struct work_item {
  std::string encoded;  // the delivery, encode_delivery(): the journal payload, the dead letter
  event parsed;         // parsed.delivery_id: the journal seq with a journal, else a counter
  bool journaled = false;
  work_clock::time_point due{};
};

class work_queue {
 public:
  explicit work_queue(std::size_t capacity) : capacity_(capacity) {}

  // Waits up to `wait` for room. False when still full then, or closed.
  bool push(work_item&& item, std::chrono::milliseconds wait);
  // The same in two steps, for an item that must first be made durable: reserve() holds a
  // place (false as push() would be), then exactly one of push_reserved() or cancel().
  bool reserve(std::chrono::milliseconds wait);
  void push_reserved(work_item&& item);
  void cancel();
  // Ignores the capacity: for recovered deliveries, which were accepted before.
  void push_unbounded(work_item&& item);
  // Holds `item` until `due`. Ignores the capacity: the item held a place already.
  void push_retry(work_item&& item, work_clock::time_point due);

  // Blocks until an item is due, or the queue is closed; nullopt when closed (after a draining
  // close: once no item is due any more).
  std::optional<work_item> pop();
  // The same, but takes up to `max` items due now in one go (at least one unless closed);
  // appends them to `out` and returns how many. Fewer lock round trips under load.
  std::size_t pop_some(std::vector<work_item>& out, std::size_t max);
  // Wakes every pop(). drain: pop() still returns the items due now; else it returns nullopt.
  void close(bool drain);
  // After close(): every item still held (retries not yet due, and all items without drain).
  std::vector<work_item> take_all();

  std::size_t size() const;
  bool closed() const;

 private:
  std::size_t held_locked() const { return ready_.size() + retries_.size() + reserved_; }

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable items_;  // an item was added, or closed
  std::condition_variable room_;   // an item was taken
  std::deque<work_item> ready_;
  std::vector<work_item> retries_;  // a min-heap by due time
  std::size_t reserved_ = 0;
  std::size_t sleepers_ = 0;  // pop_some() calls waiting for an item
  bool closed_ = false;
  bool drain_ = false;
};

}  // namespace mifos::hooks::detail
