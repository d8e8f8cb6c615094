// delivery_pipeline.hpp: what happens to a parsed delivery between the answer and its handlers.
//
// One of three modes, chosen by receiver_options (receiver_options.hpp explains them): handlers
// before the answer; an in-memory queue and workers; or the durable journal, a queue and workers.
// Dedupe, retries with backoff, the dead-letter file and recovery after a restart live here.
//
//   detail::delivery_pipeline p(routes, options);   // opens the journal, recovers it
//   p.start();                                      // workers, and the recovered deliveries
//   switch (p.admit(d, std::move(e))) { ... }       // on a serving thread
//   p.stop();                                       // after the server has stopped
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "dead_letter.hpp"
#include "dedupe_window.hpp"
#include "journal.hpp"
#include "mifos/hooks/receiver_options.hpp"
#include "mifos/hooks/router.hpp"
#include "work_queue.hpp"

namespace mifos::hooks::detail {

enum class admit_result {
  accepted,        // handled (no workers), queued, or journaled and queued: answer 200
  duplicate,       // its key is in the dedupe window: answer 200, not handled again
  handler_failed,  // no workers, and a handler threw: answer 500
  queue_full,      // no room within queue_full_wait: answer 503
  journal_failed,  // the journal cannot write: answer 503
};

struct pipeline_stats {
  std::uint64_t accepted = 0;          // admit() == accepted
  std::uint64_t handled = 0;           // dispatches whose handlers all returned
  std::uint64_t handler_failures = 0;  // dispatches where a handler threw (each attempt)
  std::uint64_t retried = 0;           // dispatches scheduled again after a failure
  std::uint64_t dead_lettered = 0;     // given up after max_attempts (or unhandled at stop)
  std::uint64_t deduped = 0;
  std::uint64_t queue_full = 0;
  std::uint64_t journal_refused = 0;  // answered 503 because the journal failed
  std::uint64_t recovered = 0;        // read back from the journal at start
  std::size_t queue_depth = 0;
  bool queued = false;  // workers run the handlers
  bool journaled = false;
  std::optional<journal_stats> journal;
};

class delivery_pipeline {
 public:
  // Opens the journal (recovering it) and the dead-letter file. Throws std::runtime_error with a
  // readable message if either cannot be used.
  delivery_pipeline(const router& routes, const receiver_options& options);
  ~delivery_pipeline();
  delivery_pipeline(const delivery_pipeline&) = delete;
  delivery_pipeline& operator=(const delivery_pipeline&) = delete;

  // Starts the workers and queues the deliveries recovered from the journal.
  void start();
  // Takes one parsed delivery; may wait for room in the queue and for the journal's fsync.
  admit_result admit(const delivery& d, event&& e);
  // The same, without waiting for the fsync: `done` gets the result once, on this thread or
  // (journaled deliveries) on the journal's flusher thread once the record is on disk. The
  // serving thread goes back to other requests meanwhile.
  using admit_callback = std::function<void(admit_result)>;
  void admit(const delivery& d, event&& e, admit_callback done);
  // Stops the workers once the server takes no more requests, after they handled what is due.
  // Retries still waiting for their backoff are dead-lettered without a journal; with one they
  // stay in it for the next start.
  void stop();

  pipeline_stats stats() const;
  bool healthy() const;  // false once the journal has failed

 private:
  void work();
  void handle(work_item item);
  void give_up(work_item& item);
  void finish(const work_item& item);
  // Tells options.log, if set; a logger that throws is ignored.
  void tell(log_level level, const std::string& message) const;
  void journal_refused();
  std::optional<std::string> dedupe_key(const event& e, const delivery& d) const;
  // Dedupe and a place in the queue: a refusal, or nothing when the delivery may go on.
  std::optional<admit_result> begin_admit(const delivery& d, const event& e,
                                          std::optional<std::string>& key);

  const router& routes_;
  const receiver_options& options_;
  const bool queued_;
  std::unique_ptr<journal> journal_;
  std::unique_ptr<dead_letter_file> dead_letters_;
  std::unique_ptr<dedupe_window> seen_;
  work_queue queue_;
  std::vector<std::thread> workers_;
  bool started_ = false;
  std::atomic<std::uint64_t> next_id_{0};
  std::atomic<std::uint64_t> accepted_{0}, handled_{0}, handler_failures_{0}, retried_{0},
      dead_lettered_{0}, deduped_{0}, queue_full_{0}, journal_refused_{0}, recovered_{0};
  // Set by a refusal, cleared by the next durable append: the failure is told once, not per
  // request.
  std::atomic<bool> journal_failing_{false};
};

}  // namespace mifos::hooks::detail
