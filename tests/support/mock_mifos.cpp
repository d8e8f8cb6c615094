// mock_mifos.cpp: see mock_mifos.hpp.
#include "mock_mifos.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "hello_receiver.hpp"  // kStartTimeout

namespace mifos::hooks::test {
namespace {

const std::string kBasicMifos = "Authorization: Basic bWlmb3M6cGFzc3dvcmQ=";  // mifos:password

}  // namespace

mock_mifos::mock_mifos(std::vector<std::string> flags) {
  std::vector<std::string> argv = {MIFOS_MOCK_BINARY, "serve", "--port", "0", "--quiet"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  bool mifos_dialect = false;
  for (std::size_t i = 0; i + 1 < flags.size(); ++i)
    if (flags[i] == "--dialect" && flags[i + 1] == "mifos") mifos_dialect = true;
  tenant_header_ =
      mifos_dialect ? "X-Mifos-Platform-TenantId: default" : "Fineract-Platform-TenantId: default";
  process_ = std::make_unique<child_process>(argv);
  const std::string prefix = "listening on http://127.0.0.1:";
  auto line = process_->wait_for_stderr_line(prefix, kStartTimeout);
  if (!line)
    throw std::runtime_error("mock-mifos did not start; stderr:\n" + process_->stderr_text());
  std::size_t digits = prefix.size();
  std::size_t end = line->find('/', digits);
  port_ = static_cast<std::uint16_t>(std::stoul(line->substr(digits, end - digits)));
  std::size_t root_end = line->find(' ', end);
  api_url_ = line->substr(std::string("listening on ").size(),
                          root_end - std::string("listening on ").size());
}

client_response mock_mifos::api(std::string_view method, const std::string& path,
                            const std::string& body, bool auth) const {
  std::vector<std::string> headers = {"Content-Type: application/json"};
  if (auth) {
    headers.push_back(kBasicMifos);
    headers.push_back(tenant_header_);
  }
  return http_call(method, api_url_ + path, body, headers);
}

std::int64_t mock_mifos::add_web_hook(
    const std::string& payload_url, const std::vector<std::pair<std::string, std::string>>& events,
    const std::string& content_type, bool active) const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [entity, action] : events)
    list.push_back({{"actionName", action}, {"entityName", entity}});
  nlohmann::json body = {
      {"name", "Web"},
      {"displayName", "hook " + std::to_string(list.size()) + " " + payload_url + " " +
                          content_type + (active ? "" : " inactive")},
      {"events", list},
      {"config", {{"Payload URL", payload_url}, {"Content Type", content_type}}}};
  if (active) body["isActive"] = true;
  auto r = api("POST", "/hooks", body.dump());
  EXPECT_EQ(r.status, 200) << r.body;
  auto answer = nlohmann::json::parse(r.body, nullptr, false);
  return r.status == 200 ? answer.value("resourceId", std::int64_t{0}) : 0;
}

std::int64_t mock_mifos::create_client(const std::string& firstname,
                                       const std::string& lastname) const {
  nlohmann::json body = {{"officeId", 1},
                         {"firstname", firstname},
                         {"lastname", lastname},
                         {"mobileNo", "+254712345678"},
                         {"active", true},
                         {"activationDate", "24 October 2024"},
                         {"dateFormat", "dd MMMM yyyy"},
                         {"locale", "en"}};
  auto r = api("POST", "/clients", body.dump());
  EXPECT_EQ(r.status, 200) << r.body;
  auto answer = nlohmann::json::parse(r.body, nullptr, false);
  return r.status == 200 ? answer.value("clientId", std::int64_t{0}) : 0;
}

nlohmann::json mock_mifos::deliveries() const {
  auto r = http_call("GET", url(port_, "/mock/deliveries?limit=1000"), "", {});
  return nlohmann::json::parse(r.body, nullptr, false);
}

bool mock_mifos::idle(std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto r = http_call("GET", url(port_, "/mock/health"), "", {});
    auto health = nlohmann::json::parse(r.body, nullptr, false);
    if (r.status == 200 && health.value("pending", 1) == 0) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

nlohmann::json mock_mifos::wait_until_sent(std::size_t count,
                                           std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (idle(std::chrono::milliseconds(200))) {
      nlohmann::json log = deliveries();
      std::size_t done = 0;
      for (const auto& d : log["deliveries"])
        if (!d["status"].is_string()) ++done;
      if (done >= count) return log;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ADD_FAILURE() << "fewer than " << count
                    << " deliveries were sent in time: " << deliveries().dump();
      return deliveries();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace mifos::hooks::test
