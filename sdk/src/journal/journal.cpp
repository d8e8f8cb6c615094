// journal.cpp: the journal's appends and its group-commit flusher (opening and recovery are in
// journal_recovery.cpp). Appenders only copy bytes under the mutex; every system call (write,
// fdatasync, rename, unlink) happens on the flusher thread with the mutex released, so a slow
// disk never blocks an appender.
#include "journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "journal_format.hpp"

namespace mifos::hooks::detail {
namespace {

namespace fs = std::filesystem;

// A batch buffer larger than this is freed after use, not kept for the next batch.
constexpr std::size_t kKeepBufferBytes = std::size_t{16} << 20;

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
