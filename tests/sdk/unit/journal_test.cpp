// journal_test.cpp: the durable journal on real files in a temporary directory: durability,
// recovery of torn and corrupt tails, checkpoints, segments, group commit; and its CRC-32C.
#include "journal.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <future>
#include <iterator>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "crc32c.hpp"

namespace mifos::hooks::detail {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

std::size_t framed(std::string_view payload) { return 20 + payload.size(); }

std::vector<std::uint64_t> seqs_of(const std::vector<journal_record>& records) {
  std::vector<std::uint64_t> seqs;
  for (const auto& r : records) seqs.push_back(r.seq);
  return seqs;
}

class Journal : public ::testing::Test {
 protected:
  Journal() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("mifos-journal-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir_);
  }
  ~Journal() override { fs::remove_all(dir_); }

  journal_options options(std::size_t segment_bytes = 64 << 20) const {
    return {.directory = dir_, .segment_bytes = segment_bytes};
  }
  fs::path segment(std::uint64_t first) const {
    char name[40];
    std::snprintf(name, sizeof name, "journal-%020llu.log", static_cast<unsigned long long>(first));
    return dir_ / name;
  }
  std::vector<std::string> segment_names() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().filename().string().starts_with("journal-"))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  // Appends each payload and waits until all are durable, then closes the journal.
  void write_journal(const std::vector<std::string>& payloads,
                     std::size_t segment_bytes = 64 << 20) {
    journal j(options(segment_bytes));
    for (const auto& p : payloads) ASSERT_TRUE(j.wait_durable(j.append(p)));
  }

  fs::path dir_;
};

TEST_F(Journal, RecordsRoundTripAcrossReopen) {
  const std::vector<std::string> payloads = {"first", "", std::string("a\0b\0\xff", 5),
                                             std::string(10000, 'x')};
  write_journal(payloads);
  journal j(options());
  ASSERT_EQ(j.recovered().size(), 4u);
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    EXPECT_EQ(j.recovered()[i].seq, i + 1);
    EXPECT_EQ(j.recovered()[i].payload, payloads[i]);
  }
  EXPECT_EQ(j.report().records, 4u);
  EXPECT_EQ(j.report().unhandled, 4u);
  EXPECT_EQ(j.report().cut_bytes, 0u);
}

TEST_F(Journal, WaitDurableReturnsTrueWithTheBytesAlreadyInTheSegmentFile) {
  journal j(options());
  const std::uint64_t seq = j.append("payload-one-of-a-kind");
  ASSERT_TRUE(j.wait_durable(seq));
  const std::string bytes = read_bytes(segment(1));
  EXPECT_EQ(bytes.size(), framed("payload-one-of-a-kind"));
  EXPECT_NE(bytes.find("payload-one-of-a-kind"), std::string::npos);
  EXPECT_EQ(bytes.substr(0, 4), "MHJ1");
  EXPECT_GE(j.stats().durable_seq, seq);
  EXPECT_GE(j.stats().fsyncs, 1u);
  EXPECT_EQ(j.stats().fsync_latency.count(), j.stats().fsyncs);
}

TEST_F(Journal, ReopenRecoversExactlyTheRecordsAboveTheSavedCheckpoint) {
  {
    journal j(options());
    for (int i = 1; i <= 5; ++i) ASSERT_TRUE(j.wait_durable(j.append("r" + std::to_string(i))));
    j.mark_handled(1);
    j.mark_handled(2);
  }  // the destructor saves the checkpoint
  journal j(options());
  EXPECT_EQ(j.report().checkpoint, 2u);
  EXPECT_EQ(j.report().records, 5u);
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{3, 4, 5}));
  EXPECT_EQ(j.recovered()[0].payload, "r3");
  j.release_recovered();
  EXPECT_TRUE(j.recovered().empty());
}

TEST_F(Journal, CheckpointMovesOnlyOverAContiguousPrefixOfHandledRecords) {
  journal j(options());
  for (int i = 0; i < 5; ++i) j.append("x");
  j.mark_handled(3);
  j.mark_handled(2);
  EXPECT_EQ(j.stats().checkpoint, 0u);
  j.mark_handled(1);
  EXPECT_EQ(j.stats().checkpoint, 3u);
  j.mark_handled(5);
  EXPECT_EQ(j.stats().checkpoint, 3u);
  j.mark_handled(4);
  EXPECT_EQ(j.stats().checkpoint, 5u);
}

TEST_F(Journal, TornTailIsCutAndTheEarlierRecordsSurvive) {
  write_journal({"one", "two", "three"});
  fs::resize_file(segment(1), fs::file_size(segment(1)) - 3);
  journal j(options());
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(j.report().cut_bytes, framed("three") - 3);
  EXPECT_EQ(fs::file_size(segment(1)), framed("one") + framed("two"));
}

TEST_F(Journal, FlippedPayloadByteFailsTheChecksumAndEverythingFromItIsCut) {
  write_journal({"one", "two", "three"});
  std::string bytes = read_bytes(segment(1));
  bytes[framed("one") + 20 + 1] ^= 0x01;  // inside "two"
  write_bytes(segment(1), bytes);
  journal j(options());
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{1}));
  EXPECT_EQ(j.report().cut_bytes, framed("two") + framed("three"));
  EXPECT_EQ(fs::file_size(segment(1)), framed("one"));
}

TEST_F(Journal, GarbageAfterValidRecordsIsCut) {
  write_journal({"one", "two"});
  const std::string garbage = "not a record at all, just noise";
  write_bytes(segment(1), read_bytes(segment(1)) + garbage);
  journal j(options());
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(j.report().cut_bytes, garbage.size());
}

TEST_F(Journal, SequenceNumbersContinueAfterReopen) {
  write_journal({"a", "b", "c"});
  journal j(options());
  const std::uint64_t seq = j.append("d");
  EXPECT_EQ(seq, 4u);
  ASSERT_TRUE(j.wait_durable(seq));
  EXPECT_EQ(fs::file_size(segment(1)), 3 * framed("a") + framed("d"));
}

TEST_F(Journal, SegmentsRotateAndFullyHandledOnesAreDeletedWhenTheCheckpointIsSaved) {
  {
    journal j(options(64));
    for (int i = 1; i <= 5; ++i) ASSERT_TRUE(j.wait_durable(j.append(std::string(100, 'a'))));
    for (std::uint64_t seq = 1; seq <= 3; ++seq) j.mark_handled(seq);
  }
  EXPECT_EQ(segment_names(), (std::vector<std::string>{segment(4).filename().string(),
                                                       segment(5).filename().string(),
                                                       segment(6).filename().string()}));
  journal j(options(64));
  EXPECT_EQ(j.report().segments, 3u);
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{4, 5}));
  EXPECT_EQ(j.append("next"), 6u);
}

TEST_F(Journal, CorruptRecordRemovesTheLaterSegments) {
  write_journal({std::string(100, 'a'), std::string(100, 'b'), std::string(100, 'c')}, 64);
  std::string bytes = read_bytes(segment(2));
  bytes[30] ^= 0x01;
  write_bytes(segment(2), bytes);
  journal j(options(64));
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{1}));
  EXPECT_EQ(j.report().removed_segments, 2u);  // segment 3 and the empty segment 4
  EXPECT_EQ(j.report().cut_bytes, 2 * framed(std::string(100, 'a')));
  EXPECT_EQ(j.append("again"), 2u);
}

TEST_F(Journal, CorruptCheckpointReadsAsZeroAndEveryRecordComesBack) {
  {
    journal j(options());
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(j.wait_durable(j.append("x")));
    for (std::uint64_t seq = 1; seq <= 3; ++seq) j.mark_handled(seq);
  }
  ASSERT_EQ(read_bytes(dir_ / "checkpoint"), "3 " + std::to_string(crc32c("3")) + "\n");
  write_bytes(dir_ / "checkpoint", "3 12345\n");
  journal j(options());
  EXPECT_EQ(j.report().checkpoint, 0u);
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{1, 2, 3}));
}

TEST_F(Journal, FlusherSavesTheCheckpointWhileTheJournalIsOpen) {
  journal j({.directory = dir_, .checkpoint_interval = std::chrono::milliseconds(10)});
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(j.wait_durable(j.append("x")));
  j.mark_handled(1);
  j.mark_handled(2);
  const std::string expected = "2 " + std::to_string(crc32c("2")) + "\n";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (read_bytes(dir_ / "checkpoint") != expected && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(read_bytes(dir_ / "checkpoint"), expected);
}

TEST_F(Journal, ConcurrentAppendsAllBecomeDurableWithDistinctSeqsAndSharedFsyncs) {
  // Each append waits for its fsync, so this is at least kPerThread fsyncs in a row on a disk
  // that may be busy: enough to see several records share one, few enough for a loaded machine.
  constexpr int kThreads = 8;
  constexpr int kPerThread = 100;
  std::vector<std::vector<std::uint64_t>> seqs(kThreads);
  {
    journal j(options());
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        for (int k = 0; k < kPerThread; ++k) {
          const std::uint64_t seq = j.append("t" + std::to_string(t) + "-" + std::to_string(k));
          EXPECT_TRUE(j.wait_durable(seq));
          seqs[static_cast<std::size_t>(t)].push_back(seq);
        }
      });
    for (auto& t : threads) t.join();
    const journal_stats s = j.stats();
    EXPECT_EQ(s.appended, std::uint64_t{kThreads * kPerThread});
    EXPECT_EQ(s.durable_seq, std::uint64_t{kThreads * kPerThread});
    EXPECT_GT(s.fsyncs, 0u);
    EXPECT_LT(s.fsyncs, s.appended);  // group commit: some fsyncs covered several records
  }
  std::vector<std::uint64_t> all;
  for (const auto& v : seqs) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end());
  EXPECT_EQ(all.front(), 1u);
  EXPECT_EQ(all.back(), std::uint64_t{kThreads * kPerThread});
  journal j(options());
  EXPECT_EQ(j.report().records, std::size_t{kThreads * kPerThread});
}

TEST_F(Journal, FailedWriteMakesEveryLaterWaitFalse) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full to fail writes with";
  fs::create_directories(dir_);
  fs::create_symlink("/dev/full", segment(1));  // every write: ENOSPC
  journal j(options());
  const std::uint64_t first = j.append("lost");
  EXPECT_FALSE(j.wait_durable(first));
  EXPECT_TRUE(j.failed());
  const std::uint64_t second = j.append("also lost");
  EXPECT_EQ(second, first + 1);
  EXPECT_FALSE(j.wait_durable(second));
  EXPECT_EQ(j.stats().durable_seq, 0u);
}

TEST_F(Journal, AppendWithACallbackCallsItOncePerRecordInSeqOrderWhenDurable) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 300;
  std::mutex m;
  std::vector<std::uint64_t> called;
  std::atomic<bool> bytes_were_on_disk{true};
  {
    journal j(options());
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&] {
        for (int k = 0; k < kPerThread; ++k)
          j.append("record", [&](std::uint64_t seq, bool durable) {
            // Durable means written and synced: the segment already holds this record.
            if (!durable || fs::file_size(segment(1)) < seq * framed("record"))
              bytes_were_on_disk = false;
            std::lock_guard lock(m);
            called.push_back(seq);
          });
      });
    for (auto& t : threads) t.join();
  }  // closing flushes what is left and calls its callbacks
  EXPECT_TRUE(bytes_were_on_disk.load());
  ASSERT_EQ(called.size(), std::size_t{kThreads * kPerThread});
  EXPECT_TRUE(std::is_sorted(called.begin(), called.end()));
  EXPECT_EQ(called.front(), 1u);
  EXPECT_EQ(called.back(), std::uint64_t{kThreads * kPerThread});
}

TEST_F(Journal, AppendWithACallbackCallsItWithFalseWhenTheWriteFailsAndAfter) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full to fail writes with";
  fs::create_directories(dir_);
  fs::create_symlink("/dev/full", segment(1));  // every write: ENOSPC
  journal j(options());
  std::promise<bool> first_outcome;
  j.append("lost", [&](std::uint64_t, bool durable) { first_outcome.set_value(durable); });
  auto outcome = first_outcome.get_future();
  ASSERT_EQ(outcome.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_FALSE(outcome.get());
  // Once failed, the callback runs at once on the appending thread.
  std::optional<bool> second;
  j.append("also lost", [&](std::uint64_t, bool durable) { second = durable; });
  ASSERT_TRUE(second.has_value());
  EXPECT_FALSE(*second);
}

TEST_F(Journal, ZerosWrittenAheadAreACleanEndAndAppendsContinueAfterTheLastRecord) {
  journal_options o = options();
  o.zero_ahead_bytes = 4096;
  {
    journal j(o);
    for (int i = 1; i <= 3; ++i) ASSERT_TRUE(j.wait_durable(j.append("r" + std::to_string(i))));
  }
  // The first write zero-filled 4096 bytes past its record; the next two fitted in there, so
  // the file did not grow again.
  const std::string bytes = read_bytes(segment(1));
  const std::size_t records = 3 * framed("r1");
  ASSERT_EQ(bytes.size(), framed("r1") + 4096);
  EXPECT_EQ(bytes.find_first_not_of('\0', records), std::string::npos);
  {
    journal j(o);
    EXPECT_EQ(j.report().cut_bytes, 0u);
    EXPECT_EQ(j.report().records, 3u);
    ASSERT_TRUE(j.wait_durable(j.append("r4")));  // written over the zeros, not after them
  }
  journal j(o);
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{1, 2, 3, 4}));
  EXPECT_EQ(j.recovered().back().payload, "r4");
  EXPECT_EQ(j.report().cut_bytes, 0u);
}

TEST_F(Journal, ATornRecordInsideTheZerosWrittenAheadIsCut) {
  journal_options o = options();
  o.zero_ahead_bytes = 4096;
  {
    journal j(o);
    for (int i = 1; i <= 2; ++i) ASSERT_TRUE(j.wait_durable(j.append("r" + std::to_string(i))));
  }
  // A crash in the middle of writing record 3: its first bytes reached the disk, not the rest.
  std::string bytes = read_bytes(segment(1));
  const std::size_t end = 2 * framed("r1");
  bytes.replace(end, 6, "MHJ1\x05\x00", 6);
  write_bytes(segment(1), bytes);
  journal j(o);
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(j.report().cut_bytes, bytes.size() - end);
  EXPECT_EQ(fs::file_size(segment(1)), end);
}

TEST_F(Journal, EverySegmentKeepsItsZerosAndRecoveryReadsThroughAllOfThem) {
  journal_options o = options(/*segment_bytes=*/100);
  o.zero_ahead_bytes = 512;
  {
    journal j(o);
    for (int i = 1; i <= 6; ++i) ASSERT_TRUE(j.wait_durable(j.append(std::string(60, 'a'))));
  }
  ASSERT_GE(segment_names().size(), 3u);
  journal j(o);
  EXPECT_EQ(j.report().removed_segments, 0u);
  EXPECT_EQ(j.report().cut_bytes, 0u);
  EXPECT_EQ(seqs_of(j.recovered()), (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6}));
}

TEST_F(Journal, WaitDurableIsFalseAtOnceForASeqNeverHandedOut) {
  journal j(options());
  EXPECT_FALSE(j.wait_durable(0));
  EXPECT_FALSE(j.wait_durable(1));
  EXPECT_FALSE(j.failed());
}

TEST_F(Journal, ASecondJournalOnTheSameDirectoryIsRefusedUntilTheFirstCloses) {
  {
    journal first(options());
    try {
      journal second(options());
      FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("in use by another process"), std::string::npos)
          << e.what();
    }
  }
  journal again(options());
  EXPECT_FALSE(again.failed());
}

TEST_F(Journal, UnusableDirectoryThrowsNamingThePath) {
  fs::create_directories(dir_);
  write_bytes(dir_ / "file", "x");
  try {
    journal j({.directory = dir_ / "file" / "journal"});
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find((dir_ / "file").string()), std::string::npos) << e.what();
  }
}

TEST(JournalCrc32c, MatchesTheCastagnoliCheckValue) {
  EXPECT_EQ(crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(crc32c(""), 0u);
}

TEST(JournalCrc32c, ExtendingEqualsChecksummingTheWhole) {
  EXPECT_EQ(crc32c_extend(crc32c("1234"), "56789"), 0xE3069283u);
}

TEST(JournalCrc32c, PortablePathAgreesWithTheDispatchedOneForEveryLength) {
  std::mt19937 rng(7);
  std::string bytes;
  for (int n = 0; n < 300; ++n) {
    EXPECT_EQ(crc32c_extend_portable(0, bytes), crc32c(bytes)) << "length " << n;
    EXPECT_EQ(crc32c_extend_portable(0x12345678, bytes), crc32c_extend(0x12345678, bytes));
    bytes.push_back(static_cast<char>(rng()));
  }
}

}  // namespace
}  // namespace mifos::hooks::detail
