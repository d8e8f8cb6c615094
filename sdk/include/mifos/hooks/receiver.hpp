// receiver.hpp: an embedded HTTP server that takes hook deliveries and routes them.
//
//   mifos::hooks::router r;
//   r.on("CLIENT", "CREATE", [](const mifos::hooks::event& e) { ... });
//   mifos::hooks::receiver_options opts;
//   opts.port = 9000;
//   mifos::hooks::receiver server(std::move(r), opts);
//   server.start();              // returns once the socket accepts connections
//   server.wait_for_signal();    // until SIGINT or SIGTERM, then a clean stop
//
// Each request is answered per answer.hpp once its handlers have run. stop() stops accepting,
// lets requests in flight finish, and joins the serving threads. SIGPIPE is ignored from
// start() on, so a client that goes away never kills the process. An idle keep-alive connection
// is closed after 60 s. The server library is hidden behind this header.
//
// Signals: wait_for_signal() handles SIGINT and SIGTERM only while it waits. A program that may
// receive one between start() and wait_for_signal() should block both first (as hello-receiver
// does: pthread_sigmask before start()); a blocked signal is then delivered to the wait.
#pragma once

#include <cstdint>
#include <memory>

#include "mifos/hooks/receiver_options.hpp"
#include "mifos/hooks/router.hpp"

namespace mifos::hooks {

struct receiver_stats {
  std::uint64_t accepted = 0;  // 200 for a delivery: handled, or queued (and journaled)
  std::uint64_t pings = 0;     // 200 for a GET
  std::uint64_t rejected = 0;  // 4xx
  std::uint64_t errors = 0;    // 5xx: a handler threw (no workers), queue full, journal failed
  std::uint64_t handled = 0;   // dispatches whose handlers all returned
  std::uint64_t handler_failures = 0;  // dispatches in which a handler threw, each attempt
  std::uint64_t retried = 0;           // dispatches scheduled again after a failure
  std::uint64_t dead_lettered = 0;     // given up after max_attempts
  std::uint64_t deduped = 0;           // duplicates answered 200, not handled again
  std::uint64_t queue_full = 0;        // answered 503: no room in the queue
  std::uint64_t recovered = 0;         // read back from the journal at start
  std::uint64_t queue_depth = 0;       // accepted, not yet handled
  std::uint64_t journal_fsyncs = 0;
  double journal_fsync_p99_us = 0;  // upper bound of the bucket; 0 without a journal
};

class receiver {
 public:
  explicit receiver(router r, receiver_options options = {});
  ~receiver();  // stops if still running
  receiver(const receiver&) = delete;
  receiver& operator=(const receiver&) = delete;

  // Opens the journal (handling what it recovers), binds and starts serving on background
  // threads. Throws std::runtime_error with a readable message if the journal, the dead-letter
  // file, TLS files or the address cannot be used.
  void start();
  // The bound port: the real one when options.port was 0. Valid after start().
  std::uint16_t port() const;
  // The admin port (GET /healthz, GET /metrics) when options.admin_port is set, else 0.
  std::uint16_t admin_port() const;
  // Stops accepting, finishes requests in flight, then stops the workers (without a journal
  // they first handle what is queued). Idempotent.
  void stop();
  // Blocks until SIGINT or SIGTERM arrives (or stop() is called elsewhere), then stops.
  void wait_for_signal();

  receiver_stats stats() const;
  const receiver_options& options() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace mifos::hooks
