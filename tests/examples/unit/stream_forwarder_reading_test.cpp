// stream_forwarder_reading_test.cpp: stream-consumer's commands, the reading of XREADGROUP
// replies, and the lines it prints.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "stream_reading.hpp"

namespace stream_forwarder {
namespace {

using namespace std::chrono_literals;
using kind = redis_reply::kind;

redis_reply text(std::string s) { return {kind::string, std::move(s), 0, {}}; }
redis_reply array(std::vector<redis_reply> items) { return {kind::array, "", 0, std::move(items)}; }
redis_reply nil() { return {}; }

redis_reply entry(std::string id, std::vector<std::string> fields) {
  std::vector<redis_reply> f;
  for (auto& s : fields) f.push_back(text(std::move(s)));
  return array({text(std::move(id)), array(std::move(f))});
}

TEST(StreamForwarderReading, GroupIsCreatedAtTheEndOrFromTheStartWithTheStream) {
  EXPECT_EQ(xgroup_create_args("s", "g", false),
            (std::vector<std::string>{"XGROUP", "CREATE", "s", "g", "$", "MKSTREAM"}));
  EXPECT_EQ(xgroup_create_args("s", "g", true)[4], "0");
}

TEST(StreamForwarderReading, AnExistingGroupIsNotAnError) {
  EXPECT_TRUE(
      is_group_exists_error({kind::error, "BUSYGROUP Consumer Group name already exists", 0, {}}));
  EXPECT_FALSE(is_group_exists_error({kind::error, "WRONGTYPE Operation against a key", 0, {}}));
  EXPECT_FALSE(is_group_exists_error(text("BUSYGROUP")));
}

TEST(StreamForwarderReading, NewEntriesBlockAndPendingOnesDoNot) {
  EXPECT_EQ(xreadgroup_args("g", "c", "s", 10, 1000ms, ">"),
            (std::vector<std::string>{"XREADGROUP", "GROUP", "g", "c", "COUNT", "10", "BLOCK",
                                      "1000", "STREAMS", "s", ">"}));
  EXPECT_EQ(xreadgroup_args("g", "c", "s", 3, std::nullopt, "0"),
            (std::vector<std::string>{"XREADGROUP", "GROUP", "g", "c", "COUNT", "3", "STREAMS", "s",
                                      "0"}));
}

TEST(StreamForwarderReading, XackListsEveryId) {
  EXPECT_EQ(xack_args("s", "g", {"1-0", "2-0"}),
            (std::vector<std::string>{"XACK", "s", "g", "1-0", "2-0"}));
}

TEST(StreamForwarderReading, AReplyGivesItsEntriesInOrderWithTheirFields) {
  auto reply = array({array({text("s"), array({entry("1-0", {"event", "{}", "entity", "LOAN"}),
                                               entry("2-0", {"event", "[]"})})})});
  auto entries = read_entries(reply);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].id, "1-0");
  ASSERT_TRUE((*entries)[0].field("entity"));
  EXPECT_EQ(*(*entries)[0].field("entity"), "LOAN");
  EXPECT_EQ((*entries)[0].field("tenant"), nullptr);
  EXPECT_EQ((*entries)[1].id, "2-0");
}

TEST(StreamForwarderReading, ATimedOutReadIsNoEntries) {
  auto entries = read_entries(nil());
  ASSERT_TRUE(entries);
  EXPECT_TRUE(entries->empty());
}

TEST(StreamForwarderReading, ATrimmedPendingEntryKeepsOnlyItsId) {
  auto reply = array({array({text("s"), array({array({text("5-0"), nil()})})})});
  auto entries = read_entries(reply);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_TRUE((*entries)[0].deleted);
  EXPECT_EQ(output_line((*entries)[0], false), std::nullopt);
}

TEST(StreamForwarderReading, AReplyOfAnotherShapeIsRefused) {
  EXPECT_FALSE(read_entries({kind::error, "ERR", 0, {}}));
  EXPECT_FALSE(read_entries(array({array({text("s"), array({entry("1-0", {"odd"})})})})));
  EXPECT_FALSE(read_entries(text("x")));
}

TEST(StreamForwarderReading, TheLineIsTheEventFieldAsStored) {
  stream_entry e{"1-0", {{"event", R"({"entity":"LOAN"})"}, {"replica", "r"}}, false};
  EXPECT_EQ(output_line(e, false), std::optional<std::string>(R"({"entity":"LOAN"})"));
}

TEST(StreamForwarderReading, WithIdsTheLineAddsEntryIdReplicaAndDelivery) {
  stream_entry e{"7-1",
                 {{"event", R"({"entity":"LOAN","action":"REPAYMENT"})"},
                  {"replica", "fw-1"},
                  {"delivery", "42"}},
                 false};
  auto line = output_line(e, true);
  ASSERT_TRUE(line);
  EXPECT_EQ(
      *line,
      R"({"id":"7-1","replica":"fw-1","delivery":42,"event":{"entity":"LOAN","action":"REPAYMENT"}})");
}

TEST(StreamForwarderReading, AnEntryWithoutEventPrintsNothing) {
  stream_entry e{"1-0", {{"other", "x"}}, false};
  EXPECT_EQ(output_line(e, true), std::nullopt);
}

}  // namespace
}  // namespace stream_forwarder
