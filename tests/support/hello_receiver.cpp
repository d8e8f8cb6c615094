// hello_receiver.cpp: see hello_receiver.hpp.
#include "hello_receiver.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace mifos::hooks::test {

hello_receiver::hello_receiver(std::vector<std::string> flags) {
  std::vector<std::string> argv = {MIFOS_HOOKS_HELLO_RECEIVER, "--port", "0"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  process_ = std::make_unique<child_process>(argv);
  const std::string prefix = "listening on http://127.0.0.1:";
  auto line = process_->wait_for_stderr_line(prefix, kStartTimeout);
  if (!line)
    throw std::runtime_error("hello-receiver did not start; stderr:\n" + process_->stderr_text());
  listening_ = *line;
  std::size_t digits = prefix.size();
  std::size_t end = line->find('/', digits);
  port_ = static_cast<std::uint16_t>(std::stoul(line->substr(digits, end - digits)));
}

nlohmann::json hello_receiver::next_event() {
  auto line = process_->read_stdout_line(kIoTimeout);
  if (!line) {
    ADD_FAILURE() << "hello-receiver printed no event; stderr:\n" << process_->stderr_text();
    return nullptr;
  }
  return nlohmann::json::parse(*line, nullptr, false);
}

}  // namespace mifos::hooks::test
