#include "mifos/hooks/router.hpp"

#include <algorithm>

namespace mifos::hooks {

router& router::on(std::string_view entity, std::string_view action, handler fn) {
  if (action == "*")
    by_entity_.get_or_insert(entity, {}).push_back(std::move(fn));
  else
    by_pair_.get_or_insert(entity, action).push_back(std::move(fn));
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
  return by_pair_.empty() && by_entity_.empty() && unknown_.empty() && any_.empty();
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
  if (const auto* handlers = by_pair_.find(e.entity, e.action)) run(*handlers, e, out);
  if (const auto* handlers = by_entity_.find(e.entity, {})) run(*handlers, e, out);
  if (!unknown_.empty() && !e.in_catalog()) run(unknown_, e, out);
  run(any_, e, out);
  return out;
}

}  // namespace mifos::hooks
