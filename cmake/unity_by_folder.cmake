# mifos_unity_by_folder(<target> [MAX_PER_GROUP n]): compiles <target>'s sources as unity groups,
# one group per folder (split into groups of at most MAX_PER_GROUP, default 8, in name order).
#
# Why: at -O0 with the sanitizers most of a translation unit's time goes to instantiating the
# same nlohmann::json, GoogleTest and standard templates again; compiling eight files of a
# folder together does that once and builds the whole tree in about half the time on two cores.
# Grouping by folder (rather than CMake's default batches over the whole target) means that
# adding a file regroups only its own folder, and that the files compiled together are the
# ones that already share a job: a helper in an anonymous namespace must have a name of its own
# within its folder (two files defining the same helper is a duplicate to share anyway).
#
# -DMIFOS_HOOKS_UNITY_BUILD=OFF compiles every file on its own (for a quicker edit-build loop on
# one file, or to check a file compiles with only its own includes).
option(MIFOS_HOOKS_UNITY_BUILD "Compile each folder's sources together (see cmake/unity_by_folder.cmake)" ON)

function(mifos_unity_by_folder target)
  if(NOT MIFOS_HOOKS_UNITY_BUILD)
    return()
  endif()
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "MAX_PER_GROUP" "")
  if(NOT arg_MAX_PER_GROUP)
    set(arg_MAX_PER_GROUP 8)
  endif()
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  list(SORT sources)
  set(counts "")
  foreach(source IN LISTS sources)
    if(NOT source MATCHES "\\.cpp$")
      continue()
    endif()
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" OUTPUT_VARIABLE path)
    cmake_path(GET path PARENT_PATH folder)
    string(MAKE_C_IDENTIFIER "${folder}" key)
    if(NOT DEFINED count_${key})
      set(count_${key} 0)
    endif()
    math(EXPR group "${count_${key}} / ${arg_MAX_PER_GROUP}")
    math(EXPR count_${key} "${count_${key}} + 1")
    cmake_path(RELATIVE_PATH folder BASE_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE name)
    string(MAKE_C_IDENTIFIER "${name}_${group}" name)
    set_source_files_properties(${source} TARGET_DIRECTORY ${target} PROPERTIES UNITY_GROUP ${name})
  endforeach()
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_MODE GROUP)
endfunction()
