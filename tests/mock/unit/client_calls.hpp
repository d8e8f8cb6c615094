// client_calls.hpp: calls and checks the client and staff tests share (portfolio_clients_*_test,
// portfolio_staff_test).
//
//   portfolio p;
//   auto id = new_client(p, /*active=*/true);
//   expect_refused(client_command(p, id, "reject", rejection()), 403,
//                  "error.msg.client.rejection.on.account.not.in.pending.activation.status");
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "portfolio_calls.hpp"

namespace mifos::mock::portfolio_test {

inline std::string client_path(std::int64_t id) { return "/clients/" + std::to_string(id); }

inline std::int64_t new_client(portfolio& p, bool active) {
  return call(p, post("/clients", client_body(active))).body["resourceId"].get<std::int64_t>();
}

inline rest_outcome client_command(portfolio& p, std::int64_t id, const std::string& name,
                                   json body = json::object()) {
  return call(p, post(client_path(id), std::move(body), {{"command", name}}));
}

inline rest_outcome put_call(portfolio& p, std::string path, json body) {
  return call(p, make_call("PUT", std::move(path), std::move(body), {}));
}

inline rest_outcome delete_call(portfolio& p, std::string path) {
  return call(p, make_call("DELETE", std::move(path), nullptr, {}));
}

inline json closure(const char* date = "20 May 2013") {
  return dated({{"closureDate", date}, {"closureReasonId", 1}});
}
// Pending clients of client_body(false) are submitted on the call's day, 24 October 2024.
inline json rejection(const char* date = "24 October 2024") {
  return dated({{"rejectionDate", date}, {"rejectionReasonId", 1}});
}
inline json withdrawal(const char* date = "24 October 2024") {
  return dated({{"withdrawalDate", date}, {"withdrawalReasonId", 1}});
}

// A member of staff of `office_id`; returns its id.
inline std::int64_t new_staff(portfolio& p, std::int64_t office_id = 1,
                              const char* lastname = "Okafor") {
  auto out = call(p, post("/staff", dated({{"officeId", office_id},
                                           {"firstname", "Lena"},
                                           {"lastname", lastname},
                                           {"isLoanOfficer", true},
                                           {"joiningDate", "01 January 2013"}})));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  return out.body["resourceId"].get<std::int64_t>();
}

// An office under the head office; returns its id.
inline std::int64_t new_office(portfolio& p, const char* name = "Riverside Branch") {
  auto out =
      call(p, post("/offices",
                   dated({{"name", name}, {"parentId", 1}, {"openingDate", "01 January 2013"}})));
  EXPECT_EQ(out.status, 200) << out.body.dump();
  return out.body["resourceId"].get<std::int64_t>();
}

// A refused command: Fineract's status and code, and a failed event with the same body.
inline void expect_refused(const rest_outcome& out, int status, const std::string& code) {
  EXPECT_EQ(out.status, status) << out.body.dump();
  EXPECT_EQ(first_error_code(out), code) << out.body.dump();
  ASSERT_TRUE(out.event.has_value());
  EXPECT_TRUE(out.event->failed());
  EXPECT_EQ(out.event->http_status, status);
  ASSERT_TRUE(out.event->error.has_value());
  EXPECT_EQ(out.event->error->dump(), out.body.dump());
}

inline int client_status_id(portfolio& p, std::int64_t id) {
  return call(p, get(client_path(id))).body["status"]["id"].get<int>();
}

}  // namespace mifos::mock::portfolio_test
