// sms_bridge_messages_test.cpp: the SMS texts, and compose(): which records the bridge fetches
// for each event and what it does when the server cannot tell it a number.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "compose.hpp"
#include "messages.hpp"

namespace sms_bridge {
namespace {

using mifos::hooks::fineract_client_record;
using mifos::hooks::fineract_error;
using mifos::hooks::fineract_loan;
using mifos::hooks::fineract_result;

fineract_client_record petra() {
  fineract_client_record c;
  c.id = 4;
  c.account_no = "000000004";
  c.display_name = "Petra Yton";
  c.first_name = "Petra";
  c.last_name = "Yton";
  c.mobile_no = "+254712345678";
  return c;
}

fineract_loan loan_of_petra() {
  fineract_loan l;
  l.id = 5;
  l.account_no = "000000005";
  l.client_id = 4;
  return l;
}

// The server as records the test sets; every call is noted.
class fake_server final : public fineract_lookup {
 public:
  fineract_result<fineract_client_record> client(std::int64_t id) const override {
    calls.push_back("clients/" + std::to_string(id));
    auto it = clients.find(id);
    if (it != clients.end()) return it->second;
    return error;
  }
  fineract_result<fineract_loan> loan(std::int64_t id) const override {
    calls.push_back("loans/" + std::to_string(id));
    auto it = loans.find(id);
    if (it != loans.end()) return it->second;
    return error;
  }

  std::map<std::int64_t, fineract_client_record> clients{{4, petra()}};
  std::map<std::int64_t, fineract_loan> loans{{5, loan_of_petra()}};
  fineract_error error{404, "Client with identifier 9 does not exist", "", nullptr, 1};
  mutable std::vector<std::string> calls;
};

sms_event client_create(std::int64_t client_id) {
  sms_event e;
  e.entity = "CLIENT";
  e.action = "CREATE";
  e.client_id = client_id;
  return e;
}

sms_event loan_repayment(std::optional<std::string> amount) {
  sms_event e;
  e.entity = "LOAN";
  e.action = "REPAYMENT";
  e.loan_id = 5;
  e.amount = std::move(amount);
  return e;
}

TEST(SmsBridgeMessages, WelcomeNamesTheClientAndTheAccountNumber) {
  EXPECT_EQ(welcome_message(petra()),
            "Hello Petra Yton, welcome! Your client account number is 000000004.");
}

TEST(SmsBridgeMessages, RepaymentNamesTheAmountAndTheLoanAccount) {
  EXPECT_EQ(repayment_message(petra(), loan_of_petra(), "500.00"),
            "Hello Petra Yton, we received your repayment of 500.00 for loan 000000005. "
            "Thank you.");
}

TEST(SmsBridgeMessages, RepaymentWithoutAmountLeavesTheAmountOut) {
  EXPECT_EQ(repayment_message(petra(), loan_of_petra(), std::nullopt),
            "Hello Petra Yton, we received your repayment for loan 000000005. Thank you.");
}

TEST(SmsBridgeMessages, NameFallsBackToFirstAndLastName) {
  auto c = petra();
  c.display_name.clear();
  EXPECT_EQ(greeting_name(c), "Petra Yton");
  c.first_name.clear();
  c.last_name.clear();
  EXPECT_EQ(greeting_name(c), "customer");
}

TEST(SmsBridgeCompose, ClientCreateFetchesTheClientAndWelcomesIt) {
  fake_server server;
  const composed c = compose(client_create(4), server);
  EXPECT_EQ(c.outcome, composed::ready);
  EXPECT_EQ(c.mobile_no, "+254712345678");
  EXPECT_EQ(c.message, "Hello Petra Yton, welcome! Your client account number is 000000004.");
  EXPECT_EQ(server.calls, std::vector<std::string>{"clients/4"});
}

TEST(SmsBridgeCompose, RepaymentFetchesTheLoanThenItsClient) {
  fake_server server;
  const composed c = compose(loan_repayment("500.00"), server);
  EXPECT_EQ(c.outcome, composed::ready);
  EXPECT_EQ(c.mobile_no, "+254712345678");
  EXPECT_EQ(c.message,
            "Hello Petra Yton, we received your repayment of 500.00 for loan 000000005. "
            "Thank you.");
  EXPECT_EQ(server.calls, (std::vector<std::string>{"loans/5", "clients/4"}));
}

TEST(SmsBridgeCompose, ClientWithoutMobileNumberIsSkippedWithTheReason) {
  fake_server server;
  server.clients[4].mobile_no.reset();
  const composed c = compose(client_create(4), server);
  EXPECT_EQ(c.outcome, composed::skipped);
  EXPECT_EQ(c.reason, "client 4 has no mobileNo");
  EXPECT_TRUE(c.message.empty());
}

TEST(SmsBridgeCompose, EventWithItsMessageNeedsNoCall) {
  fake_server server;
  sms_event e;
  e.entity = "SMS";
  e.action = "SEND";
  e.mobile_no = "+15550002222";
  e.message = "Your meeting is at 10";
  const composed c = compose(e, server);
  EXPECT_EQ(c.outcome, composed::ready);
  EXPECT_EQ(c.mobile_no, "+15550002222");
  EXPECT_EQ(c.message, "Your meeting is at 10");
  EXPECT_TRUE(server.calls.empty());
}

TEST(SmsBridgeCompose, NotFoundClientFailsWithoutRetry) {
  fake_server server;
  const composed c = compose(client_create(9), server);
  EXPECT_EQ(c.outcome, composed::failed);
  EXPECT_EQ(c.reason, "GET clients/9: HTTP 404: Client with identifier 9 does not exist");
  EXPECT_FALSE(c.retry);
}

TEST(SmsBridgeCompose, UnreachableServerFailsWithRetry) {
  fake_server server;
  server.clients.clear();
  server.error = fineract_error{0, "connection refused", "", nullptr, 3};
  const composed c = compose(client_create(4), server);
  EXPECT_EQ(c.outcome, composed::failed);
  EXPECT_EQ(c.reason, "GET clients/4: no answer: connection refused");
  EXPECT_TRUE(c.retry);
}

}  // namespace
}  // namespace sms_bridge
