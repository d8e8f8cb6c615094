// ugd_sms_test.cpp: the decision of an SMS Bridge hook with a message template (TwilioHookProcessor
// and TemplateMergeService), with its lookups faked: which client, which mapper URLs, what scope.
#include "server/ugd_sms.hpp"

#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

const std::string kBase = "http://mock.test:8443/fineract-provider/api/";
const std::string kPayload =
    R"({"createdByName":"mifos","request":{"firstname":"Amina"},"clientId":7,"createdBy":1,)"
    R"("officeId":1,"entityName":"CLIENT","response":{"clientId":7,"resourceId":7},)"
    R"("actionName":"CREATE","timestamp":"2024-10-24T09:52:59Z"})";

class UgdSms : public ::testing::Test {
 protected:
  UgdSms() {
    lookups_.base_uri = kBase;
    lookups_.now_text = "2024/10/24 12:52";
    lookups_.get = [this](const std::string& url) -> std::optional<json> {
      fetched_.push_back(url);
      auto it = pages_.find(url);
      if (it == pages_.end()) return std::nullopt;
      return it->second;
    };
    lookups_.mobile_of = [this](std::int64_t id) -> std::optional<std::string> {
      auto it = mobiles_.find(id);
      if (it == mobiles_.end()) return std::nullopt;
      return it->second;
    };
    mobiles_[7] = "+254712345678";
  }

  std::optional<sms_message> run(const ugd_template& t, const std::string& payload = kPayload) {
    return ugd_sms(t, payload, lookups_);
  }

  sms_lookups lookups_;
  std::map<std::string, json> pages_;
  std::map<std::int64_t, std::string> mobiles_;
  std::vector<std::string> fetched_;
};

TEST_F(UgdSms, RendersTheTemplateOverTheHookBodyForTheClientsMobile) {
  auto sms =
      run({"welcome", "Welcome {{request.firstname}}, client {{clientId}} ({{entityName}})"});
  ASSERT_TRUE(sms.has_value());
  EXPECT_EQ(sms->mobile_no, "+254712345678");
  EXPECT_EQ(sms->message, "Welcome Amina, client 7 (CLIENT)");
}

TEST_F(UgdSms, PutsEachMapperPageInScopeUnderItsKey) {
  pages_[kBase + "v1/clients/7"] = {{"displayName", "Amina Otieno"}, {"accountNo", "000000007"}};
  auto sms = run({"t",
                  "Hi {{client.displayName}}, account {{client.accountNo}}",
                  {{"client", "v1/clients/{{clientId}}"}}});
  ASSERT_TRUE(sms.has_value());
  EXPECT_EQ(sms->message, "Hi Amina Otieno, account 000000007");
  EXPECT_EQ(fetched_, std::vector<std::string>{kBase + "v1/clients/7"});
}

TEST_F(UgdSms, AMapperUrlStartingWithHttpIsFetchedAsWritten) {
  run({"t", "x", {{"page", "http://elsewhere.test/data/{{clientId}}"}}});
  EXPECT_EQ(fetched_, std::vector<std::string>{"http://elsewhere.test/data/7"});
}

TEST_F(UgdSms, LaterMapperUrlsSeeEarlierMapperPages) {
  pages_[kBase + "v1/clients/7"] = {{"officeId", 2}};
  run({"t",
       "x",
       {{"client", "v1/clients/{{clientId}}"}, {"office", "v1/offices/{{client.officeId}}"}}});
  EXPECT_EQ(fetched_, (std::vector<std::string>{kBase + "v1/clients/7", kBase + "v1/offices/2"}));
}

TEST_F(UgdSms, AMapperThatFailsLeavesItsKeyOut) {
  auto sms = run({"t", "[{{client.displayName}}]", {{"client", "v1/clients/{{clientId}}"}}});
  ASSERT_TRUE(sms.has_value());
  EXPECT_EQ(sms->message, "[]");
}

TEST_F(UgdSms, BaseUriAndStaticNowAreInScope) {
  auto sms = run({"t", "{{BASE_URI}} {{static.now}}"});
  ASSERT_TRUE(sms.has_value());
  EXPECT_EQ(sms->message, kBase + " 2024/10/24 12:52");
}

TEST_F(UgdSms, SendsNothingWithoutAClientId) {
  EXPECT_FALSE(run({"t", "x"}, R"({"officeId":1,"response":{"resourceId":2}})").has_value());
}

TEST_F(UgdSms, SendsNothingForAClientWithoutMobileNumber) {
  mobiles_[7] = "";
  EXPECT_FALSE(run({"t", "x"}).has_value());
}

TEST_F(UgdSms, SendsNothingForAnUnknownClient) {
  mobiles_.clear();
  EXPECT_FALSE(run({"t", "x"}).has_value());
}

TEST_F(UgdSms, SendsNothingForATemplateThatDoesNotParse) {
  EXPECT_FALSE(run({"t", "{{#open}}"}).has_value());
}

TEST_F(UgdSms, ARelativeMapperWithoutBaseUrlSendsNothing) {
  lookups_.base_uri.clear();
  EXPECT_FALSE(run({"t", "x", {{"client", "v1/clients/{{clientId}}"}}}).has_value());
}

TEST(UgdTemplateOf, ReadsTextAndMappersOfAStoredRow) {
  const json row = json::parse(
      R"({"id":1,"name":"n","text":"t","entity":0,"type":2,"mappers":[)"
      R"({"mapperorder":0,"mapperkey":"client","mappervalue":"v1/clients/1","id":4}]})");
  const ugd_template t = ugd_template_of(row);
  EXPECT_EQ(t.name, "n");
  EXPECT_EQ(t.text, "t");
  ASSERT_EQ(t.mappers.size(), 1u);
  EXPECT_EQ(t.mappers[0], (std::pair<std::string, std::string>{"client", "v1/clients/1"}));
}

}  // namespace
}  // namespace mifos::mock
