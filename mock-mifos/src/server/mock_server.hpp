// mock_server.hpp: `mock-mifos serve` without its command line: the REST front, the hook firer,
// the delivery log and the mock-only endpoints, on the SDK's embedded HTTP server.
//
//   serve_options o;
//   o.port = 0;
//   mock_server server(o);
//   server.start();
//   std::string base = server.api_url();   // http://127.0.0.1:PORT/fineract-provider/api/v1
//   server.wait_for_signal();              // then sends what is queued and stops
//
// Mock-only endpoints (no tenant, no credentials; Fineract has none of them):
//   GET    /mock/deliveries?limit=N&after=SEQ   the last deliveries and their answers
//   DELETE /mock/deliveries                     forget them
//   GET    /mock/health                         {"status":"ok","pending":N}
//   POST   /mock/scenario?clients=N&seed=S&tenant=T
//          runs the generator's working day (generate/day_scenario.hpp) on the live portfolio:
//          every command fires the registered hooks, as fast as they can be sent. Answers
//          {"commands":N,"failed":N,"fired":N} once all commands ran (deliveries may still be
//          under way: see /mock/health).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mifos/hooks/http_server.hpp>
#include <string>

#include "server/delivery_log.hpp"
#include "server/hook_firer.hpp"
#include "server/mock_front.hpp"

namespace mifos::mock {

struct serve_options {
  mock_settings mock;
  std::string address = "127.0.0.1";
  std::uint16_t port = 8443;  // Fineract's port, though the mock speaks plain HTTP
  int threads = 2;
  std::size_t senders = 8;  // threads sending hook deliveries
  std::size_t log_capacity = 1000;
  send_options sending;
};

class mock_server {
 public:
  explicit mock_server(serve_options options,
                       std::function<void(const logged_delivery&)> on_delivery = {});
  ~mock_server();

  void start();  // throws std::runtime_error if the address cannot be bound
  std::uint16_t port() const;
  std::string api_url() const;  // "http://ADDRESS:PORT" + the API root
  // Until SIGINT or SIGTERM; then stops taking requests and finishes sending what was fired.
  void wait_for_signal();
  void stop();

  // The whole HTTP surface as a function (the server calls this).
  hooks::http_answer handle(const hooks::delivery& request);
  void drain() { firer_.drain(); }
  const delivery_log& log() const noexcept { return log_; }

 private:
  hooks::http_answer handle_mock_endpoint(const hooks::delivery& request);
  hooks::http_answer run_scenario(const hooks::delivery& request);

  const serve_options options_;
  delivery_log log_;
  mock_front front_;
  hook_firer firer_;
  std::unique_ptr<hooks::http_server> server_;
};

}  // namespace mifos::mock
