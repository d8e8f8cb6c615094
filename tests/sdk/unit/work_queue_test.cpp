// work_queue_test.cpp: capacity, order, retries by due time, and closing.
#include "work_queue.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace mifos::hooks::detail {
namespace {

using namespace std::chrono_literals;

work_item item_with_id(std::uint64_t id) {
  work_item item;
  item.parsed.delivery_id = id;
  return item;
}

TEST(WorkQueue, PopsItemsInArrivalOrder) {
  work_queue q(10);
  for (std::uint64_t id = 1; id <= 3; ++id) ASSERT_TRUE(q.push(item_with_id(id), 0ms));
  EXPECT_EQ(q.size(), 3u);
  for (std::uint64_t id = 1; id <= 3; ++id) EXPECT_EQ(q.pop()->parsed.delivery_id, id);
  EXPECT_EQ(q.size(), 0u);
}

TEST(WorkQueue, AFullQueueRefusesAfterTheWait) {
  work_queue q(2);
  ASSERT_TRUE(q.push(item_with_id(1), 0ms));
  ASSERT_TRUE(q.push(item_with_id(2), 0ms));
  auto before = work_clock::now();
  EXPECT_FALSE(q.push(item_with_id(3), 50ms));
  EXPECT_GE(work_clock::now() - before, 50ms);
  EXPECT_EQ(q.size(), 2u);
}

TEST(WorkQueue, AWaitingPushGetsTheRoomAPopMakes) {
  work_queue q(1);
  ASSERT_TRUE(q.push(item_with_id(1), 0ms));
  std::thread taker([&] {
    std::this_thread::sleep_for(20ms);
    q.pop();
  });
  EXPECT_TRUE(q.push(item_with_id(2), 5s));
  taker.join();
  EXPECT_EQ(q.pop()->parsed.delivery_id, 2u);
}

TEST(WorkQueue, AReservationHoldsAPlaceUntilPushedOrCancelled) {
  work_queue q(1);
  ASSERT_TRUE(q.reserve(0ms));
  EXPECT_FALSE(q.push(item_with_id(9), 0ms));
  q.cancel();
  ASSERT_TRUE(q.reserve(0ms));
  q.push_reserved(item_with_id(7));
  EXPECT_EQ(q.pop()->parsed.delivery_id, 7u);
}

TEST(WorkQueue, ARetryIsPoppedOnlyOnceDueAndEarliestFirst) {
  work_queue q(10);
  auto now = work_clock::now();
  q.push_retry(item_with_id(2), now + 80ms);
  q.push_retry(item_with_id(1), now + 40ms);
  auto first = q.pop();
  EXPECT_GE(work_clock::now() - now, 40ms);
  EXPECT_EQ(first->parsed.delivery_id, 1u);
  EXPECT_EQ(q.pop()->parsed.delivery_id, 2u);
  EXPECT_GE(work_clock::now() - now, 80ms);
}

TEST(WorkQueue, RetriesCountAgainstTheCapacity) {
  work_queue q(1);
  q.push_retry(item_with_id(1), work_clock::now() + 1h);
  EXPECT_FALSE(q.push(item_with_id(2), 0ms));
}

TEST(WorkQueue, CloseWithoutDrainWakesAWaitingPopWithNothing) {
  work_queue q(10);
  std::thread closer([&] {
    std::this_thread::sleep_for(20ms);
    q.close(false);
  });
  EXPECT_FALSE(q.pop().has_value());
  closer.join();
}

TEST(WorkQueue, CloseWithDrainStillGivesDueItemsThenLeavesLaterRetries) {
  work_queue q(10);
  ASSERT_TRUE(q.push(item_with_id(1), 0ms));
  q.push_retry(item_with_id(2), work_clock::now() + 1h);
  q.close(true);
  EXPECT_EQ(q.pop()->parsed.delivery_id, 1u);
  EXPECT_FALSE(q.pop().has_value());
  auto left = q.take_all();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].parsed.delivery_id, 2u);
  EXPECT_FALSE(q.push(item_with_id(3), 0ms));
}

TEST(WorkQueue, PopSomeTakesABatchWhenNoOtherWorkerWaits) {
  work_queue q(100);
  for (std::uint64_t id = 1; id <= 20; ++id) ASSERT_TRUE(q.push(item_with_id(id), 0ms));
  std::vector<work_item> batch;
  EXPECT_EQ(q.pop_some(batch, 16), 16u);
  EXPECT_EQ(batch.front().parsed.delivery_id, 1u);
  EXPECT_EQ(batch.back().parsed.delivery_id, 16u);
  EXPECT_EQ(q.size(), 4u);
}

}  // namespace
}  // namespace mifos::hooks::detail
