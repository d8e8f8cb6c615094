#include "server/delivery_log.hpp"

#include <algorithm>

#include "wire/java_text.hpp"

namespace mifos::mock {

std::uint64_t delivery_log::begin(logged_delivery d) {
  std::lock_guard lock(mutex_);
  d.seq = next_seq_++;
  entries_.push_back(std::move(d));
  if (entries_.size() > capacity_) entries_.pop_front();
  return entries_.back().seq;
}

void delivery_log::finish(std::uint64_t seq, const send_result& result) {
  std::lock_guard lock(mutex_);
  if (result.status >= 200 && result.status < 300) ++answered_2xx_;
  if (!result.answered()) ++unanswered_;
  // Seqs are increasing, so the entry (if not yet evicted) is found by binary search.
  auto it = std::lower_bound(entries_.begin(), entries_.end(), seq,
                             [](const logged_delivery& e, std::uint64_t s) { return e.seq < s; });
  if (it != entries_.end() && it->seq == seq) it->result = result;
}

void delivery_log::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

nlohmann::ordered_json delivery_log::to_json(std::size_t limit, std::uint64_t after) const {
  std::lock_guard lock(mutex_);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::size_t skip = 0;
  std::size_t matching = static_cast<std::size_t>(
      std::count_if(entries_.begin(), entries_.end(),
                    [after](const logged_delivery& e) { return e.seq > after; }));
  if (matching > limit) skip = matching - limit;
  for (const auto& e : entries_) {
    if (e.seq <= after) continue;
    if (skip > 0) {
      --skip;
      continue;
    }
    nlohmann::ordered_json headers = nlohmann::ordered_json::array();
    for (const auto& h : e.request.headers) headers.push_back({h.name, h.value});
    nlohmann::ordered_json item = {
        {"seq", e.seq},       {"hookId", e.hook_id}, {"hookName", e.hook_name},
        {"tenant", e.tenant}, {"entity", e.entity},  {"action", e.action},
        {"kind", e.kind},     {"url", e.url},        {"sentAt", iso_timestamp(e.sent_at)}};
    if (e.result) {
      item["status"] = e.result->status;
      item["error"] = e.result->error;
      item["elapsedMs"] = static_cast<double>(e.result->elapsed.count()) / 1000.0;
    } else {
      item["status"] = "pending";
    }
    item["request"] = {{"method", e.request.method},
                       {"target", e.request.target},
                       {"headers", std::move(headers)},
                       {"body", e.request.body}};
    if (e.result) item["response"] = e.result->body;
    list.push_back(std::move(item));
  }
  return {{"total", next_seq_ - 1}, {"deliveries", std::move(list)}};
}

std::uint64_t delivery_log::total() const {
  std::lock_guard lock(mutex_);
  return next_seq_ - 1;
}

std::uint64_t delivery_log::answered_2xx() const {
  std::lock_guard lock(mutex_);
  return answered_2xx_;
}

std::uint64_t delivery_log::unanswered() const {
  std::lock_guard lock(mutex_);
  return unanswered_;
}

}  // namespace mifos::mock
