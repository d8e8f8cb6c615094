// router.hpp: sends each event to the callbacks registered for its entity and action.
//
//   mifos::hooks::router r;
//   r.on("LOAN", "REPAYMENT", [](const event& e) { ... })        // one pair
//    .on("CLIENT", "*", [](const event& e) { ... })              // every action of an entity
//    .on<loan_repayment_request>([](const event& e, const loan_repayment_request& req) { ... })
//    .on_unknown([](const event& e) { ... })                     // pairs not in the catalog
//    .on_any([](const event& e) { ... })                         // everything
//    .on_error([](const event& e, std::exception_ptr) { ... });  // a handler threw
//   r.dispatch(event);
//
// Dispatch order, for one event: the handlers of its exact pair, then those of its entity ("*"),
// then on_unknown (only when the pair is not in the catalog), then on_any; within each group,
// in registration order. Entity and action match case-insensitively. A handler that throws does
// not stop the others: each exception goes to on_error and the outcome counts it as failed.
// When a tenant filter is set, events of other tenants run no handler at all.
//
// Register everything before dispatching; after that, dispatch() is const and may be called
// from many threads at once (the handlers must then be thread-safe themselves).
#pragma once

#include <concepts>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mifos/hooks/catalog.hpp"
#include "mifos/hooks/event.hpp"
#include "mifos/hooks/requests.hpp"

namespace mifos::hooks {

struct dispatch_outcome {
  std::size_t handlers_run = 0;     // handlers called, including those that threw
  std::size_t handlers_failed = 0;  // handlers that threw
  bool tenant_filtered = false;     // the tenant filter skipped this event
  bool ok() const noexcept { return handlers_failed == 0; }
};

class router {
 public:
  using handler = std::function<void(const event&)>;
  using error_handler = std::function<void(const event&, std::exception_ptr)>;

  // `action` "*" means every action of `entity`.
  router& on(std::string_view entity, std::string_view action, handler fn);
  router& on(event_pair pair, handler fn) { return on(pair.entity, pair.action, std::move(fn)); }

  // Typed overload: `fn(const event&, const View&)` for a request view of requests.hpp, e.g.
  // on<loan_repayment_request>(fn). The view is read from the event's request (envelope era) or
  // from its `changes` (bare result era).
  template <typename View, typename Fn>
  requires std::invocable<Fn&, const event&, const View&> router& on(Fn fn) {
    return on(View::pair,
              [fn = std::move(fn)](const event& e) mutable { fn(e, read_request<View>(e)); });
  }

  router& on_any(handler fn);
  router& on_unknown(handler fn);
  router& on_error(error_handler fn);

  // Only events of these tenants run handlers (exact match). Empty (the default): all tenants.
  router& only_tenants(std::vector<std::string> tenants);

  dispatch_outcome dispatch(const event& e) const;

  // True when no handler of any kind is registered.
  bool empty() const noexcept;

  router();
  router(const router& other);
  router(router&& other) noexcept;
  router& operator=(const router& other);
  router& operator=(router&& other) noexcept;
  ~router();

 private:
  // The (entity, action) lookup tables live in the source file, so their header is not public.
  struct tables;
  void run(const std::vector<handler>& handlers, const event& e, dispatch_outcome& out) const;

  std::unique_ptr<tables> tables_;
  std::vector<handler> unknown_;
  std::vector<handler> any_;
  std::vector<error_handler> errors_;
  std::vector<std::string> tenants_;
};

}  // namespace mifos::hooks
