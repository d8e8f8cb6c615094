// users.cpp: the mock's API users, HTTP Basic checks and POST /authentication.
//
// Usernames are compared exactly (Fineract looks them up in m_appuser; the mock does not copy
// MySQL's case-insensitive collation for credentials).
#include "admin/users.hpp"

#include <algorithm>
#include <mifos/hooks/base64.hpp>
#include <mifos/hooks/delivery.hpp>
#include <utility>

#include "model/api_error.hpp"

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

api_error missing(const std::string& parameter) {
  return api_error::validation(parameter, "The parameter `" + parameter + "` is mandatory.",
                               "validation.msg.authentication." + parameter + ".cannot.be.blank");
}

}  // namespace

user_directory::user_directory() { users_.push_back(api_user{}); }

const api_user& user_directory::add(std::string username, std::string password) {
  for (auto& u : users_) {
    if (u.username == username) {
      u.password = std::move(password);
      return u;
    }
  }
  api_user u;
  u.id = users_.back().id + 1;
  u.full_name = username;  // the mock keeps no first and last names for added users
  u.username = std::move(username);
  u.password = std::move(password);
  users_.push_back(std::move(u));
  return users_.back();
}

std::optional<std::pair<std::string, std::string>> user_directory::parse_credentials(
    std::string_view s) {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  return std::pair{std::string(s.substr(0, colon)), std::string(s.substr(colon + 1))};
}

const api_user* user_directory::check_basic(std::optional<std::string_view> authorization) const {
  if (!authorization) return nullptr;
  const std::string_view value = trim(*authorization);
  constexpr std::string_view kScheme = "Basic";
  if (value.size() <= kScheme.size() || !hooks::iequals(value.substr(0, kScheme.size()), kScheme) ||
      (value[kScheme.size()] != ' ' && value[kScheme.size()] != '\t')) {
    return nullptr;
  }
  const auto decoded = hooks::base64_decode(trim(value.substr(kScheme.size())));
  if (!decoded) return nullptr;
  // Split at the first ':': a password may contain ':', a username may not.
  const auto credentials = parse_credentials(*decoded);
  if (!credentials) return nullptr;
  return check(credentials->first, credentials->second);
}

const api_user* user_directory::check(std::string_view username, std::string_view password) const {
  const auto it = std::find_if(users_.begin(), users_.end(), [&](const api_user& u) {
    return u.username == username && u.password == password;
  });
  return it == users_.end() ? nullptr : &*it;
}

// Authentication is not a command: it fires no hook, so the outcome carries no event.
rest_outcome user_directory::authenticate(const nlohmann::ordered_json& body) const {
  const auto text = [&](const char* key) -> std::optional<std::string> {
    if (!body.is_object() || !body.contains(key) || !body[key].is_string()) return std::nullopt;
    return body[key].get<std::string>();
  };
  const auto username = text("username");
  if (!username || username->empty()) {
    const api_error e = missing("username");
    return {e.http_status, to_json(e), std::nullopt};
  }
  const auto password = text("password");
  if (!password) {
    const api_error e = missing("password");
    return {e.http_status, to_json(e), std::nullopt};
  }
  const api_user* user = check(*username, *password);
  if (user == nullptr) {
    const api_error e = api_error::unauthenticated();
    return {e.http_status, to_json(e), std::nullopt};
  }
  json roles = json::array();
  roles.push_back({{"id", 1},
                   {"name", "Super user"},
                   {"description", "This role provides all application permissions."}});
  json body_out = {
      {"username", user->username},
      {"userId", user->id},
      {"base64EncodedAuthenticationKey",
       hooks::base64_encode(user->username + ":" + user->password)},
      {"authenticated", true},
      {"officeId", user->office_id},
      {"officeName", "Head Office"},
      {"roles", std::move(roles)},
      {"permissions", json::array({"ALL_FUNCTIONS"})},
  };
  return {200, std::move(body_out), std::nullopt};
}

}  // namespace mifos::mock
