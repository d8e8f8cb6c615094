// recorder.cpp: see recorder.hpp. The file line is written before forwarding, so a request is
// on record even when the downstream hangs or the recorder is stopped while it waits.
#include "record/recorder.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <utility>

#include "traffic/retarget.hpp"

namespace mifos::mock {
namespace {

std::string error_body(const std::string& reason) {
  return nlohmann::json({{"error", reason}})
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool is_hop_by_hop(std::string_view name) {
  static constexpr std::array<std::string_view, 8> kNames = {
      "Connection", "Keep-Alive",        "Proxy-Connection", "TE",
      "Trailer",    "Transfer-Encoding", "Upgrade",          "Expect"};
  return std::any_of(kNames.begin(), kNames.end(),
                     [&](std::string_view n) { return hooks::iequals(n, name); });
}

// send_result keeps no response headers: a body that looks like JSON is labelled so, anything
// else as text, which is what a hook receiver answers in practice.
std::string guess_content_type(std::string_view body) {
  const auto first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || body[first] == '{' || body[first] == '[')
    return "application/json";
  return "text/plain; charset=utf-8";
}

}  // namespace

hooks::delivery as_recorded(const hooks::delivery& request) {
  if (!request.header("Transfer-Encoding")) return request;
  hooks::delivery d = request;
  d.headers.clear();
  const bool has_length = request.header("Content-Length").has_value();
  bool length_written = has_length;
  for (const auto& h : request.headers) {
    if (!hooks::iequals(h.name, "Transfer-Encoding")) {
      d.headers.push_back(h);
    } else if (!length_written) {
      d.headers.push_back({"Content-Length", std::to_string(request.body.size())});
      length_written = true;
    }
  }
  return d;
}

hooks::delivery as_forwarded(const hooks::delivery& recorded, const http_url& to) {
  hooks::delivery d;
  d.method = recorded.method;
  d.target = retarget(to, recorded.target);
  d.body = recorded.body;
  bool host_written = false;
  for (const auto& h : recorded.headers) {
    if (is_hop_by_hop(h.name)) continue;
    if (hooks::iequals(h.name, "Host")) {
      if (!host_written) d.headers.push_back({h.name, to.host_header()});
      host_written = true;
      continue;
    }
    d.headers.push_back(h);
  }
  if (!host_written) d.headers.insert(d.headers.begin(), {"Host", to.host_header()});
  return d;
}

bool on_path(std::string_view path, const hooks::delivery& request) {
  if (path.empty()) return true;
  auto trimmed = [](std::string_view p) {
    while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    return p;
  };
  return trimmed(path) == trimmed(request.path());
}

std::string event_name(const hooks::delivery& d) {
  auto entity = d.header("X-Fineract-Entity");
  auto action = d.header("X-Fineract-Action");
  if (!entity && !action) {
    entity = d.header("X-Mifos-Entity");
    action = d.header("X-Mifos-Action");
  }
  if (!entity && !action) return "-";
  return std::string(entity.value_or("?")) + "." + std::string(action.value_or("?"));
}

recorder::recorder(recorder_options options, line_writer write, send_function send,
                   clock_function now, observer on_recorded)
    : options_(std::move(options)),
      write_(std::move(write)),
      send_(std::move(send)),
      now_(std::move(now)),
      on_recorded_(std::move(on_recorded)) {}

hooks::http_answer recorder::answer(const hooks::delivery& request) {
  if (!on_path(options_.path, request)) {
    std::lock_guard lock(mutex_);
    ++stats_.refused;
    return {404, error_body("not recorded: this recorder takes " + options_.path + " only")};
  }

  recorded_delivery seen;
  seen.record.message = as_recorded(request);
  bool written = false;
  {
    std::lock_guard lock(mutex_);
    const std::int64_t now = now_();
    if (!started_us_) started_us_ = now;
    seen.record.offset_us =
        options_.first_offset_us + std::max<std::int64_t>(0, now - *started_us_);
    written = write_(hooks::to_traffic_line(seen.record));
    if (written)
      seen.seq = ++stats_.recorded;
    else
      ++stats_.write_failed;
  }

  hooks::http_answer reply;
  if (!written) {
    seen.note = "the traffic file could not be written";
    reply = {500, error_body(seen.note)};
  } else if (!options_.forward) {
    reply = {200, R"({"status":"recorded"})"};
  } else {
    const send_result sent =
        send_(options_.forward->origin(), as_forwarded(seen.record.message, *options_.forward));
    seen.forward_elapsed = sent.elapsed;
    {
      std::lock_guard lock(mutex_);
      ++(sent.answered() ? stats_.forwarded : stats_.forward_failed);
    }
    if (sent.answered()) {
      reply = {sent.status, sent.body, guess_content_type(sent.body)};
    } else {
      seen.note = "downstream did not answer: " + sent.error;
      reply = {502, error_body(seen.note)};
    }
  }
  seen.status = reply.status;
  if (on_recorded_) on_recorded_(seen);
  return reply;
}

recorder_stats recorder::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace mifos::mock
