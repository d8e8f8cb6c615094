// result.hpp: the value of a call that can fail, or the reason it failed. Every fallible call
// of the SDK returns one (parse(), fineract_client, parse_traffic_line(), screen()).
//
//   mifos::hooks::result<event, parse_error> r = mifos::hooks::parse(d);
//   if (r) use(*r);                      // or r.ok(), r->entity
//   else answer(r.error().status, r.error().reason);
#pragma once

#include <utility>
#include <variant>

namespace mifos::hooks {

template <typename T, typename E>
class result {
 public:
  result(T value) : value_(std::in_place_index<0>, std::move(value)) {}
  result(E error) : value_(std::in_place_index<1>, std::move(error)) {}
  // A default value built in place, for the callee to fill.
  explicit result(std::in_place_t) : value_(std::in_place_index<0>) {}

  bool ok() const noexcept { return value_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& operator*() & { return std::get<0>(value_); }
  const T& operator*() const& { return std::get<0>(value_); }
  T&& operator*() && { return std::get<0>(std::move(value_)); }
  T* operator->() { return &std::get<0>(value_); }
  const T* operator->() const { return &std::get<0>(value_); }
  // Throws std::bad_variant_access when there is no value (resp. no error).
  const E& error() const { return std::get<1>(value_); }

 private:
  std::variant<T, E> value_;
};

}  // namespace mifos::hooks
