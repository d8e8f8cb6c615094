// traffic_writer.hpp: the recorder's output file. Each line goes out with one write and is
// flushed to the kernel at once, so a crash of the recorder loses at most the line being
// written. Appending continues an existing file after its last complete line.
//
//   std::string error;
//   auto out = traffic_writer::open("day.jsonl", /*append=*/true, error);
//   if (!out) die(error);
//   std::int64_t from = out->last_offset_us();   // where new offsets continue
//   out->write_line(hooks::to_traffic_line(r));   // adds the '\n'
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace mifos::mock {

class traffic_writer {
 public:
  // Creates (or truncates) `path`; with `append`, keeps what is there. An existing file whose
  // last line is incomplete (an interrupted writer) has that fragment cut off, and `note` says
  // so; a last complete line that is not a traffic record is an error (appending to something
  // else would corrupt it). nullptr and `error` when it cannot.
  static std::unique_ptr<traffic_writer> open(const std::string& path, bool append,
                                              std::string& error, std::string* note = nullptr);
  ~traffic_writer();
  traffic_writer(const traffic_writer&) = delete;
  traffic_writer& operator=(const traffic_writer&) = delete;

  // The offset of the file's last record when appending to a non-empty file, else 0.
  std::int64_t last_offset_us() const noexcept { return last_offset_us_; }
  // `line` plus '\n', flushed. Not thread-safe: the recorder calls it under its lock.
  bool write_line(const std::string& line);

 private:
  traffic_writer(std::FILE* file, std::int64_t last_offset_us)
      : file_(file), last_offset_us_(last_offset_us) {}
  std::FILE* file_;
  std::int64_t last_offset_us_;
};

}  // namespace mifos::mock
