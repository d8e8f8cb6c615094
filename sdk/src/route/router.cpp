#include "mifos/hooks/router.hpp"

#include <algorithm>

#include "folded_table.hpp"

namespace mifos::hooks {

struct router::tables {
  // Keyed by (entity, action) for pairs and by (entity, "") for entity wildcards.
  detail::folded_table<std::vector<handler>> by_pair;
  detail::folded_table<std::vector<handler>> by_entity;
};

router::router() : tables_(std::make_unique<tables>()) {}
router::router(const router& other)
    : tables_(other.tables_ ? std::make_unique<tables>(*other.tables_) : nullptr),
      unknown_(other.unknown_),
      any_(other.any_),
      errors_(other.errors_),
      tenants_(other.tenants_) {}
router::router(router&& other) noexcept = default;
router& router::operator=(const router& other) {
  if (this != &other) *this = router(other);
  return *this;
}
router& router::operator=(router&& other) noexcept = default;
router::~router() = default;

router& router::on(std::string_view entity, std::string_view action, handler fn) {
  if (!tables_) tables_ = std::make_unique<tables>();  // a moved-from router, used again
  if (action == "*")
    tables_->by_entity.get_or_insert(entity, {}).push_back(std::move(fn));
  else
    tables_->by_pair.get_or_insert(entity, action).push_back(std::move(fn));
  return *this;
}

router& router::on_any(handler fn) {
  any_.push_back(std::move(fn));
  return *this;
}

router& router::on_unknown(handler fn) {
  unknown_.push_back(std::move(fn));
  return *this;
}

router& router::on_error(error_handler fn) {
  errors_.push_back(std::move(fn));
  return *this;
}

router& router::only_tenants(std::vector<std::string> tenants) {
  tenants_ = std::move(tenants);
  return *this;
}

bool router::empty() const noexcept {
  bool no_pairs = !tables_ || (tables_->by_pair.empty() && tables_->by_entity.empty());
  return no_pairs && unknown_.empty() && any_.empty();
}

void router::run(const std::vector<handler>& handlers, const event& e,
                 dispatch_outcome& out) const {
  for (const auto& fn : handlers) {
    ++out.handlers_run;
    try {
      fn(e);
    } catch (...) {
      ++out.handlers_failed;
      auto error = std::current_exception();
      for (const auto& on_error : errors_) {
        // An error handler that throws must not take the dispatch down with it.
        try {
          on_error(e, error);
        } catch (...) {
        }
      }
    }
  }
}

dispatch_outcome router::dispatch(const event& e) const {
  dispatch_outcome out;
  if (!tenants_.empty() &&
      std::find(tenants_.begin(), tenants_.end(), e.tenant) == tenants_.end()) {
    out.tenant_filtered = true;
    return out;
  }
  if (tables_) {
    if (const auto* handlers = tables_->by_pair.find(e.entity, e.action)) run(*handlers, e, out);
    if (const auto* handlers = tables_->by_entity.find(e.entity, {})) run(*handlers, e, out);
  }
  if (!unknown_.empty() && !e.in_catalog()) run(unknown_, e, out);
  run(any_, e, out);
  return out;
}

}  // namespace mifos::hooks
