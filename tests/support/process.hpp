// process.hpp: a child process for integration tests, with its stdout and stderr captured.
//
// Every wait takes a deadline and polls the pipes, so a test never sleeps blindly and never hangs:
// a child that does not say what it should within the deadline fails the test instead.
// The destructor kills (SIGKILL) and reaps a child that is still running.
//
//   mifos::hooks::test::child_process p({MIFOS_HOOKS_HELLO_RECEIVER, "--port", "0"});
//   auto line = p.wait_for_stderr_line("listening on ", std::chrono::seconds(10));
//   ASSERT_TRUE(line) << p.stderr_text();
//   auto out = p.read_stdout_line(std::chrono::seconds(5));   // one line, without '\n'
//   p.send_signal(SIGTERM);
//   EXPECT_EQ(p.wait_for_exit(std::chrono::seconds(10)), 0);
#pragma once

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mifos::hooks::test {

class child_process {
 public:
  // Starts argv[0] (a path) with arguments argv[1...]. Throws std::runtime_error if it cannot.
  explicit child_process(std::vector<std::string> argv);
  ~child_process();
  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  pid_t pid() const noexcept { return pid_; }

  // Reads stderr until a line starting with `prefix` arrives; returns that line (no '\n'), or
  // nullopt at the deadline or when stderr ends. Earlier lines are skipped but kept in
  // stderr_text().
  std::optional<std::string> wait_for_stderr_line(std::string_view prefix,
                                                  std::chrono::milliseconds timeout);
  // The next complete stdout line (no '\n'), or nullopt at the deadline or end of output.
  std::optional<std::string> read_stdout_line(std::chrono::milliseconds timeout);
  // Every stdout line until the stream ends (the child exited), or until the deadline.
  std::vector<std::string> read_stdout_until_end(std::chrono::milliseconds timeout);

  void send_signal(int signal);
  // The exit code (128 + signal number if a signal ended it), or nullopt at the deadline.
  // Keeps draining the pipes meanwhile so a chatty child cannot block on a full pipe, and once
  // it has exited reads them to their end (at most 2 s more, for grandchildren that keep them).
  std::optional<int> wait_for_exit(std::chrono::milliseconds timeout);
  // True while the child has not exited (reaps it if it has).
  bool running();

  // Everything read from stderr so far, for failure messages.
  const std::string& stderr_text() const noexcept { return stderr_all_; }

 private:
  struct stream {
    int fd = -1;
    std::string partial;            // bytes after the last '\n'
    std::deque<std::string> lines;  // complete lines not handed out yet
    bool ended = false;
  };
  // Reads what is available on both pipes, waiting at most `wait` for something to arrive.
  void pump(std::chrono::milliseconds wait);
  void read_into(stream& s, bool is_stderr);
  bool reap(bool block);

  pid_t pid_ = -1;
  std::optional<int> exit_code_;
  stream out_;
  stream err_;
  std::string stderr_all_;
};

}  // namespace mifos::hooks::test
