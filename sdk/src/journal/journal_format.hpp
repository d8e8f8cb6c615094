// journal_format.hpp: the journal's bytes on disk and the file calls around them, shared by the
// recovery scan (journal_recovery.cpp) and the flusher (journal.cpp). The record layout is
// described in journal.hpp.
//
//   const scan_result r = scan_segment(bytes, first_seq, [](std::uint64_t seq, std::string_view p)
//   {}); if (r.valid_bytes < bytes.size()) ... a torn or corrupt tail ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace mifos::hooks::detail {

inline constexpr char kMagic[4] = {'M', 'H', 'J', '1'};
inline constexpr std::size_t kHeaderBytes = 20;  // magic, length, seq, crc
inline constexpr std::size_t kMaxPayload = std::size_t{256} << 20;
inline constexpr std::string_view kCheckpointName = "checkpoint";
inline constexpr std::string_view kCheckpointTmpName = "checkpoint.tmp";

void store_le(char* out, std::uint64_t v, int bytes);
std::uint64_t load_le(const char* in, int bytes);
std::uint32_t record_crc(std::string_view seq_bytes, std::string_view payload);

[[noreturn]] void throw_io(const std::string& what, const std::filesystem::path& path, int err);

// "journal-<20 digits>.log" -> the first seq; anything else is not one of our segments.
std::optional<std::uint64_t> parse_segment_name(std::string_view name);
// "<seq> <crc32c of the seq's digits>\n", and back; anything else is corrupt and reads as 0.
std::string checkpoint_text(std::uint64_t seq);
std::uint64_t parse_checkpoint(std::string_view text);

// 0 or an errno value. A missing file is an empty one.
int read_file(const std::filesystem::path& path, std::string& out);
bool write_all(int fd, std::string_view data);
bool pwrite_all(int fd, std::string_view data, std::uint64_t offset);
bool all_zero(std::string_view bytes);
bool sync_data(int fd);  // fdatasync, retried on EINTR

// The flusher, not append(), computes the checksums: it keeps the appenders' critical section
// to a copy, and the CPU work overlaps the previous batch's fsync wait on other threads.
void seal_records(std::string& batch);

struct scan_result {
  std::size_t valid_bytes = 0;
  std::uint64_t next_seq = 0;
};

// Walks the records of one segment from its start, expecting `first_seq`, `first_seq + 1`, ...
// and stops at the first that is short or wrong in any way.
template <typename OnRecord>
scan_result scan_segment(std::string_view bytes, std::uint64_t first_seq, OnRecord on_record) {
  scan_result r{0, first_seq};
  while (bytes.size() - r.valid_bytes >= kHeaderBytes) {
    const char* h = bytes.data() + r.valid_bytes;
    const std::size_t length = load_le(h + 4, 4);
    if (std::memcmp(h, kMagic, 4) != 0 || length > kMaxPayload ||
        length > bytes.size() - r.valid_bytes - kHeaderBytes || load_le(h + 8, 8) != r.next_seq)
      break;
    const std::string_view payload(h + kHeaderBytes, length);
    if (record_crc({h + 8, 8}, payload) != load_le(h + 16, 4)) break;
    on_record(r.next_seq, payload);
    r.valid_bytes += kHeaderBytes + length;
    ++r.next_seq;
  }
  return r;
}

}  // namespace mifos::hooks::detail
