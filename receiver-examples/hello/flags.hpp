// flags.hpp: hello-receiver's command line, read into receiver options and its own settings.
//
//   std::string error;
//   auto s = read_flags(argc, argv, error);   // nullopt: error says why (exit 2)
//   if (s && s->help) { std::fputs(help_text().c_str(), stdout); return 0; }
#pragma once

#include <mifos/hooks.hpp>
#include <optional>
#include <string>

namespace hello {

// The --help text, generated from the flag definitions.
std::string help_text();

struct settings {
  mifos::hooks::receiver_options options;
  bool help = false;
  bool quiet = false;
  std::string out_file;  // empty: stdout
  std::string fail_on;   // "ENTITY.ACTION" whose handler throws, for trying retries
};

// Accepts "--flag value" and "--flag=value".
std::optional<settings> read_flags(int argc, char** argv, std::string& error);

}  // namespace hello
