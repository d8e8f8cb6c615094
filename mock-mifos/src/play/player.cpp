// player.cpp: one thread, one loop: read a little ahead of the clock, decide each delivery's
// faults and intended send time, hand due deliveries to idle connections, collect answers.
// Reading stops a bounded distance ahead, so memory stays flat whatever the file's size.
#include "play/player.hpp"

#include <algorithm>
#include <memory>
#include <mifos/hooks/wire.hpp>
#include <queue>
#include <unordered_map>

#include "play/answer_log.hpp"
#include "load/load_sender.hpp"
#include "traffic/traffic_source.hpp"
#include "wire/url.hpp"

namespace mifos::mock {
namespace {

struct scheduled {
  std::int64_t send_at_us;  // when to hand it to a connection (its intended time, or later)
  std::uint64_t seq;        // ties keep the order deliveries were scheduled in
  std::uint32_t event = 0;  // index into the player's event names, for the report
  std::uint64_t index = 0;  // position of the delivery in the files (0-based), for --log
  load_request request;
  bool operator>(const scheduled& o) const {
    return send_at_us != o.send_at_us ? send_at_us > o.send_at_us : seq > o.seq;
  }
};

std::string event_name(const hooks::delivery& d) {
  for (const auto* names : {&hooks::wire::kFineractHeaders, &hooks::wire::kMifosHeaders}) {
    auto entity = d.header(names->entity);
    auto action = d.header(names->action);
    if (entity && action) return std::string(*entity) + "." + std::string(*action);
  }
  return "-";
}

// The files, one after the other, and over again with --loop.
class record_stream {
 public:
  record_stream(const std::vector<std::string>& files, bool loop) : files_(files), loop_(loop) {
    if (files_.empty()) throw play_error("no traffic file given");
    for (const auto& f : files_) {
      std::string error;
      auto source = open_traffic_file(f, error);
      if (!source) throw play_error(error);
      sources_.push_back(std::move(source));
    }
  }

  // The next record; nothing when every file is done (and no --loop). `wrapped` is set when
  // the files started over.
  std::optional<hooks::traffic_record> next(bool& wrapped) {
    wrapped = false;
    for (;;) {
      std::string error;
      if (auto r = sources_[current_]->next(error)) {
        ++read_in_pass_;
        return r;
      }
      if (!error.empty()) throw play_error(error);
      if (++current_ < sources_.size()) continue;
      if (!loop_ || read_in_pass_ == 0) return std::nullopt;  // an empty pass would spin
      for (auto& s : sources_) s->rewind();
      current_ = 0;
      read_in_pass_ = 0;
      wrapped = true;
    }
  }

 private:
  std::vector<std::string> files_;
  bool loop_;
  std::vector<std::unique_ptr<traffic_source>> sources_;
  std::size_t current_ = 0;
  std::uint64_t read_in_pass_ = 0;
};

std::vector<std::pair<std::string, std::string>> header_pairs(const hooks::delivery& d) {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(d.headers.size());
  for (const auto& h : d.headers) out.emplace_back(h.name, h.value);
  return out;
}

class player {
 public:
  player(const play_options& o,
         const std::function<void(const play_report&, std::int64_t)>& progress)
      : o_(o),
        progress_(progress),
        records_(o.files, o.loop),
        pacer_(o.pacing),
        faults_(o.faults),
        report_(o.pacing.how == pacing_options::mode::rate ? std::optional<double>(o.pacing.rate)
                                                           : std::nullopt) {
    auto url = parse_http_url(o.target);
    if (!url || url->scheme != "http")
      throw play_error("--target must be an http:// URL, not \"" + o.target + "\"");
    host_header_ = url->host_header();
    rewrite_ = o.rewrite;
    std::string_view target_path = std::string_view(url->target).substr(0, url->target.find('?'));
    if (!rewrite_.path && target_path != "/") rewrite_.path = url->target;
    load_sender_options so;
    so.connections = std::max<std::size_t>(1, o.connections);
    so.request_timeout = o.request_timeout;
    sender_ = std::make_unique<load_sender>(url->host, url->port, so);
    // Enough read ahead to keep every connection busy, little enough to stay small.
    read_ahead_ = 4 * so.connections + 256;
    // A malformed delivery is made from the parsed one, which the cache does not keep.
    caching_ = o.loop && !o.faults.malform.active();
    if (!o.log_file.empty()) log_ = std::make_unique<answer_log>(o.log_file);
  }

  play_report run() {
    std::vector<load_response> done;
    std::int64_t next_progress = 1'000'000;
    std::int64_t last_done = 0;
    for (;;) {
      std::int64_t now = sender_->now_us();
      read_until(now);
      while (!queue_.empty() && queue_.top().send_at_us <= now && sender_->idle_connections() > 0) {
        scheduled s = queue_.top();
        queue_.pop();
        // With --rate max there is no schedule to be late for: latency counts from the send,
        // as wrk counts it.
        if (o_.pacing.how == pacing_options::mode::max) s.request.intended_us = now;
        events_in_flight_.emplace(s.request.id, in_flight{s.event, s.index});
        sender_->send(std::move(s.request));
      }
      if (queue_.empty() && exhausted_ && sender_->in_flight() == 0) break;
      sender_->poll(std::chrono::microseconds(wait_us(now)), done);
      for (const auto& r : done) {
        auto it = events_in_flight_.find(r.id);
        std::string_view event = "-";
        std::uint64_t index = 0;
        if (it != events_in_flight_.end()) {
          event = event_names_[it->second.event];
          index = it->second.index;
          events_in_flight_.erase(it);
        }
        std::optional<std::int64_t> lag;
        if (r.sent_us > 0) lag = r.sent_us - r.intended_us;
        report_.add(event, r.status, r.done_us - r.intended_us, r.intended_us, lag);
        if (log_) log_->write(index, event, r);
        last_done = std::max(last_done, r.done_us);
      }
      done.clear();
      if (progress_ && now >= next_progress) {
        progress_(report_, now);
        next_progress = now + 1'000'000;
      }
    }
    report_.finish(std::max<std::int64_t>(last_done, 1));
    return std::move(report_);
  }

 private:
  // How long the loop may block: until the next delivery is due, but waking 1 ms early and
  // then spinning, because epoll waits in whole milliseconds.
  std::int64_t wait_us(std::int64_t now) const {
    if (!queue_.empty() && queue_.top().send_at_us <= now)
      return sender_->idle_connections() ? 0 : 1000;
    if (queue_.empty()) return exhausted_ ? 1000 : 0;
    std::int64_t until = queue_.top().send_at_us - now;
    return until > 2000 ? std::min<std::int64_t>(until - 1000, 10'000) : 0;
  }

  void read_until(std::int64_t now) {
    while (!exhausted_ && queue_.size() < read_ahead_ && (queue_.empty() || last_due_ <= now))
      read_one();
  }

  // A delivery rewritten and serialized, ready to be scheduled.
  struct prepared {
    std::int64_t offset_us = 0;
    std::uint32_t event = 0;
    std::string bytes;
    std::size_t body_size = 0;
  };

  // The next delivery of the files. With --loop, the first pass is kept (when it fits in
  // kCacheBytes and no malform fault needs the parsed delivery), so later passes cost a copy
  // instead of a JSON parse and a serialization each.
  std::optional<prepared> next_prepared(bool& wrapped, std::optional<hooks::delivery>& parsed) {
    if (cache_complete_) {
      if (cache_pos_ == cache_.size()) {
        cache_pos_ = 0;
        wrapped = true;
      }
      return cache_[cache_pos_++];
    }
    auto record = records_.next(wrapped);
    if (!record) return std::nullopt;
    if (wrapped && caching_) {
      cache_complete_ = true;
      cache_pos_ = 1;
      return cache_[0];
    }
    hooks::delivery d = rewrite(record->message, rewrite_);
    prepared p;
    p.offset_us = record->offset_us;
    p.event = intern(event_name(d));
    p.bytes = serialize_request(d.method, d.target, header_pairs(d), d.body, host_header_);
    p.body_size = d.body.size();
    if (caching_) {
      cache_bytes_ += p.bytes.size() + sizeof(prepared);
      if (cache_bytes_ > kCacheBytes) {
        caching_ = false;
        cache_.clear();
        cache_.shrink_to_fit();
      } else {
        cache_.push_back(p);
      }
    }
    parsed = std::move(d);
    return p;
  }

  void read_one() {
    if (o_.count && index_ >= *o_.count) return finish_reading();
    bool wrapped = false;
    std::optional<hooks::delivery> parsed;
    auto next = next_prepared(wrapped, parsed);
    if (!next) return finish_reading();
    if (wrapped) pacer_.restart_recording();
    std::int64_t due = pacer_.next(next->offset_us);
    if (o_.duration_us && due >= *o_.duration_us) return finish_reading();
    if (o_.duration_us && o_.pacing.how == pacing_options::mode::max &&
        sender_->now_us() >= *o_.duration_us)
      return finish_reading();
    last_due_ = due;
    const std::uint64_t index = index_++;
    fault_plan plan = faults_.plan_for(index, due);
    if (plan.drop) {
      report_.count_dropped();
      return;
    }
    scheduled s;
    s.send_at_us = due + plan.delay_us;
    s.event = next->event;
    s.index = index;
    s.request.intended_us = s.send_at_us;
    s.request.bytes = std::move(next->bytes);
    std::size_t body_size = next->body_size;
    if (plan.malform != malformation::none && parsed) {
      hooks::delivery d = malformed(*parsed, plan.malform);
      s.event = intern(event_name(d));
      s.request.bytes =
          serialize_request(d.method, d.target, header_pairs(d), d.body, host_header_);
      body_size = d.body.size();
      report_.count_malformed();
    }
    if (plan.disconnect) {
      s.request.cut_after =
          s.request.bytes.size() - body_size + std::max<std::size_t>(1, body_size / 2);
      report_.count_disconnected();
    }
    if (plan.duplicate) {
      report_.count_duplicated();
      push(scheduled(s));
    }
    if (plan.reorder && !held_) {
      held_ = std::move(s);
      return;
    }
    push(std::move(s));
    release_held(due);
  }

  // Event names are few ("LOAN.REPAYMENT"): each is kept once and deliveries carry its index.
  std::uint32_t intern(const std::string& name) {
    auto [it, added] =
        event_ids_.try_emplace(name, static_cast<std::uint32_t>(event_names_.size()));
    if (added) event_names_.push_back(name);
    return it->second;
  }

  void push(scheduled s) {
    s.seq = next_seq_++;
    s.request.id = next_id_++;
    queue_.push(std::move(s));
  }

  // A delivery held back for --reorder goes right after the one that overtook it.
  void release_held(std::int64_t after_us) {
    if (!held_) return;
    held_->send_at_us = std::max(held_->send_at_us, after_us);
    push(std::move(*held_));
    held_.reset();
  }

  void finish_reading() {
    exhausted_ = true;
    release_held(last_due_);
  }

  const play_options& o_;
  const std::function<void(const play_report&, std::int64_t)>& progress_;
  record_stream records_;
  pacer pacer_;
  fault_injector faults_;
  play_report report_;
  rewrite_options rewrite_;
  std::string host_header_;
  std::unique_ptr<load_sender> sender_;
  std::size_t read_ahead_ = 0;
  std::priority_queue<scheduled, std::vector<scheduled>, std::greater<>> queue_;
  struct in_flight {
    std::uint32_t event;
    std::uint64_t index;
  };
  std::unordered_map<std::uint64_t, in_flight> events_in_flight_;
  std::unique_ptr<answer_log> log_;
  std::vector<std::string> event_names_;
  std::unordered_map<std::string, std::uint32_t> event_ids_;
  std::optional<scheduled> held_;
  std::uint64_t index_ = 0, next_seq_ = 0, next_id_ = 1;
  std::int64_t last_due_ = 0;
  bool exhausted_ = false;
  // The first pass of a --loop run (see next_prepared()).
  static constexpr std::size_t kCacheBytes = 32u << 20;
  bool caching_ = false;
  bool cache_complete_ = false;
  std::vector<prepared> cache_;
  std::size_t cache_pos_ = 0, cache_bytes_ = 0;
};

}  // namespace

play_report play(const play_options& o,
                 const std::function<void(const play_report&, std::int64_t)>& progress) {
  return player(o, progress).run();
}

}  // namespace mifos::mock
