// process.cpp: posix_spawn with both output pipes, and deadline-bounded polling on them.
#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace mifos::hooks::test {
namespace {

using clock = std::chrono::steady_clock;

std::chrono::milliseconds left(clock::time_point deadline) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
  return ms.count() > 0 ? ms : std::chrono::milliseconds(0);
}

}  // namespace

child_process::child_process(std::vector<std::string> argv) {
  if (argv.empty()) throw std::runtime_error("child_process: empty argv");
  int out[2], err[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("child_process: pipe failed");
  if (::pipe2(err, O_CLOEXEC) != 0) {
    ::close(out[0]);
    ::close(out[1]);
    throw std::runtime_error("child_process: pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  // The child starts with no signal blocked, whatever the test thread had blocked.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);

  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  int rc = ::posix_spawn(&pid_, args[0], &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(out[1]);
  ::close(err[1]);
  if (rc != 0) {
    ::close(out[0]);
    ::close(err[0]);
    throw std::runtime_error("child_process: cannot start " + argv[0] + ": " + std::strerror(rc));
  }
  out_.fd = out[0];
  err_.fd = err[0];
  ::fcntl(out_.fd, F_SETFL, O_NONBLOCK);
  ::fcntl(err_.fd, F_SETFL, O_NONBLOCK);
}

child_process::~child_process() {
  if (!exit_code_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    reap(true);
  }
  if (out_.fd >= 0) ::close(out_.fd);
  if (err_.fd >= 0) ::close(err_.fd);
}

void child_process::read_into(stream& s, bool is_stderr) {
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(s.fd, buf, sizeof buf);
    if (n > 0) {
      if (is_stderr) stderr_all_.append(buf, static_cast<std::size_t>(n));
      s.partial.append(buf, static_cast<std::size_t>(n));
      std::size_t lf;
      while ((lf = s.partial.find('\n')) != std::string::npos) {
        s.lines.push_back(s.partial.substr(0, lf));
        s.partial.erase(0, lf + 1);
      }
      continue;
    }
    if (n == 0) {
      s.ended = true;
      if (!s.partial.empty()) s.lines.push_back(std::move(s.partial));
      s.partial.clear();
    } else if (errno == EINTR) {
      continue;
    }
    return;  // EAGAIN: nothing more for now
  }
}

void child_process::pump(std::chrono::milliseconds wait) {
  pollfd fds[2];
  nfds_t n = 0;
  stream* streams[2];
  for (stream* s : {&out_, &err_}) {
    if (s->ended) continue;
    fds[n] = {s->fd, POLLIN, 0};
    streams[n++] = s;
  }
  if (n == 0) return;
  if (::poll(fds, n, static_cast<int>(wait.count())) <= 0) return;
  for (nfds_t i = 0; i < n; ++i)
    if (fds[i].revents != 0) read_into(*streams[i], streams[i] == &err_);
}

std::optional<std::string> child_process::wait_for_stderr_line(std::string_view prefix,
                                                               std::chrono::milliseconds timeout) {
  auto deadline = clock::now() + timeout;
  for (;;) {
    while (!err_.lines.empty()) {
      std::string line = std::move(err_.lines.front());
      err_.lines.pop_front();
      if (line.rfind(prefix, 0) == 0) return line;
    }
    if (err_.ended || clock::now() >= deadline) return std::nullopt;
    pump(left(deadline));
  }
}

std::optional<std::string> child_process::read_stdout_line(std::chrono::milliseconds timeout) {
  auto deadline = clock::now() + timeout;
  for (;;) {
    if (!out_.lines.empty()) {
      std::string line = std::move(out_.lines.front());
      out_.lines.pop_front();
      return line;
    }
    if (out_.ended || clock::now() >= deadline) return std::nullopt;
    pump(left(deadline));
  }
}

std::vector<std::string> child_process::read_stdout_until_end(std::chrono::milliseconds timeout) {
  auto deadline = clock::now() + timeout;
  while (!out_.ended && clock::now() < deadline) pump(left(deadline));
  std::vector<std::string> lines(out_.lines.begin(), out_.lines.end());
  out_.lines.clear();
  return lines;
}

void child_process::send_signal(int signal) {
  if (!exit_code_ && pid_ > 0) ::kill(pid_, signal);
}

bool child_process::reap(bool block) {
  if (exit_code_) return true;
  int status = 0;
  pid_t r;
  do {
    r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r != pid_) return false;
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return true;
}

std::optional<int> child_process::wait_for_exit(std::chrono::milliseconds timeout) {
  auto deadline = clock::now() + timeout;
  while (!reap(false)) {
    if (clock::now() >= deadline) return std::nullopt;
    // Draining the pipes is also the wait: at most 10 ms between two checks of the child.
    pump(std::min(left(deadline), std::chrono::milliseconds(10)));
    if (out_.ended && err_.ended && clock::now() < deadline) {
      // Both pipes closed: the child is exiting; poll() would return at once, so wait on it.
      pollfd none{-1, 0, 0};
      ::poll(&none, 1, 5);
    }
  }
  // What the child wrote last (a summary line, an error before exit) may still be in the pipes
  // when it is reaped: read them to their end, so stderr_text() and the line queues are whole.
  // Bounded, since a grandchild that inherited a pipe can keep it open.
  const auto drain_deadline = clock::now() + std::chrono::seconds(2);
  while ((!out_.ended || !err_.ended) && clock::now() < drain_deadline)
    pump(std::min(left(drain_deadline), std::chrono::milliseconds(10)));
  return exit_code_;
}

bool child_process::running() { return !reap(false); }

}  // namespace mifos::hooks::test
