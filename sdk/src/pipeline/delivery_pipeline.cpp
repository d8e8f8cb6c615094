// delivery_pipeline.cpp: admission (dedupe, journal, queue), the workers, retries, dead letters
// and recovery.
#include "delivery_pipeline.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

#include "delivery_codec.hpp"

namespace mifos::hooks::detail {
namespace {

std::filesystem::path dead_letter_path(const receiver_options& o) {
  if (!o.dead_letter_file.empty()) return o.dead_letter_file;
  if (!o.journal_dir.empty()) return std::filesystem::path(o.journal_dir) / "dead-letter.jsonl";
  return {};
}

// Items a worker takes from the queue at once.
constexpr std::size_t kBatch = 16;
// Zeros written ahead of the journal's last record (journal_options::zero_ahead_bytes): the file
// grows once per 64 KiB of deliveries, so most fdatasync calls write data only, not also a new
// file size. On this project's test machine (ext4 on virtio) the median fsync fell from the
// 0.5 ms to the 0.25 ms histogram bucket; bench/RESULTS.md section 5 has the runs with and
// without it.
// Small on purpose: the fsync that carries the zeros waits for them too.
constexpr std::size_t kJournalZeroAhead = std::size_t{64} << 10;

int worker_count(const receiver_options& o) {
  if (o.workers > 0) return o.workers;
  return o.journal_dir.empty() ? 0 : 2;
}

// retry_backoff, doubled per earlier failure, capped.
std::chrono::milliseconds backoff_for(const receiver_options& o, int failures) {
  auto wait = o.retry_backoff;
  for (int i = 1; i < failures && wait < o.retry_backoff_max; ++i) wait *= 2;
  return std::min(wait, o.retry_backoff_max);
}

}  // namespace

delivery_pipeline::delivery_pipeline(const router& routes, const receiver_options& options)
    : routes_(routes),
      options_(options),
      queued_(worker_count(options) > 0),
      queue_(std::max<std::size_t>(1, options.queue_capacity)) {
  if (!options.journal_dir.empty()) {
    try {
      journal_ = std::make_unique<journal>(
          journal_options{.directory = options.journal_dir, .zero_ahead_bytes = kJournalZeroAhead});
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string("cannot open the journal: ") + e.what());
    }
  }
  if (auto path = dead_letter_path(options); !path.empty())
    dead_letters_ = std::make_unique<dead_letter_file>(path);
  if (options.dedupe_window > 0) seen_ = std::make_unique<dedupe_window>(options.dedupe_window);
}

delivery_pipeline::~delivery_pipeline() {
  stop();
  // Before the queue and the dedupe window go: closing the journal runs the callbacks of the
  // records it still flushes, and those use both.
  journal_.reset();
}

void delivery_pipeline::start() {
  if (started_) return;
  started_ = true;
  if (journal_) {
    for (const journal_record& r : journal_->recovered()) {
      work_item item;
      item.journaled = true;
      delivery d;
      bool decoded = decode_delivery(r.payload, d);
      auto parsed = decoded ? parse(d) : parse_result(parse_error{});
      if (!parsed) {
        // Each record was parsed before it was journaled and its checksum is good, so only a
        // parser changed between the two runs gets here.
        if (decoded && dead_letters_) dead_letters_->write(d);
        ++dead_lettered_;
        tell(log_level::warning,
             "journal record " + std::to_string(r.seq) + " no longer parses; it is dead-lettered");
        journal_->mark_handled(r.seq);
        continue;
      }
      if (auto key = dedupe_key(*parsed, d)) seen_->insert(*key);
      item.parsed = std::move(*parsed);
      item.parsed.delivery_id = r.seq;
      item.parsed.recovered = true;
      item.encoded = r.payload;
      ++recovered_;
      queue_.push_unbounded(std::move(item));
    }
    journal_->release_recovered();
    if (recovered_ > 0)
      tell(log_level::info, "recovered " + std::to_string(recovered_.load()) +
                                " accepted deliveries not yet handled from the journal " +
                                options_.journal_dir + "; handling them now");
  }
  int n = worker_count(options_);
  workers_.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) workers_.emplace_back([this] { work(); });
}

std::optional<std::string> delivery_pipeline::dedupe_key(const event& e, const delivery& d) const {
  if (!seen_) return std::nullopt;
  return options_.dedupe_key ? options_.dedupe_key(e, d) : default_dedupe_key(e, d);
}

std::optional<admit_result> delivery_pipeline::begin_admit(const delivery& d, const event& e,
                                                           std::optional<std::string>& key) {
  key = dedupe_key(e, d);
  if (key && !seen_->insert(*key)) {
    ++deduped_;
    return admit_result::duplicate;
  }
  if (!queued_ || queue_.reserve(options_.queue_full_wait)) return std::nullopt;
  ++queue_full_;
  if (key) seen_->erase(*key);
  return admit_result::queue_full;
}

admit_result delivery_pipeline::admit(const delivery& d, event&& e) {
  std::optional<std::string> key;
  if (auto refused = begin_admit(d, e, key)) return *refused;
  auto refuse = [&](admit_result why) {
    if (key) seen_->erase(*key);
    return why;
  };

  if (!queued_) {
    if (!routes_.dispatch(e).ok()) {
      ++handler_failures_;
      return refuse(admit_result::handler_failed);
    }
    ++handled_;
    ++accepted_;
    return admit_result::accepted;
  }

  work_item item;
  item.encoded = encode_delivery(d);
  item.parsed = std::move(e);
  if (journal_) {
    std::uint64_t seq = journal_->append(item.encoded);
    if (!journal_->wait_durable(seq)) {
      queue_.cancel();
      journal_refused();
      return refuse(admit_result::journal_failed);
    }
    journal_failing_ = false;
    item.parsed.delivery_id = seq;
    item.journaled = true;
  } else {
    item.parsed.delivery_id = ++next_id_;
  }
  queue_.push_reserved(std::move(item));
  ++accepted_;
  return admit_result::accepted;
}

void delivery_pipeline::admit(const delivery& d, event&& e, admit_callback done) {
  if (!journal_) {
    done(admit(d, std::move(e)));
    return;
  }
  std::optional<std::string> key;
  if (auto refused = begin_admit(d, e, key)) {
    done(*refused);
    return;
  }
  // Shared: std::function copies what it holds, and a work item is large.
  auto item = std::make_shared<work_item>();
  item->encoded = encode_delivery(d);
  item->parsed = std::move(e);
  const std::string& record = item->encoded;
  journal_->append(record, [this, item, key = std::move(key), done = std::move(done)](
                               std::uint64_t seq, bool durable) {
    if (!durable) {
      queue_.cancel();
      journal_refused();
      if (key) seen_->erase(*key);
      done(admit_result::journal_failed);
      return;
    }
    journal_failing_ = false;
    item->parsed.delivery_id = seq;
    item->journaled = true;
    queue_.push_reserved(std::move(*item));
    ++accepted_;
    done(admit_result::accepted);
  });
}

void delivery_pipeline::work() {
  std::vector<work_item> batch;
  while (queue_.pop_some(batch, kBatch) > 0) {
    for (work_item& item : batch) handle(std::move(item));
    batch.clear();
  }
}

void delivery_pipeline::handle(work_item item) {
  if (routes_.dispatch(item.parsed).ok()) {
    ++handled_;
    finish(item);
    return;
  }
  ++handler_failures_;
  if (item.parsed.attempt >= std::max(1, options_.max_attempts)) {
    give_up(item);
    return;
  }
  auto wait = backoff_for(options_, item.parsed.attempt);
  ++item.parsed.attempt;
  ++retried_;
  queue_.push_retry(std::move(item), work_clock::now() + wait);
}

void delivery_pipeline::give_up(work_item& item) {
  delivery d;
  bool written = dead_letters_ && decode_delivery(item.encoded, d) && dead_letters_->write(d);
  int write_error = errno;
  ++dead_lettered_;
  std::string what = item.parsed.entity + "." + item.parsed.action + " delivery " +
                     std::to_string(item.parsed.delivery_id);
  if (!dead_letters_) {
    tell(log_level::warning, "gave up on " + what + " after " +
                                 std::to_string(item.parsed.attempt) +
                                 " attempts; no dead-letter file is set, so it is dropped");
  } else if (written) {
    tell(log_level::warning, "gave up on " + what + " after " +
                                 std::to_string(item.parsed.attempt) +
                                 " attempts; written to the dead-letter file");
  } else {
    tell(log_level::error,
         "cannot write " + what + " to the dead-letter file (" + std::strerror(write_error) +
             (item.journaled ? "); it stays in the journal for the next start" : "); it is lost"));
  }
  // A journaled delivery that could not be written to the dead-letter file stays unhandled in
  // the journal rather than being lost: the next start tries it again.
  if (written || !item.journaled) finish(item);
}

void delivery_pipeline::tell(log_level level, const std::string& message) const {
  if (!options_.log) return;
  try {
    options_.log(level, message);
  } catch (...) {
  }
}

void delivery_pipeline::journal_refused() {
  ++journal_refused_;
  if (!journal_failing_.exchange(true))
    tell(log_level::error,
         "the journal " + options_.journal_dir +
             " cannot make deliveries durable; they are answered 503 until it can");
}

void delivery_pipeline::finish(const work_item& item) {
  if (item.journaled) journal_->mark_handled(item.parsed.delivery_id);
}

void delivery_pipeline::stop() {
  if (!started_) return;
  started_ = false;
  // What is due now is handled before the workers stop. Retries waiting for their backoff are
  // given up on without a journal; with one they stay in it, for the next start.
  queue_.close(/*drain=*/true);
  for (auto& t : workers_) t.join();
  workers_.clear();
  std::vector<work_item> left = queue_.take_all();
  if (!journal_) {
    for (work_item& item : left) give_up(item);
  }
}

pipeline_stats delivery_pipeline::stats() const {
  pipeline_stats s;
  s.accepted = accepted_;
  s.handled = handled_;
  s.handler_failures = handler_failures_;
  s.retried = retried_;
  s.dead_lettered = dead_lettered_;
  s.deduped = deduped_;
  s.queue_full = queue_full_;
  s.journal_refused = journal_refused_;
  s.recovered = recovered_;
  s.queue_depth = queue_.size();
  s.queued = queued_;
  s.journaled = journal_ != nullptr;
  if (journal_) s.journal = journal_->stats();
  return s;
}

bool delivery_pipeline::healthy() const { return !journal_ || !journal_->failed(); }

}  // namespace mifos::hooks::detail
