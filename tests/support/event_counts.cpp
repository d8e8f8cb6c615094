// event_counts.cpp: see event_counts.hpp.
#include "event_counts.hpp"

#include <signal.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace mifos::hooks::test {

event_counts events_in(const std::string& traffic_file) {
  event_counts out;
  std::ifstream in(traffic_file);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line);
    std::string entity, action;
    for (const auto& h : j["headers"]) {
      if (h[0] == "X-Fineract-Entity") entity = h[1];
      if (h[0] == "X-Fineract-Action") action = h[1];
    }
    ++out[entity + "." + action];
  }
  return out;
}

event_counts stop_and_count(hello_receiver& r) {
  r.process().send_signal(SIGTERM);
  event_counts out;
  for (const auto& line : r.process().read_stdout_until_end(std::chrono::seconds(60))) {
    std::istringstream words(line);
    std::string name;
    int count = 0;
    if (words >> name >> count) out[name] = count;
  }
  return out;
}

int total(const event_counts& counts) {
  int n = 0;
  for (const auto& [name, count] : counts) n += count;
  return n;
}

}  // namespace mifos::hooks::test
