// dead_letter.cpp: O_APPEND writes of whole lines, each made durable before write() returns.
#include "dead_letter.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>

#include "mifos/hooks/traffic.hpp"

namespace mifos::hooks::detail {

dead_letter_file::dead_letter_file(std::filesystem::path path) : path_(std::move(path)) {
  std::error_code ec;
  if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), ec);
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw std::runtime_error("cannot open the dead-letter file " + path_.string() + ": " +
                             std::strerror(errno));
}

dead_letter_file::~dead_letter_file() {
  if (fd_ >= 0) ::close(fd_);
}

bool dead_letter_file::write(const delivery& d) {
  std::string line = to_traffic_line({0, d});
  line += '\n';
  std::lock_guard lock(mutex_);
  std::size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return ::fdatasync(fd_) == 0;
}

}  // namespace mifos::hooks::detail
