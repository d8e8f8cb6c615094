// event_sink.cpp: one write() per line, under one lock, so lines stay whole and in one piece
// even when the process is killed between two of them.
#include "event_sink.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace hello {
namespace {

// The deliveryId of every whole line of `path`; a last line without its newline (the process
// was killed while writing it) is cut off the file.
std::unordered_set<std::uint64_t> ids_in(const std::string& path) {
  std::unordered_set<std::uint64_t> ids;
  std::ifstream in(path, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t whole = content.rfind('\n');
  whole = whole == std::string::npos ? 0 : whole + 1;
  if (whole < content.size() && ::truncate(path.c_str(), static_cast<off_t>(whole)) != 0)
    throw std::runtime_error("cannot cut the torn last line of " + path);
  std::size_t start = 0;
  while (start < whole) {
    std::size_t end = content.find('\n', start);
    auto line = nlohmann::json::parse(content.begin() + static_cast<std::ptrdiff_t>(start),
                                      content.begin() + static_cast<std::ptrdiff_t>(end), nullptr,
                                      /*allow_exceptions=*/false);
    if (line.is_object() && line.contains("deliveryId") && line["deliveryId"].is_number_unsigned())
      ids.insert(line["deliveryId"].get<std::uint64_t>());
    start = end + 1;
  }
  return ids;
}

}  // namespace

event_sink::event_sink(const settings& s) : quiet_(s.quiet) {
  if (s.out_file.empty()) return;
  skip_seen_ = !s.options.journal_dir.empty();
  if (skip_seen_) seen_ = ids_in(s.out_file);
  out_fd_ = ::open(s.out_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (out_fd_ < 0)
    throw std::runtime_error("cannot open " + s.out_file + ": " + std::strerror(errno));
}

event_sink::~event_sink() {
  if (out_fd_ != 1) ::close(out_fd_);
}

void event_sink::take(const mifos::hooks::event& e) {
  if (quiet_) {
    std::lock_guard lock(mutex_);
    ++counts_[e.entity + "." + e.action];
    return;
  }
  auto json = mifos::hooks::to_json(e);
  if (e.delivery_id != 0) json["deliveryId"] = e.delivery_id;
  std::string line = json.dump();
  line += '\n';
  std::lock_guard lock(mutex_);
  if (skip_seen_ && !seen_.insert(e.delivery_id).second) {
    ++skipped_;
    return;
  }
  std::size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(out_fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    // The handler fails, so the event is retried instead of being lost.
    if (n <= 0) throw std::runtime_error("cannot write the event");
    done += static_cast<std::size_t>(n);
  }
}

void event_sink::print_counts() {
  std::lock_guard lock(mutex_);
  for (const auto& [pair, n] : counts_) std::printf("%s %llu\n", pair.c_str(), n);
  std::fflush(stdout);
}

std::size_t event_sink::skipped() const {
  std::lock_guard lock(mutex_);
  return skipped_;
}

}  // namespace hello
