// compose.hpp: the step between an accepted event and an SMS: fetch what the event does not
// carry (the client's mobileNo and name, the loan's account number) and write the text.
//
// The server is reached through `fineract_lookup`, so the decision is tested with records
// built in the test; rest_lookup is the real one (hooks::fineract_client).
//
//   sms_bridge::rest_lookup api(options);            // base URL, token, tenant, dialect
//   sms_bridge::composed c = sms_bridge::compose(event, api);
//   if (c.outcome == sms_bridge::composed::ready) send(c.mobile_no, c.message);
#pragma once

#include <cstdint>
#include <mifos/hooks/fineract_client.hpp>
#include <string>

#include "records.hpp"

namespace sms_bridge {

class fineract_lookup {
 public:
  virtual ~fineract_lookup() = default;
  virtual mifos::hooks::fineract_result<mifos::hooks::fineract_client_record> client(
      std::int64_t id) const = 0;
  virtual mifos::hooks::fineract_result<mifos::hooks::fineract_loan> loan(
      std::int64_t id) const = 0;
};

// The server's REST API through hooks::fineract_client (which retries connection errors and
// 5xx answers itself).
class rest_lookup final : public fineract_lookup {
 public:
  explicit rest_lookup(mifos::hooks::fineract_client_options options);
  mifos::hooks::fineract_result<mifos::hooks::fineract_client_record> client(
      std::int64_t id) const override;
  mifos::hooks::fineract_result<mifos::hooks::fineract_loan> loan(std::int64_t id) const override;

 private:
  mifos::hooks::fineract_client api_;
};

// The callbacks' options for a tenant's event: base_url = the registered endpoint,
// token = mifosToken (sent as Basic), tenant = tenantId, dialect = the delivery's.
mifos::hooks::fineract_client_options callback_options(const tenant_config& t,
                                                       mifos::hooks::wire_dialect dialect,
                                                       bool verify_tls);

struct composed {
  enum outcome_kind {
    ready,    // mobile_no and message are set
    skipped,  // nothing to send (the client has no mobileNo); reason says why
    failed,   // the server could not be asked; reason says why
  };
  outcome_kind outcome = failed;
  std::string mobile_no;
  std::string message;
  std::string reason;
  // For `failed`: asking again may help (no answer, 5xx). A 4xx (no such client, bad
  // credentials) will not change by itself.
  bool retry = true;
};

// An event whose message is already set (SMS SEND, or composed by an earlier attempt) is ready
// as it is, without a call.
composed compose(const sms_event& e, const fineract_lookup& api);

}  // namespace sms_bridge
