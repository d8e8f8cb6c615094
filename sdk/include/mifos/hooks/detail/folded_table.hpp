// folded_table.hpp: a small open-addressing table keyed by (entity, action), matched ASCII
// case-insensitively. The catalog and the router look every event up in one; it hashes once,
// never allocates on lookup, and usually settles a lookup with one slot and one memcmp.
//
//   detail::folded_table<int> t;
//   t.get_or_insert("LOAN", "REPAYMENT") = 7;
//   const int* v = t.find("loan", "repayment");  // -> 7
#pragma once

#include <cstddef>
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

// Sets the ASCII case bit of every byte, so "Loan" and "LOAN" hash alike without a branch;
// the few non-letters that collide this way are told apart by folded_equal.
constexpr std::size_t folded_hash(std::string_view entity, std::string_view action) noexcept {
  std::size_t h = 1469598103934665603ull ^ (entity.size() << 8 | action.size());
  for (char c : entity) h = (h ^ (static_cast<unsigned char>(c) | 0x20u)) * 1099511628211ull;
  h ^= 0xff;
  for (char c : action) h = (h ^ (static_cast<unsigned char>(c) | 0x20u)) * 1099511628211ull;
  return h ^ (h >> 29);
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
