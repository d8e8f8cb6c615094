// users_test.cpp: the mock's API users, HTTP Basic checks and POST /authentication.
#include "admin/users.hpp"

#include <gtest/gtest.h>

#include <string>

#include "model/api_error.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

// base64("mifos:password")
constexpr std::string_view kMifosBasic = "Basic bWlmb3M6cGFzc3dvcmQ=";

TEST(Users, DefaultUserIsMifosWithId1) {
  user_directory users;
  const api_user* u = users.check("mifos", "password");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->id, 1);
  EXPECT_EQ(u->full_name, "App Administrator");
}

TEST(Users, WrongPasswordOrUnknownUserIsRefused) {
  user_directory users;
  EXPECT_EQ(users.check("mifos", "Password"), nullptr);
  EXPECT_EQ(users.check("nobody", "password"), nullptr);
}

TEST(Users, AddedUsersGetTheNextId) {
  user_directory users;
  EXPECT_EQ(users.add("teller", "secret").id, 2);
  EXPECT_EQ(users.add("auditor", "x").id, 3);
  ASSERT_NE(users.check("teller", "secret"), nullptr);
  EXPECT_EQ(users.check("teller", "secret")->id, 2);
}

TEST(Users, AddingAnExistingUserReplacesThePassword) {
  user_directory users;
  EXPECT_EQ(users.add("mifos", "changed").id, 1);
  EXPECT_EQ(users.check("mifos", "password"), nullptr);
  EXPECT_NE(users.check("mifos", "changed"), nullptr);
}

TEST(Users, ParseCredentialsSplitsAtTheFirstColon) {
  using pair = std::pair<std::string, std::string>;
  EXPECT_EQ(user_directory::parse_credentials("teller:se:cret"), pair("teller", "se:cret"));
  EXPECT_EQ(user_directory::parse_credentials("teller:"), pair("teller", ""));
  EXPECT_EQ(user_directory::parse_credentials("teller"), std::nullopt);
  EXPECT_EQ(user_directory::parse_credentials(":secret"), std::nullopt);
}

TEST(Users, BasicHeaderNamesTheUser) {
  user_directory users;
  const api_user* u = users.check_basic(kMifosBasic);
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->username, "mifos");
}

TEST(Users, BasicSchemeIsCaseInsensitive) {
  user_directory users;
  EXPECT_NE(users.check_basic(std::string_view("basic bWlmb3M6cGFzc3dvcmQ=")), nullptr);
  EXPECT_NE(users.check_basic(std::string_view("BASIC bWlmb3M6cGFzc3dvcmQ=")), nullptr);
}

TEST(Users, BasicPasswordMayContainAColon) {
  user_directory users;
  users.add("teller", "a:b");
  // base64("teller:a:b")
  const api_user* u = users.check_basic(std::string_view("Basic dGVsbGVyOmE6Yg=="));
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->username, "teller");
}

TEST(Users, MissingOrMalformedBasicHeadersNameNobody) {
  user_directory users;
  EXPECT_EQ(users.check_basic(std::nullopt), nullptr);
  EXPECT_EQ(users.check_basic(std::string_view("")), nullptr);
  EXPECT_EQ(users.check_basic(std::string_view("Bearer bWlmb3M6cGFzc3dvcmQ=")), nullptr);
  EXPECT_EQ(users.check_basic(std::string_view("BasicbWlmb3M6cGFzc3dvcmQ=")), nullptr);
  EXPECT_EQ(users.check_basic(std::string_view("Basic not*base64")), nullptr);
  // base64("mifos") has no ':'
  EXPECT_EQ(users.check_basic(std::string_view("Basic bWlmb3M=")), nullptr);
}

TEST(Users, BasicWithAWrongPasswordNamesNobody) {
  user_directory users;
  // base64("mifos:wrong")
  EXPECT_EQ(users.check_basic(std::string_view("Basic bWlmb3M6d3Jvbmc=")), nullptr);
}

TEST(Users, AuthenticateAnswersTheUserAndItsKey) {
  user_directory users;
  const auto out = users.authenticate({{"username", "mifos"}, {"password", "password"}});
  EXPECT_EQ(out.status, 200);
  const json expected = {
      {"username", "mifos"},
      {"userId", 1},
      {"base64EncodedAuthenticationKey", "bWlmb3M6cGFzc3dvcmQ="},
      {"authenticated", true},
      {"officeId", 1},
      {"officeName", "Head Office"},
      {"roles",
       json::array({{{"id", 1},
                     {"name", "Super user"},
                     {"description", "This role provides all application permissions."}}})},
      {"permissions", json::array({"ALL_FUNCTIONS"})}};
  EXPECT_EQ(out.body.dump(), expected.dump());
  EXPECT_FALSE(out.event.has_value());
}

TEST(Users, AuthenticateWithAWrongPasswordIs401) {
  user_directory users;
  const auto out = users.authenticate({{"username", "mifos"}, {"password", "nope"}});
  EXPECT_EQ(out.status, 401);
  EXPECT_EQ(out.body, to_json(api_error::unauthenticated()));
  EXPECT_EQ(out.body["httpStatusCode"], "401");
  EXPECT_FALSE(out.event.has_value());
}

TEST(Users, AuthenticateWithoutUsernameIs400) {
  user_directory users;
  const auto out = users.authenticate({{"password", "password"}});
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(out.body["errors"][0]["parameterName"], "username");
  EXPECT_EQ(out.body["errors"][0]["userMessageGlobalisationCode"],
            "validation.msg.authentication.username.cannot.be.blank");
}

TEST(Users, AuthenticateWithoutPasswordIs400) {
  user_directory users;
  const auto out = users.authenticate({{"username", "mifos"}});
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(out.body["errors"][0]["parameterName"], "password");
}

TEST(Users, AuthenticateWithoutABodyIs400) {
  user_directory users;
  EXPECT_EQ(users.authenticate(nullptr).status, 400);
}

}  // namespace
}  // namespace mifos::mock
