// listen_options.cpp: see listen_options.hpp.
#include "mifos_cli/listen_options.hpp"

#include "mifos_cli/options.hpp"

namespace mifos::cli {

void add_listen_options(CLI::App& app, listen_targets t) {
  add_number_option<std::uint16_t>(app, "--port", 0, 65535, t.port,
                                   "TCP port to listen on (default " + std::to_string(t.port) +
                                       "; 0 = any free port, see the log line)");
  add_text_option(app, "--address", t.address,
                  "interface to listen on (default " + t.address + "; 0.0.0.0 for other hosts)",
                  "A", text_rule::non_empty);
  add_number_option<int>(app, "--threads", 1, 256, t.threads,
                         "threads serving connections (default " + std::to_string(t.threads) + ")");
}

}  // namespace mifos::cli
