// maker_checker_serve_test.cpp: maker-checker against a real `mock-mifos serve`, with a real
// hello-receiver subscribed: the maker's parked command reaches the receiver as a failure, the
// checker's approval as the success, with commandId.
#include <gtest/gtest.h>

#include <mifos/hooks/base64.hpp>
#include <nlohmann/json.hpp>

#include "hello_receiver.hpp"
#include "mock_mifos.hpp"

namespace mifos::hooks::test {
namespace {

using json = nlohmann::json;

client_response as(const mock_mifos& mock, const std::string& user, std::string_view method,
                   const std::string& path, const json& body) {
  return http_call(method, mock.api_url() + path, body.dump(),
                   {"Content-Type: application/json", "Fineract-Platform-TenantId: default",
                    "Authorization: Basic " + base64_encode(user + ":password")});
}

TEST(MockMifosMakerChecker, AParkedCommandReachesTheReceiverAsAFailureThenAsTheApprovedSuccess) {
  hello_receiver receiver;
  mock_mifos mock;
  auto must = [](const client_response& r) { ASSERT_EQ(r.status, 200) << r.body << r.error; };
  must(as(mock, "mifos", "POST", "/roles", {{"name", "Maker"}, {"description", "makes"}}));
  must(as(mock, "mifos", "PUT", "/roles/2/permissions",
          {{"permissions", {{"CREATE_CLIENT", true}}}}));
  must(as(mock, "mifos", "POST", "/users",
          {{"username", "maker"},
           {"firstname", "M"},
           {"lastname", "Aker"},
           {"officeId", 1},
           {"roles", {2}},
           {"password", "password"},
           {"repeatPassword", "password"}}));
  must(as(mock, "mifos", "PUT", "/configurations/1", {{"enabled", true}}));
  must(as(mock, "mifos", "PUT", "/permissions", {{"permissions", {{"CREATE_CLIENT", true}}}}));
  mock.add_web_hook(url(receiver.port(), "/hooks/"), {{"CLIENT", "CREATE"}});

  auto parked = as(mock, "maker", "POST", "/clients",
                   {{"officeId", 1}, {"firstname", "Petra"}, {"lastname", "Yton"}});
  ASSERT_EQ(parked.status, 200) << parked.body;
  EXPECT_EQ(json::parse(parked.body)["rollbackTransaction"], true);
  const json failure = receiver.next_event();
  EXPECT_EQ(failure["entity"], "CLIENT");
  EXPECT_EQ(failure["failed"], true);

  const std::int64_t audit = json::parse(parked.body)["commandId"];
  auto approved =
      as(mock, "mifos", "POST", "/makercheckers/" + std::to_string(audit) + "?command=approve",
         json::object());
  ASSERT_EQ(approved.status, 200) << approved.body;
  const json success = receiver.next_event();
  EXPECT_EQ(success["failed"], false);
  EXPECT_EQ(success["clientId"], 1);
  EXPECT_EQ(json::parse(approved.body)["commandId"], audit);
}

}  // namespace
}  // namespace mifos::hooks::test
