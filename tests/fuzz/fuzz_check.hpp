// fuzz_check.hpp: how every fuzz target reports a broken promise: one line on stderr naming the
// target and the promise ("parse_fuzz: invariant broken: ..."), then a trap, which libFuzzer
// records as a crash and keeps the input for (scripts/fuzz reads the line back).
//
//   check(parsed.error().status == 400 || parsed.error().status == 415, "a status outside
//   400/415");
#pragma once

#include <errno.h>  // program_invocation_short_name (glibc)

#include <cstdio>
#include <exception>

namespace mifos::hooks::fuzz {

[[noreturn]] inline void fail(const char* why) {
  std::fprintf(stderr, "%s: invariant broken: %s\n", program_invocation_short_name, why);
  std::fflush(stderr);
  __builtin_trap();
}

inline void check(bool ok, const char* why) {
  if (!ok) fail(why);
}

// Runs one input; an exception that escapes it is a finding too. Returns 0 for libFuzzer.
//   return run_guarded([&] { run_one(data, size); });
template <class Run>
int run_guarded(Run&& run) {
  try {
    run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: exception escaped: %s\n", program_invocation_short_name, e.what());
    fail("an exception escaped");
  } catch (...) {
    fail("an unknown exception escaped");
  }
  return 0;
}

}  // namespace mifos::hooks::fuzz
