// machine_load.hpp: the 1-minute load average, printed beside a benchmark's figures: a ratio
// measured while other work runs says little (bench/load_average.sh does the same for scripts).
#pragma once

#include <cstdio>

namespace mifos::hooks::bench {

inline constexpr double kBusyLoad = 0.5;

// The 1-minute load average, or a negative number where /proc/loadavg cannot be read.
inline double load_average_1min() {
  double load = -1;
  if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &load) != 1) load = -1;
    std::fclose(f);
  }
  return load;
}

// One line: "load average (1 min) WHEN: X", with a warning above kBusyLoad.
inline void print_load_average(const char* when) {
  const double load = load_average_1min();
  if (load < 0) return;
  std::printf(
      "load average (1 min) %s: %.2f%s\n", when, load,
      load > kBusyLoad ? "  WARNING: above 0.5, the machine is busy; figures may be off" : "");
}

}  // namespace mifos::hooks::bench
