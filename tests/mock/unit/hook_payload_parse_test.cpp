// hook_payload_parse_test.cpp: the SDK's own parser reads back every delivery mock-mifos
// builds (both families, JSON and form, successes and both failure shapes) with the right
// entity, action, tenant and ids.
#include <gtest/gtest.h>

#include "hook_events.hpp"
#include "mifos/hooks/event.hpp"
#include "wire/hook_payload.hpp"

namespace mifos::mock {
namespace {

using hooks::body_format;
using hooks::body_shape;
using hooks::wire_dialect;
using namespace mifos::mock::test;

hooks::event parsed(const command_event& e, const hook& h, const payload_settings& s) {
  const auto out = build_hook_delivery(e, h, s);
  if (!out) throw std::runtime_error("nothing to send");
  auto r = hooks::parse(out->message);
  if (!r.ok()) throw std::runtime_error("refused: " + r.error().reason);
  return *r;
}

payload_settings settings(wire_dialect d, failure_shape f = failure_shape::stripped) {
  payload_settings s;
  s.dialect = d;
  s.failures = f;
  s.endpoint = "http://127.0.0.1:8443/fineract-provider/api/";
  return s;
}

TEST(HookPayloadParse, FineractEnvelopeReadsBackWithEveryId) {
  const auto e =
      parsed(loan_repayment(), web_hook("http://h/hooks/"), settings(wire_dialect::fineract));
  EXPECT_EQ(e.entity, "LOAN");
  EXPECT_EQ(e.action, "REPAYMENT");
  EXPECT_EQ(e.tenant, "default");
  EXPECT_EQ(e.dialect, wire_dialect::fineract);
  EXPECT_EQ(e.shape, body_shape::envelope);
  EXPECT_EQ(e.format, body_format::json);
  EXPECT_FALSE(e.failed);
  EXPECT_EQ(e.result.office_id, 1);
  EXPECT_EQ(e.result.client_id, 1);
  EXPECT_EQ(e.result.loan_id, 5);
  EXPECT_EQ(e.result.resource_id, 564);
  EXPECT_EQ(e.created_by, 1);
  EXPECT_EQ(e.created_by_name, "mifos");
  EXPECT_EQ(e.timestamp, "2024-10-24T09:52:59.123456Z");
  EXPECT_EQ(e.endpoint, "http://127.0.0.1:8443/fineract-provider/api/");
  EXPECT_EQ(e.request().at("transactionAmount"), "500.00");
  EXPECT_EQ(e.changes().at("paymentTypeId"), 12);
}

TEST(HookPayloadParse, StrippedFailureReadsBackAsFailedWithoutIds) {
  const auto e =
      parsed(failed_repayment(), web_hook("http://h/hooks/"), settings(wire_dialect::fineract));
  EXPECT_TRUE(e.failed);
  EXPECT_EQ(e.shape, body_shape::envelope);
  EXPECT_EQ(e.entity, "LOAN");
  EXPECT_EQ(e.action, "REPAYMENT");
  EXPECT_FALSE(e.result.office_id.has_value());
  EXPECT_FALSE(e.result.loan_id.has_value());
  EXPECT_FALSE(e.error.has_value());
}

TEST(HookPayloadParse, ExceptionFailureReadsBackAsFailedWithTheErrorBody) {
  const auto e = parsed(failed_repayment(), web_hook("http://h/hooks/"),
                        settings(wire_dialect::fineract, failure_shape::exception));
  EXPECT_TRUE(e.failed);
  ASSERT_TRUE(e.error.has_value());
  EXPECT_EQ(e.error->http_status, 400);
  EXPECT_EQ(e.error->user_message_globalisation_code, "validation.msg.validation.errors.exist");
  EXPECT_FALSE(e.result.loan_id.has_value());
}

TEST(HookPayloadParse, MifosBareResultReadsBack) {
  const auto e = parsed(client_create(), web_hook("http://h/hooks"), settings(wire_dialect::mifos));
  EXPECT_EQ(e.dialect, wire_dialect::mifos);
  EXPECT_EQ(e.shape, body_shape::result);
  EXPECT_EQ(e.entity, "CLIENT");
  EXPECT_EQ(e.action, "CREATE");
  EXPECT_EQ(e.tenant, "default");
  EXPECT_FALSE(e.failed);
  EXPECT_EQ(e.result.office_id, 1);
  EXPECT_EQ(e.result.client_id, 1);
  EXPECT_EQ(e.result.savings_id, 10);
  EXPECT_EQ(e.result.resource_id, 1);
}

TEST(HookPayloadParse, FineractFormEnvelopeReadsBack) {
  const auto e = parsed(loan_repayment(), web_hook("http://h/hooks/", "form"),
                        settings(wire_dialect::fineract));
  EXPECT_EQ(e.format, body_format::form);
  EXPECT_EQ(e.shape, body_shape::envelope);
  EXPECT_FALSE(e.failed);
  EXPECT_EQ(e.result.office_id, 1);
  EXPECT_EQ(e.result.client_id, 1);
  EXPECT_EQ(e.result.loan_id, 5);
  EXPECT_EQ(e.result.resource_id, 564);
  EXPECT_EQ(e.created_by_full_name, "App Administrator");
  EXPECT_EQ(e.form_fields.at("timestamp"), "2024-10-24T09:52:59.123456Z");
  EXPECT_EQ(e.request().at("note"), "check payment");
}

TEST(HookPayloadParse, FineractFormFailuresReadBackAsFailed) {
  const auto stripped = parsed(failed_repayment(), web_hook("http://h/hooks/", "form"),
                               settings(wire_dialect::fineract));
  EXPECT_TRUE(stripped.failed);
  const auto exception = parsed(failed_repayment(), web_hook("http://h/hooks/", "form"),
                                settings(wire_dialect::fineract, failure_shape::exception));
  EXPECT_TRUE(exception.failed);
  EXPECT_EQ(exception.payload.at("status"), "Exception");
}

TEST(HookPayloadParse, MifosFormResultReadsBack) {
  const auto e =
      parsed(loan_repayment(), web_hook("http://h/hooks", "form"), settings(wire_dialect::mifos));
  EXPECT_EQ(e.dialect, wire_dialect::mifos);
  EXPECT_EQ(e.format, body_format::form);
  EXPECT_EQ(e.shape, body_shape::result);
  EXPECT_EQ(e.result.loan_id, 5);
  EXPECT_EQ(e.result.resource_id, 564);
  EXPECT_EQ(e.changes().at("transactionDate"), "14 May 2013");
}

TEST(HookPayloadParse, SmsBridgeDeliveryCarriesItsApiKey) {
  hook h = sms_bridge_hook();
  h.config["Api Key"] = "abc";
  const auto e = parsed(client_create(), h, settings(wire_dialect::mifos));
  EXPECT_EQ(e.api_key, "abc");
  EXPECT_FALSE(e.endpoint.has_value());
  EXPECT_EQ(e.result.client_id, 1);
}

}  // namespace
}  // namespace mifos::mock
