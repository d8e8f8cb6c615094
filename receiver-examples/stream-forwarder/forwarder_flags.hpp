// forwarder_flags.hpp: stream-forwarder's command line, read into receiver options, Redis
// settings and stream settings.
//
//   std::string error;
//   auto s = read_forwarder_flags({"--port", "9300", "--redis", "10.0.0.5:6379"}, error);
//   if (!s) { print(error); return 2; }
//   if (s->help) { std::fputs(forwarder_help().c_str(), stdout); return 0; }
//   // s->streams.replica is empty unless --replica was given: see finish_forwarder_settings().
#pragma once

#include <mifos/hooks.hpp>
#include <optional>
#include <string>
#include <vector>

#include "redis_connection.hpp"
#include "stream_commands.hpp"

namespace stream_forwarder {

// The --help text, generated from the flag definitions.
std::string forwarder_help();

struct forwarder_settings {
  mifos::hooks::receiver_options options;  // with the forwarder's defaults (see the .cpp)
  redis_settings redis;
  stream_settings streams;
  bool help = false;
};

// The defaults alone (what an empty command line gives).
forwarder_settings default_forwarder_settings();

// `args` without the program name. nullopt: `error` says why (exit code 2).
std::optional<forwarder_settings> read_forwarder_flags(const std::vector<std::string>& args,
                                                       std::string& error);

// Fills what depends on the machine: the replica name from the host name and the journal's
// absolute path, unless --replica gave one.
void finish_forwarder_settings(forwarder_settings& s, const std::string& host,
                               const std::string& absolute_journal_dir);

}  // namespace stream_forwarder
