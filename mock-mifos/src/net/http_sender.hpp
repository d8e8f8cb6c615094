// http_sender.hpp: sends deliveries over HTTP, as Fineract's hook client does: one request, no
// retry, 10 s timeouts.
//
//   send_result r = send_once("http://127.0.0.1:9000", d);   // blocking
//   async_sender pool(4);
//   pool.submit("http://127.0.0.1:9000", d, [](const send_result& r) { log(r.status); });
//   pool.drain();                                             // waits for every submitted one
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mifos/hooks/delivery.hpp>
#include <string>

namespace mifos::mock {

struct send_options {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{10'000};  // Fineract: 10 s each for connect/read/write
};

struct send_result {
  int status = 0;     // the HTTP status; 0 when no response came (refused, timeout, reset)
  std::string body;   // the response body (capped at 64 KiB)
  std::string error;  // libcurl's message when status is 0
  std::chrono::microseconds elapsed{0};

  bool answered() const noexcept { return status != 0; }
};

// Sends `d` (method, target, headers, body exactly as given; no Accept, Expect or User-Agent
// is added) to `origin` ("http://host:port"). Blocking; never throws on network
// errors.
send_result send_once(const std::string& origin, const hooks::delivery& d,
                      const send_options& options = {});

// A fixed pool of threads, each with its own reusable connection cache, taking deliveries from an
// unbounded queue. `done` runs on a pool thread.
class async_sender {
 public:
  explicit async_sender(std::size_t threads, send_options options = {});
  ~async_sender();  // finishes what was submitted, then joins
  async_sender(const async_sender&) = delete;
  async_sender& operator=(const async_sender&) = delete;

  void submit(std::string origin, hooks::delivery d,
              std::function<void(const send_result&)> done = {});
  // Blocks until every delivery submitted so far has been sent and its callback has returned.
  void drain();
  std::size_t pending() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace mifos::mock
