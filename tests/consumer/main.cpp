// A user's program built against the installed mifos-hooks package: it parses a Fineract 1.7
// LOAN REPAYMENT delivery, routes it, starts and stops an embedded receiver, and calls the REST
// client, so that the server and client libraries are linked and run too. Exits 0 only if
// everything did what it should.
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <string>

#include <mifos/hooks.hpp>

namespace hooks = mifos::hooks;

namespace {

int fail(const std::string& why) {
  std::cerr << "consumer: FAILED: " << why << "\n";
  return 1;
}

hooks::delivery loan_repayment_delivery() {
  hooks::delivery d;
  d.method = "POST";
  d.target = "/hooks/";
  d.headers = {{"X-Fineract-Entity", "LOAN"},
               {"X-Fineract-Action", "REPAYMENT"},
               {"Fineract-Platform-TenantId", "default"},
               {"X-Fineract-Endpoint", "https://localhost:8443/fineract-provider/api/"},
               {"Content-Type", "application/json; charset=UTF-8"},
               {"User-Agent", "okhttp/4.12.0"}};
  d.body =
      R"({"createdByName":"mifos","request":{"dateFormat":"dd MMMM yyyy","locale":"en",)"
      R"("transactionDate":"14 May 2013","transactionAmount":"500.00","paymentTypeId":"12",)"
      R"("note":"check payment"},"clientId":1,"createdBy":1,"officeId":1,"entityName":"LOAN",)"
      R"("response":{"clientId":1,"loanId":5,"resourceId":564,"changes":{"transactionDate":)"
      R"("14 May 2013","transactionAmount":"500.00","locale":"en","dateFormat":"dd MMMM yyyy",)"
      R"("paymentTypeId":12,"note":"check payment"}},"createdByFullName":"App Administrator",)"
      R"("actionName":"REPAYMENT","timestamp":"2024-10-24T09:52:59.123456Z"})";
  return d;
}

}  // namespace

int main() {
  auto parsed = hooks::parse(loan_repayment_delivery());
  if (!parsed) return fail("parse: " + parsed.error().reason);

  std::optional<std::int64_t> seen_loan_id;
  std::optional<std::string> seen_amount;
  hooks::router r;
  r.on("LOAN", "REPAYMENT", [&](const hooks::event& e) { seen_loan_id = e.result.loan_id; })
      .on<hooks::loan_repayment_request>(
          [&](const hooks::event&, const hooks::loan_repayment_request& req) {
            seen_amount = req.transaction_amount;
          });
  const auto outcome = r.dispatch(*parsed);

  if (outcome.handlers_run != 2 || !outcome.ok()) return fail("dispatch did not run both handlers");
  if (seen_loan_id != 5) return fail("the LOAN REPAYMENT handler did not see loanId 5");
  if (seen_amount != "500.00") return fail("the typed handler did not see transactionAmount 500.00");
  std::cout << "consumer: routed " << hooks::to_json(*parsed).dump() << "\n";

  // The embedded receiver: bind an ephemeral port on loopback, then stop.
  std::uint16_t port = 0;
  try {
    hooks::receiver_options options;
    options.port = 0;
    hooks::receiver server(hooks::router{}, options);
    server.start();
    port = server.port();
    server.stop();
  } catch (const std::exception& e) {
    return fail(std::string("receiver: ") + e.what());
  }
  if (port == 0) return fail("the receiver did not report the port it bound");
  std::cout << "consumer: receiver started on 127.0.0.1:" << port << " and stopped\n";

  // The REST client (libcurl inside): a closed port on loopback is an error value, not a throw.
  hooks::fineract_client_options api;
  api.base_url = "http://127.0.0.1:" + std::to_string(port) + "/fineract-provider/api/";
  api.max_attempts = 1;
  auto client = hooks::fineract_client(api).get_client(1);
  if (client) return fail("get_client on a closed port answered a client");
  if (client.error().status != 0) return fail("get_client on a closed port had an HTTP status");
  std::cout << "consumer: fineract_client reported: " << client.error().message << "\n";
  return 0;
}
