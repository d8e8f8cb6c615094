// users.hpp: the mock's API users, HTTP Basic checks and POST /authentication (docs/wire-format.md
// section 9).
//
//   user_directory users;                       // has mifos / password (id 1)
//   users.add("teller", "secret");              // --user teller:secret
//   const api_user* who = users.check_basic(request.header("Authorization"));
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_user.hpp"
#include "model/rest_call.hpp"

namespace mifos::mock {

class user_directory {
 public:
  user_directory();  // the default user: mifos / password, id 1, "App Administrator"

  // Adds (or replaces the password of) a user; ids follow in order. Returns the user.
  const api_user& add(std::string username, std::string password);
  // Parses "name:password" (a --user flag); nothing when there is no ':' or the name is empty.
  static std::optional<std::pair<std::string, std::string>> parse_credentials(std::string_view s);

  // The user an `Authorization: Basic <base64(user:password)>` header names, if the password is
  // right. nullptr for a missing, malformed or wrong header.
  const api_user* check_basic(std::optional<std::string_view> authorization) const;
  const api_user* check(std::string_view username, std::string_view password) const;

  // POST /authentication with {"username","password"}: 200 with username, userId,
  // base64EncodedAuthenticationKey, authenticated, officeId, officeName, roles, permissions;
  // 401 in Fineract's error shape for bad credentials, 400 for a body without them.
  rest_outcome authenticate(const nlohmann::ordered_json& body) const;

 private:
  std::vector<api_user> users_;
};

}  // namespace mifos::mock
