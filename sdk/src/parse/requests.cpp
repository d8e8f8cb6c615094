// requests.cpp: the readers every request view shares, and where a view is read from.
#include "mifos/hooks/requests.hpp"

#include "mifos/hooks/event.hpp"
#include "request_fields.hpp"

namespace mifos::hooks {

namespace detail {

void read_dates(const nlohmann::json& j, dated_request& r) {
  r.date_format = read_text(j, "dateFormat");
  r.locale = read_text(j, "locale");
}

void read_payment_detail(const nlohmann::json& j, payment_detail& r) {
  r.payment_type_id = read_id(j, "paymentTypeId");
  r.account_number = read_text(j, "accountNumber");
  r.check_number = read_text(j, "checkNumber");
  r.routing_code = read_text(j, "routingCode");
  r.receipt_number = read_text(j, "receiptNumber");
  r.bank_number = read_text(j, "bankNumber");
}

std::vector<std::int64_t> read_ids(const nlohmann::json& j, std::string_view key) {
  std::vector<std::int64_t> ids;
  const auto* list = member(j, key);
  if (list == nullptr || !list->is_array()) return ids;
  for (const auto& item : *list)
    if (auto id = to_id(item)) ids.push_back(*id);
  return ids;
}

std::optional<std::int64_t> read_id_or_option(const nlohmann::json& j, std::string_view key) {
  const auto* value = member(j, key);
  if (value != nullptr && value->is_object()) return read_id(*value, "id");
  return read_id(j, key);
}

}  // namespace detail

void from_json(const nlohmann::json& j, transaction_request& r) {
  detail::read_dates(j, r);
  detail::read_payment_detail(j, r);
  r.transaction_date = detail::read_text(j, "transactionDate");
  r.transaction_amount = detail::read_decimal(j, "transactionAmount");
  r.note = detail::read_text(j, "note");
}

const nlohmann::json& request_source(const event& e) {
  const nlohmann::json& request = e.request();
  if (request.is_object() && !request.empty()) return request;
  return e.changes();
}

}  // namespace mifos::hooks
