// hello_receiver.hpp: starts the hello-receiver executable on a free port for a test.
//
//   hello_receiver r({"--token", "s3cret"});     // throws if it does not come up in time
//   auto reply = http_call("GET", url(r.port(), "/hooks"), "", {});
//   auto line = r.process().read_stdout_line(std::chrono::seconds(5));
//   nlohmann::json e = r.next_event();           // the same line, parsed
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "process.hpp"

namespace mifos::hooks::test {

// Generous: asan builds on a loaded machine start slowly; only a failing test waits them out.
inline constexpr std::chrono::seconds kStartTimeout{30};
inline constexpr std::chrono::seconds kIoTimeout{30};

class hello_receiver {
 public:
  // Runs hello-receiver --port 0 plus `flags` and waits for its "listening on" line.
  explicit hello_receiver(std::vector<std::string> flags = {});

  std::uint16_t port() const noexcept { return port_; }
  child_process& process() noexcept { return *process_; }
  // The "listening on ..." line as printed.
  const std::string& listening_line() const noexcept { return listening_; }
  // The next event it printed (one JSON line on stdout); null, and a failed expectation, when
  // none came within kIoTimeout.
  nlohmann::json next_event();

 private:
  std::unique_ptr<child_process> process_;
  std::uint16_t port_ = 0;
  std::string listening_;
};

}  // namespace mifos::hooks::test
