// journal.cpp: the journal's recovery scan and its group-commit flusher. Appenders only copy
// bytes under the mutex; every system call (write, fdatasync, rename, unlink) happens on the
// flusher thread with the mutex released, so a slow disk never blocks an appender.
#include "journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <system_error>

#include "crc32c.hpp"

namespace mifos::hooks::detail {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[4] = {'M', 'H', 'J', '1'};
constexpr std::size_t kHeaderBytes = 20;  // magic, length, seq, crc
constexpr std::size_t kMaxPayload = std::size_t{256} << 20;
constexpr std::size_t kKeepBufferBytes = std::size_t{16} << 20;
constexpr std::string_view kCheckpointName = "checkpoint";
constexpr std::string_view kCheckpointTmpName = "checkpoint.tmp";

void store_le(char* out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint64_t load_le(const char* in, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

std::uint32_t record_crc(std::string_view seq_bytes, std::string_view payload) {
  return crc32c_extend(crc32c(seq_bytes), payload);
}

[[noreturn]] void throw_io(const std::string& what, const fs::path& path, int err) {
  throw std::runtime_error("journal: cannot " + what + " " + path.string() + ": " +
                           std::generic_category().message(err));
}

// "journal-<20 digits>.log" -> the first seq; anything else is not one of our segments.
std::optional<std::uint64_t> parse_segment_name(std::string_view name) {
  constexpr std::string_view kPrefix = "journal-";
  constexpr std::string_view kSuffix = ".log";
  if (name.size() != kPrefix.size() + 20 + kSuffix.size() || !name.starts_with(kPrefix) ||
      !name.ends_with(kSuffix))
    return std::nullopt;
  const std::string_view digits = name.substr(kPrefix.size(), 20);
  std::uint64_t seq = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), seq);
  if (ec != std::errc{} || end != digits.data() + digits.size() || seq == 0) return std::nullopt;
  return seq;
}

std::string checkpoint_text(std::uint64_t seq) {
  const std::string digits = std::to_string(seq);
  return digits + ' ' + std::to_string(crc32c(digits)) + '\n';
}

// "<seq> <crc32c of the seq's digits>\n", exactly; anything else is corrupt and reads as 0.
std::uint64_t parse_checkpoint(std::string_view text) {
  const auto space = text.find(' ');
  if (space == std::string_view::npos || !text.ends_with('\n')) return 0;
  const std::string_view digits = text.substr(0, space);
  const std::string_view crc_text = text.substr(space + 1, text.size() - space - 2);
  std::uint64_t seq = 0;
  std::uint32_t crc = 0;
  const auto a = std::from_chars(digits.data(), digits.data() + digits.size(), seq);
  const auto b = std::from_chars(crc_text.data(), crc_text.data() + crc_text.size(), crc);
  if (a.ec != std::errc{} || a.ptr != digits.data() + digits.size() || b.ec != std::errc{} ||
      b.ptr != crc_text.data() + crc_text.size() || digits.empty() || crc_text.empty())
    return 0;
  return crc32c(digits) == crc && std::to_string(seq) == digits ? seq : 0;
}

// 0 or an errno value. A missing file is an empty one.
int read_file(const fs::path& path, std::string& out) {
  out.clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? 0 : errno;
  struct stat st {};
  int err = ::fstat(fd, &st) == 0 ? 0 : errno;
  if (err == 0) out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (err == 0 && done < out.size()) {
    const ssize_t n = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) err = errno;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  ::close(fd);
  return err;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool pwrite_all(int fd, std::string_view data, std::uint64_t offset) {
  while (!data.empty()) {
    const ssize_t n = ::pwrite(fd, data.data(), data.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

bool all_zero(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
}

bool sync_data(int fd) {
  while (::fdatasync(fd) != 0)
    if (errno != EINTR) return false;
  return true;
}

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

// The flusher, not append(), computes the checksums: it keeps the appenders' critical section
// to a copy, and the CPU work overlaps the previous batch's fsync wait on other threads.
void seal_records(std::string& batch) {
  for (std::size_t at = 0; at < batch.size();) {
    char* h = batch.data() + at;
    const std::size_t length = load_le(h + 4, 4);
    store_le(h + 16, record_crc({h + 8, 8}, {h + kHeaderBytes, length}), 4);
    at += kHeaderBytes + length;
  }
}

}  // namespace

void journal::unique_fd::reset() noexcept {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

journal::journal(journal_options options) : options_(std::move(options)) {
  std::error_code ec;
  fs::create_directories(options_.directory, ec);
  if (ec) throw_io("create", options_.directory, ec.value());
  directory_fd_ = unique_fd(::open(options_.directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (directory_fd_.get() < 0) throw_io("open", options_.directory, errno);
  // Two processes appending to one journal would corrupt it. The lock goes with the process,
  // so a receiver killed with SIGKILL does not keep its successor out.
  if (::flock(directory_fd_.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK)
      throw std::runtime_error("the journal " + options_.directory.string() +
                               " is in use by another process");
    throw_io("lock", options_.directory, errno);
  }
  recover();
  last_checkpoint_save_ = std::chrono::steady_clock::now();
  flusher_ = std::thread([this] { run_flusher(); });
}

journal::~journal() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  flusher_wake_.notify_one();
  if (flusher_.joinable()) flusher_.join();
}

fs::path journal::segment_path(std::uint64_t first_seq) const {
  char name[40];
  std::snprintf(name, sizeof name, "journal-%020llu.log",
                static_cast<unsigned long long>(first_seq));
  return options_.directory / name;
}

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

int journal::start_segment(std::uint64_t first_seq) {
  const fs::path path = segment_path(first_seq);
  unique_fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) return errno;
  segments_.push_back(first_seq);
  segment_fd_ = std::move(fd);
  segment_size_ = 0;
  zeroed_end_ = 0;
  return ::fsync(directory_fd_.get()) == 0 ? 0 : errno;
}

void journal::release_recovered() { std::vector<journal_record>().swap(recovered_); }

std::uint64_t journal::append(std::string_view payload) { return append(payload, nullptr); }

std::uint64_t journal::append(std::string_view payload, durable_callback done) {
  // 0 is never a seq: wait_durable(0) is false, so an oversized record is refused, not lost.
  if (payload.size() > kMaxPayload) {
    if (done) done(0, false);
    return 0;
  }
  char header[kHeaderBytes] = {};
  std::memcpy(header, kMagic, 4);
  store_le(header + 4, payload.size(), 4);
  bool wake = false;
  std::uint64_t seq = 0;
  {
    std::lock_guard lock(mutex_);
    seq = next_seq_++;
    ++counters_.appended;
    if (!failed_) {
      store_le(header + 8, seq, 8);
      pending_.append(header, kHeaderBytes);
      pending_.append(payload);
      pending_last_ = seq;
      if (done) pending_callbacks_.emplace_back(seq, std::move(done));
      wake = flusher_state_ != flusher_state::busy;
      flusher_state_ = flusher_state::busy;
    }
  }
  if (done) done(seq, false);  // still set only if the journal had failed
  if (wake) flusher_wake_.notify_one();
  return seq;
}

bool journal::wait_durable(std::uint64_t seq) {
  std::unique_lock lock(mutex_);
  if (seq == 0 || seq >= next_seq_) return false;
  // Sleep on the condition variable of the batch that holds `seq` (the one being written, or
  // the next), so that finishing a batch wakes its own waiters, not those of the next one.
  const std::uint64_t batch = seq > writing_last_ ? pending_batch_ : pending_batch_ - 1;
  durable_changed_[batch % 2].wait(lock, [&] { return failed_ || durable_seq_ >= seq; });
  return !failed_;
}

void journal::mark_handled(std::uint64_t seq) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (seq <= handled_ || seq >= next_seq_) return;
    if (seq != handled_ + 1) {
      handled_above_.insert(seq);
      return;
    }
    handled_ = seq;
    while (!handled_above_.empty() && *handled_above_.begin() == handled_ + 1) {
      handled_above_.erase(handled_above_.begin());
      ++handled_;
    }
    // A flusher asleep without a deadline would not otherwise save the moved checkpoint.
    wake = flusher_state_ == flusher_state::idle;
    if (wake) flusher_state_ = flusher_state::busy;
  }
  if (wake) flusher_wake_.notify_one();
}

bool journal::failed() const {
  std::lock_guard lock(mutex_);
  return failed_;
}

journal_stats journal::stats() const {
  std::lock_guard lock(mutex_);
  journal_stats s = counters_;
  s.durable_seq = durable_seq_;
  s.checkpoint = handled_;
  return s;
}

void journal::run_flusher() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (pending_.empty() && !stopping_) {
      if (handled_ != saved_checkpoint_) {
        flusher_state_ = flusher_state::timed_wait;
        flusher_wake_.wait_until(lock, last_checkpoint_save_ + options_.checkpoint_interval);
      } else {
        flusher_state_ = flusher_state::idle;
        flusher_wake_.wait(lock);
      }
      flusher_state_ = flusher_state::busy;
    }
    if (!pending_.empty()) flush(lock);
    if (handled_ != saved_checkpoint_ &&
        (stopping_ ||
         std::chrono::steady_clock::now() >= last_checkpoint_save_ + options_.checkpoint_interval))
      save_checkpoint(lock);
    if (stopping_ && pending_.empty()) return;
  }
}

void journal::flush(std::unique_lock<std::mutex>& lock) {
  if (failed_) {
    notifier_.post(fail_pending_locked(), false);
    return;
  }
  writing_.swap(pending_);
  writing_callbacks_.swap(pending_callbacks_);
  const std::uint64_t last = pending_last_;
  const std::uint64_t batch = pending_batch_++;
  writing_last_ = last;
  lock.unlock();

  seal_records(writing_);
  const bool written = write_batch(writing_);
  const auto sync_start = std::chrono::steady_clock::now();
  const bool synced = written && sync_data(segment_fd_.get());
  const auto sync_time = std::chrono::steady_clock::now() - sync_start;
  const std::uint64_t bytes = writing_.size();
  writing_.clear();
  // One burst should not pin a huge buffer for the life of the process.
  if (writing_.capacity() > kKeepBufferBytes) std::string().swap(writing_);
  segment_size_ += bytes;

  lock.lock();
  if (written) {
    ++counters_.fsyncs;
    counters_.fsync_latency.record(sync_time);
  }
  notifier_.post(std::move(writing_callbacks_), synced);
  if (synced) {
    durable_seq_ = last;
    counters_.bytes_written += bytes;
    durable_changed_[batch % 2].notify_all();
  } else {
    notifier_.post(fail_pending_locked(), false);
  }
  if (!synced || segment_size_ <= options_.segment_bytes) return;

  // Rotate after the waiters are told, so a new file's directory fsync does not delay them.
  lock.unlock();
  const int err = start_segment(last + 1);
  lock.lock();
  if (err != 0) notifier_.post(fail_pending_locked(), false);
}

durable_callbacks journal::fail_pending_locked() {
  failed_ = true;
  pending_.clear();
  notify_all_waiters();
  durable_callbacks lost;
  lost.swap(pending_callbacks_);
  return lost;
}

bool journal::write_batch(std::string_view batch) {
  const std::uint64_t end = segment_size_ + batch.size();
  if (options_.zero_ahead_bytes > 0 && end > zeroed_end_) {
    // Neither the zeros nor the batch count before the fdatasync that follows, and recovery
    // takes whatever part of them reached the disk: zeros as a clean end, a partial batch as a
    // torn tail.
    static const std::string kZeros(64 * 1024, '\0');
    const std::uint64_t target = end + options_.zero_ahead_bytes;
    for (std::uint64_t at = std::max(zeroed_end_, end); at < target;) {
      const std::size_t n =
          static_cast<std::size_t>(std::min<std::uint64_t>(kZeros.size(), target - at));
      if (!pwrite_all(segment_fd_.get(), std::string_view(kZeros).substr(0, n), at)) return false;
      at += n;
    }
    zeroed_end_ = target;
  }
  if (!pwrite_all(segment_fd_.get(), batch, segment_size_)) return false;
  zeroed_end_ = std::max(zeroed_end_, end);
  return true;
}

void journal::notify_all_waiters() {
  durable_changed_[0].notify_all();
  durable_changed_[1].notify_all();
}

void journal::save_checkpoint(std::unique_lock<std::mutex>& lock) {
  const std::uint64_t checkpoint = handled_;
  lock.unlock();

  // Written aside then renamed over, so the file is always a whole old or a whole new value.
  // The rename is not followed by a directory fsync: losing it only re-delivers handled
  // records, and a segment is deleted below only when everything in it is handled anyway.
  const fs::path tmp = options_.directory / kCheckpointTmpName;
  bool saved = false;
  {
    const unique_fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    saved =
        fd.get() >= 0 && write_all(fd.get(), checkpoint_text(checkpoint)) && sync_data(fd.get());
  }
  saved = saved && ::rename(tmp.c_str(), (options_.directory / kCheckpointName).c_str()) == 0;
  bool removed = false;
  while (saved && segments_.size() > 1 && segments_[1] <= checkpoint + 1) {
    if (::unlink(segment_path(segments_.front()).c_str()) != 0 && errno != ENOENT) break;
    segments_.erase(segments_.begin());
    removed = true;
  }
  if (removed) ::fsync(directory_fd_.get());

  lock.lock();
  if (saved) saved_checkpoint_ = checkpoint;
  // Also after a failure, so a disk that refuses the file is retried once per interval.
  last_checkpoint_save_ = std::chrono::steady_clock::now();
}

}  // namespace mifos::hooks::detail
