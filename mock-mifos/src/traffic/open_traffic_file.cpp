// open_traffic_file.cpp: the two traffic sources and the choice between them by content.
//
// JSON Lines is streamed: one std::getline into a reused buffer, so memory stays constant
// whatever the file size (bounded by the longest line). HAR is one JSON document and is loaded
// whole; captures saved by browsers and proxies are small, and replaying one at full rate needs
// the records ready anyway.
#include <array>
#include <fstream>
#include <sstream>
#include <utility>
#include <variant>
#include <vector>

#include "traffic/har.hpp"
#include "traffic/traffic_source.hpp"

namespace mifos::mock {
namespace {

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\r\n") == std::string::npos;
}

class jsonl_source final : public traffic_source {
 public:
  jsonl_source(std::string path, std::ifstream in) : path_(std::move(path)), in_(std::move(in)) {}

  std::optional<hooks::traffic_record> next(std::string& error) override {
    if (!error_.empty()) {
      error = error_;
      return std::nullopt;
    }
    while (std::getline(in_, line_)) {
      ++line_number_;
      if (is_blank(line_)) continue;
      auto parsed = hooks::parse_traffic_line(line_);
      if (!parsed) {
        error_ = path_ + ":" + std::to_string(line_number_) + ": " + parsed.error().reason;
        error = error_;
        return std::nullopt;
      }
      return std::move(*parsed);
    }
    if (in_.bad()) {
      error_ = path_ + ": read error after line " + std::to_string(line_number_);
      error = error_;
    }
    return std::nullopt;
  }

  void rewind() override {
    in_.clear();
    in_.seekg(0);
    line_number_ = 0;
    error_.clear();
  }

 private:
  std::string path_;
  std::ifstream in_;
  std::string line_;  // reused: no allocation per line once it has grown to the longest one
  std::size_t line_number_ = 0;
  std::string error_;  // sticky: a bad line ends the stream until rewind()
};

class har_source final : public traffic_source {
 public:
  explicit har_source(std::vector<hooks::traffic_record> records) : records_(std::move(records)) {}

  std::optional<hooks::traffic_record> next(std::string&) override {
    if (index_ >= records_.size()) return std::nullopt;
    return records_[index_++];
  }
  void rewind() override { index_ = 0; }

 private:
  std::vector<hooks::traffic_record> records_;
  std::size_t index_ = 0;
};

// True when the text starts (after a BOM and blanks) with '{' whose first key is "log": a
// JSON Lines file starts with '{' too, but its first key is "offset_us".
bool looks_like_har(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  auto skip_blanks = [&head] {
    while (!head.empty() && (head.front() == ' ' || head.front() == '\t' || head.front() == '\r' ||
                             head.front() == '\n'))
      head.remove_prefix(1);
  };
  skip_blanks();
  if (!head.starts_with('{')) return false;
  head.remove_prefix(1);
  skip_blanks();
  return head.starts_with("\"log\"");
}

}  // namespace

std::unique_ptr<traffic_source> open_traffic_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open";
    return nullptr;
  }
  std::array<char, 4096> head{};
  in.read(head.data(), head.size());
  const std::string_view first(head.data(), static_cast<std::size_t>(in.gcount()));
  in.clear();
  in.seekg(0);

  if (looks_like_har(first)) {
    std::ostringstream whole;
    whole << in.rdbuf();
    if (in.bad()) {
      error = path + ": read error";
      return nullptr;
    }
    std::string text = std::move(whole).str();
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    auto parsed = parse_har(text);
    if (auto* bad = std::get_if<std::string>(&parsed)) {
      error = path + ": " + *bad;
      return nullptr;
    }
    return std::make_unique<har_source>(
        std::move(std::get<std::vector<hooks::traffic_record>>(parsed)));
  }

  const auto content = first.find_first_not_of(" \t\r\n");
  if (content != std::string_view::npos && first[content] != '{') {
    error = path + ": neither a traffic file (JSON Lines) nor a HAR file";
    return nullptr;
  }
  return std::make_unique<jsonl_source>(path, std::move(in));
}

}  // namespace mifos::mock
