// stream_reading.hpp: the consumer-group commands stream-consumer sends and the reading of
// their replies, as pure functions.
//
//   auto create = xgroup_create_args("mifos:events:default", "workers", /*from_start=*/false);
//   auto read = xreadgroup_args("workers", "w1", "mifos:events:default", 10, 1000ms, ">");
//   auto entries = read_entries(reply);              // from the XREADGROUP reply
//   if (auto line = output_line(entries->front(), /*with_ids=*/false)) puts(line->c_str());
//   auto ack = xack_args("mifos:events:default", "workers", {entries->front().id});
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "redis_connection.hpp"

namespace stream_forwarder {

struct stream_entry {
  std::string id;  // "1729757089856-0"
  std::vector<std::pair<std::string, std::string>> fields;
  // A pending entry trimmed from the stream (MAXLEN) since it was read: only its id is left.
  bool deleted = false;

  const std::string* field(std::string_view name) const;
};

// XGROUP CREATE <stream> <group> $|0 MKSTREAM: new entries only, or everything already there.
std::vector<std::string> xgroup_create_args(const std::string& stream, const std::string& group,
                                            bool from_start);
// True for the error XGROUP CREATE gives when the group exists (not a failure for us).
bool is_group_exists_error(const redis_reply& reply);

// XREADGROUP GROUP <group> <consumer> COUNT <n> [BLOCK <ms>] STREAMS <stream> <id>. `id` ">"
// asks for new entries; "0" (or a later id) for this consumer's own pending ones after it.
std::vector<std::string> xreadgroup_args(const std::string& group, const std::string& consumer,
                                         const std::string& stream, std::size_t count,
                                         std::optional<std::chrono::milliseconds> block,
                                         const std::string& id);

// XACK <stream> <group> <id>...
std::vector<std::string> xack_args(const std::string& stream, const std::string& group,
                                   const std::vector<std::string>& ids);

// The entries of an XREADGROUP reply for one stream: an empty list for nil (BLOCK ran out),
// nullopt when the reply has another shape (an error reply included).
std::optional<std::vector<stream_entry>> read_entries(const redis_reply& reply);

// What stream-consumer prints for an entry: its `event` field as is, or with `with_ids`
// {"id":<entry id>,"replica":...,"delivery":<n>,"event":{...}}. nullopt when the entry has no
// `event` field (not written by stream-forwarder, or deleted).
std::optional<std::string> output_line(const stream_entry& entry, bool with_ids);

}  // namespace stream_forwarder
