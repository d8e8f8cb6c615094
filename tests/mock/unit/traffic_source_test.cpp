// traffic_source_test.cpp: opening traffic files: JSON Lines streamed line by line (errors
// name file and line, rewind starts over), HAR recognised by content, bad files refused by name.
// The HAR parser itself: traffic_har_test.cpp.
#include "traffic/traffic_source.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace mifos::mock {
namespace {

namespace fs = std::filesystem;

// A file in a fresh temporary directory, removed with the fixture.
class TrafficSource : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mock_traffic_source_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  fs::path dir_;
};

hooks::traffic_record record(std::int64_t offset, std::string target, std::string body) {
  hooks::traffic_record r;
  r.offset_us = offset;
  r.message.target = std::move(target);
  r.message.headers = {{"X-Fineract-Entity", "CLIENT"}, {"X-Fineract-Action", "CREATE"}};
  r.message.body = std::move(body);
  return r;
}

// Every record of `source` until its end; fails the test on an error.
std::vector<hooks::traffic_record> all(traffic_source& source) {
  std::vector<hooks::traffic_record> out;
  std::string error;
  while (auto r = source.next(error)) out.push_back(*r);
  EXPECT_EQ(error, "");
  return out;
}

TEST_F(TrafficSource, JsonLinesAreReadInFileOrder) {
  const auto a = record(0, "/hooks/", R"({"clientId":1})");
  const auto b = record(1500, "/hooks/?t=1", R"({"clientId":2})");
  const auto path =
      write("day.jsonl", hooks::to_traffic_line(a) + "\n" + hooks::to_traffic_line(b) + "\n");
  std::string error;
  auto source = open_traffic_file(path, error);
  ASSERT_TRUE(source) << error;
  EXPECT_EQ(all(*source), (std::vector<hooks::traffic_record>{a, b}));
}

TEST_F(TrafficSource, BlankLinesAndCrlfEndingsAreSkipped) {
  const auto a = record(0, "/hooks/", "{}");
  const auto b = record(7, "/hooks/", "{}");
  const auto path = write("crlf.jsonl", "\n" + hooks::to_traffic_line(a) + "\r\n  \r\n\n" +
                                            hooks::to_traffic_line(b));  // no final newline
  std::string error;
  auto source = open_traffic_file(path, error);
  ASSERT_TRUE(source) << error;
  EXPECT_EQ(all(*source), (std::vector<hooks::traffic_record>{a, b}));
}

TEST_F(TrafficSource, ABadLineIsReportedWithFileAndLineNumber) {
  const auto good = hooks::to_traffic_line(record(0, "/hooks/", "{}"));
  const auto path = write("day.jsonl", good + "\n\n" + R"({"offset_us":5,"path":"/"})" + "\n");
  std::string error;
  auto source = open_traffic_file(path, error);
  ASSERT_TRUE(source) << error;
  EXPECT_TRUE(source->next(error));
  EXPECT_FALSE(source->next(error));
  EXPECT_EQ(error, path + ":3: missing \"method\"");
}

TEST_F(TrafficSource, ABadLineStopsTheStreamUntilRewind) {
  const auto good = record(0, "/hooks/", "{}");
  const auto path = write("day.jsonl", hooks::to_traffic_line(good) + "\n{not json\n" +
                                           hooks::to_traffic_line(good) + "\n");
  std::string error;
  auto source = open_traffic_file(path, error);
  ASSERT_TRUE(source) << error;
  ASSERT_TRUE(source->next(error));
  EXPECT_FALSE(source->next(error));
  EXPECT_EQ(error, path + ":2: not JSON");
  std::string again;
  EXPECT_FALSE(source->next(again));
  EXPECT_EQ(again, error);
  source->rewind();
  std::string none;
  auto first = source->next(none);
  ASSERT_TRUE(first) << none;
  EXPECT_EQ(*first, good);
}

TEST_F(TrafficSource, RewindStartsAgainFromTheFirstRecord) {
  const auto a = record(0, "/a", "1");
  const auto b = record(1, "/b", "2");
  const auto path =
      write("loop.jsonl", hooks::to_traffic_line(a) + "\n" + hooks::to_traffic_line(b) + "\n");
  std::string error;
  auto source = open_traffic_file(path, error);
  ASSERT_TRUE(source) << error;
  EXPECT_EQ(all(*source).size(), 2u);
  source->rewind();
  EXPECT_EQ(all(*source), (std::vector<hooks::traffic_record>{a, b}));
}

TEST_F(TrafficSource, RewindInTheMiddleGivesTheFirstRecordNext) {
  const auto a = record(0, "/a", "1");
  const auto path = write("loop.jsonl", hooks::to_traffic_line(a) + "\n" +
                                            hooks::to_traffic_line(record(1, "/b", "2")) + "\n");
  std::string error;
  auto source = open_traffic_file(path, error);
  ASSERT_TRUE(source) << error;
  ASSERT_TRUE(source->next(error));
  source->rewind();
  auto first = source->next(error);
  ASSERT_TRUE(first) << error;
  EXPECT_EQ(*first, a);
}

TEST_F(TrafficSource, AMissingFileIsAnErrorNamingIt) {
  std::string error;
  EXPECT_FALSE(open_traffic_file((dir_ / "nope.jsonl").string(), error));
  EXPECT_EQ(error, (dir_ / "nope.jsonl").string() + ": cannot open");
}

TEST_F(TrafficSource, AFileThatIsNeitherJsonLinesNorHarIsRefused) {
  const auto path = write("notes.txt", "hello\n");
  std::string error;
  EXPECT_FALSE(open_traffic_file(path, error));
  EXPECT_EQ(error, path + ": neither a traffic file (JSON Lines) nor a HAR file");
}

TEST_F(TrafficSource, AnEmptyFileHasNoRecordsAndNoError) {
  const auto path = write("empty.jsonl", "");
  std::string error;
  auto source = open_traffic_file(path, error);
  ASSERT_TRUE(source) << error;
  EXPECT_TRUE(all(*source).empty());
}

// Two entries, pretty-printed as browsers save them, the later one first.
const char* const kSmallHar = R"({
  "log": {
    "entries": [
      {"startedDateTime": "2024-10-24T09:53:01.623Z",
       "request": {"method": "POST", "url": "http://127.0.0.1:9000/hooks/", "headers": [],
                   "postData": {"mimeType": "application/json", "text": "{\"n\":2}"}}},
      {"startedDateTime": "2024-10-24T09:52:59.123Z",
       "request": {"method": "POST", "url": "http://127.0.0.1:9000/hooks/", "headers": [],
                   "postData": {"mimeType": "application/json", "text": "{\"n\":1}"}}}
    ]
  }
})";

TEST_F(TrafficSource, AHarFileIsRecognisedByContentWhateverItsName) {
  const auto path = write("capture.txt", "\xEF\xBB\xBF\n" + std::string(kSmallHar));
  std::string error;
  auto source = open_traffic_file(path, error);
  ASSERT_TRUE(source) << error;
  const auto records = all(*source);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].message.body, R"({"n":1})");
  EXPECT_EQ(records[1].offset_us, 2'500'000);
  source->rewind();
  EXPECT_EQ(all(*source), records);
}

TEST_F(TrafficSource, ABadHarFileIsRefusedWithItsNameAndReason) {
  const auto path = write("bad.har", R"({"log":{"entries":{}}})");
  std::string error;
  EXPECT_FALSE(open_traffic_file(path, error));
  EXPECT_EQ(error, path + ": not a HAR file: no \"log.entries\" array");
}

}  // namespace
}  // namespace mifos::mock
