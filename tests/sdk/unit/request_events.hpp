// request_events.hpp: events for the request view tests, built as Fineract sends them.
//
//   auto e = envelope_event<loan_writeoff_request>(R"({"transactionDate":"1 May 2024"})");
//   auto b = bare_event<loan_writeoff_request>(R"({"loanId":5,"changes":{...}})");
#pragma once

#include <stdexcept>
#include <string>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"
#include "mifos/hooks/requests.hpp"

namespace mifos::hooks::test {

inline event parsed_delivery(event_pair pair, const std::string& body) {
  auto r = parse(make_delivery(wire_dialect::fineract, std::string(pair.entity),
                               std::string(pair.action), body));
  if (!r.ok()) throw std::runtime_error("refused: " + r.error().reason);
  return *r;
}

// Fineract >= 1.5: the caller's request travels in the envelope, numbers as doubles unless the
// caller sent text. The result has no `changes` here, so a view can only come from `request`.
template <typename View>
View envelope_view(const std::string& request_json) {
  const auto pair = View::pair;
  const auto e = parsed_delivery(pair, R"({"entityName":")" + std::string(pair.entity) +
                                           R"(","actionName":")" + std::string(pair.action) +
                                           R"(","officeId":1,"request":)" + request_json +
                                           R"(,"response":{"officeId":1,"resourceId":7}})");
  return read_request<View>(e);
}

// Fineract < 1.5: the command result alone; a view comes from its `changes`.
template <typename View>
View bare_view(const std::string& result_json) {
  return read_request<View>(parsed_delivery(View::pair, result_json));
}

}  // namespace mifos::hooks::test
