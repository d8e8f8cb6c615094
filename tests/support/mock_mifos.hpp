// mock_mifos.hpp: runs `mock-mifos serve` on a free port for a test and talks to its REST API
// as a Fineract client would (HTTP Basic mifos:password, the tenant header of the dialect).
//
//   mock_mifos mock({"--dialect", "mifos"});
//   auto r = mock.api("POST", "/clients", R"({"officeId":1,...})");
//   EXPECT_EQ(r.status, 200);
//   auto log = mock.wait_until_sent(1);   // GET /mock/deliveries once nothing is under way
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "process.hpp"

namespace mifos::hooks::test {

class mock_mifos {
 public:
  // mock-mifos serve --port 0 --quiet plus `flags`; waits for its "listening on" line.
  explicit mock_mifos(std::vector<std::string> flags = {});

  std::uint16_t port() const noexcept { return port_; }
  const std::string& api_url() const noexcept { return api_url_; }  // ".../api/v1"
  child_process& process() noexcept { return *process_; }

  // A call under the API root with credentials and tenant (`auth` false: neither is sent).
  client_response api(std::string_view method, const std::string& path, const std::string& body = "",
                  bool auth = true) const;
  // POST /hooks with a Web hook for `events` ({{"CLIENT","CREATE"}}) to `payload_url`; returns
  // the hook id (fails the test and returns 0 when refused).
  std::int64_t add_web_hook(const std::string& payload_url,
                            const std::vector<std::pair<std::string, std::string>>& events,
                            const std::string& content_type = "json", bool active = true) const;
  // POST /clients for an active client; returns its id (0 when refused).
  std::int64_t create_client(const std::string& firstname = "Petra",
                             const std::string& lastname = "Yton") const;

  // Waits until at least `count` deliveries have an answer (or none can come) and nothing is
  // queued or under way, then returns GET /mock/deliveries. Fails the test at the deadline.
  nlohmann::json wait_until_sent(
      std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(60)) const;
  // Everything fired so far has been sent (GET /mock/health says nothing is pending).
  bool idle(std::chrono::milliseconds timeout = std::chrono::seconds(60)) const;
  nlohmann::json deliveries() const;

 private:
  std::unique_ptr<child_process> process_;
  std::uint16_t port_ = 0;
  std::string api_url_;
  std::string tenant_header_;
};

}  // namespace mifos::hooks::test
