# Generates the C++ catalog from the permissions data file.
# Usage: cmake -DINPUT=fineract-permissions.txt -DOUT_HPP=catalog_names.hpp -DOUT_CPP=catalog_data.cpp -P generate_catalog.cmake
cmake_minimum_required(VERSION 3.25)
file(STRINGS "${INPUT}" lines)

set(pairs "")
set(rows "")
set(entities "")
set(groupings "")
set(count 0)
foreach(line IN LISTS lines)
  string(STRIP "${line}" line)
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  endif()
  string(REGEX MATCH "^([A-Za-z0-9_]+) +([A-Za-z0-9_]+) +([A-Za-z0-9_]+)$" matched "${line}")
  if(NOT matched)
    message(FATAL_ERROR "catalog: malformed line '${line}' in ${INPUT}")
  endif()
  # string(CONCAT) because set() would take an entity called CACHE for its keyword.
  string(CONCAT g "${CMAKE_MATCH_1}")
  string(CONCAT e "${CMAKE_MATCH_2}")
  string(CONCAT a "${CMAKE_MATCH_3}")
  if("${e}_${a}" IN_LIST pairs)
    message(FATAL_ERROR "catalog: duplicate pair ${e} ${a}")
  endif()
  list(APPEND pairs "${e}_${a}")
  string(APPEND rows "    {\"${g}\", \"${e}\", \"${a}\"},\n")
  string(APPEND pair_decls "inline constexpr event_pair ${e}_${a}{\"${e}\", \"${a}\"};\n")
  if(NOT e IN_LIST entities)
    list(APPEND entities "${e}")
    string(APPEND entity_decls "inline constexpr std::string_view ${e} = \"${e}\";\n")
  endif()
  if(NOT g IN_LIST groupings)
    list(APPEND groupings "${g}")
    string(APPEND grouping_decls "inline constexpr std::string_view ${g} = \"${g}\";\n")
  endif()
  math(EXPR count "${count} + 1")
endforeach()

file(WRITE "${OUT_HPP}.tmp" "// Generated from fineract-permissions.txt by generate_catalog.cmake. Do not edit.
#pragma once

#include <cstddef>
#include <string_view>

namespace mifos::hooks {

inline constexpr std::size_t kCatalogSize = ${count};

// One typed name per hookable pair: pairs::LOAN_REPAYMENT is {\"LOAN\", \"REPAYMENT\"}.
namespace pairs {
${pair_decls}}  // namespace pairs

namespace entities {
${entity_decls}}  // namespace entities

namespace groupings {
${grouping_decls}}  // namespace groupings

}  // namespace mifos::hooks
")

file(WRITE "${OUT_CPP}.tmp" "// Generated from fineract-permissions.txt by generate_catalog.cmake. Do not edit.
#include \"mifos/hooks/catalog.hpp\"

namespace mifos::hooks::detail {

extern const catalog_entry kCatalogRows[kCatalogSize];
const catalog_entry kCatalogRows[kCatalogSize] = {
${rows}};

}  // namespace mifos::hooks::detail
")

# Only touch the outputs when they change, so a reconfigure does not rebuild the world.
file(COPY_FILE "${OUT_HPP}.tmp" "${OUT_HPP}" ONLY_IF_DIFFERENT)
file(COPY_FILE "${OUT_CPP}.tmp" "${OUT_CPP}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT_HPP}.tmp" "${OUT_CPP}.tmp")
