// day_scenario.hpp: a working day of a microfinance institution as hook traffic.
//
// The same portfolio model `mock-mifos serve` runs is driven through a day, 08:00 to 17:00 UTC:
// the morning opens with the clients, loans and savings accounts of earlier days (not
// delivered: their hooks fired on those days); then new clients join and are activated, loans
// are applied for and approved (or rejected, or withdrawn) and disbursed, instalments are repaid
// in cash or from savings, savings are deposited, withdrawn, transferred and held, charges and
// late fees are paid, clients change their mobile number or leave, bad loans are written off and
// recovered, tellers correct mistyped amounts, interest is posted, journal entries are posted,
// centers meet (attendance, then the collection sheet), fixed deposits are opened and closed,
// recurring deposit installments paid, shares bought and membership fees charged and paid,
// and a few commands fail as they do at a real counter (a zero repayment, a withdrawal over the
// balance, a client activated twice, a loan written off twice). The proportions are in
// mock-mifos/README.md. Same options and seed, same commands.
//
// run_day() hands each command to a runner: `mock-mifos serve` runs them on its live portfolio
// and fires its registered hooks. generate_day() runs them on a fresh portfolio and writes what
// one Web hook subscribed to everything receives, built by the same wire code as the server's:
// same options and seed, same bytes.
//
//   scenario_options o;
//   o.clients = 1000;
//   o.seed = 7;
//   generate_day(o, [&](const hooks::traffic_record& r) { out << to_traffic_line(r) << '\n'; });
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mifos/hooks/event.hpp>
#include <mifos/hooks/traffic.hpp>
#include <string>
#include <vector>

#include "model/rest_call.hpp"
#include "wire/hook_payload.hpp"

namespace mifos::mock {

struct scenario_options {
  std::size_t clients = 100;  // clients who act today; as many again come from earlier days
  std::uint64_t seed = 1;
  hooks::wire_dialect dialect = hooks::wire_dialect::fineract;
  hooks::body_format format = hooks::body_format::json;
  failure_shape failures = failure_shape::stripped;
  std::string payload_url = "http://127.0.0.1:8080/hooks/";
  std::string tenant = "default";
  // The server the deliveries claim to come from (X-*-Endpoint).
  std::string server_url = "https://localhost:8443";
  int year = 2024, month = 10, day = 24;  // the day simulated (UTC)
};

struct scenario_summary {
  std::size_t commands = 0;    // commands run today
  std::size_t failed = 0;      // of which failed
  std::size_t deliveries = 0;  // deliveries written (Mifos X sends nothing for failures)
  std::map<std::string, std::size_t> per_event;  // "LOAN.REPAYMENT" -> deliveries
  // Commands that succeeded or failed against the plan ("POST /loans/3?command=approve answered
  // 403, planned to succeed"): empty unless the generator and the portfolio disagree.
  std::vector<std::string> unexpected;
};

// Runs one command of the day. `at_us`: microseconds from 08:00 of the day; negative for the
// commands of earlier days that set the morning's portfolio up (their hooks fired on those days).
using command_runner = std::function<rest_outcome(std::int64_t at_us, const rest_call& call)>;

// Runs the day's commands in time order through `run`. Uses clients, seed, tenant and the date
// of `options`; counts commands and failures (deliveries are the runner's business).
scenario_summary run_day(const scenario_options& options, const command_runner& run);

// Runs the day on a fresh portfolio and hands each delivery to `emit`, in time order (offset_us
// from 08:00). Throws std::invalid_argument for options that cannot work (a bad Payload URL,
// zero clients).
scenario_summary generate_day(const scenario_options& options,
                              const std::function<void(const hooks::traffic_record&)>& emit);

}  // namespace mifos::mock
