// hook_payload_test.cpp: the bytes, headers and URL of one hook as mock-mifos sends it,
// checked byte for byte against docs/wire-format.md for both header families.
#include "wire/hook_payload.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "hook_events.hpp"

namespace mifos::mock {
namespace {

using hooks::body_format;
using hooks::header_field;
using hooks::wire_dialect;
using namespace mifos::mock::test;

// docs/wire-format.md section 4, verbatim.
constexpr const char* kSpecRepayment =
    R"({"createdByName":"mifos","request":{"dateFormat":"dd MMMM yyyy","locale":"en",)"
    R"("transactionDate":"14 May 2013","transactionAmount":"500.00","paymentTypeId":"12",)"
    R"("note":"check payment"},"clientId":1,"createdBy":1,"officeId":1,"entityName":"LOAN",)"
    R"("response":{"clientId":1,"loanId":5,"resourceId":564,"changes":{"transactionDate":)"
    R"("14 May 2013","transactionAmount":"500.00","locale":"en","dateFormat":"dd MMMM yyyy",)"
    R"("paymentTypeId":12,"note":"check payment"}},"createdByFullName":"App Administrator",)"
    R"("actionName":"REPAYMENT","timestamp":"2024-10-24T09:52:59.123456Z"})";

constexpr const char* kRepaymentRequest =
    R"("request":{"dateFormat":"dd MMMM yyyy","locale":"en","transactionDate":"14 May 2013",)"
    R"("transactionAmount":"500.00","paymentTypeId":"12","note":"check payment"})";

payload_settings fineract(std::optional<std::string> endpoint = std::nullopt) {
  payload_settings s;
  s.dialect = wire_dialect::fineract;
  s.endpoint = std::move(endpoint);
  return s;
}

payload_settings mifos(std::optional<std::string> endpoint = std::nullopt) {
  payload_settings s = fineract(std::move(endpoint));
  s.dialect = wire_dialect::mifos;
  return s;
}

std::string json_body(const command_event& e, const payload_settings& s) {
  return hook_body(e, body_format::json, s).value_or("<nothing>");
}

TEST(HookPayloadFineract, LoanRepaymentEnvelopeMatchesTheSpecByteForByte) {
  EXPECT_EQ(json_body(loan_repayment(), fineract()), kSpecRepayment);
}

TEST(HookPayloadFineract, DeliveryHasTheSpecBodyHeadersAndTarget) {
  const auto out = build_hook_delivery(loan_repayment(), web_hook("http://127.0.0.1:9000/hooks/"),
                                       fineract("https://localhost:8443/fineract-provider/api/"));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->origin, "http://127.0.0.1:9000");
  EXPECT_EQ(out->message.method, "POST");
  EXPECT_EQ(out->message.target, "/hooks/");
  EXPECT_EQ(out->message.body, kSpecRepayment);
  const std::vector<header_field> want = {
      {"X-Fineract-Entity", "LOAN"},
      {"X-Fineract-Action", "REPAYMENT"},
      {"Fineract-Platform-TenantId", "default"},
      {"X-Fineract-Endpoint", "https://localhost:8443/fineract-provider/api/"},
      {"Content-Type", "application/json; charset=UTF-8"},
      {"Content-Length", std::to_string(std::string(kSpecRepayment).size())},
      {"Host", "127.0.0.1:9000"},
      {"Connection", "Keep-Alive"},
      {"Accept-Encoding", "gzip"},
      {"User-Agent", "okhttp/4.12.0"}};
  EXPECT_EQ(out->message.headers, want);
}

TEST(HookPayloadFineract, NoEndpointHeaderUntilTheEndpointIsKnown) {
  const auto out = build_hook_delivery(loan_repayment(), web_hook("http://h/hooks/"), fineract());
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.header_count("X-Fineract-Endpoint"), 0u);
  EXPECT_EQ(out->message.headers.size(), 9u);
  EXPECT_EQ(out->message.header("Host"), "h");
}

TEST(HookPayloadFineract, RequestNumbersAreDoublesAndResponseNumbersIntegers) {
  command_event e = loan_repayment();
  e.request = nlohmann::ordered_json::parse(R"({"officeId":1,"amount":10000000,"rate":2.5})");
  const std::string body = json_body(e, fineract());
  EXPECT_NE(body.find(R"("request":{"officeId":1.0,"amount":1.0E7,"rate":2.5})"), std::string::npos)
      << body;
  EXPECT_NE(body.find(R"("response":{"clientId":1,"loanId":5,"resourceId":564,)"),
            std::string::npos)
      << body;
}

TEST(HookPayloadFineract, EqualsSignsAreEscapedEverywhere) {
  command_event e = loan_repayment();
  e.request["note"] = "a=b";
  (*e.result)["changes"]["note"] = "a=b";
  const std::string body = json_body(e, fineract());
  EXPECT_NE(body.find(R"("note":"a\u003db"},"clientId")"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("note":"a\u003db"}},"createdByFullName")"), std::string::npos) << body;
  EXPECT_EQ(body.find("a=b"), std::string::npos);
}

TEST(HookPayloadFineract, OfficeIdIsLiftedAndClientIdCopied) {
  command_event e = client_create();
  const std::string body = json_body(e, fineract());
  EXPECT_EQ(body,
            R"({"createdByName":"mifos","request":{"officeId":1.0,"firstname":"Petra",)"
            R"("dateFormat":"dd MMMM yyyy","active":true},"clientId":1,"createdBy":1,)"
            R"("officeId":1,"entityName":"CLIENT","response":{"clientId":1,"savingsId":10,)"
            R"("resourceId":1},"createdByFullName":"App Administrator","actionName":"CREATE",)"
            R"("timestamp":"2024-03-04T10:00:00Z"})");
}

TEST(HookPayloadFineract, StrippedFailureHasNoStatusResponseOrIds) {
  EXPECT_EQ(json_body(failed_repayment(), fineract()),
            std::string(R"({"createdByName":"mifos",)") + kRepaymentRequest +
                R"(,"createdBy":1,"entityName":"LOAN","createdByFullName":"App Administrator",)"
                R"("actionName":"REPAYMENT","timestamp":"2024-10-24T09:52:59.123456Z"})");
}

TEST(HookPayloadFineract, ExceptionFailureHasStatusAndTheErrorBodyWithCodes) {
  payload_settings s = fineract();
  s.failures = failure_shape::exception;
  EXPECT_EQ(json_body(failed_repayment(), s),
            std::string(R"({"createdByName":"mifos",)") + kRepaymentRequest +
                R"(,"createdBy":1,"entityName":"LOAN","response":{"developerMessage":)"
                R"("Validation errors exist.","httpStatusCode":"400","defaultUserMessage":)"
                R"("Validation errors exist.","userMessageGlobalisationCode":)"
                R"("validation.msg.validation.errors.exist","errors":[],"errorCode":1001,)"
                R"("statusCode":400},"createdByFullName":"App Administrator",)"
                R"("actionName":"REPAYMENT","status":"Exception",)"
                R"("timestamp":"2024-10-24T09:52:59.123456Z"})");
}

TEST(HookPayloadFineract, FailuresAreDeliveredWithTheSameHeaders) {
  const auto ok = build_hook_delivery(loan_repayment(), web_hook("http://h/"), fineract());
  const auto failed = build_hook_delivery(failed_repayment(), web_hook("http://h/"), fineract());
  ASSERT_TRUE(ok && failed);
  EXPECT_EQ(failed->message.header("X-Fineract-Entity"), "LOAN");
  EXPECT_EQ(failed->message.header("X-Fineract-Action"), "REPAYMENT");
  EXPECT_EQ(failed->message.headers.size(), ok->message.headers.size());
}

TEST(HookPayloadFineract, FormBodyIsTheEnvelopeAsJavaTextWithPercent20) {
  EXPECT_EQ(hook_body(client_create(), body_format::form, fineract()),
            "createdByName=mifos&request=%7BofficeId%3D1.0%2C%20firstname%3DPetra%2C%20"
            "dateFormat%3Ddd%20MMMM%20yyyy%2C%20active%3Dtrue%7D&clientId=1.0&createdBy=1.0&"
            "officeId=1.0&entityName=CLIENT&response=%7BclientId%3D1.0%2C%20savingsId%3D10.0%2C%20"
            "resourceId%3D1.0%7D&createdByFullName=App%20Administrator&actionName=CREATE&"
            "timestamp=2024-03-04T10%3A00%3A00Z");
}

TEST(HookPayloadFineract, FormHookSendsTheFineractFormContentType) {
  const auto out =
      build_hook_delivery(client_create(), web_hook("http://h/hooks/", "form"), fineract());
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.header("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(out->message.header("Content-Length"), std::to_string(out->message.body.size()));
}

TEST(HookPayloadMifos, ClientCreateIsTheBareResultByteForByte) {
  EXPECT_EQ(json_body(client_create(), mifos()),
            R"({"officeId":1,"clientId":1,"savingsId":10,"resourceId":1})");
}

TEST(HookPayloadMifos, DeliveryUsesTheXMifosHeadersAndASlashAfterTheUrl) {
  const std::string body = R"({"officeId":1,"clientId":1,"savingsId":10,"resourceId":1})";
  const auto out =
      build_hook_delivery(client_create(), web_hook("http://127.0.0.1:9000/hooks"),
                          mifos("https://demo.openmf.org:8443/mifosng-provider/api/v1/"));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.target, "/hooks/");
  EXPECT_EQ(out->message.body, body);
  const std::vector<header_field> want = {
      {"X-Mifos-Entity", "CLIENT"},
      {"X-Mifos-Action", "CREATE"},
      {"X-Mifos-Platform-TenantId", "default"},
      {"X-Mifos-Endpoint", "https://demo.openmf.org:8443/mifosng-provider/api/v1/"},
      {"Content-Type", "application/json; charset=UTF-8"},
      {"Content-Length", std::to_string(body.size())},
      {"Host", "127.0.0.1:9000"},
      {"Connection", "Keep-Alive"},
      {"Accept-Encoding", "gzip"},
      {"User-Agent", "okhttp/2.4.0"}};
  EXPECT_EQ(out->message.headers, want);
}

TEST(HookPayloadMifos, ResultKeysFollowTheSerializerOrderAndUnknownKeysComeLast) {
  command_event e = client_create();
  e.result = nlohmann::ordered_json::parse(
      R"({"extra":"x","resourceId":1,"changes":{},"clientId":1,"officeId":1})");
  EXPECT_EQ(json_body(e, mifos()),
            R"({"officeId":1,"clientId":1,"resourceId":1,"changes":{},"extra":"x"})");
}

TEST(HookPayloadMifos, ATrailingSlashIsNotDoubled) {
  const auto out = build_hook_delivery(client_create(), web_hook("http://h:9000/hooks/"), mifos());
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.target, "/hooks/");
}

TEST(HookPayloadMifos, FailuresSendNothing) {
  EXPECT_FALSE(hook_body(failed_repayment(), body_format::json, mifos()).has_value());
  EXPECT_FALSE(hook_body(failed_repayment(), body_format::form, mifos()).has_value());
  EXPECT_FALSE(
      build_hook_delivery(failed_repayment(), web_hook("http://h/hooks"), mifos()).has_value());
}

TEST(HookPayloadMifos, FormBodyIsTheResultAsJavaTextWithPlusSpaces) {
  EXPECT_EQ(hook_body(loan_repayment(), body_format::form, mifos()),
            "officeId=1.0&clientId=1.0&loanId=5.0&resourceId=564.0&changes=%7BtransactionDate%3D"
            "14+May+2013%2C+transactionAmount%3D500.00%2C+locale%3Den%2C+dateFormat%3Ddd+MMMM+"
            "yyyy%2C+paymentTypeId%3D12.0%2C+note%3Dcheck+payment%7D");
}

TEST(HookPayloadMifos, FormHookSendsTheMifosFormContentType) {
  const auto out =
      build_hook_delivery(client_create(), web_hook("http://h/hooks", "form"), mifos());
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message.header("Content-Type"),
            "application/x-www-form-urlencoded; charset=UTF-8");
}

}  // namespace
}  // namespace mifos::mock
