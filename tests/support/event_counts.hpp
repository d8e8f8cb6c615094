// event_counts.hpp: counting events per ENTITY.ACTION, in a traffic file and as a --quiet
// hello-receiver reports them, so tests can compare what was sent with what was handled.
//
//   EXPECT_EQ(stop_and_count(receiver), events_in("day.jsonl"));
#pragma once

#include <map>
#include <string>

#include "hello_receiver.hpp"

namespace mifos::hooks::test {

using event_counts = std::map<std::string, int>;  // "LOAN.REPAYMENT" -> 12

// From each line's X-Fineract-Entity and X-Fineract-Action headers.
event_counts events_in(const std::string& traffic_file);
// Sends SIGTERM to a --quiet hello-receiver and reads the "ENTITY.ACTION count" lines it prints.
event_counts stop_and_count(hello_receiver& r);
int total(const event_counts& counts);

}  // namespace mifos::hooks::test
