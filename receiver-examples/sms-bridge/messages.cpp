// messages.cpp: the texts. Kept in one place so that a deployment changes its wording here.
#include "messages.hpp"

namespace sms_bridge {

std::string greeting_name(const mifos::hooks::fineract_client_record& client) {
  if (!client.display_name.empty()) return client.display_name;
  std::string name = client.first_name;
  if (!client.last_name.empty()) name += (name.empty() ? "" : " ") + client.last_name;
  return name.empty() ? "customer" : name;
}

std::string welcome_message(const mifos::hooks::fineract_client_record& client) {
  return "Hello " + greeting_name(client) + ", welcome! Your client account number is " +
         client.account_no + ".";
}

std::string repayment_message(const mifos::hooks::fineract_client_record& client,
                              const mifos::hooks::fineract_loan& loan,
                              const std::optional<std::string>& amount) {
  std::string text = "Hello " + greeting_name(client) + ", we received your repayment ";
  if (amount) text += "of " + *amount + " ";
  return text + "for loan " + loan.account_no + ". Thank you.";
}

}  // namespace sms_bridge
