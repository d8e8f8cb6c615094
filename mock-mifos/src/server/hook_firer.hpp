// hook_firer.hpp: sends the hook deliveries a command calls for, as Fineract does: on other
// threads than the API call, one POST per hook, no retry, 10 s timeouts; and for an SMS Bridge
// hook without a key, the registration first (docs/wire-format.md section 8); an SMS Bridge hook
// with a message template sends the firing's sms/send instead of the event, or nothing. Every
// request is logged.
//
//   hook_firer firer(front, log, 8);
//   for (auto& f : front.handle(request, now).firings) firer.fire(std::move(f));
//   firer.drain();   // tests and shutdown: everything fired so far has been answered
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>

#include "net/http_sender.hpp"
#include "server/delivery_log.hpp"
#include "server/job_pool.hpp"
#include "server/mock_front.hpp"

namespace mifos::mock {

class hook_firer {
 public:
  // `on_finished` runs on a sending thread after each request (for a console line).
  hook_firer(mock_front& front, delivery_log& log, std::size_t threads,
             std::function<void(const logged_delivery&)> on_finished = {},
             send_options options = {});

  void fire(firing f);
  void drain() { pool_.drain(); }
  std::size_t pending() const { return pool_.pending(); }

 private:
  void deliver(const firing& f);
  // Registers the hook with its SMS bridge if it has no key yet; the hook with its key, or
  // nothing when registration failed (the event is then not sent, as in Fineract).
  std::optional<hook> with_sms_key(const firing& f);
  send_result send_logged(logged_delivery entry, const outgoing_delivery& out);

  mock_front& front_;
  delivery_log& log_;
  const std::function<void(const logged_delivery&)> on_finished_;
  const send_options options_;
  std::mutex registration_mutex_;  // one registration at a time: no double sign-up
  job_pool pool_;                  // last: its threads use the members above
};

}  // namespace mifos::mock
