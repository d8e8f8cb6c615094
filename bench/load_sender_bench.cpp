// load_sender_bench.cpp: the play load sender at full speed against one URL, reported the way
// wrk reports, so bench/play_vs_wrk.sh can set the two side by side.
//
// It sends the request bench/post.lua makes wrk send (a Fineract LOAN REPAYMENT POST with the
// 600-byte envelope of bench/data/), serialized once, on C keep-alive connections, refilling every
// idle connection before each poll: the loop `mock-mifos play --rate max` runs, without reading a
// traffic file.
//
//   bench-load-sender http://127.0.0.1:8080/hooks --connections 32 --duration 10
//
// Prints "Requests/sec: N" (completed in the run / its length), the counts by outcome, the mean
// and maximum latency and the CPU time per request (user + system, from getrusage).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mifos_cli/command_line.hpp>
#include <mifos_cli/options.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "bench_bodies.hpp"
#include "load/load_sender.hpp"
#include "wire/url.hpp"

namespace {

using mifos::mock::load_request;
using mifos::mock::load_response;
using mifos::mock::load_sender;

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  std::size_t connections = 32;
  double duration_s = 10;
  CLI::App app;
  mifos::cli::set_up(app, {"usage: bench-load-sender URL [options]",
                           "The play load sender at full speed against one URL\n"
                           "(http://IPv4-or-localhost[:port]/path), the request of bench/post.lua.",
                           ""});
  app.add_option("URL", url, "where to send")->required()->type_name("");
  mifos::cli::add_number_option<std::size_t>(app, "--connections", 1, 100'000, connections,
                                             "keep-alive connections (default 32)");
  mifos::cli::add_duration_option(
      app, "--duration",
      [&duration_s](std::chrono::microseconds d) {
        duration_s = static_cast<double>(d.count()) / 1e6;
      },
      "how long to send (default 10s)", std::chrono::milliseconds(1));
  const auto read = mifos::cli::read_command_line(app, argc, argv);
  if (read.what == mifos::cli::outcome::help) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  }
  const auto t = mifos::mock::parse_http_url(url);
  if (read.what == mifos::cli::outcome::usage_error || !t || t->scheme != "http") {
    std::fprintf(stderr, "bench-load-sender: %s\n\n%s",
                 read.what == mifos::cli::outcome::usage_error
                     ? read.error.c_str()
                     : "URL must be http://host[:port]/path",
                 app.help().c_str());
    return 2;
  }

  const std::string host_header = t->host + ":" + std::to_string(t->port);
  const std::string bytes = mifos::mock::serialize_request(
      "POST", t->target,
      {{"Content-Type", "application/json; charset=UTF-8"},
       {"X-Fineract-Entity", "LOAN"},
       {"X-Fineract-Action", "REPAYMENT"},
       {"Fineract-Platform-TenantId", "default"},
       {"X-Fineract-Endpoint", "https://localhost:8443/fineract-provider/api/"},
       {"User-Agent", "okhttp/4.12.0"},
       {"Accept-Encoding", "gzip"}},
      std::string(mifos::hooks::bench::kEnvelopeBody), host_header);

  load_sender sender(t->host, t->port, {.connections = connections});
  std::vector<load_response> done;
  done.reserve(4 * connections);
  std::uint64_t sent = 0, completed = 0, ok = 0, non2xx = 0, failed = 0;
  std::int64_t latency_sum = 0, latency_max = 0;
  std::map<std::string, std::uint64_t> errors;

  const double cpu_start = cpu_seconds();
  const std::int64_t start = sender.now_us();
  const std::int64_t end = start + static_cast<std::int64_t>(duration_s * 1e6);
  std::int64_t now = start;
  while (now < end) {
    while (sender.idle_connections() > 0) {
      load_request r;
      r.id = sent++;
      r.bytes = bytes;
      r.intended_us = sender.now_us();
      sender.send(std::move(r));
    }
    sender.poll(std::chrono::milliseconds(1), done);
    now = sender.now_us();
    for (const load_response& r : done) {
      if (r.done_us > end) continue;  // finished after the run: not counted, as wrk does
      ++completed;
      if (r.status == 0) {
        ++failed;
        ++errors[r.error];
        continue;
      }
      (r.status >= 200 && r.status < 400 ? ok : non2xx) += 1;
      const std::int64_t latency = r.done_us - r.intended_us;
      latency_sum += latency;
      latency_max = std::max(latency_max, latency);
    }
    done.clear();
  }
  const double elapsed_s = static_cast<double>(now - start) / 1e6;
  const double cpu_s = cpu_seconds() - cpu_start;
  // Let what is in flight finish, so the server sees no reset at the end.
  for (int i = 0; i < 2000 && sender.in_flight() > 0; ++i)
    sender.poll(std::chrono::milliseconds(1), done);

  std::printf("bench-load-sender: %zu connections, %.1f s, POST http://%s%s (%zu-byte request)\n",
              connections, elapsed_s, host_header.c_str(), t->target.c_str(), bytes.size());
  std::printf("Requests/sec: %.2f\n", static_cast<double>(completed - failed) / elapsed_s);
  std::printf("responses: %llu (2xx/3xx %llu, other %llu), errors: %llu\n",
              static_cast<unsigned long long>(completed - failed),
              static_cast<unsigned long long>(ok), static_cast<unsigned long long>(non2xx),
              static_cast<unsigned long long>(failed));
  for (const auto& [what, count] : errors)
    std::printf("  error %s: %llu\n", what.c_str(), static_cast<unsigned long long>(count));
  const std::uint64_t answered = ok + non2xx;
  std::printf("latency: mean %.1f us, max %lld us\n",
              answered ? static_cast<double>(latency_sum) / static_cast<double>(answered) : 0.0,
              static_cast<long long>(latency_max));
  std::printf("CPU: %.2f us per request (%.2f s in %.1f s)\n",
              completed ? cpu_s * 1e6 / static_cast<double>(completed) : 0.0, cpu_s, elapsed_s);
  return answered > 0 ? 0 : 1;
}
