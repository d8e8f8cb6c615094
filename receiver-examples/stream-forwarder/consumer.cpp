// consumer.cpp: see consumer.hpp.
#include "consumer.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "stream_reading.hpp"

namespace stream_forwarder {
namespace {

using clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The longest a blocking read waits, so a stop request is noticed within it.
constexpr milliseconds kMaxBlock{1000};
constexpr milliseconds kRetryWait{1000};

void log(const std::string& line) {
  std::fprintf(stderr, "stream-consumer: %s\n", line.c_str());
  std::fflush(stderr);
}

// Waits `d` unless asked to stop first; false when asked to stop.
bool pause(milliseconds d, const std::atomic<bool>& stop) {
  auto until = clock::now() + d;
  while (!stop && clock::now() < until) std::this_thread::sleep_for(milliseconds(50));
  return !stop;
}

class group_reader {
 public:
  group_reader(const consumer_settings& s, const std::atomic<bool>& stop, std::FILE* out)
      : s_(s), stop_(stop), out_(out), redis_(with_block_time(s.redis)) {}

  int run();

 private:
  static redis_settings with_block_time(redis_settings r) {
    r.command_timeout += kMaxBlock;  // a blocking read may take that long to answer
    return r;
  }
  // The outcome of one step of the loop.
  enum class step { go_on, retry_later, done, fatal };
  step set_up();
  step read_once();
  step ack(const std::vector<std::string>& ids);
  // A failed command: a transport error is retried after reconnecting, an error reply is fatal.
  step failed(const redis_result& r, const char* what);

  const consumer_settings& s_;
  const std::atomic<bool>& stop_;
  std::FILE* out_;
  redis_connection redis_;
  bool ready_ = false;            // the group exists and this connection read its pending list
  bool reading_pending_ = false;  // still going through our own unacknowledged entries
  std::string pending_after_ = "0";
  std::uint64_t printed_ = 0;
  clock::time_point last_entry_ = clock::now();
  bool announced_ = false;
  bool down_ = false;
};

group_reader::step group_reader::failed(const redis_result& r, const char* what) {
  if (r.ok()) {
    log(std::string(what) + " refused: " + r.reply->text);
    return step::fatal;
  }
  if (!down_) log("redis unavailable (" + r.error + "); retrying every second");
  down_ = true;
  ready_ = false;  // after reconnecting, read the pending entries again
  return step::retry_later;
}

group_reader::step group_reader::set_up() {
  redis_result r = redis_.command(xgroup_create_args(s_.stream, s_.group, s_.from_start));
  if (!r.ok() || (r.reply->is_error() && !is_group_exists_error(*r.reply)))
    return failed(r, "XGROUP CREATE");
  if (down_) log("redis is back");
  down_ = false;
  ready_ = true;
  reading_pending_ = true;
  pending_after_ = "0";
  if (!announced_) {
    log("reading " + s_.stream + " as " + s_.consumer + " in group " + s_.group);
    announced_ = true;
  }
  return step::go_on;
}

group_reader::step group_reader::ack(const std::vector<std::string>& ids) {
  // XACK is idempotent: repeat it until it lands, or the entries would be printed again.
  while (!stop_) {
    redis_result r = redis_.command(xack_args(s_.stream, s_.group, ids));
    if (r.ok() && !r.reply->is_error()) return step::go_on;
    if (failed(r, "XACK") == step::fatal) return step::fatal;
    if (!pause(kRetryWait, stop_)) break;
  }
  return step::done;
}

group_reader::step group_reader::read_once() {
  std::size_t count = s_.batch;
  if (s_.count > 0)
    count = static_cast<std::size_t>(std::min<std::uint64_t>(count, s_.count - printed_));
  std::optional<milliseconds> block;
  if (!reading_pending_) {
    block = kMaxBlock;
    if (s_.idle_exit) {
      auto left =
          std::chrono::duration_cast<milliseconds>(*s_.idle_exit - (clock::now() - last_entry_));
      block = std::clamp(left, milliseconds(1), kMaxBlock);
    }
  }
  redis_result r = redis_.command(xreadgroup_args(s_.group, s_.consumer, s_.stream, count, block,
                                                  reading_pending_ ? pending_after_ : ">"));
  if (r.ok() && r.reply->is_error() && r.reply->text.starts_with("NOGROUP")) {
    ready_ = false;  // the group or the stream was deleted: create it again
    return step::go_on;
  }
  if (!r.ok() || r.reply->is_error()) return failed(r, "XREADGROUP");
  auto entries = read_entries(*r.reply);
  if (!entries) {
    log("XREADGROUP gave a reply of an unexpected shape");
    return step::fatal;
  }
  if (entries->empty()) {
    if (reading_pending_) {
      reading_pending_ = false;
    } else if (s_.idle_exit && clock::now() - last_entry_ >= *s_.idle_exit) {
      return step::done;
    }
    return step::go_on;
  }
  if (reading_pending_) pending_after_ = entries->back().id;
  std::vector<std::string> ids;
  for (const stream_entry& e : *entries) {
    ids.push_back(e.id);
    auto line = output_line(e, s_.with_ids);
    if (!line) continue;  // a trimmed or foreign entry: acknowledged, not printed
    std::fputs(line->c_str(), out_);
    std::fputc('\n', out_);
    ++printed_;
  }
  std::fflush(out_);
  last_entry_ = clock::now();
  if (step a = ack(ids); a != step::go_on) return a;
  return s_.count > 0 && printed_ >= s_.count ? step::done : step::go_on;
}

int group_reader::run() {
  while (!stop_) {
    step st = ready_ ? read_once() : set_up();
    if (st == step::done) return 0;
    if (st == step::fatal) return 1;
    if (st == step::retry_later && !pause(kRetryWait, stop_)) break;
  }
  return 0;
}

}  // namespace

int consume(const consumer_settings& s, const std::atomic<bool>& stop, std::FILE* out) {
  return group_reader(s, stop, out).run();
}

}  // namespace stream_forwarder
