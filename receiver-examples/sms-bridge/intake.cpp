// intake.cpp: hook event -> pending record. Reads JSON and form bodies alike: form fields are
// taken as their raw text, since decoding "+254712345678" as a number would lose the '+'.
#include "intake.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace sms_bridge {
namespace {

using mifos::hooks::iequals;

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string two_decimals(double amount) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", amount);
  return text;
}

// A top-level text field of the body: a form field's raw text, or a JSON string.
std::optional<std::string> body_text(const mifos::hooks::event& e, const char* name) {
  if (e.format == mifos::hooks::body_format::form) {
    auto it = e.form_fields.find(name);
    if (it == e.form_fields.end()) return std::nullopt;
    return it->second;
  }
  if (!e.payload.is_object()) return std::nullopt;
  auto it = e.payload.find(name);
  if (it == e.payload.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

bool blank(const std::optional<std::string>& text) {
  if (!text) return true;
  for (char c : *text)
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::optional<handled_event> handled_kind(std::string_view entity, std::string_view action) {
  if (iequals(entity, "CLIENT") && iequals(action, "CREATE")) return handled_event::client_create;
  if (iequals(entity, "LOAN") && iequals(action, "REPAYMENT")) return handled_event::loan_repayment;
  if (iequals(entity, "SMS") && iequals(action, "SEND")) return handled_event::sms_send;
  return std::nullopt;
}

std::optional<std::string> amount_of(const mifos::hooks::event& e) {
  const auto& changes = e.changes();
  auto it = changes.find("transactionAmount");
  if (it == changes.end()) return std::nullopt;
  if (it->is_string() && !it->get_ref<const std::string&>().empty()) return it->get<std::string>();
  if (it->is_number()) {
    const double amount = it->get<double>();
    if (std::isfinite(amount)) return two_decimals(amount);
  }
  return std::nullopt;
}

std::variant<sms_event, std::string> read_event(const mifos::hooks::event& e, handled_event kind,
                                                std::chrono::system_clock::time_point now) {
  sms_event out;
  out.tenant = e.tenant;
  out.entity = upper(e.entity);
  out.action = upper(e.action);
  out.dialect = e.dialect;
  out.received_at = iso_utc(now);
  out.client_id = e.result.client_id;
  out.loan_id = e.result.loan_id;
  switch (kind) {
    case handled_event::client_create:
      if (!out.client_id) return std::string("a CLIENT CREATE event without clientId");
      break;
    case handled_event::loan_repayment:
      if (!out.loan_id) return std::string("a LOAN REPAYMENT event without loanId");
      out.amount = amount_of(e);
      break;
    case handled_event::sms_send: {
      auto mobile = body_text(e, "mobileNo");
      auto message = body_text(e, "message");
      if (blank(mobile)) return std::string("an SMS SEND event without mobileNo");
      if (blank(message)) return std::string("an SMS SEND event without message");
      out.mobile_no = *mobile;
      out.message = *message;
      break;
    }
  }
  return out;
}

}  // namespace sms_bridge
