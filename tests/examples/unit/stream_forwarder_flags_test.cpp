// stream_forwarder_flags_test.cpp: the command lines of stream-forwarder and stream-consumer,
// and the values they read (HOST:PORT; durations through the shared grammar of cli/).
#include <gtest/gtest.h>

#include "consumer_flags.hpp"
#include "forwarder_flags.hpp"
#include "host_port.hpp"

namespace stream_forwarder {
namespace {

using namespace std::chrono_literals;

TEST(StreamForwarderFlags, HostPortReadsHostAndPort) {
  EXPECT_EQ(parse_host_port("10.0.0.5:6380"), (host_port{"10.0.0.5", 6380}));
  EXPECT_EQ(parse_host_port("redis.local"), (host_port{"redis.local", 6379}));
  EXPECT_EQ(parse_host_port("[::1]:7000"), (host_port{"::1", 7000}));
  EXPECT_EQ(parse_host_port("[::1]"), (host_port{"::1", 6379}));
}

TEST(StreamForwarderFlags, HostPortRefusesBadText) {
  for (const char* bad : {"", ":6379", "host:", "host:0", "host:65536", "host:12x", "::1:6379",
                          "[::1", "[::1]x", "[]:1"})
    EXPECT_FALSE(parse_host_port(bad)) << bad;
}

// The --redis-timeout the forwarder reads from `text`, or nullopt with `error` set.
std::optional<std::chrono::milliseconds> redis_timeout(const std::string& text,
                                                       std::string& error) {
  auto s = read_forwarder_flags({"--redis-timeout", text}, error);
  if (!s) return std::nullopt;
  return s->redis.command_timeout;
}

TEST(StreamForwarderFlags, DurationsTakeAUnitOrSeconds) {
  std::string error;
  EXPECT_EQ(redis_timeout("250ms", error), 250ms) << error;
  EXPECT_EQ(redis_timeout("2s", error), 2s) << error;
  EXPECT_EQ(redis_timeout("5m", error), 5min) << error;
  EXPECT_EQ(redis_timeout("24h", error), 24h) << error;
  EXPECT_EQ(redis_timeout("7d", error), 168h) << error;
  EXPECT_EQ(redis_timeout("30", error), 30s) << error;
  // One grammar for every program: decimals, as mock-mifos always took them.
  EXPECT_EQ(redis_timeout("1.5s", error), 1500ms) << error;
  auto ttl = read_forwarder_flags({"--dedupe-ttl", "7d"}, error);
  ASSERT_TRUE(ttl) << error;
  EXPECT_EQ(ttl->streams.dedupe_ttl, 168h);
  auto bare = read_forwarder_flags({"--dedupe-ttl=30"}, error);
  ASSERT_TRUE(bare) << error;
  EXPECT_EQ(bare->streams.dedupe_ttl, 30s);
}

TEST(StreamForwarderFlags, DurationsRefuseBadText) {
  for (const char* bad : {"", "ms", "s", "-1s", "2 s", "3w", "366d", "1e3"}) {
    std::string error;
    EXPECT_FALSE(redis_timeout(bad, error)) << bad;
    EXPECT_EQ(error.rfind("--redis-timeout takes a duration", 0), 0u) << error;
    EXPECT_NE(error.find(std::string("\"") + bad + "\""), std::string::npos) << error;
  }
}

TEST(StreamForwarderFlags, ForwarderDefaultsRetryForHoursOnAJournal) {
  std::string error;
  auto s = read_forwarder_flags({}, error);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->options.port, 9300);
  EXPECT_EQ(s->options.journal_dir, "forwarder-journal");
  EXPECT_EQ(s->options.max_attempts, 1'000'000);
  EXPECT_EQ(s->options.retry_backoff, 100ms);
  EXPECT_EQ(s->options.retry_backoff_max, 2s);
  EXPECT_EQ(s->redis.address, (host_port{"127.0.0.1", 6379}));
  EXPECT_EQ(s->streams.prefix, "mifos:events:");
  EXPECT_EQ(s->streams.maxlen, 1'000'000u);
  EXPECT_EQ(s->streams.dedupe_ttl, 24h);
  EXPECT_TRUE(s->streams.replica.empty());
}

TEST(StreamForwarderFlags, ForwarderFlagsSetTheirSettings) {
  std::string error;
  auto s = read_forwarder_flags({"--port",
                                 "0",
                                 "--journal=/var/j",
                                 "--workers",
                                 "4",
                                 "--redis",
                                 "r:7000",
                                 "--redis-password",
                                 "pw",
                                 "--redis-timeout",
                                 "750ms",
                                 "--stream-prefix",
                                 "x:",
                                 "--maxlen",
                                 "0",
                                 "--replica",
                                 "fw-a",
                                 "--dedupe-ttl",
                                 "90m",
                                 "--attempts",
                                 "12",
                                 "--admin-port",
                                 "0"},
                                error);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->options.port, 0);
  EXPECT_EQ(s->options.journal_dir, "/var/j");
  EXPECT_EQ(s->options.workers, 4);
  EXPECT_EQ(s->redis.address, (host_port{"r", 7000}));
  EXPECT_EQ(s->redis.password, "pw");
  EXPECT_EQ(s->redis.command_timeout, 750ms);
  EXPECT_EQ(s->redis.connect_timeout, 750ms);
  EXPECT_EQ(s->streams.prefix, "x:");
  EXPECT_EQ(s->streams.maxlen, 0u);
  EXPECT_EQ(s->streams.replica, "fw-a");
  EXPECT_EQ(s->streams.dedupe_ttl, 90min);
  EXPECT_EQ(s->options.max_attempts, 12);
  EXPECT_EQ(s->options.admin_port, std::optional<std::uint16_t>(0));
}

TEST(StreamForwarderFlags, ForwarderErrorsNameTheFlag) {
  std::string error;
  EXPECT_FALSE(read_forwarder_flags({"--redis", "nope:x"}, error));
  EXPECT_EQ(error, "--redis takes HOST:PORT, e.g. 127.0.0.1:6379");
  EXPECT_FALSE(read_forwarder_flags({"--bogus"}, error));
  EXPECT_EQ(error, "unknown option --bogus");
  EXPECT_FALSE(read_forwarder_flags({"--port"}, error));
  EXPECT_EQ(error, "--port needs a value");
  EXPECT_FALSE(read_forwarder_flags({"--dedupe-ttl", "500ms"}, error));
  EXPECT_NE(error.find("--dedupe-ttl takes a duration"), std::string::npos) << error;
  EXPECT_FALSE(read_forwarder_flags({"--help=yes"}, error));
  EXPECT_EQ(error, "--help takes no value");
}

TEST(StreamForwarderFlags, TheReplicaDefaultsToHostAndJournalUnlessGiven) {
  std::string error;
  auto s = read_forwarder_flags({}, error);
  ASSERT_TRUE(s);
  finish_forwarder_settings(*s, "h1", "/srv/journal");
  EXPECT_EQ(s->streams.replica, "h1:/srv/journal");
  auto named = read_forwarder_flags({"--replica", "fw-b"}, error);
  ASSERT_TRUE(named);
  finish_forwarder_settings(*named, "h1", "/srv/journal");
  EXPECT_EQ(named->streams.replica, "fw-b");
}

TEST(StreamForwarderFlags, ConsumerReadsTheTenantStreamByDefault) {
  std::string error;
  auto s = read_consumer_flags({}, error);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->stream, "mifos:events:default");
  EXPECT_EQ(s->group, "workers");
  EXPECT_EQ(s->count, 0u);
  EXPECT_FALSE(s->idle_exit);
  EXPECT_FALSE(s->from_start);
  finish_consumer_settings(*s, "box", 123);
  EXPECT_EQ(s->consumer, "box-123");
}

TEST(StreamForwarderFlags, ConsumerFlagsSetTheirSettings) {
  std::string error;
  auto s = read_consumer_flags(
      {"--tenant", "acme", "--stream-prefix", "x:", "--group", "g", "--consumer", "c1", "--count",
       "5", "--idle-exit", "3s", "--from-start", "--with-ids", "--redis", "h:1"},
      error);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->stream, "x:acme");
  EXPECT_EQ(s->group, "g");
  EXPECT_EQ(s->consumer, "c1");
  EXPECT_EQ(s->count, 5u);
  EXPECT_EQ(s->idle_exit, std::optional<std::chrono::milliseconds>(3s));
  EXPECT_TRUE(s->from_start);
  EXPECT_TRUE(s->with_ids);
  EXPECT_EQ(s->redis.address, (host_port{"h", 1}));
  finish_consumer_settings(*s, "box", 123);
  EXPECT_EQ(s->consumer, "c1");
}

TEST(StreamForwarderFlags, ConsumerRefusesAStreamNamedTwoWays) {
  std::string error;
  EXPECT_FALSE(read_consumer_flags({"--stream", "s", "--tenant", "t"}, error));
  EXPECT_NE(error.find("--stream and --tenant"), std::string::npos) << error;
  auto s = read_consumer_flags({"--stream", "custom:key"}, error);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->stream, "custom:key");
}

TEST(StreamForwarderFlags, ConsumerCountMustBePositive) {
  std::string error;
  EXPECT_FALSE(read_consumer_flags({"--count", "0"}, error));
  EXPECT_NE(error.find("--count takes a number from 1"), std::string::npos) << error;
}

}  // namespace
}  // namespace stream_forwarder
