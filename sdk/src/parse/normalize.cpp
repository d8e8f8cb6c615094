// normalize.cpp: the normalized event (design.md) and the names of the enums.
#include <utility>

#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

void put_id(nlohmann::ordered_json& out, const char* key, const std::optional<std::int64_t>& id) {
  if (id) out[key] = *id;
}

}  // namespace

std::string_view to_string(wire_dialect d) noexcept {
  return d == wire_dialect::mifos ? "mifos" : "fineract";
}
std::string_view to_string(body_shape s) noexcept {
  return s == body_shape::envelope ? "envelope" : "result";
}
std::string_view to_string(body_format f) noexcept {
  return f == body_format::form ? "form" : "json";
}

nlohmann::ordered_json to_json(const event& e) {
  nlohmann::ordered_json j;
  to_json(j, e);
  return j;
}

void to_json(nlohmann::ordered_json& j, const event& e) {
  nlohmann::ordered_json out;
  out["entity"] = e.entity;
  out["action"] = e.action;
  out["tenant"] = e.tenant;
  out["dialect"] = to_string(e.dialect);
  out["shape"] = to_string(e.shape);
  out["format"] = to_string(e.format);
  out["failed"] = e.failed;
  const command_result& r = e.result;
  put_id(out, "officeId", r.office_id);
  put_id(out, "groupId", r.group_id);
  put_id(out, "clientId", r.client_id);
  put_id(out, "loanId", r.loan_id);
  put_id(out, "savingsId", r.savings_id);
  put_id(out, "resourceId", r.resource_id);
  put_id(out, "subResourceId", r.sub_resource_id);
  put_id(out, "commandId", r.command_id);
  put_id(out, "productId", r.product_id);
  if (r.transaction_id) out["transactionId"] = *r.transaction_id;
  put_id(out, "createdBy", e.created_by);
  if (e.created_by_name) out["createdByName"] = *e.created_by_name;
  if (e.timestamp) out["timestamp"] = *e.timestamp;
  // A deep copy into the ordered type; payloads are small.
  out["payload"] = nlohmann::ordered_json(e.payload);
  j = std::move(out);
}

}  // namespace mifos::hooks
