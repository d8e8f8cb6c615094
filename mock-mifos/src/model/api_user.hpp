// api_user.hpp: a user of the mock's REST API (docs/wire-format.md section 9: default mifos /
// password, id 1).
#pragma once

#include <cstdint>
#include <string>

namespace mifos::mock {

struct api_user {
  std::int64_t id = 1;
  std::string username = "mifos";
  std::string password = "password";
  std::string full_name = "App Administrator";
  std::int64_t office_id = 1;
};

}  // namespace mifos::mock
