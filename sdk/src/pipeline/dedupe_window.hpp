// dedupe_window.hpp: the keys of the last N accepted deliveries, to drop duplicates.
//
//   detail::dedupe_window seen(10000);
//   if (!seen.insert(key)) return duplicate;   // seen among the last 10000
//   ...
//   seen.erase(key);                           // the delivery was not accepted after all
//
// Fineract sends no delivery id (docs/wire-format.md section 6), so the key is computed from the
// delivery: default_dedupe_key() hashes tenant, entity, action and the body bytes. Thread-safe.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_set>

#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks::detail {

class dedupe_window {
 public:
  explicit dedupe_window(std::size_t capacity) : capacity_(capacity) {}

  // True if `key` is new (it is remembered, the oldest key forgotten past capacity); false for
  // a key among the last `capacity` inserted.
  bool insert(const std::string& key);
  // Forgets `key` (a delivery that was refused after its key was inserted).
  void erase(const std::string& key);
  std::size_t size() const;

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_set<std::string> keys_;
  std::deque<std::string> order_;  // oldest first; may hold erased keys, skipped on eviction
};

// 16 hex digits of a 64-bit hash of tenant, entity, action and body. Equal deliveries give equal
// keys; the hash is not meant to be stable across builds (the window lives in memory).
std::string default_dedupe_key(const event& e, const delivery& d);

}  // namespace mifos::hooks::detail
