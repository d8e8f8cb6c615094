// stream-forwarder: takes Mifos X / Fineract hook deliveries, journals each one, and appends
// every event to its tenant's Redis Stream exactly once (forwarder.hpp, stream_commands.hpp).
//
//   stream-forwarder --port 9300 --journal /var/lib/stream-forwarder --redis 127.0.0.1:6379
//   # stderr: listening on http://127.0.0.1:9300/hooks
//   redis-cli XRANGE mifos:events:default - +
//
// Point a Fineract Web hook's "Payload URL" at http://HOST:9300/hooks/ (with --address 0.0.0.0).

#include <cstdio>
#include <filesystem>
#include <mifos/hooks.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "forwarder.hpp"
#include "forwarder_flags.hpp"
#include "host_port.hpp"

namespace {

unsigned long long ull(std::uint64_t n) { return static_cast<unsigned long long>(n); }

void print_summary(const mifos::hooks::receiver_stats& r,
                   const stream_forwarder::forwarder_counts& f) {
  std::fprintf(stderr,
               "stream-forwarder: stopped; %llu accepted, %llu rejected, %llu forwarded, "
               "%llu already in the stream, %llu failed attempts, %llu dead-lettered, "
               "%llu left in the journal\n",
               ull(r.accepted), ull(r.rejected), ull(f.forwarded), ull(f.duplicates),
               ull(f.failures), ull(r.dead_lettered), ull(r.queue_depth));
}

}  // namespace

int main(int argc, char** argv) {
  // Blocked until wait_for_signal(), so a signal that arrives during start-up is not lost.
  mifos::hooks::block_stop_signals();

  std::string error;
  auto parsed = stream_forwarder::read_forwarder_flags({argv + 1, argv + argc}, error);
  if (!parsed) {
    std::fprintf(stderr, "stream-forwarder: %s\n\n%s", error.c_str(),
                 stream_forwarder::forwarder_help().c_str());
    return 2;
  }
  if (parsed->help) {
    std::fputs(stream_forwarder::forwarder_help().c_str(), stdout);
    return 0;
  }

  try {
    auto& s = *parsed;
    std::filesystem::create_directories(s.options.journal_dir);
    auto journal = std::filesystem::canonical(s.options.journal_dir).string();
    stream_forwarder::finish_forwarder_settings(s, stream_forwarder::host_name(), journal);

    stream_forwarder::forwarder fw(s.redis, s.streams);
    mifos::hooks::router routes;
    routes.on_any([&fw](const mifos::hooks::event& e) { fw.forward(e); });

    mifos::hooks::receiver server(std::move(routes), s.options);
    server.start();
    const auto& o = server.options();
    std::fprintf(stderr, "stream-forwarder: replica %s, streams %s<tenant>, redis %s\n",
                 s.streams.replica.c_str(), s.streams.prefix.c_str(),
                 stream_forwarder::to_string(s.redis.address).c_str());
    if (std::string why = fw.check(); !why.empty())
      std::fprintf(stderr,
                   "stream-forwarder: redis not reachable yet (%s); deliveries wait in "
                   "the journal\n",
                   why.c_str());
    if (auto recovered = server.stats().recovered)
      std::fprintf(stderr, "stream-forwarder: %llu deliveries recovered from the journal\n",
                   ull(recovered));
    if (o.admin_port)
      std::fprintf(stderr, "admin on http://%s:%u\n", o.admin_address.c_str(),
                   static_cast<unsigned>(server.admin_port()));
    std::fprintf(stderr, "listening on http://%s:%u%s\n", o.address.c_str(),
                 static_cast<unsigned>(server.port()), o.paths.front().c_str());
    std::fflush(stderr);

    server.wait_for_signal();
    print_summary(server.stats(), fw.counts());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stream-forwarder: %s\n", e.what());
    return 1;
  }
  return 0;
}
