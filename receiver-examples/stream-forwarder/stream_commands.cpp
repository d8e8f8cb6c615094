// stream_commands.cpp: see stream_commands.hpp.
#include "stream_commands.hpp"

namespace stream_forwarder {

// SET NX first, so a repeat stops before touching the stream. Scripts are not rolled back on
// error, so an XADD that fails (say WRONGTYPE) deletes the key again: the retry must not be
// taken for a duplicate of something that never landed.
const char* const kForwardScript = R"lua(
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return false
end
local id = redis.pcall('XADD', KEYS[2], unpack(ARGV, 2))
if type(id) == 'table' and id.err then
  redis.call('DEL', KEYS[1])
end
return id
)lua";

std::string stream_key(std::string_view prefix, std::string_view tenant) {
  std::string key(prefix);
  key += tenant.empty() ? std::string_view("default") : tenant;
  return key;
}

std::string dedupe_key(std::string_view prefix, std::string_view replica,
                       std::uint64_t delivery_id) {
  std::string key(prefix);
  key += "seen:";
  key += replica;
  key += ':';
  key += std::to_string(delivery_id);
  return key;
}

std::vector<std::pair<std::string, std::string>> entry_fields(const mifos::hooks::event& e,
                                                              std::string_view replica) {
  return {{"event", mifos::hooks::to_json(e).dump()},
          {"entity", e.entity},
          {"action", e.action},
          {"tenant", e.tenant},
          {"replica", std::string(replica)},
          {"delivery", std::to_string(e.delivery_id)}};
}

std::vector<std::string> xadd_args(const stream_settings& s, const mifos::hooks::event& e) {
  std::vector<std::string> args = {"XADD", stream_key(s.prefix, e.tenant)};
  if (s.maxlen > 0) {
    // "~": Redis trims whole nodes when convenient, much cheaper than an exact cap.
    args.insert(args.end(), {"MAXLEN", "~", std::to_string(s.maxlen)});
  }
  args.emplace_back("*");
  for (auto& [name, value] : entry_fields(e, s.replica)) {
    args.push_back(std::move(name));
    args.push_back(std::move(value));
  }
  return args;
}

std::vector<std::string> forward_call(const stream_settings& s, const mifos::hooks::event& e,
                                      const std::string& sha) {
  std::vector<std::string> xadd = xadd_args(s, e);
  std::vector<std::string> call;
  call.reserve(xadd.size() + 4);
  if (sha.empty()) {
    call.emplace_back("EVAL");
    call.emplace_back(kForwardScript);
  } else {
    call.emplace_back("EVALSHA");
    call.push_back(sha);
  }
  call.push_back(std::to_string(kForwardScriptKeys));
  call.push_back(dedupe_key(s.prefix, s.replica, e.delivery_id));
  call.push_back(std::move(xadd[1]));  // the stream
  call.push_back(std::to_string(s.dedupe_ttl.count()));
  for (std::size_t i = 2; i < xadd.size(); ++i) call.push_back(std::move(xadd[i]));
  return call;
}

std::string default_replica(std::string_view host, std::string_view absolute_journal_dir) {
  std::string name(host);
  name += ':';
  name += absolute_journal_dir;
  return name;
}

}  // namespace stream_forwarder
