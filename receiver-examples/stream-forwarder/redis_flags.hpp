// redis_flags.hpp: --redis and --redis-password, read the same way by stream-forwarder and
// stream-consumer.
//
//   add_redis_options(app, settings.redis);
#pragma once

#include <CLI/CLI.hpp>

#include "redis_connection.hpp"

namespace stream_forwarder {

void add_redis_options(CLI::App& app, redis_settings& redis);

}  // namespace stream_forwarder
