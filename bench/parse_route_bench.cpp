// parse_route_bench.cpp: what parse() + router.dispatch() cost next to a bare JSON parse.
//
// Goal (issue 2): parse+route of a delivery costs at most 1.3x a bare nlohmann::json::parse of
// the same body bytes, for a 48-byte bare command result and a 600-byte envelope. Both sides of
// each ratio run in the same process, interleaved (random interleaving of repetitions), and the
// ratio is taken on the fastest repetition of each side (noise on a shared machine only ever
// adds time); the median ratio is printed beside it.
//
//   build/bench-rel/bench/parse-route-bench                  # defaults: 12 repetitions
//   build/bench-rel/bench/parse-route-bench --strict         # exit 1 when a goal is missed
//   build/bench-rel/bench/parse-route-bench --benchmark_repetitions=30 --benchmark_min_time=0.2
//
// Benchmarks, per size ("result_48B", "envelope_600B"):
//   bare_json_parse  nlohmann::json::parse(body), result destroyed      (the reference)
//   parse_route      mifos::hooks::parse(delivery) then router.dispatch  (the measured SDK path)
//   parse_only       parse() alone                                       (diagnostic)
//   dispatch_only    router.dispatch() of an already parsed event        (diagnostic)
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "bench_bodies.hpp"
#include "machine_load.hpp"
#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/event.hpp"
#include "mifos/hooks/router.hpp"

namespace {

using mifos::hooks::delivery;
using mifos::hooks::event;
using mifos::hooks::router;
namespace bodies = mifos::hooks::bench;

constexpr double kGoal = 1.3;
static_assert(bodies::kResultBody.size() == 48, "bench/data/client_activate_result.json: 48 bytes");
static_assert(bodies::kEnvelopeBody.size() == 600,
              "bench/data/loan_repayment_envelope.json: 600 bytes");

// A delivery as the receiver hands it to parse(): the headers OkHttp 4 puts on a Fineract hook
// POST (docs/wire-format.md section 2), in the order they arrive, and the body bytes.
delivery make_delivery(std::string_view entity, std::string_view action, std::string_view body) {
  delivery d;
  d.method = "POST";
  d.target = "/hooks";
  d.headers = {
      {"Host", "127.0.0.1:9000"},
      {"Content-Type", "application/json; charset=UTF-8"},
      {"X-Fineract-Entity", std::string(entity)},
      {"X-Fineract-Action", std::string(action)},
      {"Fineract-Platform-TenantId", "default"},
      {"X-Fineract-Endpoint", "https://localhost:8443/fineract-provider/api/"},
      {"Content-Length", std::to_string(body.size())},
      {"Connection", "Keep-Alive"},
      {"Accept-Encoding", "gzip"},
      {"User-Agent", "okhttp/4.12.0"},
  };
  d.body = std::string(body);
  return d;
}

// A router with a handler on the delivery's pair doing trivial work, as a real receiver would.
router make_router(std::string_view entity, std::string_view action) {
  router r;
  r.on(entity, action, [](const event& e) {
    auto id = e.result.resource_id;
    benchmark::DoNotOptimize(id);
  });
  return r;
}

struct bench_case {
  const char* label;  // "result_48B"
  std::string_view entity;
  std::string_view action;
  std::string_view body;
};

const bench_case kCases[] = {
    {"result_48B", "CLIENT", "ACTIVATE", bodies::kResultBody},
    {"envelope_600B", "LOAN", "REPAYMENT", bodies::kEnvelopeBody},
};

void bare_json_parse(benchmark::State& state, const bench_case& c) {
  const std::string body(c.body);
  for (auto _ : state) {
    auto j = nlohmann::json::parse(body);
    benchmark::DoNotOptimize(j);
  }
}

void parse_route(benchmark::State& state, const bench_case& c) {
  const delivery d = make_delivery(c.entity, c.action, c.body);
  const router r = make_router(c.entity, c.action);
  {
    auto check = mifos::hooks::parse(d);
    if (!check) {
      state.SkipWithError(("parse() refused the body: " + check.error().reason).c_str());
      return;
    }
    if (r.dispatch(*check).handlers_run != 1) {
      state.SkipWithError("the router did not run the pair's handler");
      return;
    }
  }
  for (auto _ : state) {
    auto parsed = mifos::hooks::parse(d);
    auto outcome = r.dispatch(*parsed);
    benchmark::DoNotOptimize(outcome);
    benchmark::DoNotOptimize(parsed);
  }
}

void parse_only(benchmark::State& state, const bench_case& c) {
  const delivery d = make_delivery(c.entity, c.action, c.body);
  for (auto _ : state) {
    auto parsed = mifos::hooks::parse(d);
    benchmark::DoNotOptimize(parsed);
  }
}

void dispatch_only(benchmark::State& state, const bench_case& c) {
  const delivery d = make_delivery(c.entity, c.action, c.body);
  const router r = make_router(c.entity, c.action);
  const auto parsed = mifos::hooks::parse(d);
  if (!parsed) {
    state.SkipWithError("parse() refused the body");
    return;
  }
  for (auto _ : state) {
    auto outcome = r.dispatch(*parsed);
    benchmark::DoNotOptimize(outcome);
  }
}

double min_of(const std::vector<double>& v) {
  return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end());
}

double median_of(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

// Keeps each repetition's CPU time per iteration (nanoseconds), by benchmark name, for the ratio
// table, and shows the console only the aggregates (mean, median, stddev, cv, min) unless
// --show-repetitions is given or there is a single repetition.
class recording_reporter : public benchmark::ConsoleReporter {
 public:
  recording_reporter(bool show_repetitions, OutputOptions options)
      : ConsoleReporter(options), show_repetitions_(show_repetitions) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    // Google Benchmark reports the repetitions of a benchmark in one call and its aggregates in
    // the next: record both, print the repetitions only when asked or when there is just one.
    std::vector<Run> shown;
    for (const auto& run : runs) {
      if (run.error_occurred) {
        shown.push_back(run);
        continue;
      }
      const double ns = to_ns(run.GetAdjustedCPUTime(), run.time_unit);
      if (run.run_type == Run::RT_Iteration) {
        cpu_ns_[run.run_name.function_name].push_back(ns);
        if (show_repetitions_ || run.repetitions <= 1) shown.push_back(run);
      } else {
        if (run.aggregate_unit == benchmark::kTime)
          aggregate_ns_[run.run_name.function_name][run.aggregate_name] = ns;
        shown.push_back(run);
      }
    }
    if (!shown.empty()) ConsoleReporter::ReportRuns(shown);
  }

  // The fastest and the median repetition of `name`, in ns; false if it did not run.
  bool summary(const std::string& name, double& min_ns, double& median_ns,
               std::size_t& reps) const {
    if (auto it = cpu_ns_.find(name); it != cpu_ns_.end() && !it->second.empty()) {
      min_ns = min_of(it->second);
      median_ns = median_of(it->second);
      reps = it->second.size();
      return true;
    }
    // Only aggregates were reported (--benchmark_*_aggregates_only): use them.
    if (auto it = aggregate_ns_.find(name);
        it != aggregate_ns_.end() && it->second.count("min") && it->second.count("median")) {
      min_ns = it->second.at("min");
      median_ns = it->second.at("median");
      reps = 0;
      return true;
    }
    return false;
  }

 private:
  static double to_ns(double t, benchmark::TimeUnit unit) {
    switch (unit) {
      case benchmark::kSecond:
        return t * 1e9;
      case benchmark::kMillisecond:
        return t * 1e6;
      case benchmark::kMicrosecond:
        return t * 1e3;
      default:
        return t;
    }
  }
  bool show_repetitions_;
  std::map<std::string, std::vector<double>> cpu_ns_;
  std::map<std::string, std::map<std::string, double>> aggregate_ns_;
};

// Prints the ratio table; returns false when a goal is missed.
bool print_ratios(const recording_reporter& rep) {
  bool all_pass = true;
  std::printf("\nparse+route / bare nlohmann::json::parse (CPU time per delivery, same run)\n");
  std::printf("%-14s %6s %5s %12s %12s %10s %13s %7s %s\n", "case", "bytes", "reps", "bare min ns",
              "p+r min ns", "ratio min", "ratio median", "goal", "verdict");
  for (const auto& c : kCases) {
    const std::string label = c.label;
    double bare_min = 0, bare_med = 0, pr_min = 0, pr_med = 0;
    std::size_t bare_reps = 0, pr_reps = 0;
    if (!rep.summary(label + "/bare_json_parse", bare_min, bare_med, bare_reps) ||
        !rep.summary(label + "/parse_route", pr_min, pr_med, pr_reps) || bare_min <= 0 ||
        bare_med <= 0) {
      std::printf("%-14s %6zu %5s %12s %12s %10s %13s %7s %s\n", c.label, c.body.size(), "-", "-",
                  "-", "-", "-", "<=1.3x", "NOT RUN");
      continue;  // filtered out by --benchmark_filter: no verdict either way
    }
    const double ratio_min = pr_min / bare_min;
    const double ratio_med = pr_med / bare_med;
    const bool pass = ratio_min <= kGoal;
    all_pass = all_pass && pass;
    std::printf("%-14s %6zu %5zu %12.1f %12.1f %9.2fx %12.2fx %7s %s\n", c.label, c.body.size(),
                std::min(bare_reps, pr_reps), bare_min, pr_min, ratio_min, ratio_med, "<=1.3x",
                pass ? "PASS" : "FAIL");
  }
  std::printf(
      "(verdict on the fastest repetition of each side: noise on a shared machine only\n"
      " adds time; the median ratio is shown for comparison)\n");
  std::fflush(stdout);
  return all_pass;
}

bool has_flag(int argc, char** argv, const char* prefix) {
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], prefix, std::strlen(prefix)) == 0) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // Our flags first; everything else goes to Google Benchmark.
  bool strict = false;
  bool show_repetitions = false;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--strict") == 0) {
      strict = true;
      continue;
    }
    if (std::strcmp(argv[i], "--show-repetitions") == 0) {
      show_repetitions = true;
      continue;
    }
    if (i > 0 && (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0)) {
      std::printf(
          "usage: parse-route-bench [--strict] [--show-repetitions] [Google Benchmark flags]\n"
          "  --strict            exit 1 when parse+route costs more than %.1fx the bare parse\n"
          "  --show-repetitions  print every repetition, not only the aggregates\n"
          "Defaults added unless given: --benchmark_repetitions=12\n"
          "  --benchmark_enable_random_interleaving=true --benchmark_min_time=0.1\n\n",
          kGoal);
      benchmark::PrintDefaultHelp();
      return 0;
    }
    args.push_back(argv[i]);
  }
  // Repetitions, interleaved, so each ratio compares like with like on a noisy machine.
  static char reps[] = "--benchmark_repetitions=12";
  static char interleave[] = "--benchmark_enable_random_interleaving=true";
  static char min_time[] = "--benchmark_min_time=0.1";
  const int n = static_cast<int>(args.size());
  if (!has_flag(n, args.data(), "--benchmark_repetitions")) args.push_back(reps);
  if (!has_flag(n, args.data(), "--benchmark_enable_random_interleaving"))
    args.push_back(interleave);
  if (!has_flag(n, args.data(), "--benchmark_min_time")) args.push_back(min_time);
  int bargc = static_cast<int>(args.size());
  args.push_back(nullptr);

  for (const auto& c : kCases) {
    const std::string label = c.label;
    for (auto* b :
         {benchmark::RegisterBenchmark((label + "/bare_json_parse").c_str(), bare_json_parse, c),
          benchmark::RegisterBenchmark((label + "/parse_route").c_str(), parse_route, c),
          benchmark::RegisterBenchmark((label + "/parse_only").c_str(), parse_only, c),
          benchmark::RegisterBenchmark((label + "/dispatch_only").c_str(), dispatch_only, c)})
      b->ComputeStatistics("min", [](const std::vector<double>& v) { return min_of(v); });
  }

  benchmark::Initialize(&bargc, args.data());
  if (benchmark::ReportUnrecognizedArguments(bargc, args.data())) return 2;
  mifos::hooks::bench::print_load_average("before the run");
  // Colours only on a terminal, like Google Benchmark's own default reporter.
  recording_reporter reporter(show_repetitions, isatty(STDOUT_FILENO) != 0
                                                    ? benchmark::ConsoleReporter::OO_ColorTabular
                                                    : benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  const bool pass = print_ratios(reporter);
  mifos::hooks::bench::print_load_average("after the run");
  return strict && !pass ? 1 : 0;
}
