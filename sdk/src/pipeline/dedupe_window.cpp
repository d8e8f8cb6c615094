// dedupe_window.cpp: a hash set plus a FIFO of insertion order.
#include "dedupe_window.hpp"

#include <cstdint>
#include <functional>
#include <string_view>

namespace mifos::hooks::detail {

bool dedupe_window::insert(const std::string& key) {
  std::lock_guard lock(mutex_);
  if (!keys_.insert(key).second) return false;
  order_.push_back(key);
  while (keys_.size() > capacity_ && !order_.empty()) {
    keys_.erase(order_.front());
    order_.pop_front();
  }
  // Erased keys stay in order_ until they reach the front: keep it from growing without bound.
  if (order_.size() > 2 * capacity_ + 16) {
    std::deque<std::string> live;
    for (auto& k : order_)
      if (keys_.count(k)) live.push_back(std::move(k));
    order_ = std::move(live);
  }
  return true;
}

void dedupe_window::erase(const std::string& key) {
  std::lock_guard lock(mutex_);
  keys_.erase(key);
}

std::size_t dedupe_window::size() const {
  std::lock_guard lock(mutex_);
  return keys_.size();
}

std::string default_dedupe_key(const event& e, const delivery& d) {
  std::hash<std::string_view> hash;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (std::string_view part : {std::string_view(e.tenant), std::string_view(e.entity),
                                std::string_view(e.action), std::string_view(d.body)}) {
    // Mixing the length in keeps ("AB","C") apart from ("A","BC").
    h ^= hash(part) + part.size() + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) key[static_cast<std::size_t>(i)] = kHex[h & 0xF];
  return key;
}

}  // namespace mifos::hooks::detail
