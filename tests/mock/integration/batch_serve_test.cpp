// batch_serve_test.cpp: POST /batches against a real `mock-mifos serve`, with a real
// hello-receiver subscribed: every command of the batch reaches the receiver as its own event,
// and in one transaction a failure rolls the portfolio back after the hooks went out.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "hello_receiver.hpp"
#include "mock_mifos.hpp"

namespace mifos::hooks::test {
namespace {

using json = nlohmann::json;

json client_body(bool valid) {
  json b = {{"firstname", "Petra"},
            {"lastname", "Yton"},
            {"active", true},
            {"activationDate", "14 May 2013"},
            {"dateFormat", "dd MMMM yyyy"},
            {"locale", "en"}};
  if (valid) b["officeId"] = 1;
  return b;
}

json batch_of(std::initializer_list<bool> valid) {
  json requests = json::array();
  int id = 1;
  for (bool v : valid)
    requests.push_back({{"requestId", id++},
                        {"relativeUrl", "clients"},
                        {"method", "POST"},
                        {"body", client_body(v).dump()}});
  return requests;
}

TEST(MockMifosBatch, EveryCommandOfABatchReachesTheReceiverAsItsOwnEvent) {
  hello_receiver receiver;
  mock_mifos mock;
  mock.add_web_hook(url(receiver.port(), "/hooks/"), {{"CLIENT", "CREATE"}});
  auto r = mock.api("POST", "/batches", batch_of({true, true}).dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json answers = json::parse(r.body);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[1]["statusCode"], 200);
  std::set<std::int64_t> clients;
  for (int i = 0; i < 2; ++i) {
    const json e = receiver.next_event();
    EXPECT_EQ(e["entity"], "CLIENT");
    EXPECT_EQ(e["failed"], false);
    clients.insert(e.value("clientId", std::int64_t{0}));
  }
  EXPECT_EQ(clients, (std::set<std::int64_t>{1, 2}));
}

TEST(MockMifosBatch, AFailureInOneTransactionFiresThenRollsBack) {
  hello_receiver receiver;
  mock_mifos mock;
  mock.add_web_hook(url(receiver.port(), "/hooks/"), {{"CLIENT", "CREATE"}});
  auto r = mock.api("POST", "/batches?enclosingTransaction=true", batch_of({true, false}).dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json answers = json::parse(r.body);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0]["requestId"], 2);
  EXPECT_EQ(answers[0]["statusCode"], 400);
  auto log = mock.wait_until_sent(2);
  EXPECT_EQ(log["deliveries"].size(), 2u);  // request 1's success and request 2's failure
  const json first = receiver.next_event(), second = receiver.next_event();
  EXPECT_EQ(first["failed"].get<bool>() + second["failed"].get<bool>(), 1);
  auto list = mock.api("GET", "/clients");
  EXPECT_EQ(json::parse(list.body)["totalFilteredRecords"], 0) << list.body;
}

}  // namespace
}  // namespace mifos::hooks::test
