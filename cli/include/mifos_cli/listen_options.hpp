// listen_options.hpp: the flags every receiver program takes for where it listens (--port,
// --address, --threads) and which requests it takes (--path, --token, --tenant).
//
//   mifos::cli::add_listen_options(app, {s.address, s.port, s.threads});
//   mifos::cli::add_hook_options(app, {o.paths, o.secret, o.tenants});
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace mifos::cli {

// Where the flags write; their current values are the defaults shown by --help.
struct listen_targets {
  std::string& address;
  std::uint16_t& port;
  int& threads;
};

void add_listen_options(CLI::App& app, listen_targets targets);

// --port and --address alone, for a receiver whose thread count is not a flag.
void add_address_options(CLI::App& app, std::string& address, std::uint16_t& port);

// --path, --token and --tenant: which requests a receiver takes (receiver_options' paths, secret
// and tenants).
struct hook_targets {
  std::vector<std::string>& paths;
  std::string& secret;
  std::vector<std::string>& tenants;
};

void add_hook_options(CLI::App& app, hook_targets targets);

}  // namespace mifos::cli
