// play_command.cpp: `mock-mifos play`, replaying traffic files against a receiver.
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "play/player.hpp"

namespace mifos::mock::cli {
namespace {

constexpr const char* kUsage = R"(usage: mock-mifos play FILE... --target URL [options]

Replays traffic files (JSON Lines from generate or record, or HAR files saved by a browser or
proxy) against a receiver, and reports what it answered and how fast.

target:
  --target URL          where to send (http://host:port); a path other than / replaces each
                        delivery's path
pacing (one of):
  --pace recorded       the recorded gaps (default), with --speed X (2 = twice as fast) and
                        --max-gap D (no wait longer than D, e.g. 2s)
  --rate N              N deliveries per second, evenly spaced, whatever the answers (open
                        model: latency counts from when each one should have left)
  --rate max            as fast as --connections allow
  --connections C       keep-alive connections (default 32)
  --duration D          stop sending after D (e.g. 30s, 2m)
  --count N             stop after N deliveries
  --loop                start the files over until --duration or --count
rewriting:
  --rewrite-path P      send every delivery to path P
  --rewrite-tenant T    set the tenant header to T
  --rewrite-dialect D   fineract or mifos: the other header family and body shape
faults (each a probability such as 0.05 or 5%, or a window of the run such as 10s-20s):
  --duplicate S         send twice in a row
  --reorder S           hold back and send after the next delivery
  --delay S             send --delay-by D later (default 1s)
  --drop S              never send (counted)
  --malform S           truncated body, wrong content type or missing entity header
  --disconnect S        close the connection mid-body
  --seed N              seed for the faults (default 1): the same seed, the same faults
assertions (exit code 1 when broken):
  --expect LIST         acceptable statuses: 2xx, 200, 200,202, 2xx,404
  --slo P=D             a latency ceiling: p50=5ms, p99=50ms, p99.9=100ms, max=1s (repeatable)
output:
  --report-json FILE    every figure as JSON
  --report-html FILE    one self-contained page with a latency histogram and latency over time
  --log FILE            one JSON line per delivery: its index in the files, event, status
                        (0 = no answer, with the error) and latency_us
  --timeout D           per request (default 10s)
  --quiet               no report on stdout (the files and the exit code still tell)
  --help                this text

A live progress line goes to stderr when it is a terminal. Exit codes: 0 done (and every
--expect/--slo held), 1 an --expect or --slo was broken or the run failed, 2 bad command line.
)";

int usage_error(const std::string& message) { return cli::usage_error("play", message); }

template <typename T>
bool take(std::variant<T, std::string> v, T& into, std::string& error) {
  if (auto* e = std::get_if<std::string>(&v)) {
    error = *e;
    return false;
  }
  into = std::get<T>(v);
  return true;
}

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int play_command(int argc, char** argv) {
  flag_spec spec{{"target",
                  "pace",
                  "speed",
                  "max-gap",
                  "rate",
                  "connections",
                  "duration",
                  "count",
                  "rewrite-path",
                  "rewrite-tenant",
                  "rewrite-dialect",
                  "duplicate",
                  "reorder",
                  "delay",
                  "delay-by",
                  "drop",
                  "malform",
                  "disconnect",
                  "seed",
                  "expect",
                  "slo",
                  "report-json",
                  "report-html",
                  "log",
                  "timeout"},
                 {"loop", "quiet", "help"}};
  auto read = read_flags(argc, argv, spec);
  if (auto* error = std::get_if<std::string>(&read)) return usage_error(*error);
  const flag_values& flags = std::get<flag_values>(read);
  if (flags.has("help")) {
    std::cout << kUsage;
    return 0;
  }
  play_options o;
  o.files = flags.positional;
  if (o.files.empty()) return usage_error("no traffic file given");
  auto target = flags.last("target");
  if (!target) return usage_error("--target URL is required");
  o.target = *target;
  std::string error;

  // Pacing.
  if (auto rate = flags.last("rate")) {
    if (flags.has("pace") && flags.last("pace") != "rate")
      return usage_error("--rate and --pace recorded exclude each other");
    if (*rate == "max") {
      o.pacing = pacing_options::max();
    } else {
      double per_second = 0;
      if (!take(read_positive("rate", *rate), per_second, error)) return usage_error(error);
      o.pacing = pacing_options::at_rate(per_second);
    }
  } else {
    if (auto pace = flags.last("pace"); pace && *pace != "recorded")
      return usage_error("--pace must be recorded (or use --rate N or --rate max)");
    double speed = 1.0;
    std::optional<std::int64_t> max_gap;
    if (auto s = flags.last("speed"); s && !take(read_positive("speed", *s), speed, error))
      return usage_error(error);
    if (auto g = flags.last("max-gap")) {
      std::int64_t us = 0;
      if (!take(read_duration("max-gap", *g), us, error)) return usage_error(error);
      max_gap = us;
    }
    o.pacing = pacing_options::recorded(speed, max_gap);
  }
  if (auto c = flags.last("connections")) {
    std::uint64_t n = 0;
    if (!take(read_number("connections", *c, 1, 10'000), n, error)) return usage_error(error);
    o.connections = static_cast<std::size_t>(n);
  }
  if (auto d = flags.last("duration")) {
    std::int64_t us = 0;
    if (!take(read_duration("duration", *d), us, error)) return usage_error(error);
    o.duration_us = us;
  }
  if (auto c = flags.last("count")) {
    std::uint64_t n = 0;
    if (!take(read_number("count", *c, 1, ~std::uint64_t{0}), n, error)) return usage_error(error);
    o.count = n;
  }
  o.loop = flags.has("loop");
  if (o.loop && !o.duration_us && !o.count)
    return usage_error("--loop needs --duration or --count, or it would never end");
  if (auto t = flags.last("timeout")) {
    std::int64_t us = 0;
    if (!take(read_duration("timeout", *t), us, error) || us <= 0)
      return usage_error(error.empty() ? "--timeout must be more than 0" : error);
    o.request_timeout = std::chrono::milliseconds(std::max<std::int64_t>(1, us / 1000));
  }
  if (auto path = flags.last("log")) o.log_file = *path;

  // Rewriting.
  if (auto p = flags.last("rewrite-path")) {
    if (p->empty() || p->front() != '/') return usage_error("--rewrite-path must start with /");
    o.rewrite.path = *p;
  }
  if (auto t = flags.last("rewrite-tenant")) o.rewrite.tenant = *t;
  if (auto d = flags.last("rewrite-dialect")) {
    if (*d == "fineract") {
      o.rewrite.dialect = hooks::wire_dialect::fineract;
    } else if (*d == "mifos") {
      o.rewrite.dialect = hooks::wire_dialect::mifos;
    } else {
      return usage_error("--rewrite-dialect must be fineract or mifos, not \"" + *d + "\"");
    }
  }

  // Faults.
  struct named_fault {
    const char* flag;
    fault_spec* spec;
  };
  for (auto [flag, spec_ptr] :
       {named_fault{"duplicate", &o.faults.duplicate}, named_fault{"reorder", &o.faults.reorder},
        named_fault{"delay", &o.faults.delay}, named_fault{"drop", &o.faults.drop},
        named_fault{"malform", &o.faults.malform},
        named_fault{"disconnect", &o.faults.disconnect}}) {
    if (auto text = flags.last(flag))
      if (!take(parse_fault_spec(flag, *text), *spec_ptr, error)) return usage_error(error);
  }
  if (auto d = flags.last("delay-by"))
    if (!take(read_duration("delay-by", *d), o.faults.delay_us, error)) return usage_error(error);
  if (auto s = flags.last("seed"))
    if (!take(read_number("seed", *s, 0, ~std::uint64_t{0}), o.faults.seed, error))
      return usage_error(error);

  // Assertions.
  expectations expect;
  if (auto e = flags.last("expect"))
    if (auto problem = parse_expect(*e, expect)) return usage_error("--expect: " + *problem);
  for (const auto& slo : flags.all("slo"))
    if (auto problem = parse_slo(slo, expect)) return usage_error("--slo: " + *problem);

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
  if (!flags.has("quiet")) std::cout << render_text(report);
  if (auto path = flags.last("report-json");
      path && !write_file(*path, render_json(report).dump(2) + "\n")) {
    std::cerr << "mock-mifos play: cannot write " << *path << "\n";
    return 1;
  }
  if (auto path = flags.last("report-html");
      path && !write_file(*path, render_html(report, "mock-mifos play: " + o.target))) {
    std::cerr << "mock-mifos play: cannot write " << *path << "\n";
    return 1;
  }
  auto broken = check(report, expect);
  for (const auto& line : broken) std::cerr << "mock-mifos play: broken: " << line << "\n";
  return broken.empty() ? 0 : 1;
}

}  // namespace mifos::mock::cli
