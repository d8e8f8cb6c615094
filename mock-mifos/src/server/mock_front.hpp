// mock_front.hpp: the mock's Fineract REST surface as one function of a request: the API root,
// tenants, HTTP Basic, JSON bodies, then the portfolio or the hooks admin API. It returns the
// answer and the hook deliveries the command calls for, without sending anything, so it runs
// (and is tested) without sockets.
//
//   mock_front front(settings, ping);
//   auto [answer, firings] = front.handle(request, std::chrono::system_clock::now());
//   for (auto& f : firings) firer.fire(std::move(f));
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mifos/hooks/delivery.hpp>
#include <mifos/hooks/http_server.hpp>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "admin/hook_store.hpp"
#include "admin/users.hpp"
#include "model/command_event.hpp"
#include "model/hook.hpp"
#include "portfolio/portfolio.hpp"
#include "records/record_db.hpp"
#include "server/maker_checker.hpp"
#include "wire/hook_payload.hpp"

namespace mifos::mock {

struct mock_settings {
  hooks::wire_dialect dialect = hooks::wire_dialect::fineract;
  failure_shape failures = failure_shape::stripped;
  bool lenient_urls = false;
  std::vector<std::string> tenants = {"default"};
  std::vector<std::pair<std::string, std::string>> users;  // besides mifos / password
};

// One hook to fire for one command, with everything needed to build the delivery later.
struct firing {
  command_event event;
  hook target;                // as it was when the command ran
  payload_settings settings;  // dialect, failure shape, the endpoint known at that time
  // An SMS Bridge hook with a message template sends sms/send instead of the event
  // (server/ugd_sms.hpp), decided when the command ran: `sms` is the message, or nothing when
  // nothing is to be sent (no clientId, no mobile number). The registration happens either way.
  bool templated = false;
  std::optional<sms_message> sms;
};

struct front_result {
  hooks::http_answer answer;
  std::vector<firing> firings;
};

class mock_front {
 public:
  mock_front(mock_settings settings, ping_function ping);

  // Thread-safe: one request at a time changes the state.
  front_result handle(const hooks::delivery& request, std::chrono::system_clock::time_point now);

  // A call whose tenant and user are already settled (the scenario runner's commands): the
  // portfolio or the hooks admin API, and the hooks it fires. A 404 outcome for other paths.
  std::pair<rest_outcome, std::vector<firing>> run(const rest_call& call);

  // For the SMS Bridge registration: store the key the bridge returned on the hook.
  void set_hook_config(const std::string& tenant, std::int64_t hook_id, const std::string& field,
                       const std::string& value);
  // The hook as it is now (its config may have gained an "Api Key").
  std::optional<hook> find_hook(const std::string& tenant, std::int64_t hook_id) const;

  // "/fineract-provider/api/v1" or "/mifosng-provider/api/v1".
  std::string_view api_root() const noexcept;
  const mock_settings& settings() const noexcept { return settings_; }

 private:
  struct tenant_state {
    explicit tenant_state(hook_rules rules) : hooks(rules) {}
    portfolio accounts;
    hook_store hooks;
    records::record_db records;  // administration and configuration
    maker_checker_queue checks;  // commands waiting for a checker
  };

  front_result handle_locked(const hooks::delivery& request,
                             std::chrono::system_clock::time_point now);
  // nullopt: no such resource.
  std::optional<rest_outcome> dispatch_locked(tenant_state& t, const rest_call& call);
  // dispatch_locked, unless the command must wait for a checker (maker_checker.hpp): then it is
  // rolled back and parked. Also serves /makercheckers.
  std::optional<rest_outcome> run_checked_locked(tenant_state& t, const rest_call& call);
  rest_outcome checker_call_locked(tenant_state& t, const rest_call& call);
  // POST /batches: every sub-request through dispatch_locked, its hooks added to `firings`.
  rest_outcome run_batch_locked(tenant_state& t, const rest_call& call,
                                std::vector<firing>& firings);
  std::vector<firing> firings_for(const command_event& e);
  // The sms/send of an SMS Bridge hook with message template `template_id` (ugd_sms.hpp), the
  // mapper URLs and the client read from this tenant's state as the triggering user.
  std::optional<sms_message> ugd_sms_locked(tenant_state& t, const command_event& e,
                                            std::int64_t template_id, const payload_settings& s);
  // GET of `url` served in-process when it is under the endpoint: its JSON object, if 200.
  std::optional<nlohmann::ordered_json> get_locked(tenant_state& t, const command_event& e,
                                                   const std::string& url);
  // GET of `path` under the API root as the triggering user: its JSON object, if 200.
  std::optional<nlohmann::ordered_json> read_locked(tenant_state& t, const command_event& e,
                                                    std::string path,
                                                    std::map<std::string, std::string> query);

  const mock_settings settings_;
  const ping_function ping_;
  user_directory users_;
  mutable std::mutex mutex_;
  std::map<std::string, tenant_state> tenants_;
  // Fineract sends X-*-Endpoint once it has served an authenticated request; built from the
  // Host that request came to.
  std::optional<std::string> endpoint_;
};

}  // namespace mifos::mock
