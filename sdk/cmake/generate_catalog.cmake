# Generates the C++ catalog from the data files: fineract-permissions.txt (the 445 pairs, in the
# order of `GET /hooks/template`'s source) and fineract-commands.tsv (per pair: the REST call that
# fires it, the ids of its result, whether it fires, and notes on later releases).
# Usage: cmake -DINPUT=fineract-permissions.txt -DCOMMANDS=fineract-commands.tsv
#              -DOUT_HPP=catalog_names.hpp -DOUT_CPP=catalog_data.cpp -P generate_catalog.cmake
cmake_minimum_required(VERSION 3.25)

# --- fineract-commands.tsv: one row per pair, keyed "ENTITY_ACTION" -----------------------------
# CMake lists are ';'-separated: hide the notes' semicolons, then split lines and tabs.
file(READ "${COMMANDS}" tsv)
string(REPLACE ";" "<semicolon>" tsv "${tsv}")
string(REPLACE "\n" ";" tsv_lines "${tsv}")
list(POP_FRONT tsv_lines)  # the header
set(command_keys "")
set(column_numbers 3 4 5 6 7 8 9)
set(column_names method path command ids changes fires notes)
foreach(row IN LISTS tsv_lines)
  if(row STREQUAL "")
    continue()
  endif()
  string(REPLACE "\t" ";" f "${row}")
  list(LENGTH f n)
  if(n LESS 10)
    message(FATAL_ERROR "catalog: malformed row '${row}' in ${COMMANDS}")
  endif()
  list(GET f 1 e)
  list(GET f 2 a)
  string(CONCAT key "${e}_${a}")
  list(APPEND command_keys "${key}")
  foreach(i field IN ZIP_LISTS column_numbers column_names)
    list(GET f ${i} value)
    if(value STREQUAL "-")
      set(value "")
    endif()
    string(CONCAT "${field}_of_${key}" "${value}")
  endforeach()
endforeach()

# The releases in which a pair fires: [from, until), "" = open. And why it does not fire in
# Fineract's 2024-10 source (the rows' reference), when it does not.
function(firing_of key out_from out_until out_silence)
  set(notes "${notes_of_${key}}")
  set(from "mifosx-16")
  set(until "")
  set(silence "")
  if(fires_of_${key} STREQUAL "y")
    if(notes MATCHES "CommandDispatcher pipeline")
      set(until "1.15")
      if(key MATCHES "^(BUSINESS_DATE|CURRENCY|CACHE|EXTERNAL_EVENT_CONFIGURATION)_")
        set(until "1.12")
      endif()
    elseif(notes MATCHES "self-service module")
      set(until "1.15")
    endif()
  else()
    if(notes MATCHES "2026:.*(-> fires|therefore fires)")
      set(from "1.15")
    else()
      set(from "")
    endif()
    if(method_of_${key} STREQUAL "")
      set(silence "no REST call runs it as a command, so Fineract never publishes it")
    elseif(notes MATCHES "withNoJsonBody")
      set(silence "Fineract builds this command without a JSON body and publishes no hook for it")
    elseif(notes MATCHES "(entity differs|publishes TELLER|publishes SURVEY)")
      set(silence "Fineract publishes this command under another entity or action, so a hook on this pair never matches")
    else()
      set(silence "the command always fails in Fineract, so only its failure is delivered")
    endif()
  endif()
  set(${out_from} "${from}" PARENT_SCOPE)
  set(${out_until} "${until}" PARENT_SCOPE)
  set(${out_silence} "${silence}" PARENT_SCOPE)
endfunction()

# --- fineract-permissions.txt: the pairs, in order ---------------------------------------------
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
  if(NOT "${e}_${a}" IN_LIST command_keys)
    message(FATAL_ERROR "catalog: ${e} ${a} has no row in ${COMMANDS}")
  endif()
  string(CONCAT key "${e}_${a}")
  list(APPEND pairs "${key}")
  firing_of("${key}" from until silence)
  set(changes "false")
  if(changes_of_${key} STREQUAL "y")
    set(changes "true")
  endif()
  string(APPEND rows "    {\"${g}\", \"${e}\", \"${a}\",\n"
                     "     {\"${method_of_${key}}\", \"${path_of_${key}}\", \"${command_of_${key}}\", "
                     "\"${ids_of_${key}}\", ${changes}},\n"
                     "     \"${from}\", \"${until}\", \"${silence}\"},\n")
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
list(LENGTH command_keys command_count)
if(NOT command_count EQUAL count)
  message(FATAL_ERROR "catalog: ${COMMANDS} has ${command_count} rows, ${INPUT} ${count} pairs")
endif()

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

file(WRITE "${OUT_CPP}.tmp" "// Generated from fineract-permissions.txt and fineract-commands.tsv by generate_catalog.cmake.
// Do not edit.
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
