// rewrite_test.cpp: a recorded delivery rewritten for replay: target, tenant, and the other
// era's header family and body shape (Fineract's envelope <-> Mifos X's bare result).
#include "play/rewrite.hpp"

#include <gtest/gtest.h>

#include <mifos/hooks/event.hpp>
#include <mifos/hooks/wire.hpp>

#include "hook_events.hpp"
#include "wire/hook_payload.hpp"

namespace mifos::mock {
namespace {

using hooks::body_format;
using hooks::wire_dialect;
using namespace mifos::mock::test;

// What the mock itself sends for `e` to a Web hook at /hooks, in `dialect` and `format`.
hooks::delivery sent(const command_event& e, wire_dialect dialect,
                     body_format format = body_format::json) {
  payload_settings s;
  s.dialect = dialect;
  auto out = build_hook_delivery(
      e, web_hook("http://127.0.0.1:9000/hooks/", format == body_format::form ? "form" : "json"),
      s);
  EXPECT_TRUE(out.has_value());
  return out ? out->message : hooks::delivery{};
}

rewrite_options to(wire_dialect d) {
  rewrite_options r;
  r.dialect = d;
  return r;
}

std::string body_of(const command_event& e, wire_dialect dialect, body_format format) {
  payload_settings s;
  s.dialect = dialect;
  return hook_body(e, format, s).value_or("<nothing>");
}

TEST(RewritePath, ReplacesTheWholeTargetAndNothingElse) {
  const hooks::delivery d = sent(loan_repayment(), wire_dialect::fineract);
  rewrite_options r;
  r.path = "/other/hooks?x=1";
  const hooks::delivery out = rewrite(d, r);
  EXPECT_EQ(out.target, "/other/hooks?x=1");
  EXPECT_EQ(out.headers, d.headers);
  EXPECT_EQ(out.body, d.body);
}

TEST(RewriteTenant, SetsTheFineractTenantHeader) {
  const hooks::delivery d = sent(loan_repayment(), wire_dialect::fineract);
  rewrite_options r;
  r.tenant = "other";
  const hooks::delivery out = rewrite(d, r);
  EXPECT_EQ(out.header(hooks::wire::kFineractHeaders.tenant), "other");
  EXPECT_EQ(out.headers.size(), d.headers.size());
  EXPECT_EQ(hooks::parse(out)->tenant, "other");
}

TEST(RewriteTenant, SetsTheMifosTenantHeader) {
  const hooks::delivery d = sent(loan_repayment(), wire_dialect::mifos);
  ASSERT_TRUE(d.header(hooks::wire::kMifosHeaders.tenant).has_value());
  rewrite_options r;
  r.tenant = "other";
  const hooks::delivery out = rewrite(d, r);
  EXPECT_EQ(out.header(hooks::wire::kMifosHeaders.tenant), "other");
  EXPECT_FALSE(out.header(hooks::wire::kFineractHeaders.tenant).has_value());
  EXPECT_EQ(hooks::parse(out)->tenant, "other");
}

TEST(RewriteTenant, AddsATenantHeaderInTheDeliveryFamilyWhenNoneWasRecorded) {
  hooks::delivery d = sent(loan_repayment(), wire_dialect::mifos);
  std::erase_if(d.headers, [](const hooks::header_field& h) {
    return hooks::iequals(h.name, hooks::wire::kMifosHeaders.tenant);
  });
  rewrite_options r;
  r.tenant = "other";
  EXPECT_EQ(rewrite(d, r).header(hooks::wire::kMifosHeaders.tenant), "other");
}

TEST(RewriteTenant, FollowsTheNewDialect) {
  rewrite_options r = to(wire_dialect::mifos);
  r.tenant = "other";
  const hooks::delivery out = rewrite(sent(loan_repayment(), wire_dialect::fineract), r);
  EXPECT_EQ(out.header(hooks::wire::kMifosHeaders.tenant), "other");
  EXPECT_FALSE(out.header(hooks::wire::kFineractHeaders.tenant).has_value());
}

TEST(RewriteDialect, FineractEnvelopeToMifosIsTheBareResultByteForByte) {
  const hooks::delivery out =
      rewrite(sent(loan_repayment(), wire_dialect::fineract), to(wire_dialect::mifos));
  EXPECT_EQ(out.body,
            R"({"officeId":1,"clientId":1,"loanId":5,"resourceId":564,"changes":{)"
            R"("transactionDate":"14 May 2013","transactionAmount":"500.00","locale":"en",)"
            R"("dateFormat":"dd MMMM yyyy","paymentTypeId":12,"note":"check payment"}})");
  // The same bytes the mock sends for this command in the Mifos X era.
  EXPECT_EQ(out.body, body_of(loan_repayment(), wire_dialect::mifos, body_format::json));
}

TEST(RewriteDialect, FineractEnvelopeToMifosRenamesEveryHookHeader) {
  const hooks::delivery out =
      rewrite(sent(loan_repayment(), wire_dialect::fineract), to(wire_dialect::mifos));
  const auto& m = hooks::wire::kMifosHeaders;
  EXPECT_EQ(out.header(m.entity), "LOAN");
  EXPECT_EQ(out.header(m.action), "REPAYMENT");
  EXPECT_EQ(out.header(m.tenant), "default");
  for (auto name : {hooks::wire::kFineractHeaders.entity, hooks::wire::kFineractHeaders.action,
                    hooks::wire::kFineractHeaders.tenant})
    EXPECT_FALSE(out.header(name).has_value()) << name;
  EXPECT_EQ(out.header("Content-Type"), hooks::wire::kJsonContentType);
  EXPECT_EQ(out.header("User-Agent"), hooks::wire::kMifosUserAgent);
}

TEST(RewriteDialect, EndpointAndApiKeyHeadersChangeFamilyToo) {
  hooks::delivery d = sent(loan_repayment(), wire_dialect::fineract);
  d.headers.push_back({std::string(hooks::wire::kFineractHeaders.endpoint), "https://h/api/"});
  d.headers.push_back({"x-fineract-api-key", "k"});
  const hooks::delivery out = rewrite(d, to(wire_dialect::mifos));
  EXPECT_EQ(out.header(hooks::wire::kMifosHeaders.endpoint), "https://h/api/");
  EXPECT_EQ(out.header(hooks::wire::kMifosHeaders.api_key), "k");
  const auto parsed = hooks::parse(out);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->dialect, wire_dialect::mifos);
  EXPECT_EQ(parsed->api_key, "k");
}

TEST(RewriteDialect, MifosResultKeepsOfficeIdAndIntegerIds) {
  const hooks::delivery out =
      rewrite(sent(client_create(), wire_dialect::fineract), to(wire_dialect::mifos));
  EXPECT_EQ(out.body, R"({"officeId":1,"clientId":1,"savingsId":10,"resourceId":1})");
  const auto parsed = hooks::parse(out);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->shape, hooks::body_shape::result);
  EXPECT_EQ(parsed->result.office_id, 1);
}

TEST(RewriteDialect, MifosBareResultToFineractIsAnEnvelopeTheSdkReadsBack) {
  const hooks::delivery d = sent(loan_repayment(), wire_dialect::mifos);
  const hooks::delivery out = rewrite(d, to(wire_dialect::fineract));
  const auto before = hooks::parse(d);
  const auto after = hooks::parse(out);
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(after.ok()) << after.error().reason;
  EXPECT_EQ(after->dialect, wire_dialect::fineract);
  EXPECT_EQ(after->shape, hooks::body_shape::envelope);
  EXPECT_EQ(after->format, body_format::json);
  EXPECT_FALSE(after->failed);
  EXPECT_EQ(after->entity, "LOAN");
  EXPECT_EQ(after->action, "REPAYMENT");
  EXPECT_EQ(after->result.office_id, 1);
  EXPECT_EQ(after->result.client_id, 1);
  EXPECT_EQ(after->result.loan_id, 5);
  EXPECT_EQ(after->result.resource_id, 564);
  EXPECT_EQ(after->changes(), before->changes());
  EXPECT_EQ(out.header(hooks::wire::kFineractHeaders.entity), "LOAN");
  EXPECT_EQ(out.header("User-Agent"), hooks::wire::kFineractUserAgent);
}

TEST(RewriteDialect, FineractEnvelopeFromABareResultHasTheDefaultUserAndTheEpoch) {
  const hooks::delivery out =
      rewrite(sent(client_create(), wire_dialect::mifos), to(wire_dialect::fineract));
  EXPECT_EQ(out.body,
            R"({"createdByName":"mifos","request":{},"clientId":1,"createdBy":1,"officeId":1,)"
            R"("entityName":"CLIENT","response":{"clientId":1,"savingsId":10,"resourceId":1},)"
            R"("createdByFullName":"App Administrator","actionName":"CREATE",)"
            R"("timestamp":"1970-01-01T00:00:00Z"})");
}

TEST(RewriteDialect, FormBodyStaysFormInBothDirections) {
  const hooks::delivery mifos_form = sent(client_create(), wire_dialect::mifos, body_format::form);
  const hooks::delivery fineract = rewrite(mifos_form, to(wire_dialect::fineract));
  EXPECT_EQ(fineract.header("Content-Type"), hooks::wire::kFineractFormContentType);
  const auto envelope = hooks::parse(fineract);
  ASSERT_TRUE(envelope.ok()) << envelope.error().reason;
  EXPECT_EQ(envelope->format, body_format::form);
  EXPECT_EQ(envelope->shape, hooks::body_shape::envelope);
  EXPECT_EQ(envelope->result.client_id, 1);
  EXPECT_EQ(envelope->result.savings_id, 10);
  EXPECT_EQ(envelope->result.office_id, 1);

  const hooks::delivery back = rewrite(fineract, to(wire_dialect::mifos));
  EXPECT_EQ(back.header("Content-Type"), hooks::wire::kMifosFormContentType);
  EXPECT_EQ(back.body, mifos_form.body);
}

TEST(RewriteDialect, FailedFineractDeliveryKeepsItsBodyAndGetsMifosHeaders) {
  const hooks::delivery d = sent(failed_repayment(), wire_dialect::fineract);
  ASSERT_TRUE(hooks::parse(d)->failed);
  const hooks::delivery out = rewrite(d, to(wire_dialect::mifos));
  EXPECT_EQ(out.body, d.body);
  EXPECT_EQ(out.header(hooks::wire::kMifosHeaders.entity), "LOAN");
  EXPECT_FALSE(out.header(hooks::wire::kFineractHeaders.entity).has_value());
  EXPECT_EQ(out.header("Content-Length"), std::to_string(d.body.size()));
}

TEST(RewriteDialect, UnparseableBodyIsLeftUntouchedAndOnlyHeadersChange) {
  hooks::delivery d = sent(loan_repayment(), wire_dialect::fineract);
  d.body = "{not json";
  for (auto& h : d.headers) {
    if (h.name == "Content-Length") h.value = std::to_string(d.body.size());
  }
  rewrite_options r = to(wire_dialect::mifos);
  r.path = "/x";
  r.tenant = "t2";
  const hooks::delivery out = rewrite(d, r);
  EXPECT_EQ(out.body, "{not json");
  EXPECT_EQ(out.target, "/x");
  EXPECT_EQ(out.header(hooks::wire::kMifosHeaders.entity), "LOAN");
  EXPECT_EQ(out.header(hooks::wire::kMifosHeaders.tenant), "t2");
  EXPECT_EQ(out.header("Content-Length"), "9");
}

TEST(RewriteDialect, ContentLengthFollowsTheNewBody) {
  const hooks::delivery d = sent(loan_repayment(), wire_dialect::fineract);
  const hooks::delivery out = rewrite(d, to(wire_dialect::mifos));
  ASSERT_NE(out.body.size(), d.body.size());
  EXPECT_EQ(out.header("Content-Length"), std::to_string(out.body.size()));
  EXPECT_EQ(out.header_count("Content-Length"), 1u);
}

TEST(RewriteDialect, ADeliveryAlreadyInTheDialectKeepsItsBodyBytes) {
  const hooks::delivery d = sent(loan_repayment(), wire_dialect::fineract);
  const hooks::delivery out = rewrite(d, to(wire_dialect::fineract));
  EXPECT_EQ(out, d);
}

TEST(RewriteOptions, NothingAskedChangesNothing) {
  const hooks::delivery d = sent(loan_repayment(), wire_dialect::fineract);
  EXPECT_FALSE(rewrite_options{}.any());
  EXPECT_EQ(rewrite(d, rewrite_options{}), d);
}

}  // namespace
}  // namespace mifos::mock
