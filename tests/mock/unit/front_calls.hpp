// front_calls.hpp: REST calls on a mock_front as a client sends them (mifos / password, tenant
// default, JSON), for the tests that drive the whole front without sockets.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "server/mock_front.hpp"

namespace mifos::mock::front_test {

inline const std::string kRoot = "/fineract-provider/api/v1";

inline hooks::delivery request(std::string method, const std::string& path,
                               const nlohmann::ordered_json& body = nullptr) {
  hooks::delivery d;
  d.method = std::move(method);
  d.target = kRoot + path;
  if (!body.is_null()) d.body = body.dump();
  d.headers = {{"Host", "mock.test:8443"},
               {"Content-Type", "application/json"},
               {"Authorization", "Basic bWlmb3M6cGFzc3dvcmQ="},  // mifos:password
               {"Fineract-Platform-TenantId", "default"}};
  return d;
}

struct reply {
  int status = 0;
  nlohmann::ordered_json body;
  std::vector<firing> firings;
};

inline reply send(mock_front& front, std::string method, const std::string& path,
                  const nlohmann::ordered_json& body = nullptr) {
  auto r = front.handle(request(std::move(method), path, body), std::chrono::system_clock::now());
  return {r.answer.status, nlohmann::ordered_json::parse(r.answer.body, nullptr, false),
          std::move(r.firings)};
}

}  // namespace mifos::mock::front_test
