// event_sink.hpp: where hello-receiver puts events: stdout, a file, or counts.
//
//   event_sink sink(settings);          // --out FILE: reads the ids already in FILE
//   sink.take(event);                   // from any handler thread
//   sink.print_counts();                // --quiet, at the end
#pragma once

#include <cstdint>
#include <map>
#include <mifos/hooks.hpp>
#include <mutex>
#include <string>
#include <unordered_set>

#include "flags.hpp"

namespace hello {

class event_sink {
 public:
  // Throws std::runtime_error when --out names a file it cannot open.
  explicit event_sink(const settings& s);
  ~event_sink();
  event_sink(const event_sink&) = delete;
  event_sink& operator=(const event_sink&) = delete;

  void take(const mifos::hooks::event& e);
  void print_counts();
  std::size_t skipped() const;  // events whose deliveryId was already in the --out file

 private:
  const bool quiet_;
  int out_fd_ = 1;  // stdout, or the --out file
  // With --journal, delivery ids are stable across restarts: the ids in the file are the
  // events already written, and a recovered event among them is not written twice.
  bool skip_seen_ = false;
  std::unordered_set<std::uint64_t> seen_;
  std::size_t skipped_ = 0;
  mutable std::mutex mutex_;
  std::map<std::string, unsigned long long> counts_;  // sorted by ENTITY.ACTION
};

}  // namespace hello
