// crc32c.cpp: CRC-32C with a run-time choice between the SSE4.2 instruction and slice-by-8
// tables. The choice is made once; the binary stays portable to CPUs without SSE4.2.
#include "crc32c.hpp"

#include <array>
#include <bit>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <nmmintrin.h>
#define MIFOS_HOOKS_CRC32C_SSE42 1
#endif

namespace mifos::hooks::detail {
namespace {

constexpr std::uint32_t kPolynomial = 0x82F63B78;  // Castagnoli, bit-reversed

using crc_tables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr crc_tables make_tables() {
  crc_tables t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ kPolynomial : c >> 1;
    t[0][i] = c;
  }
  for (std::size_t k = 1; k < 8; ++k)
    for (std::size_t i = 0; i < 256; ++i) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
  return t;
}

constexpr crc_tables kTables = make_tables();

// `state` is the inverted CRC, as the algorithm carries it between chunks.
std::uint32_t portable_update(std::uint32_t state, const unsigned char* p, std::size_t n) noexcept {
  if constexpr (std::endian::native == std::endian::little) {
    for (; n >= 8; p += 8, n -= 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, p, 8);
      w ^= state;
      state = kTables[7][w & 0xFF] ^ kTables[6][(w >> 8) & 0xFF] ^ kTables[5][(w >> 16) & 0xFF] ^
              kTables[4][(w >> 24) & 0xFF] ^ kTables[3][(w >> 32) & 0xFF] ^
              kTables[2][(w >> 40) & 0xFF] ^ kTables[1][(w >> 48) & 0xFF] ^ kTables[0][w >> 56];
    }
  }
  for (; n > 0; ++p, --n) state = (state >> 8) ^ kTables[0][(state ^ *p) & 0xFF];
  return state;
}

#ifdef MIFOS_HOOKS_CRC32C_SSE42
__attribute__((target("sse4.2"))) std::uint32_t sse42_update(std::uint32_t state,
                                                             const unsigned char* p,
                                                             std::size_t n) noexcept {
  std::uint64_t wide = state;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    wide = _mm_crc32_u64(wide, w);
  }
  auto narrow = static_cast<std::uint32_t>(wide);
  for (; n > 0; ++p, --n) narrow = _mm_crc32_u8(narrow, *p);
  return narrow;
}

bool has_sse42() noexcept {
  // cpu_init first: this may run before the runtime has probed the CPU (static initializers).
  static const bool yes = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2") != 0;
  }();
  return yes;
}
#endif

const unsigned char* bytes_of(std::string_view data) noexcept {
  return reinterpret_cast<const unsigned char*>(data.data());
}

}  // namespace

std::uint32_t crc32c_extend_portable(std::uint32_t crc, std::string_view data) noexcept {
  return ~portable_update(~crc, bytes_of(data), data.size());
}

std::uint32_t crc32c_extend(std::uint32_t crc, std::string_view data) noexcept {
#ifdef MIFOS_HOOKS_CRC32C_SSE42
  if (has_sse42()) return ~sse42_update(~crc, bytes_of(data), data.size());
#endif
  return crc32c_extend_portable(crc, data);
}

std::uint32_t crc32c(std::string_view data) noexcept { return crc32c_extend(0, data); }

}  // namespace mifos::hooks::detail
