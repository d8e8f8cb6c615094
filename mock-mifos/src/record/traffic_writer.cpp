// traffic_writer.cpp: see traffic_writer.hpp. Appending reads only the file's tail (the last
// line is at most a few MiB: the server refuses larger requests), whatever the file's size.
#include "record/traffic_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mifos/hooks/traffic.hpp>
#include <variant>

namespace mifos::mock {
namespace {

constexpr std::uintmax_t kTailBytes = 8 * 1024 * 1024;

struct tail_state {
  std::uintmax_t keep_bytes = 0;  // the file's size without an incomplete last line
  std::int64_t last_offset_us = 0;
};

// Where an existing file ends and its last record's offset; an error message otherwise.
std::variant<tail_state, std::string> read_tail(const std::string& path, std::uintmax_t size) {
  std::ifstream in(path, std::ios::binary);
  const std::uintmax_t start = size > kTailBytes ? size - kTailBytes : 0;
  in.seekg(static_cast<std::streamoff>(start));
  std::string tail(static_cast<std::size_t>(size - start), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  if (!in) return path + ": cannot read it to append";

  tail_state state;
  std::size_t complete = tail.size();  // bytes of the tail that end with a whole line
  if (!tail.empty() && tail.back() != '\n') {
    const auto last_newline = tail.rfind('\n');
    if (last_newline == std::string::npos && start > 0)
      return path + ": its last line is longer than 8 MiB; not appending";
    complete = last_newline == std::string::npos ? 0 : last_newline + 1;
  }
  state.keep_bytes = start + complete;

  // From the end back to the last line that is not blank.
  std::string_view rest(tail.data(), complete);
  while (!rest.empty()) {
    rest.remove_suffix(1);  // the '\n' that ends the last line
    const auto begin = rest.rfind('\n');
    const std::string_view line = begin == std::string_view::npos ? rest : rest.substr(begin + 1);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      auto parsed = hooks::parse_traffic_line(line);
      if (!parsed)
        return path + ": its last line is not a traffic record (" + parsed.error().reason +
               "); not appending";
      state.last_offset_us = parsed->offset_us;
      break;
    }
    rest = begin == std::string_view::npos ? std::string_view() : rest.substr(0, begin + 1);
  }
  return state;
}

}  // namespace

std::unique_ptr<traffic_writer> traffic_writer::open(const std::string& path, bool append,
                                                     std::string& error, std::string* note) {
  namespace fs = std::filesystem;
  std::int64_t last_offset = 0;
  std::error_code ec;
  if (append && fs::is_regular_file(path, ec)) {
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
      error = path + ": " + ec.message();
      return nullptr;
    }
    auto tail = read_tail(path, size);
    if (auto* bad = std::get_if<std::string>(&tail)) {
      error = *bad;
      return nullptr;
    }
    const auto& state = std::get<tail_state>(tail);
    if (state.keep_bytes < size) {
      fs::resize_file(path, state.keep_bytes, ec);
      if (ec) {
        error = path + ": cannot cut its incomplete last line: " + ec.message();
        return nullptr;
      }
      if (note)
        *note = "cut an incomplete last line (" + std::to_string(size - state.keep_bytes) +
                " bytes) left by an interrupted writer";
    }
    last_offset = state.last_offset_us;
  }
  std::FILE* file = std::fopen(path.c_str(), append ? "ab" : "wb");
  if (!file) {
    error = path + ": cannot open for writing";
    return nullptr;
  }
  return std::unique_ptr<traffic_writer>(new traffic_writer(file, last_offset));
}

traffic_writer::~traffic_writer() { std::fclose(file_); }

bool traffic_writer::write_line(const std::string& line) {
  std::string out;
  out.reserve(line.size() + 1);
  out += line;
  out += '\n';
  // One fwrite then fflush: the whole line reaches the kernel in one go, never half of it
  // followed by a crash of ours.
  return std::fwrite(out.data(), 1, out.size(), file_) == out.size() && std::fflush(file_) == 0;
}

}  // namespace mifos::mock
