// durability_notifier.hpp: the thread that tells appenders their journal records are on disk.
//
// The journal's flusher posts each batch's callbacks here and goes straight back to the disk:
// while this thread answers the requests of one batch (a send per request), the next batch is
// already being written and fsync'd. Batches run in the order posted, each callback once.
//
//   detail::durability_notifier notifier;
//   notifier.post(std::move(callbacks), /*durable=*/true);   // from the flusher
//   // ~durability_notifier runs what was posted, then joins
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace mifos::hooks::detail {

// Called once per record: true when it is durable, false when it never will be.
using durable_callback = std::function<void(std::uint64_t seq, bool durable)>;
using durable_callbacks = std::vector<std::pair<std::uint64_t, durable_callback>>;

class durability_notifier {
 public:
  durability_notifier();
  ~durability_notifier();
  durability_notifier(const durability_notifier&) = delete;
  durability_notifier& operator=(const durability_notifier&) = delete;

  void post(durable_callbacks&& callbacks, bool durable);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable posted_;
  std::deque<std::pair<durable_callbacks, bool>> batches_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once everything above is ready
};

}  // namespace mifos::hooks::detail
