#include "mifos/hooks/catalog.hpp"

#include <algorithm>
#include <array>

namespace mifos::hooks {
namespace detail {
extern const catalog_entry kCatalogRows[kCatalogSize];  // generated from the data file
}  // namespace detail

namespace {

char upper(char c) noexcept { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Case-insensitive three-way comparison of (entity, action) pairs.
int compare_folded(std::string_view a, std::string_view b) noexcept {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    char x = upper(a[i]), y = upper(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int compare_pair(const catalog_entry& e, std::string_view entity, std::string_view action) noexcept {
  if (int c = compare_folded(e.entity, entity); c != 0) return c;
  return compare_folded(e.action, action);
}

// The rows sorted case-insensitively by (entity, action), for binary search.
const std::array<const catalog_entry*, kCatalogSize>& sorted_rows() {
  static const auto rows = [] {
    std::array<const catalog_entry*, kCatalogSize> r{};
    for (std::size_t i = 0; i < kCatalogSize; ++i) r[i] = &detail::kCatalogRows[i];
    std::sort(r.begin(), r.end(), [](const catalog_entry* a, const catalog_entry* b) {
      return compare_pair(*a, b->entity, b->action) < 0;
    });
    return r;
  }();
  return rows;
}

// The order `GET /hooks/template` uses: plain byte order, which puts upper-case names first.
void sort_unique(std::vector<std::string_view>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::span<const catalog_entry> catalog() noexcept {
  return {detail::kCatalogRows, kCatalogSize};
}

const catalog_entry* find_in_catalog(std::string_view entity, std::string_view action) noexcept {
  const auto& rows = sorted_rows();
  auto it = std::lower_bound(rows.begin(), rows.end(), 0, [&](const catalog_entry* e, int) {
    return compare_pair(*e, entity, action) < 0;
  });
  if (it != rows.end() && compare_pair(**it, entity, action) == 0) return *it;
  return nullptr;
}

std::vector<std::string_view> catalog_groupings() {
  std::vector<std::string_view> out;
  for (const auto& e : catalog()) out.push_back(e.grouping);
  sort_unique(out);
  return out;
}

std::vector<std::string_view> catalog_entities(std::string_view grouping) {
  std::vector<std::string_view> out;
  for (const auto& e : catalog())
    if (e.grouping == grouping) out.push_back(e.entity);
  sort_unique(out);
  return out;
}

std::vector<std::string_view> catalog_actions(std::string_view grouping, std::string_view entity) {
  std::vector<std::string_view> out;
  for (const auto& e : catalog())
    if (e.grouping == grouping && e.entity == entity) out.push_back(e.action);
  sort_unique(out);
  return out;
}

}  // namespace mifos::hooks
