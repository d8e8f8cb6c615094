// sqlite_store.cpp: the two tables, and one prepared statement per query, reused under the
// mutex. Every SQLite error becomes a std::runtime_error naming the step that failed.
#include "sqlite_store.hpp"

#include <sqlite3.h>

#include <stdexcept>

#include "sqlite_queries.hpp"

namespace sms_bridge {
namespace {

using namespace detail::queries;

void bind_text(sqlite3_stmt* s, int column, std::string_view text) {
  // An empty view may have no data pointer, which SQLite would store as NULL.
  sqlite3_bind_text(s, column, text.empty() ? "" : text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
}

void bind_optional(sqlite3_stmt* s, int column, const std::optional<std::int64_t>& n) {
  if (n)
    sqlite3_bind_int64(s, column, *n);
  else
    sqlite3_bind_null(s, column);
}

std::string column_text(sqlite3_stmt* s, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(s, column)))
              : std::string();
}

std::optional<std::int64_t> column_optional(sqlite3_stmt* s, int column) {
  if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(s, column);
}

sms_event read_event(sqlite3_stmt* s) {
  sms_event e;
  e.id = sqlite3_column_int64(s, 0);
  e.tenant = column_text(s, 1);
  e.entity = column_text(s, 2);
  e.action = column_text(s, 3);
  e.dialect = column_text(s, 4) == "mifos" ? mifos::hooks::wire_dialect::mifos
                                           : mifos::hooks::wire_dialect::fineract;
  e.client_id = column_optional(s, 5);
  e.loan_id = column_optional(s, 6);
  if (sqlite3_column_type(s, 7) != SQLITE_NULL) e.amount = column_text(s, 7);
  e.state = event_state_from(column_text(s, 8)).value_or(event_state::failed);
  e.mobile_no = column_text(s, 9);
  e.message = column_text(s, 10);
  e.provider_id = column_text(s, 11);
  e.error = column_text(s, 12);
  e.attempts = sqlite3_column_int(s, 13);
  e.received_at = column_text(s, 14);
  return e;
}

}  // namespace

void sqlite_store::statement_deleter::operator()(sqlite3_stmt* s) const noexcept {
  sqlite3_finalize(s);
}

sqlite_store::sqlite_store(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open " + path + ": " + message);
  }
  try {
    sqlite3_busy_timeout(db_, 5000);
    execute("PRAGMA journal_mode=WAL");
    execute("PRAGMA synchronous=FULL");
    execute(kSchema);
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

sqlite_store::~sqlite_store() {
  statements_.clear();  // finalized before the connection closes
  sqlite3_close(db_);
}

void sqlite_store::fail(const char* what) const {
  throw std::runtime_error(std::string("sqlite: ") + what + ": " + sqlite3_errmsg(db_));
}

void sqlite_store::execute(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
}

sqlite_store::in_use::~in_use() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
}

sqlite_store::in_use sqlite_store::prepared(const char* sql) {
  // The queries are the constants of sqlite_queries.hpp: their addresses tell them apart.
  for (auto& [text, s] : statements_)
    if (text == sql) return in_use(s.get());
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) fail("prepare");
  statements_.emplace_back(sql, statement(s));
  return in_use(s);
}

bool sqlite_store::add_tenant(const tenant_config& t) {
  std::lock_guard lock(mutex_);
  auto s = prepared(kInsertTenant);
  int column = 1;
  for (const std::string* field :
       {&t.tenant_id, &t.api_key, &t.phone_no, &t.sms_provider, &t.account_id, &t.provider_token,
        &t.mifos_token, &t.endpoint, &t.created_at})
    bind_text(s, column++, *field);
  if (sqlite3_step(s) != SQLITE_DONE) fail("add tenant");
  return sqlite3_changes(db_) == 1;
}

std::optional<tenant_config> sqlite_store::find_tenant(std::string_view tenant_id) {
  std::lock_guard lock(mutex_);
  auto s = prepared(kSelectTenant);
  bind_text(s, 1, tenant_id);
  int step = sqlite3_step(s);
  if (step == SQLITE_DONE) return std::nullopt;
  if (step != SQLITE_ROW) fail("find tenant");
  tenant_config t;
  int column = 0;
  for (std::string* field : {&t.tenant_id, &t.api_key, &t.phone_no, &t.sms_provider, &t.account_id,
                             &t.provider_token, &t.mifos_token, &t.endpoint, &t.created_at})
    *field = column_text(s, column++);
  return t;
}

bool sqlite_store::remove_tenant(std::string_view tenant_id) {
  std::lock_guard lock(mutex_);
  execute("BEGIN IMMEDIATE");
  try {
    auto events = prepared(kDeleteTenantEvents);
    bind_text(events, 1, tenant_id);
    if (sqlite3_step(events) != SQLITE_DONE) fail("remove events");
    auto tenant = prepared(kDeleteTenant);
    bind_text(tenant, 1, tenant_id);
    if (sqlite3_step(tenant) != SQLITE_DONE) fail("remove tenant");
    const bool removed = sqlite3_changes(db_) == 1;
    execute("COMMIT");
    return removed;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::int64_t sqlite_store::add_event(const sms_event& e) {
  std::lock_guard lock(mutex_);
  auto s = prepared(kInsertEvent);
  bind_text(s, 1, e.tenant);
  bind_text(s, 2, e.entity);
  bind_text(s, 3, e.action);
  bind_text(s, 4, mifos::hooks::to_string(e.dialect));
  bind_optional(s, 5, e.client_id);
  bind_optional(s, 6, e.loan_id);
  if (e.amount) bind_text(s, 7, *e.amount);
  bind_text(s, 8, to_string(e.state));
  bind_text(s, 9, e.mobile_no);
  bind_text(s, 10, e.message);
  bind_text(s, 11, e.provider_id);
  bind_text(s, 12, e.error);
  sqlite3_bind_int(s, 13, e.attempts);
  bind_text(s, 14, e.received_at);
  if (sqlite3_step(s) != SQLITE_DONE) fail("add event");
  return sqlite3_last_insert_rowid(db_);
}

std::optional<sms_event> sqlite_store::find_event(std::int64_t id) {
  std::lock_guard lock(mutex_);
  auto s = prepared(kSelectEvent);
  sqlite3_bind_int64(s, 1, id);
  int step = sqlite3_step(s);
  if (step == SQLITE_DONE) return std::nullopt;
  if (step != SQLITE_ROW) fail("find event");
  return read_event(s);
}

void sqlite_store::update_event(const sms_event& e) {
  std::lock_guard lock(mutex_);
  auto s = prepared(kUpdateEvent);
  bind_text(s, 1, to_string(e.state));
  bind_text(s, 2, e.mobile_no);
  bind_text(s, 3, e.message);
  bind_text(s, 4, e.provider_id);
  bind_text(s, 5, e.error);
  sqlite3_bind_int(s, 6, e.attempts);
  sqlite3_bind_int64(s, 7, e.id);
  if (sqlite3_step(s) != SQLITE_DONE) fail("update event");
}

std::vector<sms_event> sqlite_store::events_of(std::string_view tenant_id, std::size_t limit) {
  std::lock_guard lock(mutex_);
  auto s = prepared(kSelectTenantEvents);
  bind_text(s, 1, tenant_id);
  sqlite3_bind_int64(s, 2, static_cast<sqlite3_int64>(limit));
  std::vector<sms_event> out;
  int step;
  while ((step = sqlite3_step(s)) == SQLITE_ROW) out.push_back(read_event(s));
  if (step != SQLITE_DONE) fail("list events");
  return out;
}

std::vector<std::int64_t> sqlite_store::requeue_failed(std::string_view tenant_id) {
  std::lock_guard lock(mutex_);
  execute("BEGIN IMMEDIATE");
  try {
    std::vector<std::int64_t> ids;
    auto select = prepared(kSelectFailed);
    bind_text(select, 1, tenant_id);
    int step;
    while ((step = sqlite3_step(select)) == SQLITE_ROW)
      ids.push_back(sqlite3_column_int64(select, 0));
    if (step != SQLITE_DONE) fail("list failed events");
    auto update = prepared(kRequeueFailed);
    bind_text(update, 1, tenant_id);
    if (sqlite3_step(update) != SQLITE_DONE) fail("requeue failed events");
    execute("COMMIT");
    return ids;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<std::int64_t> sqlite_store::pending_ids() {
  std::lock_guard lock(mutex_);
  auto s = prepared(kSelectPending);
  std::vector<std::int64_t> ids;
  int step;
  while ((step = sqlite3_step(s)) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(s, 0));
  if (step != SQLITE_DONE) fail("list pending events");
  return ids;
}

}  // namespace sms_bridge
