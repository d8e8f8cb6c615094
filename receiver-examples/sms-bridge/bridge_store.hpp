// bridge_store.hpp: where the SMS bridge keeps tenants and events. The protocol and the worker
// see only this interface; sqlite_store.hpp is the implementation the bridge runs with.
//
//   sms_bridge::sqlite_store store("sms-bridge.db");
//   if (!store.add_tenant(config)) return "already configured";
//   std::int64_t id = store.add_event(event);           // pending
//   for (auto pending : store.pending_ids()) queue(pending);  // after a restart
//
// Every method is safe to call from several threads. A storage failure (disk full, a broken
// file) throws std::runtime_error: the HTTP server answers 500 and the worker keeps the event
// pending.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "records.hpp"

namespace sms_bridge {

class bridge_store {
 public:
  virtual ~bridge_store() = default;

  // False, and nothing changes, when the tenant is already configured.
  virtual bool add_tenant(const tenant_config& t) = 0;
  virtual std::optional<tenant_config> find_tenant(std::string_view tenant_id) = 0;
  // Removes the tenant and its events; false when there was no such tenant.
  virtual bool remove_tenant(std::string_view tenant_id) = 0;

  // Stores a new event (its id is ignored) and returns the id it got.
  virtual std::int64_t add_event(const sms_event& e) = 0;
  virtual std::optional<sms_event> find_event(std::int64_t id) = 0;
  // Writes what the worker changes: state, mobileNo, message, providerId, error, attempts.
  // An event deleted meanwhile (with its tenant) stays deleted.
  virtual void update_event(const sms_event& e) = 0;
  // The tenant's newest `limit` events, oldest first.
  virtual std::vector<sms_event> events_of(std::string_view tenant_id, std::size_t limit) = 0;
  // Puts every failed event of the tenant back to pending; returns their ids.
  virtual std::vector<std::int64_t> requeue_failed(std::string_view tenant_id) = 0;
  // Every pending event of every tenant, oldest first.
  virtual std::vector<std::int64_t> pending_ids() = 0;
};

}  // namespace sms_bridge
