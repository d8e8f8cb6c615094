// sqlite_store.hpp: the bridge's store in one SQLite file (WAL mode, synchronous FULL, so an
// event answered 200 survives a crash or a power cut). One connection behind a mutex: the bridge
// handles a few events a second at most, so there is nothing to gain from more.
//
//   sms_bridge::sqlite_store store("sms-bridge.db");  // ":memory:" for tests
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "bridge_store.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace sms_bridge {

class sqlite_store final : public bridge_store {
 public:
  // Opens (creating if needed) the file and its tables. Throws std::runtime_error with SQLite's
  // message when it cannot.
  explicit sqlite_store(const std::string& path);
  ~sqlite_store() override;
  sqlite_store(const sqlite_store&) = delete;
  sqlite_store& operator=(const sqlite_store&) = delete;

  bool add_tenant(const tenant_config& t) override;
  std::optional<tenant_config> find_tenant(std::string_view tenant_id) override;
  bool remove_tenant(std::string_view tenant_id) override;
  std::int64_t add_event(const sms_event& e) override;
  std::optional<sms_event> find_event(std::int64_t id) override;
  void update_event(const sms_event& e) override;
  std::vector<sms_event> events_of(std::string_view tenant_id, std::size_t limit) override;
  std::vector<std::int64_t> requeue_failed(std::string_view tenant_id) override;
  std::vector<std::int64_t> pending_ids() override;

 private:
  struct statement_deleter {
    void operator()(sqlite3_stmt* s) const noexcept;
  };
  using statement = std::unique_ptr<sqlite3_stmt, statement_deleter>;

  // A prepared statement while one method uses it: reset when the method is done with it, so no
  // read transaction stays open between calls.
  class in_use {
   public:
    explicit in_use(sqlite3_stmt* s) noexcept : s_(s) {}
    ~in_use();
    in_use(const in_use&) = delete;
    in_use& operator=(const in_use&) = delete;
    operator sqlite3_stmt*() const noexcept { return s_; }

   private:
    sqlite3_stmt* s_;
  };

  // The statement for `sql`, ready to bind (prepared on first use, then reused).
  in_use prepared(const char* sql);
  void execute(const char* sql);  // a statement without results or parameters
  [[noreturn]] void fail(const char* what) const;

  std::mutex mutex_;
  sqlite3* db_ = nullptr;
  std::vector<std::pair<const char*, statement>> statements_;
};

}  // namespace sms_bridge
