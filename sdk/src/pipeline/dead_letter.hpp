// dead_letter.hpp: where deliveries go whose handlers kept failing.
//
//   detail::dead_letter_file dead("journal/dead-letter.jsonl");
//   dead.write(d);   // one traffic-format line (traffic.hpp), on disk when it returns
//
// The file is in the traffic format, so `mock-mifos play journal/dead-letter.jsonl --target URL`
// sends the deliveries again once the handler is fixed. Thread-safe.
#pragma once

#include <filesystem>
#include <mutex>

#include "mifos/hooks/delivery.hpp"

namespace mifos::hooks::detail {

class dead_letter_file {
 public:
  // Opens for appending, creating the file (and its directory). Throws std::runtime_error with
  // the path and the reason if it cannot.
  explicit dead_letter_file(std::filesystem::path path);
  ~dead_letter_file();
  dead_letter_file(const dead_letter_file&) = delete;
  dead_letter_file& operator=(const dead_letter_file&) = delete;

  // Appends one line and fdatasync()s it. False on an I/O error.
  bool write(const delivery& d);
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
  std::mutex mutex_;
  int fd_ = -1;
};

}  // namespace mifos::hooks::detail
