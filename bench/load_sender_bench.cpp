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
#include <string>
#include <string_view>
#include <vector>

#include "bench_bodies.hpp"
#include "load/load_sender.hpp"

namespace {

using mifos::mock::load_request;
using mifos::mock::load_response;
using mifos::mock::load_sender;

struct target {
  std::string host;
  std::uint16_t port = 80;
  std::string path = "/";
};

bool parse_url(std::string_view url, target& out) {
  constexpr std::string_view kScheme = "http://";
  if (url.substr(0, kScheme.size()) != kScheme) return false;
  url.remove_prefix(kScheme.size());
  const std::size_t slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  out.path = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  const std::size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos) {
    const std::string digits(authority.substr(colon + 1));
    char* end = nullptr;
    const long port = std::strtol(digits.c_str(), &end, 10);
    if (digits.empty() || *end != '\0' || port < 1 || port > 65535) return false;
    out.port = static_cast<std::uint16_t>(port);
    authority = authority.substr(0, colon);
  }
  out.host = std::string(authority);
  return !out.host.empty();
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int usage() {
  std::fprintf(stderr,
               "usage: bench-load-sender URL [--connections N] [--duration SECONDS]\n"
               "  URL: http://IPv4-or-localhost[:port]/path\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  target t;
  std::size_t connections = 32;
  double duration_s = 10;
  bool have_url = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--connections" && i + 1 < argc) {
      connections = static_cast<std::size_t>(std::strtoul(argv[++i], nullptr, 10));
    } else if (arg == "--duration" && i + 1 < argc) {
      duration_s = std::strtod(argv[++i], nullptr);
    } else if (!have_url && parse_url(arg, t)) {
      have_url = true;
    } else {
      return usage();
    }
  }
  if (!have_url || connections == 0 || !(duration_s > 0)) return usage();

  const std::string host_header = t.host + ":" + std::to_string(t.port);
  const std::string bytes = mifos::mock::serialize_request(
      "POST", t.path,
      {{"Content-Type", "application/json; charset=UTF-8"},
       {"X-Fineract-Entity", "LOAN"},
       {"X-Fineract-Action", "REPAYMENT"},
       {"Fineract-Platform-TenantId", "default"},
       {"X-Fineract-Endpoint", "https://localhost:8443/fineract-provider/api/"},
       {"User-Agent", "okhttp/4.12.0"},
       {"Accept-Encoding", "gzip"}},
      std::string(mifos::hooks::bench::kEnvelopeBody), host_header);

  load_sender sender(t.host, t.port, {.connections = connections});
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
              connections, elapsed_s, host_header.c_str(), t.path.c_str(), bytes.size());
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
