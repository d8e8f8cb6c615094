// generate_command.cpp: `mock-mifos generate`, a day of realistic hook traffic into a file.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/options.hpp>

#include "cli/commands.hpp"
#include "cli/wire_flags.hpp"
#include "generate/day_scenario.hpp"

namespace mifos::mock::cli {
namespace {

constexpr const char* kGenerateIntro =
    R"(Writes a working day of hook deliveries (08:00-17:00 UTC) as a traffic file: JSON Lines, one
delivery per line with its time offset, method, path, headers and exact body (see
mock-mifos/README.md, "Traffic file format"). The day drives the same portfolio model as
'mock-mifos serve': clients join and are activated, loans are applied for, approved, disbursed
and repaid (at the counter or at a center's weekly meeting, on its collection sheet), savings
are deposited and withdrawn, fixed and recurring deposits opened, paid into and closed, shares
bought, charges and membership fees paid, journal entries posted, and a few commands fail.
Every command is delivered to one Web hook subscribed to everything. The same options and seed
give the same bytes.)";

constexpr const char* kGenerateNotes =
    "Progress goes to stderr when it is a terminal; a summary line always does.";

struct generate_flags {
  scenario_options o;
  std::string out_path;
  std::string scenario;
  std::string date;
};

int generate_usage_error(const std::string& message) {
  return cli::usage_error("generate", message);
}

bool read_date(const std::string& text, scenario_options& o) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  std::chrono::year_month_day ymd{std::chrono::year(y),
                                  std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || y < 1970 || y > 9999) return false;
  o.year = y;
  o.month = m;
  o.day = d;
  return true;
}

void define(CLI::App& cmd, generate_flags& f) {
  using mifos::cli::add_text_option;
  mifos::cli::set_up(
      cmd, {"usage: mock-mifos generate --out FILE [options]", kGenerateIntro, kGenerateNotes});
  scenario_options& o = f.o;
  add_text_option(cmd, "--out", f.out_path, "where to write (\"-\" for stdout); required", "FILE");
  add_text_option(cmd, "--scenario", f.scenario, "the scenario; only \"day\" for now (default day)",
                  "NAME");
  mifos::cli::add_number_option<std::size_t>(
      cmd, "--clients", 1, 10'000'000, o.clients,
      "clients who act during the day (default 100; about 3.2 deliveries each)");
  mifos::cli::add_number_option<std::uint64_t>(cmd, "--seed", 0, ~std::uint64_t{0}, o.seed,
                                               "random seed (default 1)", "S");
  add_wire_options(cmd, o.dialect, o.failures,
                   "fineract (envelopes, X-Fineract-*) or mifos (bare results, X-Mifos-*,\n"
                   "nothing for failures); default fineract",
                   "stripped (Fineract 1.9+, default) or exception (1.5-1.8)");
  mifos::cli::add_value_option(
      cmd, "--format",
      [&o](const std::string& v) -> std::string {
        if (v == "json") {
          o.format = hooks::body_format::json;
        } else if (v == "form") {
          o.format = hooks::body_format::form;
        } else {
          return "must be json or form, not \"" + v + "\"";
        }
        return "";
      },
      "json or form (the hook's Content Type); default json", "F");
  add_text_option(cmd, "--url", o.payload_url,
                  "the hook's Payload URL (default http://127.0.0.1:8080/hooks/); its path\n"
                  "is each delivery's path",
                  "URL");
  add_text_option(cmd, "--tenant", o.tenant, "tenant header value (default default)", "ID");
  add_text_option(cmd, "--date", f.date, "the day simulated (default 2024-10-24)", "YYYY-MM-DD");
}

int run(generate_flags& f) {
  scenario_options& o = f.o;
  if (f.out_path.empty()) return generate_usage_error("--out FILE is required");
  if (!f.scenario.empty() && f.scenario != "day")
    return generate_usage_error("unknown scenario \"" + f.scenario + "\" (there is one: day)");
  if (!f.date.empty() && !read_date(f.date, o))
    return generate_usage_error("--date must be a real day as YYYY-MM-DD, not \"" + f.date + "\"");
  const std::string* out_path = &f.out_path;

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (*out_path != "-") {
    file.open(*out_path, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "mock-mifos generate: cannot write " << *out_path << "\n";
      return 1;
    }
    out = &file;
  }
  const bool show_progress = ::isatty(STDERR_FILENO) == 1;
  const auto started = std::chrono::steady_clock::now();
  std::size_t written = 0;
  scenario_summary summary;
  try {
    std::string line;
    summary = generate_day(o, [&](const hooks::traffic_record& r) {
      line = hooks::to_traffic_line(r);
      line += '\n';
      out->write(line.data(), static_cast<std::streamsize>(line.size()));
      if (show_progress && ++written % 10'000 == 0)
        std::cerr << "\rmock-mifos generate: " << written << " deliveries" << std::flush;
    });
  } catch (const std::invalid_argument& e) {
    return generate_usage_error(e.what());
  }
  out->flush();
  if (!*out) {
    std::cerr << "mock-mifos generate: writing " << *out_path << " failed\n";
    return 1;
  }
  if (show_progress && written >= 10'000) std::cerr << "\n";
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char took[32];
  std::snprintf(took, sizeof took, "%.2f s", seconds);
  std::cerr << "mock-mifos generate: wrote " << summary.deliveries << " deliveries ("
            << summary.commands << " commands, " << summary.failed << " failed) for " << o.clients
            << " clients to " << (*out_path == "-" ? "stdout" : *out_path) << " in " << took
            << "\n";
  for (const auto& [name, count] : summary.per_event)
    std::cerr << "  " << name << " " << count << "\n";
  // A command that did not succeed or fail as planned: a disagreement between the generator and
  // the portfolio, worth a bug report; the traffic is still written.
  for (const auto& surprise : summary.unexpected)
    std::cerr << "mock-mifos generate: unplanned outcome: " << surprise << "\n";
  return 0;
}

}  // namespace

command_runner add_generate_command(CLI::App& app) {
  auto flags = std::make_shared<generate_flags>();
  define(*app.add_subcommand("generate",
                             "write a day of realistic hook deliveries to a traffic file (JSON "
                             "Lines)"),
         *flags);
  return [flags] { return run(*flags); };
}

}  // namespace mifos::mock::cli
