// request_fields.hpp: the field readers the request views share (requests_*.cpp).
//
//   read_dates(j, r);                              // dateFormat, locale
//   r.roles = read_ids(j, "roles");                // [1.0, "2"] -> {1, 2}
//   r.lines = read_objects<line>(j, "lines", read_line);
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "json_values.hpp"
#include "mifos/hooks/requests_common.hpp"

namespace mifos::hooks::detail {

void read_dates(const nlohmann::json& j, dated_request& r);
void read_payment_detail(const nlohmann::json& j, payment_detail& r);

// The ids of an array member; items that are not ids are skipped.
std::vector<std::int64_t> read_ids(const nlohmann::json& j, std::string_view key);

// An id given as a number or text, or as the `id` of an {id, code, value} object: Fineract
// echoes some code values that way in `changes` (legalFormId of a client update).
std::optional<std::int64_t> read_id_or_option(const nlohmann::json& j, std::string_view key);

// The objects of an array member, each read by `read_one`; items that are not objects are
// skipped.
template <typename T, typename ReadOne>
std::vector<T> read_objects(const nlohmann::json& j, std::string_view key, ReadOne read_one) {
  std::vector<T> items;
  const auto* list = member(j, key);
  if (list == nullptr || !list->is_array()) return items;
  for (const auto& item : *list)
    if (item.is_object()) items.push_back(read_one(item));
  return items;
}

}  // namespace mifos::hooks::detail
