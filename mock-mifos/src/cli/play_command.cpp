// play_command.cpp: `mock-mifos play`, replaying traffic files against a receiver.
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/options.hpp>

#include "cli/commands.hpp"
#include "play/player.hpp"

namespace mifos::mock::cli {
namespace {

constexpr const char* kPlayIntro =
    R"(Replays traffic files (JSON Lines from generate or record, or HAR files saved by a browser or
proxy) against a receiver, and reports what it answered and how fast.)";

constexpr const char* kPlayNotes =
    R"(Durations: 250ms, 1.5s, 2m (a bare number is seconds). Rates: 200, 0.5, 30/m, max.
A live progress line goes to stderr when it is a terminal. Exit codes: 0 done (and every
--expect/--slo held), 1 an --expect or --slo was broken or the run failed, 2 bad command line.)";

// What the flags give, read into play_options once the whole line is known (--rate and --pace
// depend on each other).
struct play_flags {
  play_options o;
  std::optional<double> rate;  // per second; +infinity for max
  std::optional<std::string> pace;
  double speed = 1.0;
  std::optional<std::int64_t> max_gap_us;
  std::optional<std::int64_t> timeout_us;
  std::optional<std::string> rewrite_path;
  std::string expect;
  std::vector<std::string> slos;
  std::string report_json;
  std::string report_html;
  bool quiet = false;
};

int play_usage_error(const std::string& message) { return cli::usage_error("play", message); }

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

std::function<void(std::chrono::microseconds)> store_us(std::optional<std::int64_t>& target) {
  return [&target](std::chrono::microseconds d) { target = d.count(); };
}

std::function<void(std::chrono::microseconds)> store_us(std::int64_t& target) {
  return [&target](std::chrono::microseconds d) { target = d.count(); };
}

void define_pacing(CLI::App& cmd, play_flags& f) {
  const std::string group = "pacing (one of)";
  mifos::cli::add_value_option(
      cmd, "--pace",
      [&f](const std::string& v) -> std::string {
        f.pace = v;
        return "";
      },
      "recorded: the recorded gaps (default), with --speed X (2 = twice as fast)\n"
      "and --max-gap D (no wait longer than D, e.g. 2s)",
      "recorded")
      ->group(group);
  mifos::cli::add_value_option(
      cmd, "--speed",
      [&f](const std::string& v) -> std::string {
        double x = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
        if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !std::isfinite(x) ||
            x <= 0)
          return "must be a positive number, not \"" + v + "\"";
        f.speed = x;
        return "";
      },
      "with --pace recorded: gaps divided by X", "X")
      ->group(group);
  mifos::cli::add_duration_option(cmd, "--max-gap", store_us(f.max_gap_us),
                                  "with --pace recorded: no wait longer than D")
      ->group(group);
  mifos::cli::add_rate_option(
      cmd, "--rate", [&f](double per_second) { f.rate = per_second; },
      "N deliveries per second, evenly spaced, whatever the answers (open\n"
      "model: latency counts from when each one should have left); 'max': as\n"
      "fast as --connections allow")
      ->group(group);
  mifos::cli::add_number_option<std::size_t>(cmd, "--connections", 1, 10'000, f.o.connections,
                                             "keep-alive connections (default 32)", "C")
      ->group(group);
  mifos::cli::add_duration_option(cmd, "--duration", store_us(f.o.duration_us),
                                  "stop sending after D (e.g. 30s, 2m)")
      ->group(group);
  mifos::cli::add_number_option<std::uint64_t>(
      cmd, "--count", 1, ~std::uint64_t{0}, [&f](std::uint64_t n) { f.o.count = n; },
      "stop after N deliveries")
      ->group(group);
  mifos::cli::add_switch(cmd, "--loop", f.o.loop,
                         "start the files over until --duration or --count")
      ->group(group);
}

void define_rewriting(CLI::App& cmd, play_flags& f) {
  const std::string group = "rewriting";
  mifos::cli::add_value_option(
      cmd, "--rewrite-path",
      [&f](const std::string& v) -> std::string {
        f.rewrite_path = v;
        return "";
      },
      "send every delivery to path P", "P")
      ->group(group);
  mifos::cli::add_value_option(
      cmd, "--rewrite-tenant",
      [&f](const std::string& v) -> std::string {
        f.o.rewrite.tenant = v;
        return "";
      },
      "set the tenant header to T", "T")
      ->group(group);
  mifos::cli::add_value_option(
      cmd, "--rewrite-dialect",
      [&f](const std::string& d) -> std::string {
        if (d == "fineract") {
          f.o.rewrite.dialect = hooks::wire_dialect::fineract;
        } else if (d == "mifos") {
          f.o.rewrite.dialect = hooks::wire_dialect::mifos;
        } else {
          return "must be fineract or mifos, not \"" + d + "\"";
        }
        return "";
      },
      "fineract or mifos: the other header family and body shape", "D")
      ->group(group);
}

void define_faults(CLI::App& cmd, play_flags& f) {
  const std::string group =
      "faults (each a probability such as 0.05 or 5%, or a window of the run such as 10s-20s)";
  struct named_fault {
    const char* flag;
    fault_spec* spec;
    const char* help;
  };
  fault_options& faults = f.o.faults;
  for (auto [flag, spec, help] :
       {named_fault{"--duplicate", &faults.duplicate, "send twice in a row"},
        named_fault{"--reorder", &faults.reorder, "hold back and send after the next delivery"},
        named_fault{"--delay", &faults.delay, "send --delay-by D later (default 1s)"},
        named_fault{"--drop", &faults.drop, "never send (counted)"},
        named_fault{"--malform", &faults.malform,
                    "truncated body, wrong content type or missing entity header"},
        named_fault{"--disconnect", &faults.disconnect, "close the connection mid-body"}}) {
    auto read = [flag = std::string(flag), spec = spec](const std::string& text) -> std::string {
      auto parsed = parse_fault_spec(flag, text);
      if (auto* error = std::get_if<std::string>(&parsed)) {
        // parse_fault_spec names the flag itself; add_value_option puts it in front again.
        return error->substr(flag.size() + 1);
      }
      *spec = std::get<fault_spec>(parsed);
      return "";
    };
    mifos::cli::add_value_option(cmd, flag, read, help, "S")->group(group);
  }
  mifos::cli::add_duration_option(cmd, "--delay-by", store_us(faults.delay_us),
                                  "how much later --delay sends (default 1s)")
      ->group(group);
  mifos::cli::add_number_option<std::uint64_t>(
      cmd, "--seed", 0, ~std::uint64_t{0}, faults.seed,
      "seed for the faults (default 1): the same seed, the same faults")
      ->group(group);
}

void define_checks_and_output(CLI::App& cmd, play_flags& f) {
  const std::string checks = "assertions (exit code 1 when broken)";
  mifos::cli::add_text_option(cmd, "--expect", f.expect,
                              "acceptable statuses: 2xx, 200, 200,202, 2xx,404", "LIST")
      ->group(checks);
  mifos::cli::add_repeated_option(
      cmd, "--slo", f.slos,
      "a latency ceiling: p50=5ms, p99=50ms, p99.9=100ms, max=1s (repeatable)", "P=D")
      ->group(checks);
  const std::string output = "output";
  mifos::cli::add_text_option(cmd, "--report-json", f.report_json, "every figure as JSON", "FILE")
      ->group(output);
  mifos::cli::add_text_option(
      cmd, "--report-html", f.report_html,
      "one self-contained page with a latency histogram and latency over time", "FILE")
      ->group(output);
  mifos::cli::add_text_option(cmd, "--log", f.o.log_file,
                              "one JSON line per delivery: its index in the files, event, status\n"
                              "(0 = no answer, with the error) and latency_us",
                              "FILE")
      ->group(output);
  mifos::cli::add_duration_option(cmd, "--timeout", store_us(f.timeout_us),
                                  "per request (default 10s)")
      ->group(output);
  mifos::cli::add_switch(cmd, "--quiet", f.quiet,
                         "no report on stdout (the files and the exit code still tell)")
      ->group(output);
}

void define(CLI::App& cmd, play_flags& f) {
  mifos::cli::set_up(
      cmd, {"usage: mock-mifos play FILE... --target URL [options]", kPlayIntro, kPlayNotes});
  cmd.add_option("FILE", f.o.files, "traffic files, played one after the other")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("");
  mifos::cli::add_text_option(cmd, "--target", f.o.target,
                              "where to send (http://host:port); a path other than / replaces\n"
                              "each delivery's path",
                              "URL")
      ->group("target");
  define_pacing(cmd, f);
  define_rewriting(cmd, f);
  define_faults(cmd, f);
  define_checks_and_output(cmd, f);
}

// The checks that need the whole command line; an error message, or "".
std::string finish(play_flags& f, expectations& expect) {
  play_options& o = f.o;
  if (o.files.empty()) return "no traffic file given";
  if (o.target.empty()) return "--target URL is required";
  if (f.rate) {
    if (f.pace && *f.pace != "rate") return "--rate and --pace recorded exclude each other";
    o.pacing = std::isinf(*f.rate) ? pacing_options::max() : pacing_options::at_rate(*f.rate);
  } else {
    if (f.pace && *f.pace != "recorded")
      return "--pace must be recorded (or use --rate N or --rate max)";
    o.pacing = pacing_options::recorded(f.speed, f.max_gap_us);
  }
  if (o.loop && !o.duration_us && !o.count)
    return "--loop needs --duration or --count, or it would never end";
  if (f.timeout_us) {
    if (*f.timeout_us <= 0) return "--timeout must be more than 0";
    o.request_timeout = std::chrono::milliseconds(std::max<std::int64_t>(1, *f.timeout_us / 1000));
  }
  if (f.rewrite_path) {
    if (f.rewrite_path->empty() || f.rewrite_path->front() != '/')
      return "--rewrite-path must start with /";
    o.rewrite.path = *f.rewrite_path;
  }
  if (!f.expect.empty())
    if (auto problem = parse_expect(f.expect, expect)) return "--expect: " + *problem;
  for (const auto& slo : f.slos)
    if (auto problem = parse_slo(slo, expect)) return "--slo: " + *problem;
  return "";
}

int run(play_flags& f) {
  expectations expect;
  if (std::string error = finish(f, expect); !error.empty()) return play_usage_error(error);
  const play_options& o = f.o;

  const bool live = ::isatty(STDERR_FILENO) == 1;
  play_report report;
  try {
    report = play(o, [live](const play_report& r, std::int64_t now) {
      if (live) std::cerr << "\r" << progress_line(r, now) << "\x1b[K" << std::flush;
    });
  } catch (const play_error& e) {
    if (live) std::cerr << "\n";
    std::cerr << "mock-mifos play: " << e.what() << "\n";
    return 1;
  }
  if (live) std::cerr << "\r\x1b[K";
  if (!f.quiet) std::cout << render_text(report);
  if (!f.report_json.empty() && !write_file(f.report_json, render_json(report).dump(2) + "\n")) {
    std::cerr << "mock-mifos play: cannot write " << f.report_json << "\n";
    return 1;
  }
  if (!f.report_html.empty() &&
      !write_file(f.report_html, render_html(report, "mock-mifos play: " + o.target))) {
    std::cerr << "mock-mifos play: cannot write " << f.report_html << "\n";
    return 1;
  }
  auto broken = check(report, expect);
  for (const auto& line : broken) std::cerr << "mock-mifos play: broken: " << line << "\n";
  return broken.empty() ? 0 : 1;
}

}  // namespace

command_runner add_play_command(CLI::App& app) {
  auto flags = std::make_shared<play_flags>();
  define(*app.add_subcommand("play",
                             "replay traffic files against a receiver: paced, at a fixed rate or "
                             "at full load,\nwith faults, assertions and a report"),
         *flags);
  return [flags] { return run(*flags); };
}

}  // namespace mifos::mock::cli
