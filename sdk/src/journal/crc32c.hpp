// crc32c.hpp: CRC-32C (Castagnoli), the checksum of every journal record and the checkpoint.
//
//   std::uint32_t c = detail::crc32c("123456789");            // 0xE3069283
//   std::uint32_t d = detail::crc32c_extend(detail::crc32c("1234"), "56789");  // the same
//
// Uses the SSE4.2 crc32 instruction when the CPU has it and a slice-by-8 table otherwise; both
// give the same values.
#pragma once

#include <cstdint>
#include <string_view>

namespace mifos::hooks::detail {

// The CRC of `data`.
std::uint32_t crc32c(std::string_view data) noexcept;
// The CRC of the bytes that gave `crc` followed by `data` (crc32c_extend(0, x) == crc32c(x)).
std::uint32_t crc32c_extend(std::uint32_t crc, std::string_view data) noexcept;
// The table-driven path alone, so tests can compare it with the hardware one.
std::uint32_t crc32c_extend_portable(std::uint32_t crc, std::string_view data) noexcept;

}  // namespace mifos::hooks::detail
