// random.hpp: a small seeded generator whose output is the same on every platform and standard
// library (std::uniform_int_distribution is not), so "same seed, same bytes" holds.
//
//   seeded_random rng(42);
//   std::uint64_t minutes = rng.below(60);     // 0..59
//   bool fails = rng.chance(0.02);
#pragma once

#include <cstdint>

namespace mifos::mock {

// splitmix64 seeding into xoshiro256** (Blackman and Vigna, public domain algorithms).
class seeded_random {
 public:
  explicit seeded_random(std::uint64_t seed);

  std::uint64_t next();
  // Uniform in [0, n); n > 0. Rejection sampling keeps it unbiased.
  std::uint64_t below(std::uint64_t n);
  // Uniform in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // Uniform in [0, 1), 53 random bits.
  double unit();
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t s_[4];
};

}  // namespace mifos::mock
