// forwarder.hpp: the stream-forwarder's one handler: puts each event into its tenant's Redis
// Stream, at most once per delivery (stream_commands.hpp says how).
//
//   forwarder fw(redis_settings{...}, stream_settings{...});
//   router.on_any([&fw](const mifos::hooks::event& e) { fw.forward(e); });
//
// forward() may be called from many worker threads at once: each call borrows a connection
// from a small pool, so no hiredis context is ever used by two threads. When Redis cannot be
// reached or refuses the write, forward() throws and the receiver retries the delivery later
// (it stays in the journal meanwhile). Only the change of state is logged ("unavailable",
// "back"), not every failed attempt, so an outage of hours does not flood the log.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mifos/hooks.hpp>
#include <mutex>
#include <string>
#include <vector>

#include "redis_connection.hpp"
#include "stream_commands.hpp"

namespace stream_forwarder {

struct forwarder_counts {
  std::uint64_t forwarded = 0;   // entries added
  std::uint64_t duplicates = 0;  // deliveries already in their stream (a lost reply, a restart)
  std::uint64_t failures = 0;    // attempts that threw (Redis down or refusing)
};

class forwarder {
 public:
  using log_fn = std::function<void(const std::string&)>;
  // `log` gets one line per state change (default: stderr).
  forwarder(redis_settings redis, stream_settings streams, log_fn log = {});

  // Throws std::runtime_error("redis: ...") when the event could not be written.
  void forward(const mifos::hooks::event& e);
  // PING through the pool: "" when Redis answers, else why not. For the start-up log line.
  std::string check();
  forwarder_counts counts() const noexcept;

 private:
  enum class outcome { added, duplicate, failed };
  outcome try_forward(redis_connection& redis, const mifos::hooks::event& e, std::string& why);
  std::string script_sha(redis_connection& redis);
  std::unique_ptr<redis_connection> borrow();
  void give_back(std::unique_ptr<redis_connection> c);

  const redis_settings redis_;
  const stream_settings streams_;
  log_fn log_;

  std::mutex mutex_;  // guards idle_ and sha_
  std::vector<std::unique_ptr<redis_connection>> idle_;
  std::string sha_;  // from SCRIPT LOAD; the same for every server, so loaded once

  std::atomic<bool> down_{false};
  std::atomic<std::uint64_t> forwarded_{0};
  std::atomic<std::uint64_t> duplicates_{0};
  std::atomic<std::uint64_t> failures_{0};
};

}  // namespace stream_forwarder
