// batch.hpp: Fineract's Batch API (POST /batches) as a pure function over a runner of one
// sub-request: which sub-requests Fineract's batch knows (others answer 501), the order
// (parents before the requests that reference them), "$.field" values taken from a parent's
// answer, and what `enclosingTransaction=true` does with a failure (docs/wire-format.md section 4,
// Fineract 2024-10: the hooks of the commands that ran have fired, then everything rolls back).
//
//   auto requests = read_batch(body);                  // or the 400 for a malformed batch
//   batch_result r = run_batch(*requests, enclosing, [&](const batch_call& c) { return dispatch(c);
//   }); if (r.roll_back) restore(snapshot); answer 200 with r.responses
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/api_error.hpp"
#include "model/rest_call.hpp"

namespace mifos::mock {

struct batch_request {
  std::int64_t request_id = 0;
  std::string relative_url;  // "clients", "v1/loans/3?command=approve", "loans/$.loanId"
  std::string method;
  nlohmann::ordered_json headers = nullptr;  // [{"name":..,"value":..}], echoed back
  std::optional<std::int64_t> reference;     // the requestId this one depends on
  std::optional<std::string> body;           // JSON text, as Fineract takes it
};

// The body of POST /batches: a JSON array of requests. The 400 when it is not one.
std::variant<std::vector<batch_request>, api_error> read_batch(const nlohmann::ordered_json& body);

// One sub-request to run: the method, the relative URL without "v1/" and its body (null when it
// has none or it is not JSON; the runner answers for that).
struct batch_call {
  std::string method;
  std::string relative_url;
  nlohmann::ordered_json body;
  bool body_is_json = true;
};
using batch_runner = std::function<rest_outcome(const batch_call&)>;

struct batch_result {
  nlohmann::ordered_json responses = nlohmann::ordered_json::array();  // HTTP 200's body
  bool roll_back = false;  // enclosingTransaction and something failed: undo every change
};

batch_result run_batch(std::vector<batch_request> requests, bool enclosing,
                       const batch_runner& run);

// True when Fineract's batch has a strategy for this method and relative URL
// (CommandStrategyProvider, 2024-10); others answer 501.
bool batch_supports(std::string_view method, std::string_view relative_url);

}  // namespace mifos::mock
