// recorder_file_test.cpp: the recorder's output file: one flushed line per record, emptied
// unless appending, and appending goes on after the last record (an incomplete last line is cut,
// a file that is not traffic is refused).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mifos/hooks/traffic.hpp>
#include <sstream>

#include "record/traffic_writer.hpp"

namespace mifos::mock {
namespace {

// The output file, in a fresh temporary directory.
class RecorderFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("mock_recorder_file_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "out.jsonl").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void put(const std::string& text) { std::ofstream(path_, std::ios::binary) << text; }
  std::string contents() const {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  std::filesystem::path dir_;
  std::string path_;
};

std::string line_at(std::int64_t offset) {
  hooks::delivery d;
  d.target = "/hooks/";
  d.headers = {{"X-Fineract-Entity", "CLIENT"}, {"X-Fineract-Action", "CREATE"}};
  d.body = R"({"clientId":1})";
  return hooks::to_traffic_line({offset, d});
}

TEST_F(RecorderFile, ANewFileGetsEachLineWithANewline) {
  std::string error;
  auto out = traffic_writer::open(path_, false, error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(out->last_offset_us(), 0);
  EXPECT_TRUE(out->write_line(line_at(0)));
  EXPECT_TRUE(out->write_line(line_at(5)));
  // flushed per line: visible before the writer is closed
  EXPECT_EQ(contents(), line_at(0) + "\n" + line_at(5) + "\n");
}

TEST_F(RecorderFile, WithoutAppendAnOldFileIsEmptied) {
  put(line_at(7) + "\n");
  std::string error;
  auto out = traffic_writer::open(path_, false, error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(contents(), "");
}

TEST_F(RecorderFile, AppendKeepsTheFileAndReportsItsLastOffset) {
  put(line_at(7) + "\n" + line_at(42) + "\n\n");
  std::string error;
  auto out = traffic_writer::open(path_, true, error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(out->last_offset_us(), 42);
  out->write_line(line_at(50));
  EXPECT_EQ(contents(), line_at(7) + "\n" + line_at(42) + "\n\n" + line_at(50) + "\n");
}

TEST_F(RecorderFile, AppendCutsAnIncompleteLastLineAndSaysSo) {
  put(line_at(7) + "\n" + line_at(9).substr(0, 20));
  std::string error, note;
  auto out = traffic_writer::open(path_, true, error, &note);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(out->last_offset_us(), 7);
  EXPECT_EQ(note, "cut an incomplete last line (20 bytes) left by an interrupted writer");
  EXPECT_EQ(contents(), line_at(7) + "\n");
}

TEST_F(RecorderFile, AppendRefusesAFileThatIsNotTraffic) {
  put("# my notes\n");
  std::string error;
  EXPECT_FALSE(traffic_writer::open(path_, true, error));
  EXPECT_EQ(error, path_ + ": its last line is not a traffic record (not JSON); not appending");
  EXPECT_EQ(contents(), "# my notes\n");
}

TEST_F(RecorderFile, AppendToAMissingFileCreatesIt) {
  std::string error;
  auto out = traffic_writer::open(path_, true, error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(out->last_offset_us(), 0);
  EXPECT_TRUE(std::filesystem::exists(path_));
}

}  // namespace
}  // namespace mifos::mock
