// sms_bridge_worker_test.cpp: what the SMS bridge's worker does with a pending event: compose,
// send, retry, and the state it records. The server and the SMS provider are fakes.
#include <gtest/gtest.h>

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sqlite_store.hpp"
#include "worker.hpp"

namespace sms_bridge {
namespace {

using mifos::hooks::fineract_client_record;
using mifos::hooks::fineract_error;
using mifos::hooks::fineract_loan;
using mifos::hooks::fineract_result;

struct sent_sms {
  std::string from, to, text;
  friend bool operator==(const sent_sms&, const sent_sms&) = default;
};

// Answers from a script (then success), and notes every send.
class fake_provider final : public sms_provider {
 public:
  fake_provider(std::mutex& m, std::vector<sent_sms>& sent, std::deque<std::string>& failures)
      : mutex_(m), sent_(sent), failures_(failures) {}
  send_result send(std::string_view from, std::string_view to, std::string_view text) override {
    std::lock_guard lock(mutex_);
    sent_.push_back({std::string(from), std::string(to), std::string(text)});
    if (!failures_.empty()) {
      std::string why = failures_.front();
      failures_.pop_front();
      return {{}, why};
    }
    return {"SM" + std::to_string(sent_.size()), {}};
  }

 private:
  std::mutex& mutex_;
  std::vector<sent_sms>& sent_;
  std::deque<std::string>& failures_;
};

class fake_server final : public fineract_lookup {
 public:
  explicit fake_server(std::optional<std::string> mobile) : mobile_(std::move(mobile)) {}
  fineract_result<fineract_client_record> client(std::int64_t id) const override {
    if (id != 4) return fineract_error{404, "no client", "", nullptr, 1};
    fineract_client_record c;
    c.id = 4;
    c.account_no = "000000004";
    c.display_name = "Petra Yton";
    c.mobile_no = mobile_;
    return c;
  }
  fineract_result<fineract_loan> loan(std::int64_t) const override {
    return fineract_error{404, "no loan", "", nullptr, 1};
  }

 private:
  std::optional<std::string> mobile_;
};

class SmsBridgeWorker : public testing::Test {
 protected:
  SmsBridgeWorker() {
    tenant_config t;
    t.tenant_id = "default";
    t.api_key = "k";
    t.phone_no = "+15550001111";
    t.sms_provider = "twilio";
    store_.add_tenant(t);
  }

  std::int64_t pending_client_create(std::int64_t client_id = 4) {
    sms_event e;
    e.tenant = "default";
    e.entity = "CLIENT";
    e.action = "CREATE";
    e.client_id = client_id;
    return store_.add_event(e);
  }

  sms_event stored(std::int64_t id) { return store_.find_event(id).value_or(sms_event{}); }

  std::size_t sends() {
    std::lock_guard lock(mutex_);
    return sent_.size();
  }

  sqlite_store store_{":memory:"};
  std::mutex mutex_;
  std::vector<sent_sms> sent_;
  std::deque<std::string> failures_;
  std::optional<std::string> mobile_ = "+254712345678";
  worker work_{store_,
               [this](const tenant_config&) {
                 return std::make_unique<fake_provider>(mutex_, sent_, failures_);
               },
               [this](const tenant_config&, mifos::hooks::wire_dialect) {
                 return std::make_unique<fake_server>(mobile_);
               },
               {.send_attempts = 3, .backoff = std::chrono::milliseconds(0)}};
};

TEST_F(SmsBridgeWorker, PendingClientCreateIsSentFromTheTenantsNumber) {
  const auto id = pending_client_create();
  work_.run(id);
  const auto e = stored(id);
  EXPECT_EQ(e.state, event_state::sent);
  EXPECT_EQ(e.provider_id, "SM1");
  EXPECT_EQ(e.mobile_no, "+254712345678");
  EXPECT_EQ(e.attempts, 1);
  EXPECT_EQ(e.error, "");
  ASSERT_EQ(sent_.size(), 1u);
  EXPECT_EQ(sent_[0], (sent_sms{"+15550001111", "+254712345678",
                                "Hello Petra Yton, welcome! Your client account number is "
                                "000000004."}));
}

TEST_F(SmsBridgeWorker, SendFailingOnceIsRetriedAndSent) {
  failures_ = {"the SMS provider answered 500: busy"};
  const auto id = pending_client_create();
  work_.run(id);
  EXPECT_EQ(stored(id).state, event_state::sent);
  EXPECT_EQ(stored(id).attempts, 2);
  EXPECT_EQ(sent_.size(), 2u);
}

TEST_F(SmsBridgeWorker, SendFailingThreeTimesEndsFailedWithTheLastError) {
  failures_ = {"first", "second", "third"};
  const auto id = pending_client_create();
  work_.run(id);
  const auto e = stored(id);
  EXPECT_EQ(e.state, event_state::failed);
  EXPECT_EQ(e.error, "third");
  EXPECT_EQ(e.attempts, 3);
  EXPECT_EQ(e.message, "Hello Petra Yton, welcome! Your client account number is 000000004.");
  EXPECT_EQ(sent_.size(), 3u);
}

TEST_F(SmsBridgeWorker, ClientWithoutMobileNumberIsSkippedAndNothingIsSent) {
  mobile_.reset();
  const auto id = pending_client_create();
  work_.run(id);
  EXPECT_EQ(stored(id).state, event_state::skipped);
  EXPECT_EQ(stored(id).error, "client 4 has no mobileNo");
  EXPECT_TRUE(sent_.empty());
}

TEST_F(SmsBridgeWorker, UnknownClientFailsAtOnceWithoutRetries) {
  const auto id = pending_client_create(9);
  work_.run(id);
  EXPECT_EQ(stored(id).state, event_state::failed);
  EXPECT_EQ(stored(id).attempts, 1);
  EXPECT_EQ(stored(id).error, "GET clients/9: HTTP 404: no client");
}

TEST_F(SmsBridgeWorker, EventAlreadySentIsNotSentAgain) {
  const auto id = pending_client_create();
  work_.run(id);
  work_.run(id);
  EXPECT_EQ(sent_.size(), 1u);
}

TEST_F(SmsBridgeWorker, StartTakesUpEventsLeftPending) {
  const auto id = pending_client_create();
  work_.start();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (stored(id).state == event_state::pending && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  work_.stop();
  EXPECT_EQ(stored(id).state, event_state::sent);
  EXPECT_EQ(sends(), 1u);
}

}  // namespace
}  // namespace sms_bridge
