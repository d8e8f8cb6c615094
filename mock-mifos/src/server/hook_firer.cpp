#include "server/hook_firer.hpp"

#include <chrono>

namespace mifos::mock {
namespace {

std::string trimmed(std::string s) {
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

logged_delivery entry_for(const firing& f, const hook& h, std::string kind) {
  logged_delivery entry;
  entry.hook_id = h.id;
  entry.hook_name = h.display_name;
  entry.tenant = f.event.tenant;
  entry.entity = f.event.entity;
  entry.action = f.event.action;
  entry.kind = std::move(kind);
  return entry;
}

}  // namespace

hook_firer::hook_firer(mock_front& front, delivery_log& log, std::size_t threads,
                       std::function<void(const logged_delivery&)> on_finished,
                       send_options options)
    : front_(front),
      log_(log),
      on_finished_(std::move(on_finished)),
      options_(options),
      pool_(threads) {}

void hook_firer::fire(firing f) {
  pool_.submit([this, f = std::move(f)] { deliver(f); });
}

void hook_firer::deliver(const firing& f) {
  std::optional<hook> h = f.target;
  if (h->template_name == "SMS Bridge") h = with_sms_key(f);
  if (!h) return;
  if (f.templated) {
    // TwilioHookProcessor sends the template's SMS instead of the event, or nothing at all.
    if (!f.sms) return;
    auto out = build_sms_send(f.event, *h, *f.sms, f.settings);
    if (out) send_logged(entry_for(f, *h, "sms-send"), *out);
    return;
  }
  auto out = build_hook_delivery(f.event, *h, f.settings);
  if (!out) return;
  send_logged(entry_for(f, *h, "event"), *out);
}

std::optional<hook> hook_firer::with_sms_key(const firing& f) {
  std::lock_guard lock(registration_mutex_);
  // Another event may have registered this hook meanwhile: read its config as it is now.
  std::optional<hook> h = front_.find_hook(f.event.tenant, f.target.id);
  if (!h) return std::nullopt;  // deleted since the command ran
  if (h->config.count("Api Key")) return h;
  auto out = build_sms_registration(f.event, *h, f.settings);
  if (!out) return std::nullopt;
  send_result r = send_logged(entry_for(f, *h, "sms-registration"), *out);
  if (r.status != 201 && r.status != 200) return std::nullopt;
  std::string key = trimmed(r.body);
  if (key.empty()) return std::nullopt;
  front_.set_hook_config(f.event.tenant, h->id, "Api Key", key);
  h->config["Api Key"] = key;
  return h;
}

send_result hook_firer::send_logged(logged_delivery entry, const outgoing_delivery& out) {
  entry.url = out.origin + out.message.target;
  entry.sent_at = std::chrono::system_clock::now();
  entry.request = out.message;
  std::uint64_t seq = log_.begin(entry);
  send_result r = send_once(out.origin, out.message, options_);
  log_.finish(seq, r);
  if (on_finished_) {
    entry.seq = seq;
    entry.result = r;
    on_finished_(entry);
  }
  return r;
}

}  // namespace mifos::mock
