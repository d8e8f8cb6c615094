// delivery_pipeline_test.cpp: the three modes, retries, dead letters, dedupe, a full queue, and
// recovery from the journal, with a real router, real threads and real files.
#include "delivery_pipeline.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "fixture.hpp"
#include "mifos/hooks/traffic.hpp"

namespace mifos::hooks::detail {
namespace {

using namespace std::chrono_literals;
using test::load_fixture;

delivery sample(int n = 0) {
  delivery d = load_fixture("deliveries/fineract17-loan-repayment.http");
  if (n) d.body.insert(d.body.size() - 1, ",\"n\":" + std::to_string(n));  // still an object
  return d;
}

event parsed(const delivery& d) {
  auto r = parse(d);
  if (!r) throw std::runtime_error(r.error().reason);
  return std::move(*r);
}

// Waits, up to a deadline, for `done` to hold; false if it never did.
template <typename Predicate>
bool eventually(Predicate done, std::chrono::milliseconds limit = 10s) {
  auto end = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(2ms);
  }
  return true;
}

class temp_dir {
 public:
  temp_dir()
      : path_(std::filesystem::temp_directory_path() /
              ("mifos-pipeline-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++))) {
    std::filesystem::remove_all(path_);
  }
  ~temp_dir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

// Records what the handler saw; fails the first `failures` dispatches of each delivery.
struct recording_handler {
  std::mutex mutex;
  std::vector<event> seen;
  std::atomic<int> calls{0};
  int failures = 0;

  router make_router() {
    router r;
    r.on_any([this](const event& e) {
      ++calls;
      if (e.attempt <= failures) throw std::runtime_error("not yet");
      std::lock_guard lock(mutex);
      seen.push_back(e);
    });
    return r;
  }
  std::size_t count() {
    std::lock_guard lock(mutex);
    return seen.size();
  }
};

TEST(DeliveryPipeline, WithoutWorkersHandlersRunBeforeAdmitReturns) {
  recording_handler h;
  router r = h.make_router();
  receiver_options o;
  delivery_pipeline p(r, o);
  p.start();
  EXPECT_EQ(p.admit(sample(), parsed(sample())), admit_result::accepted);
  EXPECT_EQ(h.count(), 1u);
  EXPECT_EQ(h.seen[0].delivery_id, 0u);
  EXPECT_EQ(p.stats().handled, 1u);
}

TEST(DeliveryPipeline, WithoutWorkersAThrowingHandlerIsHandlerFailed) {
  recording_handler h;
  h.failures = 1;
  router r = h.make_router();
  receiver_options o;
  o.dedupe_window = 10;
  delivery_pipeline p(r, o);
  p.start();
  EXPECT_EQ(p.admit(sample(), parsed(sample())), admit_result::handler_failed);
  EXPECT_EQ(p.stats().handler_failures, 1u);
  // Its dedupe key was forgotten, so the sender's second try is not taken for a duplicate.
  EXPECT_EQ(p.admit(sample(), parsed(sample())), admit_result::handler_failed);
  EXPECT_EQ(p.stats().deduped, 0u);
}

TEST(DeliveryPipeline, WithWorkersAdmitReturnsAtOnceAndAWorkerHandlesIt) {
  recording_handler h;
  router r = h.make_router();
  receiver_options o;
  o.workers = 2;
  delivery_pipeline p(r, o);
  p.start();
  for (int i = 1; i <= 20; ++i)
    ASSERT_EQ(p.admit(sample(i), parsed(sample(i))), admit_result::accepted);
  ASSERT_TRUE(eventually([&] { return h.count() == 20; }));
  std::set<std::uint64_t> ids;
  for (const auto& e : h.seen) ids.insert(e.delivery_id);
  EXPECT_EQ(ids.size(), 20u);
  EXPECT_EQ(*ids.begin(), 1u);
  EXPECT_EQ(*ids.rbegin(), 20u);
  EXPECT_EQ(p.stats().accepted, 20u);
}

TEST(DeliveryPipeline, AFailingDeliveryIsRetriedUntilItsHandlersSucceed) {
  recording_handler h;
  h.failures = 2;
  router r = h.make_router();
  receiver_options o;
  o.workers = 1;
  o.retry_backoff = 1ms;
  delivery_pipeline p(r, o);
  p.start();
  ASSERT_EQ(p.admit(sample(), parsed(sample())), admit_result::accepted);
  // handled is counted after the handler returns: wait for the count, not for the handler.
  ASSERT_TRUE(eventually([&] { return h.count() == 1 && p.stats().handled == 1; }));
  EXPECT_EQ(h.seen[0].attempt, 3);
  EXPECT_EQ(h.calls, 3);
  auto s = p.stats();
  EXPECT_EQ(s.handler_failures, 2u);
  EXPECT_EQ(s.retried, 2u);
  EXPECT_EQ(s.handled, 1u);
  EXPECT_EQ(s.dead_lettered, 0u);
}

TEST(DeliveryPipeline, AfterMaxAttemptsTheDeliveryGoesToTheDeadLetterFile) {
  temp_dir dir;
  recording_handler h;
  h.failures = 100;
  router r = h.make_router();
  receiver_options o;
  o.workers = 1;
  o.max_attempts = 3;
  o.retry_backoff = 1ms;
  o.dead_letter_file = (dir.path() / "dead.jsonl").string();
  delivery_pipeline p(r, o);
  p.start();
  ASSERT_EQ(p.admit(sample(7), parsed(sample(7))), admit_result::accepted);
  ASSERT_TRUE(eventually([&] { return p.stats().dead_lettered == 1; }));
  EXPECT_EQ(h.calls, 3);
  std::ifstream in(o.dead_letter_file);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  auto back = parse_traffic_line(line);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->message, sample(7));
  EXPECT_FALSE(std::getline(in, line));
}

// What the pipeline told options.log, kept for the test to read.
struct captured_log {
  std::mutex mutex;
  std::vector<std::pair<log_level, std::string>> lines;

  void attach(receiver_options& o) {
    o.log = [this](log_level level, std::string_view message) {
      std::lock_guard lock(mutex);
      lines.emplace_back(level, std::string(message));
    };
  }
  std::vector<std::pair<log_level, std::string>> read() {
    std::lock_guard lock(mutex);
    return lines;
  }
};

TEST(DeliveryPipeline, ADeadLetterWriteThatFailsIsLoggedAsAnError) {
  recording_handler h;
  h.failures = 100;
  router r = h.make_router();
  receiver_options o;
  o.workers = 1;
  o.max_attempts = 1;
  o.dead_letter_file = "/dev/full";  // opens, and every write fails with ENOSPC
  captured_log log;
  log.attach(o);
  delivery_pipeline p(r, o);
  p.start();
  ASSERT_EQ(p.admit(sample(), parsed(sample())), admit_result::accepted);
  ASSERT_TRUE(eventually([&] { return !log.read().empty(); }));
  auto lines = log.read();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].first, log_level::error);
  EXPECT_EQ(lines[0].second,
            "cannot write LOAN.REPAYMENT delivery 1 to the dead-letter file (No space left on "
            "device); it is lost");
}

TEST(DeliveryPipeline, ADeliveryGivenUpOnIsLoggedAsAWarning) {
  temp_dir dir;
  recording_handler h;
  h.failures = 100;
  router r = h.make_router();
  receiver_options o;
  o.workers = 1;
  o.max_attempts = 2;
  o.retry_backoff = 1ms;
  o.dead_letter_file = (dir.path() / "dead.jsonl").string();
  captured_log log;
  log.attach(o);
  delivery_pipeline p(r, o);
  p.start();
  ASSERT_EQ(p.admit(sample(), parsed(sample())), admit_result::accepted);
  ASSERT_TRUE(eventually([&] { return !log.read().empty(); }));
  auto lines = log.read();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].first, log_level::warning);
  EXPECT_EQ(
      lines[0].second,
      "gave up on LOAN.REPAYMENT delivery 1 after 2 attempts; written to the dead-letter file");
}

TEST(DeliveryPipeline, ALoggerThatThrowsDoesNotStopThePipeline) {
  recording_handler h;
  h.failures = 100;
  router r = h.make_router();
  receiver_options o;
  o.workers = 1;
  o.max_attempts = 1;
  o.log = [](log_level, std::string_view) { throw std::runtime_error("logger down"); };
  delivery_pipeline p(r, o);
  p.start();
  ASSERT_EQ(p.admit(sample(1), parsed(sample(1))), admit_result::accepted);
  ASSERT_EQ(p.admit(sample(2), parsed(sample(2))), admit_result::accepted);
  ASSERT_TRUE(eventually([&] { return p.stats().dead_lettered == 2; }));
}

TEST(DeliveryPipeline, ADuplicateInTheWindowIsNotHandledAgain) {
  recording_handler h;
  router r = h.make_router();
  receiver_options o;
  o.workers = 1;
  o.dedupe_window = 100;
  delivery_pipeline p(r, o);
  p.start();
  EXPECT_EQ(p.admit(sample(1), parsed(sample(1))), admit_result::accepted);
  EXPECT_EQ(p.admit(sample(1), parsed(sample(1))), admit_result::duplicate);
  EXPECT_EQ(p.admit(sample(2), parsed(sample(2))), admit_result::accepted);
  ASSERT_TRUE(eventually([&] { return h.count() == 2; }));
  EXPECT_EQ(p.stats().deduped, 1u);
}

TEST(DeliveryPipeline, AFullQueueAnswersQueueFullAfterTheWait) {
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> started{0};
  router r;
  r.on_any([&](const event&) {
    ++started;
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return release; });
  });
  receiver_options o;
  o.workers = 1;
  o.queue_capacity = 1;
  o.queue_full_wait = 20ms;
  delivery_pipeline p(r, o);
  p.start();
  ASSERT_EQ(p.admit(sample(1), parsed(sample(1))), admit_result::accepted);
  ASSERT_TRUE(eventually([&] { return started == 1; }));                     // the worker holds it
  ASSERT_EQ(p.admit(sample(2), parsed(sample(2))), admit_result::accepted);  // fills the queue
  EXPECT_EQ(p.admit(sample(3), parsed(sample(3))), admit_result::queue_full);
  EXPECT_EQ(p.stats().queue_full, 1u);
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  p.stop();
  EXPECT_EQ(p.stats().handled, 2u);
}

TEST(DeliveryPipeline, StopWithoutAJournalHandlesWhatIsQueuedFirst) {
  recording_handler h;
  router r = h.make_router();
  receiver_options o;
  o.workers = 1;
  delivery_pipeline p(r, o);
  p.start();
  for (int i = 1; i <= 50; ++i) p.admit(sample(i), parsed(sample(i)));
  p.stop();
  EXPECT_EQ(h.count(), 50u);
}

TEST(DeliveryPipeline, JournaledDeliveriesNotHandledAreHandledAfterARestart) {
  temp_dir dir;
  receiver_options o;
  o.journal_dir = dir.path().string();
  o.retry_backoff = 1h;  // the failing run never gets to retry
  {
    recording_handler failing;
    failing.failures = 100;
    router r = failing.make_router();
    delivery_pipeline p(r, o);
    p.start();
    for (int i = 1; i <= 5; ++i)
      ASSERT_EQ(p.admit(sample(i), parsed(sample(i))), admit_result::accepted);
    ASSERT_TRUE(eventually([&] { return failing.calls == 5; }));
    p.stop();
  }
  recording_handler working;
  router r = working.make_router();
  {
    captured_log log;
    receiver_options logged = o;
    log.attach(logged);
    delivery_pipeline p(r, logged);
    p.start();
    ASSERT_TRUE(eventually([&] { return working.count() == 5; }));
    auto lines = log.read();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].first, log_level::info);
    EXPECT_EQ(lines[0].second, "recovered 5 accepted deliveries not yet handled from the journal " +
                                   o.journal_dir + "; handling them now");
    std::set<std::uint64_t> ids;
    for (const auto& e : working.seen) {
      EXPECT_TRUE(e.recovered);
      ids.insert(e.delivery_id);
    }
    EXPECT_EQ(ids, (std::set<std::uint64_t>{1, 2, 3, 4, 5}));
    EXPECT_EQ(p.stats().recovered, 5u);
  }
  // Handled and checkpointed: a third start finds nothing to do.
  delivery_pipeline third(r, o);
  third.start();
  EXPECT_EQ(third.stats().recovered, 0u);
}

TEST(DeliveryPipeline, WithAJournalIdsContinueAcrossRestarts) {
  temp_dir dir;
  receiver_options o;
  o.journal_dir = dir.path().string();
  recording_handler h;
  router r = h.make_router();
  {
    delivery_pipeline p(r, o);
    p.start();
    p.admit(sample(1), parsed(sample(1)));
    p.admit(sample(2), parsed(sample(2)));
    ASSERT_TRUE(eventually([&] { return h.count() == 2; }));
  }
  delivery_pipeline p(r, o);
  p.start();
  p.admit(sample(3), parsed(sample(3)));
  ASSERT_TRUE(eventually([&] { return h.count() == 3; }));
  EXPECT_EQ(h.seen.back().delivery_id, 3u);
}

}  // namespace
}  // namespace mifos::hooks::detail
