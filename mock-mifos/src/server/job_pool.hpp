// job_pool.hpp: a fixed set of threads running queued jobs. Fineract fires each event on a thread
// of its own; a pool gives the same concurrency without a thread per event.
//
//   job_pool pool(8);
//   pool.submit([] { send_once(origin, d); });
//   pool.drain();   // every job submitted so far has run
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mifos::mock {

class job_pool {
 public:
  explicit job_pool(std::size_t threads);
  ~job_pool();  // runs what is queued, then joins
  job_pool(const job_pool&) = delete;
  job_pool& operator=(const job_pool&) = delete;

  void submit(std::function<void()> job);
  void drain();
  std::size_t pending() const;  // queued plus running

 private:
  void run();

  mutable std::mutex mutex_;
  std::condition_variable work_, idle_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace mifos::mock
