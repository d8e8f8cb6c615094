// forwarder.cpp: see forwarder.hpp.
#include "forwarder.hpp"

#include <cstdio>
#include <stdexcept>
#include <utility>

namespace stream_forwarder {

forwarder::forwarder(redis_settings redis, stream_settings streams, log_fn log)
    : redis_(std::move(redis)), streams_(std::move(streams)), log_(std::move(log)) {
  if (!log_) {
    log_ = [](const std::string& line) {
      std::fprintf(stderr, "stream-forwarder: %s\n", line.c_str());
      std::fflush(stderr);
    };
  }
}

std::unique_ptr<redis_connection> forwarder::borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  return std::make_unique<redis_connection>(redis_);
}

void forwarder::give_back(std::unique_ptr<redis_connection> c) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(c));
}

std::string forwarder::script_sha(redis_connection& redis) {
  {
    std::lock_guard lock(mutex_);
    if (!sha_.empty()) return sha_;
  }
  // Without the SHA this call sends EVAL with the whole text instead; nothing is lost.
  redis_result r = redis.command({"SCRIPT", "LOAD", kForwardScript});
  if (!r.ok() || r.reply->type != redis_reply::kind::string) return "";
  std::lock_guard lock(mutex_);
  sha_ = r.reply->text;
  return sha_;
}

forwarder::outcome forwarder::try_forward(redis_connection& redis, const mifos::hooks::event& e,
                                          std::string& why) {
  redis_result r = redis.command(forward_call(streams_, e, script_sha(redis)));
  // A restarted Redis has an empty script cache; EVAL loads the script again.
  if (r.ok() && r.reply->is_error() && r.reply->text.starts_with("NOSCRIPT"))
    r = redis.command(forward_call(streams_, e, ""));
  if (!r.ok()) {
    why = r.error;
    return outcome::failed;
  }
  switch (r.reply->type) {
    case redis_reply::kind::string:
      return outcome::added;
    case redis_reply::kind::nil:
      return outcome::duplicate;
    case redis_reply::kind::error:
      why = "Redis refused the write: " + r.reply->text;
      return outcome::failed;
    default:
      why = "unexpected reply to the forward script";
      return outcome::failed;
  }
}

void forwarder::forward(const mifos::hooks::event& e) {
  auto redis = borrow();
  std::string why;
  outcome o = try_forward(*redis, e, why);
  give_back(std::move(redis));
  if (o == outcome::failed) {
    ++failures_;
    if (!down_.exchange(true))
      log_("redis unavailable (" + why + "); deliveries wait in the journal and are retried");
    throw std::runtime_error("redis: " + why);
  }
  if (down_.exchange(false)) log_("redis is back; forwarding again");
  ++(o == outcome::added ? forwarded_ : duplicates_);
}

std::string forwarder::check() {
  auto redis = borrow();
  redis_result r = redis->command({"PING"});
  give_back(std::move(redis));
  if (!r.ok()) return r.error;
  return r.reply->is_error() ? r.reply->text : "";
}

forwarder_counts forwarder::counts() const noexcept {
  return {forwarded_.load(), duplicates_.load(), failures_.load()};
}

}  // namespace stream_forwarder
