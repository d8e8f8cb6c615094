// stream-consumer: reads a tenant's stream through a consumer group and prints each event as
// one JSON line on stdout, acknowledging it after printing (consumer.hpp).
//
//   stream-consumer --tenant default --group workers          # run several to share the work
//   stream-consumer --tenant default --from-start --count 100 --with-ids
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>

#include "consumer.hpp"
#include "consumer_flags.hpp"
#include "host_port.hpp"

namespace {

std::atomic<bool> stop_requested{false};

extern "C" void on_stop_signal(int) { stop_requested = true; }

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  auto parsed = stream_forwarder::read_consumer_flags({argv + 1, argv + argc}, error);
  if (!parsed) {
    std::fprintf(stderr, "stream-consumer: %s\n\n%s", error.c_str(),
                 stream_forwarder::consumer_help().c_str());
    return 2;
  }
  if (parsed->help) {
    std::fputs(stream_forwarder::consumer_help().c_str(), stdout);
    return 0;
  }
  stream_forwarder::finish_consumer_settings(*parsed, stream_forwarder::host_name(),
                                             static_cast<long>(::getpid()));

  // No SA_RESTART needed: the loop checks the flag at least once a second.
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  return stream_forwarder::consume(*parsed, stop_requested, stdout);
}
