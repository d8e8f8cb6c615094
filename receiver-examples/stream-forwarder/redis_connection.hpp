// redis_connection.hpp: one hiredis connection that reconnects on its own and reports errors as
// values, never as exceptions.
//
//   redis_connection redis({.address = {"127.0.0.1", 6379}});
//   redis_result r = redis.command({"XLEN", "mifos:events:default"});
//   if (!r.ok()) log(r.error);                        // Redis unreachable, timeout, bad password
//   else if (r.reply->is_error()) log(r.reply->text); // Redis answered with an error
//   else use(r.reply->integer);
//
// A connection is not thread-safe (neither is a hiredis context): use one per thread, or guard
// it. It connects on the first command. After any transport error (refused, reset, timeout)
// it drops the socket and the next command connects again, so a caller simply retries later.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "host_port.hpp"

struct redisContext;
struct redisReply;

namespace stream_forwarder {

struct redis_settings {
  host_port address{"127.0.0.1", 6379};
  std::string password;  // sent with AUTH after each connect when not empty
  std::chrono::milliseconds connect_timeout{2000};
  // How long a command may take to answer, blocking ones (XREADGROUP BLOCK) included.
  std::chrono::milliseconds command_timeout{5000};
};

// One Redis reply, copied out of hiredis so it outlives the call.
struct redis_reply {
  enum class kind { string, status, integer, nil, array, error };
  kind type = kind::nil;
  std::string text;  // string, status and error replies
  long long integer = 0;
  std::vector<redis_reply> elements;  // array replies

  bool is_error() const noexcept { return type == kind::error; }
  bool is_nil() const noexcept { return type == kind::nil; }
};

// A reply (possibly an error reply), or the reason there is none.
struct redis_result {
  std::optional<redis_reply> reply;
  std::string error;  // set when there is no reply: "connection refused", "timeout", ...
  bool ok() const noexcept { return reply.has_value(); }
};

class redis_connection {
 public:
  explicit redis_connection(redis_settings settings);
  ~redis_connection();
  redis_connection(const redis_connection&) = delete;
  redis_connection& operator=(const redis_connection&) = delete;

  // Sends one command (binary-safe arguments) and waits for its reply.
  redis_result command(const std::vector<std::string>& args);
  bool connected() const noexcept { return context_ != nullptr; }
  // 1 after the first successful connect, +1 for each reconnect: a change tells that what the
  // server kept per connection is gone.
  std::uint64_t generation() const noexcept { return generation_; }
  const redis_settings& settings() const noexcept { return settings_; }

 private:
  std::string connect();  // "" on success, else why not
  void drop();

  redis_settings settings_;
  redisContext* context_ = nullptr;
  std::uint64_t generation_ = 0;
};

// "HOST:PORT" for log lines.
std::string to_string(const host_port& address);

}  // namespace stream_forwarder
