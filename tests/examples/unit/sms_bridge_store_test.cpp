// sms_bridge_store_test.cpp: the SMS bridge's SQLite store: what survives reopening the file,
// and the queries the protocol and the worker rely on.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "sqlite_store.hpp"

namespace sms_bridge {
namespace {

tenant_config tenant(const std::string& id) {
  tenant_config t;
  t.tenant_id = id;
  t.api_key = "key-" + id;
  t.phone_no = "+15550001111";
  t.sms_provider = "twilio";
  t.account_id = "AC1";
  t.provider_token = "secret";
  t.mifos_token = "bWlmb3M6cGFzc3dvcmQ=";
  t.endpoint = "http://127.0.0.1:8443/mifosng-provider/api/v1/";
  t.created_at = "2024-10-24T09:52:59Z";
  return t;
}

sms_event event_of(const std::string& tenant_id) {
  sms_event e;
  e.tenant = tenant_id;
  e.entity = "LOAN";
  e.action = "REPAYMENT";
  e.dialect = mifos::hooks::wire_dialect::mifos;
  e.loan_id = 5;
  e.amount = "500.00";
  e.received_at = "2024-10-24T09:53:00Z";
  return e;
}

class SmsBridgeStore : public testing::Test {
 protected:
  ~SmsBridgeStore() override {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_ =
      std::filesystem::temp_directory_path() /
      ("sms_bridge_store_" + std::to_string(::getpid()) + "_" +
       testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
};

TEST_F(SmsBridgeStore, TenantAndEventsSurviveReopeningTheFile) {
  std::int64_t sent_id = 0;
  std::int64_t pending_id = 0;
  {
    sqlite_store store(path_.string());
    ASSERT_TRUE(store.add_tenant(tenant("default")));
    auto e = event_of("default");
    sent_id = store.add_event(e);
    pending_id = store.add_event(e);
    e.id = sent_id;
    e.state = event_state::sent;
    e.mobile_no = "+254712345678";
    e.message = "Hello";
    e.provider_id = "SM1";
    e.attempts = 1;
    store.update_event(e);
  }
  sqlite_store reopened(path_.string());
  auto t = reopened.find_tenant("default");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->api_key, "key-default");
  EXPECT_EQ(t->mifos_token, "bWlmb3M6cGFzc3dvcmQ=");
  EXPECT_EQ(t->endpoint, "http://127.0.0.1:8443/mifosng-provider/api/v1/");
  auto sent = reopened.find_event(sent_id);
  ASSERT_TRUE(sent);
  EXPECT_EQ(sent->state, event_state::sent);
  EXPECT_EQ(sent->provider_id, "SM1");
  EXPECT_EQ(sent->message, "Hello");
  EXPECT_EQ(sent->attempts, 1);
  EXPECT_EQ(sent->loan_id, 5);
  EXPECT_FALSE(sent->client_id);
  EXPECT_EQ(sent->amount, "500.00");
  EXPECT_EQ(sent->dialect, mifos::hooks::wire_dialect::mifos);
  EXPECT_EQ(reopened.pending_ids(), std::vector<std::int64_t>{pending_id});
}

TEST_F(SmsBridgeStore, SecondAddOfATenantChangesNothing) {
  sqlite_store store(":memory:");
  ASSERT_TRUE(store.add_tenant(tenant("default")));
  auto other = tenant("default");
  other.api_key = "another";
  EXPECT_FALSE(store.add_tenant(other));
  EXPECT_EQ(store.find_tenant("default")->api_key, "key-default");
}

TEST_F(SmsBridgeStore, RemovingATenantRemovesItsEventsOnly) {
  sqlite_store store(":memory:");
  store.add_tenant(tenant("a"));
  store.add_tenant(tenant("b"));
  const auto of_a = store.add_event(event_of("a"));
  const auto of_b = store.add_event(event_of("b"));
  EXPECT_TRUE(store.remove_tenant("a"));
  EXPECT_FALSE(store.remove_tenant("a"));
  EXPECT_FALSE(store.find_event(of_a));
  EXPECT_TRUE(store.find_event(of_b));
  EXPECT_TRUE(store.find_tenant("b"));
}

TEST_F(SmsBridgeStore, EventsOfGivesTheNewestOnesInIdOrder) {
  sqlite_store store(":memory:");
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(store.add_event(event_of("default")));
  store.add_event(event_of("other"));
  const auto last3 = store.events_of("default", 3);
  ASSERT_EQ(last3.size(), 3u);
  EXPECT_EQ(last3[0].id, ids[2]);
  EXPECT_EQ(last3[2].id, ids[4]);
}

TEST_F(SmsBridgeStore, RequeueFailedTurnsOnlyFailedEventsPending) {
  sqlite_store store(":memory:");
  auto failed = event_of("default");
  failed.id = store.add_event(failed);
  failed.state = event_state::failed;
  store.update_event(failed);
  auto sent = event_of("default");
  sent.id = store.add_event(sent);
  sent.state = event_state::sent;
  store.update_event(sent);
  EXPECT_EQ(store.requeue_failed("default"), std::vector<std::int64_t>{failed.id});
  EXPECT_EQ(store.find_event(failed.id)->state, event_state::pending);
  EXPECT_EQ(store.find_event(sent.id)->state, event_state::sent);
  EXPECT_TRUE(store.requeue_failed("default").empty());
}

TEST_F(SmsBridgeStore, UnopenableFileThrowsAReadableError) {
  try {
    sqlite_store store("/nonexistent-dir/bridge.db");
    FAIL() << "opened";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open /nonexistent-dir/bridge.db"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace sms_bridge
