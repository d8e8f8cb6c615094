// folded_table.hpp: a small open-addressing table keyed by (entity, action), matched ASCII
// case-insensitively. The catalog and the router look every event up in one; it hashes once,
// never allocates on lookup, and usually settles a lookup with one slot and one memcmp.
//
//   detail::folded_table<int> t;
//   t.get_or_insert("LOAN", "REPAYMENT") = 7;
//   const int* v = t.find("loan", "repayment");  // -> 7
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mifos::hooks::detail {

constexpr char fold_upper(char c) noexcept {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

constexpr bool folded_equal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i] && fold_upper(a[i]) != fold_upper(b[i])) return false;
  return true;
}

// Eight bytes at a time, each with its ASCII case bit set, so "Loan" and "LOAN" hash alike
// without a branch per byte; the few non-letters that collide this way are told apart by
// folded_equal.
inline std::uint64_t folded_mix(std::uint64_t h, std::string_view s) noexcept {
  constexpr std::uint64_t kCaseBits = 0x2020202020202020ull;
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ (w | kCaseBits)) * kMultiplier;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ (w | kCaseBits)) * kMultiplier;
    h ^= h >> 29;
  }
  return h;
}

inline std::size_t folded_hash(std::string_view entity, std::string_view action) noexcept {
  std::uint64_t h = 0x243F6A8885A308D3ull ^ (entity.size() << 16 | action.size());
  return static_cast<std::size_t>(folded_mix(folded_mix(h, entity), action));
}

template <typename T>
class folded_table {
 public:
  const T* find(std::string_view entity, std::string_view action) const noexcept {
    if (count_ == 0) return nullptr;
    std::size_t h = folded_hash(entity, action);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.hash == h && folded_equal(s.entity, entity) && folded_equal(s.action, action))
        return &s.value;
    }
  }

  // The value of (entity, action), default-constructed on first use.
  T& get_or_insert(std::string_view entity, std::string_view action) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    std::size_t h = folded_hash(entity, action);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      slot& s = slots_[i];
      if (!s.used) {
        s = slot{std::string(entity), std::string(action), h, T{}, true};
        ++count_;
        return s.value;
      }
      if (s.hash == h && folded_equal(s.entity, entity) && folded_equal(s.action, action))
        return s.value;
    }
  }

  std::size_t size() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }

 private:
  struct slot {
    std::string entity, action;
    std::size_t hash = 0;
    T value{};
    bool used = false;
  };

  void grow() {
    std::vector<slot> old = std::move(slots_);
    slots_.clear();
    slots_.resize(old.empty() ? 16 : old.size() * 2);
    mask_ = slots_.size() - 1;
    for (slot& s : old) {
      if (!s.used) continue;
      std::size_t i = s.hash & mask_;
      while (slots_[i].used) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<slot> slots_;  // size a power of two, at most half full
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace mifos::hooks::detail
