// compose.cpp: CLIENT CREATE -> GET clients/{id}; LOAN REPAYMENT -> GET loans/{id}, then GET
// clients/{the loan's client}; then the text from messages.hpp.
#include "compose.hpp"

#include <utility>

#include "messages.hpp"

namespace sms_bridge {
namespace {

using mifos::hooks::fineract_error;

composed failure(std::string what, const fineract_error& e) {
  composed c;
  c.outcome = composed::failed;
  c.reason = std::move(what);
  c.reason += e.status == 0 ? ": no answer: " : ": HTTP " + std::to_string(e.status) + ": ";
  c.reason += e.message;
  c.retry = e.status == 0 || e.status >= 500;
  return c;
}

composed final_failure(std::string reason) {
  composed c;
  c.outcome = composed::failed;
  c.reason = std::move(reason);
  c.retry = false;
  return c;
}

// Ready when the client has a number, else skipped.
composed to_client(const mifos::hooks::fineract_client_record& client, std::string message) {
  composed c;
  if (!client.mobile_no || client.mobile_no->empty()) {
    c.outcome = composed::skipped;
    c.reason = "client " + std::to_string(client.id) + " has no mobileNo";
    return c;
  }
  c.outcome = composed::ready;
  c.mobile_no = *client.mobile_no;
  c.message = std::move(message);
  return c;
}

}  // namespace

mifos::hooks::fineract_client_options callback_options(const tenant_config& t,
                                                       mifos::hooks::wire_dialect dialect,
                                                       bool verify_tls) {
  mifos::hooks::fineract_client_options o;
  o.base_url = t.endpoint;
  o.token = t.mifos_token;
  o.tenant = t.tenant_id;
  o.dialect = dialect;
  o.verify_tls = verify_tls;
  return o;
}

composed compose(const sms_event& e, const fineract_lookup& api) {
  if (!e.message.empty() && !e.mobile_no.empty()) {
    composed c;
    c.outcome = composed::ready;
    c.mobile_no = e.mobile_no;
    c.message = e.message;
    return c;
  }
  if (e.entity == "CLIENT" && e.action == "CREATE") {
    if (!e.client_id) return final_failure("the event has no clientId");
    auto client = api.client(*e.client_id);
    if (!client) return failure("GET clients/" + std::to_string(*e.client_id), client.error());
    return to_client(*client, welcome_message(*client));
  }
  if (e.entity == "LOAN" && e.action == "REPAYMENT") {
    if (!e.loan_id) return final_failure("the event has no loanId");
    auto loan = api.loan(*e.loan_id);
    if (!loan) return failure("GET loans/" + std::to_string(*e.loan_id), loan.error());
    if (!loan->client_id)
      return final_failure("loan " + std::to_string(*e.loan_id) + " has no clientId");
    auto client = api.client(*loan->client_id);
    if (!client) return failure("GET clients/" + std::to_string(*loan->client_id), client.error());
    return to_client(*client, repayment_message(*client, *loan, e.amount));
  }
  return final_failure("the bridge does not handle " + e.entity + " " + e.action);
}

}  // namespace sms_bridge
