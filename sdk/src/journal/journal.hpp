// journal.hpp: the receiver's on-disk, append-only journal of accepted deliveries.
//
// A delivery is appended, and the receiver answers 200 only once wait_durable() says the record
// is on disk (written and fdatasync'd). One flusher thread writes whatever has been appended
// since its last flush with one write() and one fdatasync(): concurrent requests share an fsync
// (group commit). Workers mark records handled; the checkpoint (every record at or below it is
// handled) is saved lazily, so after a crash records above it are handled again: at least once.
//
//   detail::journal j({.directory = "/var/lib/app/journal"});
//   for (const auto& r : j.recovered()) enqueue(r.seq, r.payload);   // accepted, not handled
//   std::uint64_t seq = j.append(payload);
//   if (!j.wait_durable(seq)) return http_answer{503, ...};         // the disk failed
//   ... later, on a worker ...
//   j.mark_handled(seq);
//
// On disk, in `directory`: segment files `journal-<first seq, 20 digits>.log`, a `checkpoint`
// file, and nothing else of ours. A record is
//   u32 magic "MHJ1" | u32 payload length | u64 seq | u32 crc32c(seq bytes + payload) | payload
// (little-endian). Opening scans every segment; the first record that is short, has a bad magic,
// length, sequence number or checksum ends the journal: the file is cut there and any later
// segment removed (a torn tail after a crash), and recovery_report says how much was cut. Zeros
// from there to the end of the file are not a torn tail but space written ahead
// (zero_ahead_bytes), and stay.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "durability_notifier.hpp"
#include "latency_histogram.hpp"

namespace mifos::hooks::detail {

struct journal_options {
  std::filesystem::path directory;  // created (with parents) if missing
  // A new segment starts once the current one is this large; segments whose records are all
  // at or below the checkpoint are deleted.
  std::size_t segment_bytes = 64 * 1024 * 1024;
  // How often the flusher saves the checkpoint when it has moved.
  std::chrono::milliseconds checkpoint_interval{100};
  // When > 0, the segment is filled with zeros this far past its last record, a chunk at a
  // time, so that most fdatasync calls commit only data and not also a new file size (on ext4
  // noticeably cheaper). Recovery takes an all-zero tail as the clean end of the segment.
  std::size_t zero_ahead_bytes = 0;
};

struct journal_record {
  std::uint64_t seq = 0;  // 1, 2, 3, ... in append order, never reused
  std::string payload;
};

struct recovery_report {
  std::size_t segments = 0;          // segment files found
  std::uint64_t checkpoint = 0;      // read from the checkpoint file (0 when missing or corrupt)
  std::size_t records = 0;           // valid records found in all segments
  std::size_t unhandled = 0;         // of those, above the checkpoint (= recovered().size())
  std::uint64_t cut_bytes = 0;       // bytes removed as a torn or corrupt tail
  std::size_t removed_segments = 0;  // later segments removed after a corrupt record
};

struct journal_stats {
  std::uint64_t appended = 0;     // records appended since open
  std::uint64_t durable_seq = 0;  // highest seq known to be on disk
  std::uint64_t checkpoint = 0;   // highest seq with it and everything below handled
  std::uint64_t fsyncs = 0;       // fdatasync calls since open
  std::uint64_t bytes_written = 0;
  latency_histogram fsync_latency;  // of each fdatasync
};

class journal {
 public:
  // Opens or creates the journal and recovers it (see above). Throws std::runtime_error with a
  // message naming the path and errno text when the directory or a file cannot be used.
  explicit journal(journal_options options);
  // Flushes what was appended, saves the checkpoint, stops the flusher.
  ~journal();
  journal(const journal&) = delete;
  journal& operator=(const journal&) = delete;

  // Records above the checkpoint found when opening, in seq order.
  const std::vector<journal_record>& recovered() const noexcept { return recovered_; }
  const recovery_report& report() const noexcept { return report_; }
  // Frees recovered() once the caller has taken the records.
  void release_recovered();

  // Queues a record for the next flush; returns its seq. Never waits for the disk.
  std::uint64_t append(std::string_view payload);
  // Called once per record: true when it is durable, false when the journal failed (or the
  // record is over 256 MiB). Runs on the journal's notifier thread, in seq order; or at once,
  // on the caller's thread, when the journal has already failed.
  using durable_callback = detail::durable_callback;
  // Like append(), without blocking a thread on the fsync: `done` says when it is over.
  std::uint64_t append(std::string_view payload, durable_callback done);
  // Blocks until record `seq` is durable. False if the journal has failed (a write or fsync
  // error): from then on every wait returns false and nothing new is accepted.
  bool wait_durable(std::uint64_t seq);
  // Record `seq` needs no more handling (handled, or given up on and dead-lettered).
  void mark_handled(std::uint64_t seq);

  bool failed() const;
  journal_stats stats() const;

 private:
  // A file descriptor, closed when it goes away (so a constructor that throws leaks none).
  class unique_fd {
   public:
    unique_fd() = default;
    explicit unique_fd(int fd) noexcept : fd_(fd) {}
    unique_fd(unique_fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    unique_fd& operator=(unique_fd&& other) noexcept {
      if (this != &other) {
        reset();
        fd_ = std::exchange(other.fd_, -1);
      }
      return *this;
    }
    ~unique_fd() { reset(); }
    int get() const noexcept { return fd_; }
    void reset() noexcept;

   private:
    int fd_ = -1;
  };
  enum class flusher_state { busy, timed_wait, idle };

  void recover();
  void open_for_append(std::uint64_t last_segment, std::uint64_t last_segment_size,
                       std::uint64_t last_file_size, bool continues);
  // Writes a batch after the last record, zero-filling ahead first when it would cross
  // zeroed_end_. False on a write error.
  bool write_batch(std::string_view batch);
  int start_segment(std::uint64_t first_seq);  // 0 or an errno value
  std::filesystem::path segment_path(std::uint64_t first_seq) const;
  void run_flusher();
  void flush(std::unique_lock<std::mutex>& lock);
  void save_checkpoint(std::unique_lock<std::mutex>& lock);
  void notify_all_waiters();
  // Takes the callbacks of records that will never be written (the journal failed).
  durable_callbacks fail_pending_locked();

  std::vector<journal_record> recovered_;
  recovery_report report_;
  journal_options options_;
  unique_fd directory_fd_;

  // Only the flusher thread touches these once the constructor has returned.
  unique_fd segment_fd_;
  std::vector<std::uint64_t> segments_;  // first seqs, ascending; the last one is written to
  std::uint64_t segment_size_ = 0;       // bytes of records in the segment: where the next one goes
  std::uint64_t zeroed_end_ = 0;         // the segment file's size (records, then zeros)
  std::string writing_;                  // the batch being written, kept to reuse its capacity
  durable_callbacks writing_callbacks_;
  std::chrono::steady_clock::time_point last_checkpoint_save_;

  mutable std::mutex mutex_;
  std::condition_variable flusher_wake_;
  // Waiters of even and odd batches apart: a flush wakes only the waiters it made durable.
  std::condition_variable durable_changed_[2];
  std::uint64_t pending_batch_ = 1;  // number of the batch pending_ will be written as
  std::uint64_t writing_last_ = 0;   // last seq of the batch being (or last) written
  std::string pending_;  // framed records appended since the flusher last took the buffer
  std::uint64_t pending_last_ = 0;
  durable_callbacks pending_callbacks_;  // of pending_
  std::uint64_t next_seq_ = 1;
  std::uint64_t durable_seq_ = 0;
  std::uint64_t handled_ = 0;              // every seq <= this is handled
  std::set<std::uint64_t> handled_above_;  // handled, but a smaller seq is not yet
  std::uint64_t saved_checkpoint_ = 0;
  flusher_state flusher_state_ = flusher_state::busy;
  bool stopping_ = false;
  bool failed_ = false;
  journal_stats counters_;        // appended, fsyncs, bytes_written, fsync_latency
  durability_notifier notifier_;  // outlives the flusher, which posts to it until it stops
  std::thread flusher_;           // last: started once everything above is ready
};

}  // namespace mifos::hooks::detail
