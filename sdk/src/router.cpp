#include "mifos/hooks/router.hpp"

#include <algorithm>

namespace mifos::hooks {
namespace detail {
namespace {

char upper(char c) noexcept { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// FNV-1a over upper-cased bytes.
constexpr std::size_t kFnvOffset = 14695981039346656037ull;
constexpr std::size_t kFnvPrime = 1099511628211ull;

std::size_t fold_into(std::size_t h, std::string_view s) noexcept {
  for (char c : s) h = (h ^ static_cast<unsigned char>(upper(c))) * kFnvPrime;
  return h;
}

bool folded_equals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (upper(a[i]) != upper(b[i])) return false;
  return true;
}

std::string upper_key(std::string_view entity, std::string_view action) {
  std::string key;
  key.reserve(entity.size() + 1 + action.size());
  for (char c : entity) key.push_back(upper(c));
  if (!action.empty()) {
    key.push_back(' ');
    for (char c : action) key.push_back(upper(c));
  }
  return key;
}

}  // namespace

std::size_t folded_hash::operator()(std::string_view key) const noexcept {
  return fold_into(kFnvOffset, key);
}

std::size_t folded_hash::operator()(const event_pair& pair) const noexcept {
  return fold_into(fold_into(fold_into(kFnvOffset, pair.entity), " "), pair.action);
}

bool folded_equal::operator()(std::string_view a, std::string_view b) const noexcept {
  return folded_equals(a, b);
}

bool folded_equal::operator()(std::string_view key, const event_pair& pair) const noexcept {
  return key.size() == pair.entity.size() + 1 + pair.action.size() &&
         folded_equals(key.substr(0, pair.entity.size()), pair.entity) &&
         key[pair.entity.size()] == ' ' &&
         folded_equals(key.substr(pair.entity.size() + 1), pair.action);
}

}  // namespace detail

router& router::on(std::string_view entity, std::string_view action, handler fn) {
  if (action == "*")
    by_entity_[detail::upper_key(entity, {})].push_back(std::move(fn));
  else
    by_pair_[detail::upper_key(entity, action)].push_back(std::move(fn));
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
  if (!by_pair_.empty()) {
    if (auto it = by_pair_.find(event_pair{e.entity, e.action}); it != by_pair_.end())
      run(it->second, e, out);
  }
  if (!by_entity_.empty()) {
    if (auto it = by_entity_.find(std::string_view(e.entity)); it != by_entity_.end())
      run(it->second, e, out);
  }
  if (!e.in_catalog()) run(unknown_, e, out);
  run(any_, e, out);
  return out;
}

}  // namespace mifos::hooks
