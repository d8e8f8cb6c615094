// journal_format.cpp: the record codec, segment and checkpoint names, and file calls of the
// journal (journal_format.hpp).
#include "journal_format.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <stdexcept>
#include <system_error>

#include "crc32c.hpp"

namespace mifos::hooks::detail {

void store_le(char* out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint64_t load_le(const char* in, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

std::uint32_t record_crc(std::string_view seq_bytes, std::string_view payload) {
  return crc32c_extend(crc32c(seq_bytes), payload);
}

[[noreturn]] void throw_io(const std::string& what, const std::filesystem::path& path, int err) {
  throw std::runtime_error("journal: cannot " + what + " " + path.string() + ": " +
                           std::generic_category().message(err));
}

std::optional<std::uint64_t> parse_segment_name(std::string_view name) {
  constexpr std::string_view kPrefix = "journal-";
  constexpr std::string_view kSuffix = ".log";
  if (name.size() != kPrefix.size() + 20 + kSuffix.size() || !name.starts_with(kPrefix) ||
      !name.ends_with(kSuffix))
    return std::nullopt;
  const std::string_view digits = name.substr(kPrefix.size(), 20);
  std::uint64_t seq = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), seq);
  if (ec != std::errc{} || end != digits.data() + digits.size() || seq == 0) return std::nullopt;
  return seq;
}

std::string checkpoint_text(std::uint64_t seq) {
  const std::string digits = std::to_string(seq);
  return digits + ' ' + std::to_string(crc32c(digits)) + '\n';
}

// "<seq> <crc32c of the seq's digits>\n", exactly; anything else is corrupt and reads as 0.
std::uint64_t parse_checkpoint(std::string_view text) {
  const auto space = text.find(' ');
  if (space == std::string_view::npos || !text.ends_with('\n')) return 0;
  const std::string_view digits = text.substr(0, space);
  const std::string_view crc_text = text.substr(space + 1, text.size() - space - 2);
  std::uint64_t seq = 0;
  std::uint32_t crc = 0;
  const auto a = std::from_chars(digits.data(), digits.data() + digits.size(), seq);
  const auto b = std::from_chars(crc_text.data(), crc_text.data() + crc_text.size(), crc);
  if (a.ec != std::errc{} || a.ptr != digits.data() + digits.size() || b.ec != std::errc{} ||
      b.ptr != crc_text.data() + crc_text.size() || digits.empty() || crc_text.empty())
    return 0;
  return crc32c(digits) == crc && std::to_string(seq) == digits ? seq : 0;
}

int read_file(const std::filesystem::path& path, std::string& out) {
  out.clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? 0 : errno;
  struct stat st {};
  int err = ::fstat(fd, &st) == 0 ? 0 : errno;
  if (err == 0) out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (err == 0 && done < out.size()) {
    const ssize_t n = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) err = errno;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  ::close(fd);
  return err;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool pwrite_all(int fd, std::string_view data, std::uint64_t offset) {
  while (!data.empty()) {
    const ssize_t n = ::pwrite(fd, data.data(), data.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

bool all_zero(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
}

bool sync_data(int fd) {
  while (::fdatasync(fd) != 0)
    if (errno != EINTR) return false;
  return true;
}

void seal_records(std::string& batch) {
  for (std::size_t at = 0; at < batch.size();) {
    char* h = batch.data() + at;
    const std::size_t length = load_le(h + 4, 4);
    store_le(h + 16, record_crc({h + 8, 8}, {h + kHeaderBytes, length}), 4);
    at += kHeaderBytes + length;
  }
}

}  // namespace mifos::hooks::detail
