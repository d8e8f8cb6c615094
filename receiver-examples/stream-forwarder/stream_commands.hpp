// stream_commands.hpp: the Redis commands stream-forwarder sends for an event, as pure
// functions of the event and the settings (no I/O, so the unit tests check them directly).
//
//   stream_settings s{.prefix = "mifos:events:", .maxlen = 1000, .replica = "fw-1"};
//   auto xadd = xadd_args(s, event);   // XADD mifos:events:default MAXLEN ~ 1000 * event {...} ...
//   auto call = forward_call(s, event, script_sha);   // EVALSHA <sha> 2 <seen key> <stream> ...
//
// Exactly once per delivery: the receiver's journal hands every accepted delivery to the handler
// at least once (retries, restarts), each time with the same delivery_id. kForwardScript sets
// <prefix>seen:<replica>:<delivery_id> with NX and only then runs the XADD, inside one script,
// which Redis runs atomically: a repeat finds the key and adds nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <mifos/hooks.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stream_forwarder {

struct stream_settings {
  std::string prefix = "mifos:events:";  // streams are <prefix><tenant>
  std::uint64_t maxlen = 1000000;        // MAXLEN ~ cap of each stream; 0: uncapped
  std::string replica;                   // this forwarder's stable name (keys the dedupe)
  std::chrono::seconds dedupe_ttl{24 * 3600};
};

// The stream of a tenant: <prefix><tenant>, and <prefix>default for a delivery without one.
std::string stream_key(std::string_view prefix, std::string_view tenant);
// <prefix>seen:<replica>:<delivery_id>: set once the delivery is in its stream.
std::string dedupe_key(std::string_view prefix, std::string_view replica,
                       std::uint64_t delivery_id);

// The entry's fields, in order: event (the normalized event JSON), entity, action, tenant,
// replica, delivery. The extra fields let consumers filter without parsing the JSON.
std::vector<std::pair<std::string, std::string>> entry_fields(const mifos::hooks::event& e,
                                                              std::string_view replica);

// XADD <stream> [MAXLEN ~ N] * field value ...
std::vector<std::string> xadd_args(const stream_settings& s, const mifos::hooks::event& e);

// The Lua script (see the .cpp for its text). KEYS[1] is the dedupe key, KEYS[2] the stream;
// ARGV[1] the dedupe TTL in seconds, ARGV[2...] XADD's arguments after the stream name.
// Returns the new entry's id, or nil when the delivery was already forwarded.
extern const char* const kForwardScript;
inline constexpr int kForwardScriptKeys = 2;

// EVALSHA <sha> 2 <dedupe key> <stream> <ttl> <XADD arguments after the stream>, or with an
// empty `sha`, EVAL <script text> ... (which also loads the script into Redis's cache).
std::vector<std::string> forward_call(const stream_settings& s, const mifos::hooks::event& e,
                                      const std::string& sha);

// The replica name used when --replica is not given: "<host>:<journal dir>", stable across
// restarts of the same journal and different for two journals on one host.
std::string default_replica(std::string_view host, std::string_view absolute_journal_dir);

}  // namespace stream_forwarder
