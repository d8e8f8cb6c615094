// delivery_log.hpp: the last N hook deliveries the mock sent and what each receiver answered,
// for GET /mock/deliveries (mock-only: Fineract keeps no delivery log).
//
//   delivery_log log(1000);
//   std::uint64_t seq = log.begin(record);      // when the delivery leaves
//   log.finish(seq, result);                     // when the receiver answered (or did not)
//   nlohmann::ordered_json page = log.to_json(100, 0);
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mifos/hooks/delivery.hpp>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "net/http_sender.hpp"

namespace mifos::mock {

struct logged_delivery {
  std::uint64_t seq = 0;  // 1, 2, ... in the order deliveries left
  std::int64_t hook_id = 0;
  std::string hook_name;  // the hook's displayName
  std::string tenant;
  std::string entity, action;
  // "event"; for SMS Bridge hooks also "sms-registration" (the sign-up) and "sms-send" (a message
  // template's sms/send, sent instead of the event; entity and action stay the command's).
  std::string kind = "event";
  std::string url;  // origin + target
  std::chrono::system_clock::time_point sent_at;
  hooks::delivery request;
  std::optional<send_result> result;  // nothing while under way
};

class delivery_log {
 public:
  explicit delivery_log(std::size_t capacity) : capacity_(capacity) {}

  std::uint64_t begin(logged_delivery d);
  void finish(std::uint64_t seq, const send_result& result);
  void clear();

  // {"total": sent so far, "deliveries": [the last `limit` with seq > `after`, oldest first]}.
  // Each: seq, hookId, hookName, tenant, entity, action, kind, url, sentAt, status ("pending"
  // while under way, else the HTTP status or 0), error, elapsedMs, request {method, target,
  // headers [[name, value]...], body}, response (the receiver's body).
  nlohmann::ordered_json to_json(std::size_t limit, std::uint64_t after) const;

  std::uint64_t total() const;
  std::uint64_t answered_2xx() const;
  std::uint64_t unanswered() const;  // finished with status 0 (refused, timeout)

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<logged_delivery> entries_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t answered_2xx_ = 0, unanswered_ = 0;
};

}  // namespace mifos::mock
