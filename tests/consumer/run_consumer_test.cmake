# Installs the built SDK into a scratch prefix, then configures, builds and runs the consumer
# project in this folder against it, as a user would with find_package(mifos_hooks).
#
#   cmake -DSOURCE_DIR=<repo> -DBUILD_DIR=<build tree> -DWORK_DIR=<scratch dir>
#         -DCONSUMER_DIR=<this folder> -P run_consumer_test.cmake
#
# It also builds receiver-examples/minimal (the README's first receiver) the same way.
#
# The consumer is built with the compiler, build type and flags of BUILD_DIR, so that an asan
# build of the SDK is linked into an asan consumer.
cmake_minimum_required(VERSION 3.25)

foreach(var SOURCE_DIR BUILD_DIR WORK_DIR CONSUMER_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_consumer_test.cmake: pass -D${var}=...")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# Runs one step; stops the test with the step's output if it fails.
function(run_step name)
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "consumer test: step '${name}' failed (${result})\n"
                        "command: ${ARGN}\n--- stdout ---\n${out}\n--- stderr ---\n${err}")
  endif()
  message(STATUS "consumer test: ${name}: ok")
  set(step_output "${out}${err}" PARENT_SCOPE)
endfunction()

# The settings of the SDK's build tree that the consumer must share.
set(forwarded "")
foreach(var CMAKE_CXX_COMPILER CMAKE_BUILD_TYPE CMAKE_CXX_FLAGS CMAKE_EXE_LINKER_FLAGS)
  file(STRINGS "${BUILD_DIR}/CMakeCache.txt" line REGEX "^${var}:[A-Z]+=")
  if(line)
    string(REGEX REPLACE "^${var}:[A-Z]+=" "" value "${line}")
    list(APPEND forwarded "-D${var}=${value}")
  endif()
endforeach()

run_step("install the SDK into ${prefix}"
  "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")

run_step("configure the consumer"
  "${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${consumer_build}" -G Ninja
  "-DCMAKE_PREFIX_PATH=${prefix}" ${forwarded})

run_step("build the consumer"
  "${CMAKE_COMMAND}" --build "${consumer_build}")

run_step("run the consumer" "${consumer_build}/consumer")
message(STATUS "${step_output}")

set(minimal_build "${WORK_DIR}/minimal")
run_step("configure the README's first receiver (receiver-examples/minimal)"
  "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/receiver-examples/minimal" -B "${minimal_build}" -G Ninja
  "-DCMAKE_PREFIX_PATH=${prefix}" ${forwarded})
run_step("build the README's first receiver"
  "${CMAKE_COMMAND}" --build "${minimal_build}")
if(NOT EXISTS "${minimal_build}/minimal-receiver")
  message(FATAL_ERROR "consumer test: the build made no minimal-receiver")
endif()
