#include "mifos/hooks/catalog.hpp"

#include <algorithm>
#include <string>

#include "folded_table.hpp"
#include "mifos/hooks/fineract_release.hpp"

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

std::span<const catalog_entry> catalog() noexcept { return {detail::kCatalogRows, kCatalogSize}; }

const catalog_entry* find_in_catalog(std::string_view entity, std::string_view action) noexcept {
  const auto* row = rows_by_pair().find(entity, action);
  return row ? *row : nullptr;
}

namespace {

int order_of(std::string_view release_name, int if_empty) {
  if (release_name.empty()) return if_empty;
  const auto* r = find_fineract_release(release_name);
  return r ? r->order : if_empty;
}

}  // namespace

bool fires_in(const catalog_entry& entry, const fineract_release& release) noexcept {
  if (entry.fires_from.empty()) return false;
  return order_of(entry.fires_from, 0) <= release.order &&
         release.order < order_of(entry.fires_until, release.order + 1);
}

std::string why_silent(const catalog_entry& entry, const fineract_release& release) {
  if (fires_in(entry, release)) return "";
  if (entry.fires_from.empty()) return std::string(entry.silence);
  if (release.order < order_of(entry.fires_from, 0))
    return "it fires only from Fineract " + std::string(entry.fires_from) + " on";
  if (entry.call.path.starts_with("/self/"))
    return "Fineract " + std::string(entry.fires_until) + " removed the self-service API";
  return "from Fineract " + std::string(entry.fires_until) +
         " on, this command runs through the new command pipeline, which publishes no hooks";
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
