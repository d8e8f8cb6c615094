// listen_options.hpp: --port, --address and --threads, the flags every receiver program takes
// for where it listens (hello-receiver and sms-bridge).
//
//   mifos::cli::add_listen_options(app, {s.address, s.port, s.threads});
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace mifos::cli {

// Where the flags write; their current values are the defaults shown by --help.
struct listen_targets {
  std::string& address;
  std::uint16_t& port;
  int& threads;
};

void add_listen_options(CLI::App& app, listen_targets targets);

}  // namespace mifos::cli
