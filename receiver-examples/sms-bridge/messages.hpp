// messages.hpp: the SMS texts, from the records the bridge fetched back from the server.
//
//   auto client = api.get_client(*event.client_id);
//   std::string text = sms_bridge::welcome_message(*client);
//   // "Hello Petra Yton, welcome! Your client account number is 000000001."
#pragma once

#include <mifos/hooks/fineract_client.hpp>
#include <optional>
#include <string>

namespace sms_bridge {

// "Hello NAME, welcome! Your client account number is ACCOUNTNO."
std::string welcome_message(const mifos::hooks::fineract_client_record& client);

// "Hello NAME, we received your repayment of AMOUNT for loan ACCOUNTNO. Thank you."
// Without an amount: "Hello NAME, we received your repayment for loan ACCOUNTNO. Thank you."
std::string repayment_message(const mifos::hooks::fineract_client_record& client,
                              const mifos::hooks::fineract_loan& loan,
                              const std::optional<std::string>& amount);

// The name an SMS greets: displayName, else "firstname lastname", else "customer".
std::string greeting_name(const mifos::hooks::fineract_client_record& client);

}  // namespace sms_bridge
