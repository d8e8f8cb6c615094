// stream_forwarder_commands_test.cpp: the Redis commands stream-forwarder builds for an event:
// the XADD arguments, the stream and dedupe keys, and the forward script's KEYS/ARGV.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "stream_commands.hpp"

namespace stream_forwarder {
namespace {

mifos::hooks::event client_create() {
  mifos::hooks::event e;
  e.entity = "CLIENT";
  e.action = "CREATE";
  e.tenant = "acme";
  e.result.client_id = 7;
  e.payload = {{"clientId", 7}};
  e.delivery_id = 42;
  return e;
}

stream_settings settings(std::uint64_t maxlen = 1000) {
  stream_settings s;
  s.prefix = "ev:";
  s.maxlen = maxlen;
  s.replica = "fw-1";
  s.dedupe_ttl = std::chrono::hours(24);
  return s;
}

TEST(StreamForwarderCommands, XaddCapsTheTenantStreamAndCarriesTheEventAndItsIds) {
  auto e = client_create();
  std::vector<std::string> want = {
      "XADD",     "ev:acme", "MAXLEN",  "~",
      "1000",     "*",       "event",   mifos::hooks::to_json(e).dump(),
      "entity",   "CLIENT",  "action",  "CREATE",
      "tenant",   "acme",    "replica", "fw-1",
      "delivery", "42"};
  EXPECT_EQ(xadd_args(settings(), e), want);
}

TEST(StreamForwarderCommands, TheEventFieldIsTheNormalizedEventJson) {
  auto args = xadd_args(settings(), client_create());
  auto event = nlohmann::json::parse(args[7]);
  EXPECT_EQ(event["entity"], "CLIENT");
  EXPECT_EQ(event["clientId"], 7);
  EXPECT_EQ(event["tenant"], "acme");
}

TEST(StreamForwarderCommands, MaxlenZeroLeavesTheStreamUncapped) {
  auto args = xadd_args(settings(0), client_create());
  ASSERT_GE(args.size(), 3u);
  EXPECT_EQ(args[2], "*");
  EXPECT_EQ(std::count(args.begin(), args.end(), "MAXLEN"), 0);
}

TEST(StreamForwarderCommands, ADeliveryWithoutTenantGoesToTheDefaultStream) {
  EXPECT_EQ(stream_key("mifos:events:", ""), "mifos:events:default");
  EXPECT_EQ(stream_key("mifos:events:", "acme"), "mifos:events:acme");
}

TEST(StreamForwarderCommands, TheDedupeKeyNamesPrefixReplicaAndDelivery) {
  EXPECT_EQ(dedupe_key("mifos:events:", "host:/var/j", 17), "mifos:events:seen:host:/var/j:17");
  EXPECT_NE(dedupe_key("p:", "a", 1), dedupe_key("p:", "b", 1));
  EXPECT_NE(dedupe_key("p:", "a", 1), dedupe_key("p:", "a", 2));
}

TEST(StreamForwarderCommands, TheDefaultReplicaIsHostAndJournalDir) {
  EXPECT_EQ(default_replica("fw-host", "/var/lib/fw/journal"), "fw-host:/var/lib/fw/journal");
  EXPECT_NE(default_replica("h", "/a"), default_replica("h", "/b"));
}

TEST(StreamForwarderCommands, EvalshaPassesTwoKeysThenTheTtlAndTheXaddTail) {
  auto e = client_create();
  auto call = forward_call(settings(), e, "abc123");
  auto xadd = xadd_args(settings(), e);
  ASSERT_EQ(call.size(), 3 + 2 + 1 + (xadd.size() - 2));
  EXPECT_EQ(call[0], "EVALSHA");
  EXPECT_EQ(call[1], "abc123");
  EXPECT_EQ(call[2], "2");
  EXPECT_EQ(call[3], "ev:seen:fw-1:42");
  EXPECT_EQ(call[4], "ev:acme");
  EXPECT_EQ(call[5], "86400");
  EXPECT_TRUE(std::equal(xadd.begin() + 2, xadd.end(), call.begin() + 6));
}

TEST(StreamForwarderCommands, WithoutAShaTheScriptTextIsSentWithEval) {
  auto call = forward_call(settings(), client_create(), "");
  EXPECT_EQ(call[0], "EVAL");
  EXPECT_EQ(call[1], kForwardScript);
  EXPECT_EQ(call[2], "2");
}

// The indexes the script reads must match what forward_call sends.
TEST(StreamForwarderCommands, TheScriptReadsExactlyTheKeysAndArgvTheCallSends) {
  std::string script = kForwardScript;
  std::set<int> keys, argv;
  std::regex index(R"((KEYS|ARGV)\[(\d+)\])");
  for (auto it = std::sregex_iterator(script.begin(), script.end(), index);
       it != std::sregex_iterator(); ++it)
    ((*it)[1] == "KEYS" ? keys : argv).insert(std::stoi((*it)[2]));
  EXPECT_EQ(keys, (std::set<int>{1, 2}));
  EXPECT_EQ(static_cast<int>(keys.size()), kForwardScriptKeys);
  EXPECT_EQ(argv, (std::set<int>{1}));  // ARGV[2...] go to XADD whole, through unpack
  EXPECT_NE(script.find("unpack(ARGV, 2)"), std::string::npos);
  auto call = forward_call(settings(), client_create(), "sha");
  EXPECT_EQ(std::stoi(call[2]), kForwardScriptKeys);
}

TEST(StreamForwarderCommands, TheScriptMarksTheDeliverySeenWithNxAndTheTtlBeforeXadd) {
  std::string script = kForwardScript;
  auto set = script.find("redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1])");
  auto xadd = script.find("'XADD', KEYS[2]");
  ASSERT_NE(set, std::string::npos);
  ASSERT_NE(xadd, std::string::npos);
  EXPECT_LT(set, xadd);
  // A failed XADD forgets the key again, so the retry is not taken for a duplicate.
  EXPECT_NE(script.find("redis.call('DEL', KEYS[1])"), std::string::npos);
}

}  // namespace
}  // namespace stream_forwarder
