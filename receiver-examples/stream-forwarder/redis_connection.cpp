// redis_connection.cpp: see redis_connection.hpp. The only file that includes hiredis.
#include "redis_connection.hpp"

#include <hiredis/hiredis.h>
#include <sys/time.h>

#include <memory>
#include <utility>

namespace stream_forwarder {
namespace {

timeval to_timeval(std::chrono::milliseconds ms) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
  return tv;
}

redis_reply copy(const redisReply& r) {
  redis_reply out;
  switch (r.type) {
    case REDIS_REPLY_STRING:
      out.type = redis_reply::kind::string;
      out.text.assign(r.str, r.len);
      break;
    case REDIS_REPLY_STATUS:
      out.type = redis_reply::kind::status;
      out.text.assign(r.str, r.len);
      break;
    case REDIS_REPLY_ERROR:
      out.type = redis_reply::kind::error;
      out.text.assign(r.str, r.len);
      break;
    case REDIS_REPLY_INTEGER:
      out.type = redis_reply::kind::integer;
      out.integer = r.integer;
      break;
    case REDIS_REPLY_ARRAY:
      out.type = redis_reply::kind::array;
      out.elements.reserve(r.elements);
      for (std::size_t i = 0; i < r.elements; ++i) out.elements.push_back(copy(*r.element[i]));
      break;
    default:
      out.type = redis_reply::kind::nil;
  }
  return out;
}

struct reply_deleter {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using reply_ptr = std::unique_ptr<redisReply, reply_deleter>;

reply_ptr run(redisContext* c, const std::vector<std::string>& args) {
  std::vector<const char*> argv;
  std::vector<std::size_t> lengths;
  argv.reserve(args.size());
  lengths.reserve(args.size());
  for (const auto& a : args) {
    argv.push_back(a.data());
    lengths.push_back(a.size());
  }
  return reply_ptr(static_cast<redisReply*>(
      redisCommandArgv(c, static_cast<int>(args.size()), argv.data(), lengths.data())));
}

std::string context_error(const redisContext* c) {
  if (c->err == REDIS_ERR_IO && c->errstr[0] == '\0') return "I/O error";
  std::string why = c->errstr;
  // hiredis reports a read timeout as EAGAIN's text.
  if (why.find("temporarily unavailable") != std::string::npos) return "timeout";
  return why;
}

}  // namespace

std::string to_string(const host_port& address) {
  bool v6 = address.host.find(':') != std::string::npos;
  return (v6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(address.port);
}

redis_connection::redis_connection(redis_settings settings) : settings_(std::move(settings)) {}

redis_connection::~redis_connection() { drop(); }

void redis_connection::drop() {
  if (context_) redisFree(context_);
  context_ = nullptr;
}

std::string redis_connection::connect() {
  const auto& a = settings_.address;
  redisContext* c =
      redisConnectWithTimeout(a.host.c_str(), a.port, to_timeval(settings_.connect_timeout));
  if (!c) return "cannot allocate a connection";
  if (c->err) {
    std::string why = context_error(c);
    redisFree(c);
    return why;
  }
  if (redisSetTimeout(c, to_timeval(settings_.command_timeout)) != REDIS_OK ||
      redisEnableKeepAlive(c) != REDIS_OK) {
    std::string why = context_error(c);
    redisFree(c);
    return why;
  }
  if (!settings_.password.empty()) {
    reply_ptr r = run(c, {"AUTH", settings_.password});
    if (!r || r->type == REDIS_REPLY_ERROR) {
      std::string why = r ? "AUTH refused: " + std::string(r->str, r->len) : context_error(c);
      redisFree(c);
      return why;
    }
  }
  context_ = c;
  ++generation_;
  return "";
}

redis_result redis_connection::command(const std::vector<std::string>& args) {
  redis_result out;
  if (args.empty()) {
    out.error = "empty command";
    return out;
  }
  if (!context_) {
    if (std::string why = connect(); !why.empty()) {
      out.error = "cannot connect to " + to_string(settings_.address) + ": " + why;
      return out;
    }
  }
  reply_ptr r = run(context_, args);
  if (!r) {
    // The connection's state is unknown after a failed read or write: start over next time.
    out.error = to_string(settings_.address) + ": " + context_error(context_);
    drop();
    return out;
  }
  out.reply = copy(*r);
  return out;
}

}  // namespace stream_forwarder
