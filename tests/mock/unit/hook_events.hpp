// hook_events.hpp: the command events and hooks the hook-payload tests build on (tests only):
// docs/wire-format.md section 4's LOAN REPAYMENT, a CLIENT CREATE, and a Web / SMS Bridge hook.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "model/command_event.hpp"
#include "model/hook.hpp"

namespace mifos::mock::test {

// 2024-10-24T09:52:59.123456Z, the example timestamp of docs/wire-format.md.
inline std::chrono::system_clock::time_point spec_instant() {
  using namespace std::chrono;
  return sys_days{year{2024} / 10 / 24} + hours{9} + minutes{52} + seconds{59} +
         microseconds{123456};
}

// docs/wire-format.md section 4: LOAN REPAYMENT by mifos (id 1, App Administrator).
inline command_event loan_repayment() {
  command_event e;
  e.entity = "LOAN";
  e.action = "REPAYMENT";
  e.tenant = "default";
  e.request = nlohmann::ordered_json::parse(
      R"({"dateFormat":"dd MMMM yyyy","locale":"en","transactionDate":"14 May 2013",)"
      R"("transactionAmount":"500.00","paymentTypeId":"12","note":"check payment"})");
  e.result = nlohmann::ordered_json::parse(
      R"({"officeId":1,"clientId":1,"loanId":5,"resourceId":564,"changes":{)"
      R"("transactionDate":"14 May 2013","transactionAmount":"500.00","locale":"en",)"
      R"("dateFormat":"dd MMMM yyyy","paymentTypeId":12,"note":"check payment"}})");
  e.at = spec_instant();
  return e;
}

// The same repayment refused by validation (400).
inline command_event failed_repayment() {
  command_event e = loan_repayment();
  e.result.reset();
  e.http_status = 400;
  e.error = nlohmann::ordered_json::parse(
      R"({"developerMessage":"Validation errors exist.","httpStatusCode":"400",)"
      R"("defaultUserMessage":"Validation errors exist.",)"
      R"("userMessageGlobalisationCode":"validation.msg.validation.errors.exist","errors":[]})");
  return e;
}

// CLIENT CREATE as in docs/wire-format.md section 10, at a whole second.
inline command_event client_create() {
  using namespace std::chrono;
  command_event e;
  e.entity = "CLIENT";
  e.action = "CREATE";
  e.tenant = "default";
  e.request = nlohmann::ordered_json::parse(
      R"({"officeId":1,"firstname":"Petra","dateFormat":"dd MMMM yyyy","active":true})");
  e.result =
      nlohmann::ordered_json::parse(R"({"officeId":1,"clientId":1,"savingsId":10,"resourceId":1})");
  e.at = sys_days{year{2024} / 3 / 4} + hours{10};
  return e;
}

inline hook web_hook(std::string payload_url, std::string content_type = "json") {
  hook h;
  h.id = 1;
  h.template_name = "Web";
  h.display_name = "web";
  h.active = true;
  h.config["Payload URL"] = std::move(payload_url);
  h.config["Content Type"] = std::move(content_type);
  return h;
}

inline hook sms_bridge_hook() {
  hook h;
  h.id = 2;
  h.template_name = "SMS Bridge";
  h.display_name = "sms";
  h.active = true;
  h.config["Payload URL"] = "http://127.0.0.1:9191/modules/sms/";
  h.config["Phone Number"] = "+15550100";
  h.config["SMS Provider"] = "twilio";
  h.config["SMS Provider Account Id"] = "AC1";
  h.config["SMS Provider Token"] = "tok";
  return h;
}

}  // namespace mifos::mock::test
