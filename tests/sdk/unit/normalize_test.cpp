// normalize_test.cpp: to_json(event) produces exactly the keys of design.md's normalized event.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "mifos/hooks/event.hpp"

namespace mifos::hooks {
namespace {

std::set<std::string> keys_of(const std::string& fixture) {
  const auto e = parse(load_fixture(fixture));
  if (!e.ok()) throw std::runtime_error(e.error().reason);
  std::set<std::string> keys;
  const auto normalized = to_json(*e);
  for (const auto& [k, v] : normalized.items()) keys.insert(k);
  return keys;
}

const std::set<std::string> kAlways = {"entity", "action", "tenant", "dialect",
                                       "shape",  "format", "failed", "payload"};

std::set<std::string> plus(std::set<std::string> s, std::initializer_list<std::string> more) {
  s.insert(more);
  return s;
}

TEST(Normalize, BareResultHasItsIdsAndNoEnvelopeExtras) {
  EXPECT_EQ(keys_of("deliveries/mifosx-client-create.http"),
            plus(kAlways, {"officeId", "clientId", "savingsId", "resourceId"}));
}

TEST(Normalize, EnvelopeHasIdsAndEnvelopeExtras) {
  EXPECT_EQ(keys_of("deliveries/fineract17-loan-repayment.http"),
            plus(kAlways, {"officeId", "clientId", "loanId", "resourceId", "createdBy",
                           "createdByName", "timestamp"}));
}

TEST(Normalize, JournalEntryHasATransactionId) {
  EXPECT_EQ(keys_of("deliveries/fineract14-journalentry-create.http"),
            plus(kAlways, {"officeId", "transactionId"}));
}

TEST(Normalize, FailureHasNoIds) {
  EXPECT_EQ(keys_of("deliveries/fineract19-failure-loan-disburse.http"),
            plus(kAlways, {"createdBy", "createdByName", "timestamp"}));
  EXPECT_EQ(keys_of("deliveries/fineract16-failure-exception-loan-repayment.http"),
            plus(kAlways, {"createdBy", "createdByName", "timestamp"}));
}

TEST(Normalize, ValuesHaveTheDocumentedTypes) {
  const auto e = parse(load_fixture("deliveries/fineract17-journalentry-create.http"));
  ASSERT_TRUE(e.ok());
  const auto j = to_json(*e);
  EXPECT_EQ(j.at("entity"), "JOURNALENTRY");
  EXPECT_EQ(j.at("action"), "CREATE");
  EXPECT_EQ(j.at("tenant"), "default");
  EXPECT_EQ(j.at("dialect"), "fineract");
  EXPECT_EQ(j.at("shape"), "envelope");
  EXPECT_EQ(j.at("format"), "json");
  EXPECT_EQ(j.at("failed"), false);
  EXPECT_TRUE(j.at("officeId").is_number_integer());
  EXPECT_TRUE(j.at("transactionId").is_string());
  EXPECT_TRUE(j.at("createdBy").is_number_integer());
  EXPECT_TRUE(j.at("payload").is_object());
}

TEST(Normalize, PayloadOfAJsonBodyIsTheBody) {
  const auto d = load_fixture("deliveries/fineract17-loan-repayment.http");
  const auto e = parse(d);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(nlohmann::json::parse(to_json(*e).at("payload").dump()), nlohmann::json::parse(d.body));
}

TEST(Normalize, MifosDialectAndFormFormatAreNamed) {
  const auto e = parse(load_fixture("deliveries/mifosx-loan-repayment-form.http"));
  ASSERT_TRUE(e.ok());
  const auto j = to_json(*e);
  EXPECT_EQ(j.at("dialect"), "mifos");
  EXPECT_EQ(j.at("format"), "form");
  EXPECT_EQ(j.at("loanId"), 5);
}

TEST(Normalize, KeysComeInTheDocumentedOrder) {
  const std::vector<std::string> order = {
      "entity",        "action",        "tenant",    "dialect",   "shape",         "format",
      "failed",        "officeId",      "groupId",   "clientId",  "loanId",        "savingsId",
      "resourceId",    "subResourceId", "commandId", "productId", "transactionId", "createdBy",
      "createdByName", "timestamp",     "payload"};
  for (const auto& name : fixture_names("deliveries")) {
    const auto e = parse(load_fixture(name));
    ASSERT_TRUE(e.ok()) << name;
    std::size_t next = 0;
    const auto normalized = to_json(*e);
    for (const auto& [key, value] : normalized.items()) {
      const auto at = std::find(order.begin(), order.end(), key);
      ASSERT_NE(at, order.end()) << name << ": unexpected key " << key;
      const auto index = static_cast<std::size_t>(at - order.begin());
      EXPECT_GE(index, next) << name << ": " << key << " out of order";
      next = index + 1;
    }
  }
}

TEST(Normalize, OutputIsOneLineOfJson) {
  const auto e = parse(load_fixture("deliveries/fineract17-client-create.http"));
  ASSERT_TRUE(e.ok());
  const auto line = to_json(*e).dump();
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(nlohmann::ordered_json::parse(line), to_json(*e));
}

TEST(Normalize, AnEventConvertsToOrderedJsonByAssignment) {
  const auto e = parse(load_fixture("deliveries/fineract17-loan-repayment.http"));
  ASSERT_TRUE(e.ok());
  nlohmann::ordered_json j = *e;  // nlohmann's ADL to_json
  EXPECT_EQ(j, to_json(*e));
  EXPECT_EQ(j.begin().key(), "entity");
  EXPECT_EQ(j["action"], "REPAYMENT");
}

}  // namespace
}  // namespace mifos::hooks
