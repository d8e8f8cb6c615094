// protocol.hpp: the bridge's HTTP surface (the mifos-twilio-bridge protocol, docs/wire-format.md
// section 8) as one function of a request: what to store, what to queue, what to answer. No sockets
// here: main.cpp puts it behind hooks::http_server, the tests call it with deliveries they build.
//
//   sms_bridge::sqlite_store store(":memory:");
//   sms_bridge::protocol bridge(store, [&](std::int64_t id) { worker.enqueue(id); });
//   mifos::hooks::http_answer a = bridge.handle(request, std::chrono::system_clock::now());
//
// | request                                           | answers                              |
// |---------------------------------------------------|--------------------------------------|
// | POST /modules/sms/configuration                   | 201 key (text/plain); 400            |
// | POST /modules/sms (or /modules/sms/): an event    | 200, 400, 401, 404                   |
// | GET  /modules/sms (or /modules/sms/)              | 200 (the server's ping)              |
// | GET, DELETE /modules/sms/configuration/{tenant}   | 200; 401 no/wrong key; 404           |
// | GET /modules/sms/events/{tenant}[?limit=N]        | 200 array; 400 bad limit; 401; 404   |
// | POST /modules/sms/events/{tenant}/_resend         | 200 {"resent":N}; 401; 404           |
// | any other path / a known path, other method       | 404 / 405 with Allow                 |
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mifos/hooks/delivery.hpp>
#include <mifos/hooks/http_server.hpp>
#include <string_view>

#include "bridge_store.hpp"

namespace sms_bridge {

inline constexpr std::string_view kBasePath = "/modules/sms";
inline constexpr std::size_t kDefaultEventLimit = 100;
inline constexpr std::size_t kMaxEventLimit = 10000;

class protocol {
 public:
  // Called with the id of each event stored pending (a new one, or a resent one).
  using enqueue_function = std::function<void(std::int64_t event_id)>;

  protocol(bridge_store& store, enqueue_function enqueue);

  // Throws only what the store throws (the HTTP server answers 500).
  mifos::hooks::http_answer handle(const mifos::hooks::delivery& request,
                                   std::chrono::system_clock::time_point now) const;

 private:
  mifos::hooks::http_answer hook_event(const mifos::hooks::delivery& request,
                                       std::chrono::system_clock::time_point now) const;
  mifos::hooks::http_answer register_tenant(const mifos::hooks::delivery& request,
                                            std::chrono::system_clock::time_point now) const;
  // The tenant endpoints: configuration/{t}, events/{t}, events/{t}/_resend.
  mifos::hooks::http_answer tenant_request(const mifos::hooks::delivery& request,
                                           std::string_view resource, std::string_view tenant,
                                           bool resend) const;

  bridge_store& store_;
  enqueue_function enqueue_;
};

}  // namespace sms_bridge
