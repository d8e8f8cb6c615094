// stream_reading.cpp: see stream_reading.hpp.
#include "stream_reading.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

namespace stream_forwarder {

const std::string* stream_entry::field(std::string_view name) const {
  for (const auto& [key, value] : fields)
    if (key == name) return &value;
  return nullptr;
}

std::vector<std::string> xgroup_create_args(const std::string& stream, const std::string& group,
                                            bool from_start) {
  return {"XGROUP", "CREATE", stream, group, from_start ? "0" : "$", "MKSTREAM"};
}

bool is_group_exists_error(const redis_reply& reply) {
  return reply.is_error() && reply.text.starts_with("BUSYGROUP");
}

std::vector<std::string> xreadgroup_args(const std::string& group, const std::string& consumer,
                                         const std::string& stream, std::size_t count,
                                         std::optional<std::chrono::milliseconds> block,
                                         const std::string& id) {
  std::vector<std::string> args = {"XREADGROUP", "GROUP", group,
                                   consumer,     "COUNT", std::to_string(count)};
  if (block) args.insert(args.end(), {"BLOCK", std::to_string(block->count())});
  args.insert(args.end(), {"STREAMS", stream, id});
  return args;
}

std::vector<std::string> xack_args(const std::string& stream, const std::string& group,
                                   const std::vector<std::string>& ids) {
  std::vector<std::string> args = {"XACK", stream, group};
  args.insert(args.end(), ids.begin(), ids.end());
  return args;
}

namespace {

bool is_text(const redis_reply& r) {
  return r.type == redis_reply::kind::string || r.type == redis_reply::kind::status;
}

// [id, [field, value, ...]] or, for a trimmed pending entry, [id, nil].
std::optional<stream_entry> read_entry(const redis_reply& r) {
  if (r.type != redis_reply::kind::array || r.elements.size() != 2 || !is_text(r.elements[0]))
    return std::nullopt;
  stream_entry e;
  e.id = r.elements[0].text;
  const redis_reply& fields = r.elements[1];
  if (fields.is_nil()) {
    e.deleted = true;
    return e;
  }
  if (fields.type != redis_reply::kind::array || fields.elements.size() % 2 != 0)
    return std::nullopt;
  for (std::size_t i = 0; i < fields.elements.size(); i += 2) {
    if (!is_text(fields.elements[i]) || !is_text(fields.elements[i + 1])) return std::nullopt;
    e.fields.emplace_back(fields.elements[i].text, fields.elements[i + 1].text);
  }
  return e;
}

}  // namespace

std::optional<std::vector<stream_entry>> read_entries(const redis_reply& reply) {
  std::vector<stream_entry> out;
  if (reply.is_nil()) return out;
  // [[stream, [entry, ...]]]: one stream was asked for.
  if (reply.type != redis_reply::kind::array || reply.elements.size() != 1) return std::nullopt;
  const redis_reply& stream = reply.elements[0];
  if (stream.type != redis_reply::kind::array || stream.elements.size() != 2 ||
      stream.elements[1].type != redis_reply::kind::array)
    return std::nullopt;
  for (const redis_reply& r : stream.elements[1].elements) {
    auto e = read_entry(r);
    if (!e) return std::nullopt;
    out.push_back(std::move(*e));
  }
  return out;
}

std::optional<std::string> output_line(const stream_entry& entry, bool with_ids) {
  const std::string* event = entry.field("event");
  if (!event) return std::nullopt;
  if (!with_ids) return *event;
  nlohmann::ordered_json line;
  line["id"] = entry.id;
  const std::string* replica = entry.field("replica");
  line["replica"] = replica ? *replica : "";
  const std::string* delivery = entry.field("delivery");
  std::uint64_t number = 0;
  const char* end = delivery ? delivery->data() + delivery->size() : nullptr;
  if (delivery && !delivery->empty() &&
      std::from_chars(delivery->data(), end, number) == std::from_chars_result{end, std::errc()})
    line["delivery"] = number;
  else
    line["delivery"] = delivery ? *delivery : "";
  auto parsed = nlohmann::ordered_json::parse(*event, nullptr, /*allow_exceptions=*/false);
  line["event"] = parsed.is_discarded() ? nlohmann::ordered_json(*event) : parsed;
  return line.dump();
}

}  // namespace stream_forwarder
