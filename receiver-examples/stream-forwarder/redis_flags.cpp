// redis_flags.cpp: see redis_flags.hpp.
#include "redis_flags.hpp"

#include <mifos_cli/options.hpp>
#include <string>

#include "host_port.hpp"

namespace stream_forwarder {

void add_redis_options(CLI::App& app, redis_settings& redis) {
  mifos::cli::add_value_option(
      app, "--redis",
      [&redis](const std::string& v) -> std::string {
        auto a = parse_host_port(v);
        if (!a) return "takes HOST:PORT, e.g. 127.0.0.1:6379";
        redis.address = *a;
        return "";
      },
      "the Redis server (default 127.0.0.1:6379)", "HOST:PORT");
  mifos::cli::add_text_option(app, "--redis-password", redis.password,
                              "sent with AUTH on each connection (visible in ps: prefer a local\n"
                              "socket or a firewall for production)",
                              "P", mifos::cli::text_rule::non_empty);
}

}  // namespace stream_forwarder
