#include "mifos/hooks/catalog.hpp"

#include <algorithm>
#include <string>

#include "folded_table.hpp"

namespace mifos::hooks {
namespace detail {
extern const catalog_entry kCatalogRows[kCatalogSize];  // generated from the data file
}  // namespace detail

namespace {

// (entity, action) -> row, built once.
const detail::folded_table<const catalog_entry*>& rows_by_pair() {
  static const auto rows = [] {
    detail::folded_table<const catalog_entry*> r;
    for (const auto& e : detail::kCatalogRows) r.get_or_insert(e.entity, e.action) = &e;
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
  const auto* row = rows_by_pair().find(entity, action);
  return row ? *row : nullptr;
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
