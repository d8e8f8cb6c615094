// journal_recovery.cpp: opening a journal: every segment scanned, a torn or corrupt tail cut,
// the records above the checkpoint kept for recovered(), and the file to append to chosen.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "journal.hpp"
#include "journal_format.hpp"

namespace mifos::hooks::detail {

namespace fs = std::filesystem;

void journal::recover() {
  std::vector<std::uint64_t> found;
  std::error_code ec;
  for (fs::directory_iterator it(options_.directory, ec), end; !ec && it != end; it.increment(ec))
    if (const auto seq = parse_segment_name(it->path().filename().string())) found.push_back(*seq);
  if (ec) throw_io("list", options_.directory, ec.value());
  std::sort(found.begin(), found.end());
  report_.segments = found.size();

  std::string bytes;
  if (const int err = read_file(options_.directory / kCheckpointName, bytes))
    throw_io("read", options_.directory / kCheckpointName, err);
  report_.checkpoint = parse_checkpoint(bytes);

  bool cut = false;
  bool directory_changed = false;
  std::uint64_t expected = found.empty() ? 0 : found.front();
  std::uint64_t last_size = 0;
  std::uint64_t last_file_size = 0;
  for (const std::uint64_t first : found) {
    const fs::path path = segment_path(first);
    // A segment after a cut, or one that does not start where the previous one ended, cannot
    // be trusted: its records would not follow on from the ones kept.
    if (cut || first != expected) {
      const std::uintmax_t size = fs::file_size(path, ec);
      if (::unlink(path.c_str()) != 0) throw_io("remove", path, errno);
      report_.cut_bytes += ec ? 0 : size;
      ++report_.removed_segments;
      cut = directory_changed = true;
      continue;
    }
    if (const int err = read_file(path, bytes)) throw_io("read", path, err);
    const scan_result r = scan_segment(bytes, first, [&](std::uint64_t seq, std::string_view p) {
      ++report_.records;
      if (seq > report_.checkpoint) recovered_.push_back({seq, std::string(p)});
    });
    const bool zero_tail = all_zero(std::string_view(bytes).substr(r.valid_bytes));
    if (!zero_tail) {
      const unique_fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
      if (fd.get() < 0 || ::ftruncate(fd.get(), static_cast<off_t>(r.valid_bytes)) != 0 ||
          ::fsync(fd.get()) != 0)
        throw_io("truncate", path, errno);
      report_.cut_bytes += bytes.size() - r.valid_bytes;
      cut = true;
    }
    segments_.push_back(first);
    expected = r.next_seq;
    last_size = r.valid_bytes;
    last_file_size = zero_tail ? bytes.size() : r.valid_bytes;
  }
  report_.unhandled = recovered_.size();

  // Seqs below the first segment are gone, so handled; a checkpoint beyond the last record
  // (its tail cut) still moves numbering past it, so no seq is handed out twice.
  next_seq_ = std::max<std::uint64_t>({expected, report_.checkpoint + 1, 1});
  durable_seq_ = next_seq_ - 1;
  handled_ = std::max(report_.checkpoint, segments_.empty() ? 0 : segments_.front() - 1);
  saved_checkpoint_ = report_.checkpoint;
  if (directory_changed && ::fsync(directory_fd_.get()) != 0)
    throw_io("sync", options_.directory, errno);
  open_for_append(segments_.empty() ? 0 : segments_.back(), last_size, last_file_size,
                  expected == next_seq_);
}

void journal::open_for_append(std::uint64_t last_segment, std::uint64_t last_segment_size,
                              std::uint64_t last_file_size, bool continues) {
  // Records go on the end of the last segment only if they follow on from its last record.
  if (last_segment != 0 && continues && last_segment_size <= options_.segment_bytes) {
    const fs::path path = segment_path(last_segment);
    segment_fd_ = unique_fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (segment_fd_.get() < 0) throw_io("open", path, errno);
    segment_size_ = last_segment_size;
    zeroed_end_ = last_file_size;
    return;
  }
  if (const int err = start_segment(next_seq_)) throw_io("create", segment_path(next_seq_), err);
}

}  // namespace mifos::hooks::detail
