// generate_command.cpp: `mock-mifos generate`, a day of realistic hook traffic into a file.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/wire_flags.hpp"
#include "generate/day_scenario.hpp"

namespace mifos::mock::cli {
namespace {

constexpr const char* kUsage = R"(usage: mock-mifos generate --out FILE [options]

Writes a working day of hook deliveries (08:00-17:00 UTC) as a traffic file: JSON Lines, one
delivery per line with its time offset, method, path, headers and exact body (see the README,
"Traffic file format"). The day drives the same portfolio model as 'mock-mifos serve': clients
join and are activated, loans are applied for, approved, disbursed and repaid, savings are
deposited and withdrawn, charges are paid, journal entries are posted, and a few commands
fail. Every command is delivered to one Web hook subscribed to everything. The same options and
seed give the same bytes.

options:
  --out FILE            where to write ("-" for stdout); required
  --scenario NAME       the scenario; only "day" for now (default day)
  --clients N           clients who act during the day (default 100; about 2.7 deliveries each)
  --seed S              random seed (default 1)
  --dialect D           fineract (envelopes, X-Fineract-*) or mifos (bare results, X-Mifos-*,
                        nothing for failures); default fineract
  --format F            json or form (the hook's Content Type); default json
  --failure-shape S     stripped (Fineract 1.9+, default) or exception (1.5-1.8)
  --url URL             the hook's Payload URL (default http://127.0.0.1:8080/hooks/); its path
                        is each delivery's path
  --tenant ID           tenant header value (default default)
  --date YYYY-MM-DD     the day simulated (default 2024-10-24)
  --help                print this text and exit

Progress goes to stderr when it is a terminal; a summary line always does.
)";

int usage_error(const std::string& message) { return cli::usage_error("generate", message); }

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

}  // namespace

int generate_command(int argc, char** argv) {
  flag_spec spec{{"out", "scenario", "clients", "seed", "dialect", "format", "failure-shape", "url",
                  "tenant", "date"},
                 {"help"}};
  auto read = read_flags(argc, argv, spec);
  if (auto* error = std::get_if<std::string>(&read)) return usage_error(*error);
  const flag_values& flags = std::get<flag_values>(read);
  if (flags.has("help")) {
    std::cout << kUsage;
    return 0;
  }
  if (!flags.positional.empty()) return usage_error("unexpected argument " + flags.positional[0]);
  auto out_path = flags.last("out");
  if (!out_path || out_path->empty()) return usage_error("--out FILE is required");
  if (auto s = flags.last("scenario"); s && *s != "day")
    return usage_error("unknown scenario \"" + *s + "\" (there is one: day)");

  scenario_options o;
  if (auto n = flags.last("clients")) {
    auto v = read_number("clients", *n, 1, 10'000'000);
    if (auto* e = std::get_if<std::string>(&v)) return usage_error(*e);
    o.clients = static_cast<std::size_t>(std::get<std::uint64_t>(v));
  }
  if (auto n = flags.last("seed")) {
    auto v = read_number("seed", *n, 0, ~std::uint64_t{0});
    if (auto* e = std::get_if<std::string>(&v)) return usage_error(*e);
    o.seed = std::get<std::uint64_t>(v);
  }
  if (auto e = read_wire_flags(flags, o.dialect, o.failures)) return usage_error(*e);
  if (auto f = flags.last("format")) {
    if (*f == "json") {
      o.format = hooks::body_format::json;
    } else if (*f == "form") {
      o.format = hooks::body_format::form;
    } else {
      return usage_error("--format must be json or form, not \"" + *f + "\"");
    }
  }
  if (auto u = flags.last("url")) o.payload_url = *u;
  if (auto t = flags.last("tenant")) o.tenant = *t;
  if (auto d = flags.last("date"); d && !read_date(*d, o))
    return usage_error("--date must be a real day as YYYY-MM-DD, not \"" + *d + "\"");

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
    return usage_error(e.what());
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
  return 0;
}

}  // namespace mifos::mock::cli
