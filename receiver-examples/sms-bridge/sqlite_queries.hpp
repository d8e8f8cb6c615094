// sqlite_queries.hpp: the SQL of sqlite_store.cpp: the schema (two tables: tenants, events) and
// every statement, each prepared once and reused. Internal to the store.
//
//   sqlite3_prepare_v2(db, sms_bridge::detail::queries::kSelectTenant, -1, &statement, nullptr);
#pragma once

namespace sms_bridge::detail::queries {

inline constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS tenants(
  tenant_id TEXT PRIMARY KEY, api_key TEXT NOT NULL, phone_no TEXT NOT NULL,
  sms_provider TEXT NOT NULL, account_id TEXT NOT NULL, provider_token TEXT NOT NULL,
  mifos_token TEXT NOT NULL, endpoint TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY AUTOINCREMENT, tenant_id TEXT NOT NULL, entity TEXT NOT NULL,
  action TEXT NOT NULL, dialect TEXT NOT NULL, client_id INTEGER, loan_id INTEGER, amount TEXT,
  state TEXT NOT NULL, mobile_no TEXT NOT NULL, message TEXT NOT NULL, provider_id TEXT NOT NULL,
  error TEXT NOT NULL, attempts INTEGER NOT NULL, received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_by_tenant ON events(tenant_id, id);
CREATE INDEX IF NOT EXISTS events_by_state ON events(state, id);
)";

inline constexpr const char* kInsertTenant =
    "INSERT OR IGNORE INTO tenants(tenant_id, api_key, phone_no, sms_provider, account_id, "
    "provider_token, mifos_token, endpoint, created_at) VALUES(?,?,?,?,?,?,?,?,?)";
inline constexpr const char* kSelectTenant =
    "SELECT tenant_id, api_key, phone_no, sms_provider, account_id, provider_token, mifos_token, "
    "endpoint, created_at FROM tenants WHERE tenant_id = ?";
inline constexpr const char* kDeleteTenant = "DELETE FROM tenants WHERE tenant_id = ?";
inline constexpr const char* kDeleteTenantEvents = "DELETE FROM events WHERE tenant_id = ?";
inline constexpr const char* kInsertEvent =
    "INSERT INTO events(tenant_id, entity, action, dialect, client_id, loan_id, amount, state, "
    "mobile_no, message, provider_id, error, attempts, received_at) "
    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
#define SMS_BRIDGE_EVENT_COLUMNS                                                       \
  "SELECT id, tenant_id, entity, action, dialect, client_id, loan_id, amount, state, " \
  "mobile_no, message, provider_id, error, attempts, received_at FROM events "
inline constexpr const char* kSelectEvent = SMS_BRIDGE_EVENT_COLUMNS "WHERE id = ?";
inline constexpr const char* kSelectTenantEvents =
    "SELECT * FROM (" SMS_BRIDGE_EVENT_COLUMNS
    "WHERE tenant_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id";
#undef SMS_BRIDGE_EVENT_COLUMNS
inline constexpr const char* kUpdateEvent =
    "UPDATE events SET state = ?, mobile_no = ?, message = ?, provider_id = ?, error = ?, "
    "attempts = ? WHERE id = ?";
inline constexpr const char* kSelectFailed =
    "SELECT id FROM events WHERE tenant_id = ? AND state = 'failed' ORDER BY id";
inline constexpr const char* kRequeueFailed =
    "UPDATE events SET state = 'pending' WHERE tenant_id = ? AND state = 'failed'";
inline constexpr const char* kSelectPending =
    "SELECT id FROM events WHERE state = 'pending' ORDER BY id";

}  // namespace sms_bridge::detail::queries
