// work_queue.cpp: one mutex, two condition variables, a deque and a heap.
#include "work_queue.hpp"

#include <algorithm>

namespace mifos::hooks::detail {
namespace {

// std::push_heap builds a max-heap: "later is less" puts the earliest due time on top.
bool due_later(const work_item& a, const work_item& b) { return a.due > b.due; }

}  // namespace

bool work_queue::push(work_item&& item, std::chrono::milliseconds wait) {
  if (!reserve(wait)) return false;
  push_reserved(std::move(item));
  return true;
}

bool work_queue::reserve(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (!room_.wait_for(lock, wait, [&] { return closed_ || held_locked() < capacity_; }))
    return false;
  if (closed_) return false;
  ++reserved_;
  return true;
}

void work_queue::push_reserved(work_item&& item) {
  {
    std::lock_guard lock(mutex_);
    --reserved_;
    ready_.push_back(std::move(item));
  }
  items_.notify_one();
}

void work_queue::cancel() {
  {
    std::lock_guard lock(mutex_);
    --reserved_;
  }
  room_.notify_one();
}

void work_queue::push_unbounded(work_item&& item) {
  {
    std::lock_guard lock(mutex_);
    ready_.push_back(std::move(item));
  }
  items_.notify_one();
}

void work_queue::push_retry(work_item&& item, work_clock::time_point due) {
  item.due = due;
  {
    std::lock_guard lock(mutex_);
    retries_.push_back(std::move(item));
    std::push_heap(retries_.begin(), retries_.end(), due_later);
  }
  // Every worker may be sleeping until a later retry: wake them all to re-plan their wait.
  items_.notify_all();
}

std::optional<work_item> work_queue::pop() {
  std::vector<work_item> one;
  if (pop_some(one, 1) == 0) return std::nullopt;
  return std::move(one.front());
}

std::size_t work_queue::pop_some(std::vector<work_item>& out, std::size_t max) {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (closed_ && !drain_) return 0;
    // While other workers sleep, one item each keeps slow handlers running side by side; a
    // batch only when every worker is busy, which is when it saves lock round trips.
    if (sleepers_ > 0) max = 1;
    std::size_t taken = 0;
    while (taken < max && !retries_.empty() && retries_.front().due <= work_clock::now()) {
      std::pop_heap(retries_.begin(), retries_.end(), due_later);
      out.push_back(std::move(retries_.back()));
      retries_.pop_back();
      ++taken;
    }
    while (taken < max && !ready_.empty()) {
      out.push_back(std::move(ready_.front()));
      ready_.pop_front();
      ++taken;
    }
    if (taken > 0) {
      lock.unlock();
      room_.notify_all();
      return taken;
    }
    if (closed_) return 0;  // draining, and nothing is due
    ++sleepers_;
    if (retries_.empty()) {
      items_.wait(lock);
    } else {
      // A copy: the heap's front may move or go away while the lock is released.
      const work_clock::time_point due = retries_.front().due;
      items_.wait_until(lock, due);
    }
    --sleepers_;
  }
}

void work_queue::close(bool drain) {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    drain_ = drain;
  }
  items_.notify_all();
  room_.notify_all();
}

std::vector<work_item> work_queue::take_all() {
  std::lock_guard lock(mutex_);
  std::vector<work_item> left;
  left.reserve(ready_.size() + retries_.size());
  for (auto& item : ready_) left.push_back(std::move(item));
  for (auto& item : retries_) left.push_back(std::move(item));
  ready_.clear();
  retries_.clear();
  return left;
}

std::size_t work_queue::size() const {
  std::lock_guard lock(mutex_);
  return held_locked();
}

bool work_queue::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace mifos::hooks::detail
