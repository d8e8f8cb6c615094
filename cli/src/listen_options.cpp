// listen_options.cpp: see listen_options.hpp.
#include "mifos_cli/listen_options.hpp"

#include "mifos_cli/options.hpp"

namespace mifos::cli {

void add_address_options(CLI::App& app, std::string& address, std::uint16_t& port) {
  add_number_option<std::uint16_t>(app, "--port", 0, 65535, port,
                                   "TCP port to listen on (default " + std::to_string(port) +
                                       "; 0 = any free port, see the log line)");
  add_text_option(app, "--address", address,
                  "interface to listen on (default " + address + "; 0.0.0.0 for other hosts)", "A",
                  text_rule::non_empty);
}

void add_hook_options(CLI::App& app, hook_targets t) {
  add_value_option(
      app, "--path",
      [&paths = t.paths](const std::string& v) -> std::string {
        if (v.empty() || v.front() != '/') return "must start with /";
        paths = {v};
        return "";
      },
      "hook path (default /hooks; /hooks/ matches too)", "P");
  add_text_option(app, "--token", t.secret,
                  "shared secret: deliveries must carry it as the last path segment\n"
                  "(/hooks/T), as ?token=T, or in an X-Hook-Token header; else 401",
                  "T", text_rule::non_empty);
  add_repeated_option(app, "--tenant", t.tenants,
                      "accept only this tenant (repeat for more); others get 403", "T");
}

void add_listen_options(CLI::App& app, listen_targets t) {
  add_address_options(app, t.address, t.port);
  add_number_option<int>(app, "--threads", 1, 256, t.threads,
                         "threads serving connections (default " + std::to_string(t.threads) + ")");
}

}  // namespace mifos::cli
