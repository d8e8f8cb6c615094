// requests_common.hpp: what every typed request view shares: the dated fields, the payment
// details, the transaction shape, and read_request(). The views themselves are in
// requests_<family>.hpp; include mifos/hooks/requests.hpp for all of them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mifos/hooks/catalog.hpp"

namespace mifos::hooks {

struct event;

// Fields every dated Fineract request carries.
struct dated_request {
  std::optional<std::string> date_format;  // e.g. "dd MMMM yyyy"
  std::optional<std::string> locale;       // e.g. "en"
};

// Fineract's payment details (PaymentDetailConstants), sent beside a money movement.
struct payment_detail {
  std::optional<std::int64_t> payment_type_id;
  std::optional<std::string> account_number;
  std::optional<std::string> check_number;
  std::optional<std::string> routing_code;
  std::optional<std::string> receipt_number;
  std::optional<std::string> bank_number;
};

// Loan repayments and savings deposits and withdrawals share one shape.
struct transaction_request : dated_request, payment_detail {
  std::optional<std::string> transaction_date;
  std::optional<std::string> transaction_amount;
  std::optional<std::string> note;
};

// nlohmann/json style readers: tolerant of missing keys, numbers as doubles or strings, and
// wrong types (a field of the wrong type is left empty). They never throw.
void from_json(const nlohmann::json& j, transaction_request& r);

// The request object a view is read from: the envelope's `request` when it is a non-empty
// object, else the command result's `changes`.
const nlohmann::json& request_source(const event& e);

// Reads view `View` from an event. Whatever the event holds, this returns a view (fields
// the event lacks stay empty) and never throws.
template <typename View>
View read_request(const event& e) {
  View view;
  from_json(request_source(e), view);
  return view;
}

}  // namespace mifos::hooks
