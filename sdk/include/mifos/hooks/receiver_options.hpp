// receiver_options.hpp: every knob of the embedded receiver, with its default.
//
//   mifos::hooks::receiver_options opts;
//   opts.port = 0;                  // any free port; receiver::port() tells which
//   opts.paths = {"/hooks"};
//   opts.secret = "s3cret";         // then /hooks/s3cret, /hooks?token=s3cret or X-Hook-Token
//   opts.journal_dir = "/var/lib/my-receiver/journal";   // 200 means "on disk, will be handled"
//
// Three ways to run handlers, from the simplest to the safest (docs/receiver.md, "Delivery
// guarantees"):
//   workers == 0, no journal: handlers run before the answer; 200 means they ran, 500 that one
//     threw. Fineract never retries, so a crash loses only the delivery being handled.
//   workers > 0, no journal: the delivery is queued in memory and answered 200 at once;
//     workers run the handlers, retrying failures. Fast, but a crash loses the queue.
//   journal_dir set: the delivery is appended to an on-disk journal and answered 200 once it is
//     durable (fsync, shared by concurrent requests); workers run the handlers; after a crash or
//     restart every accepted delivery not yet handled is handled. Handlers run at least once:
//     event::delivery_id lets a handler that must not repeat an effect skip one it already made.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/http_server_options.hpp"

namespace mifos::hooks {

struct event;

enum class log_level { info, warning, error };

// The server's knobs (address, port, threads, request size and timeouts, connections, TLS) come
// from http_server_options, with the same defaults; the rest are the receiver's own.
struct receiver_options : http_server_options {
  // Paths that take deliveries. A trailing '/' is ignored ("/hooks/" matches "/hooks"), since
  // Fineract 1.7+ requires Payload URLs that end in '/' and older eras add one.
  std::vector<std::string> paths = {"/hooks"};
  // Optional shared secret. When set, a delivery must carry it as the last path segment
  // ("/hooks/<secret>"), as the `token` query parameter, or in `secret_header`; else 401.
  // Compared in constant time. Fineract cannot send custom headers: put it in the Payload URL.
  std::string secret;
  std::string secret_header = "X-Hook-Token";
  // Tenants whose deliveries are accepted (exact match). Empty: every tenant. Others get 403.
  std::vector<std::string> tenants;

  // Worker threads running handlers after the answer. 0: handlers run before the answer (no
  // queue); with a journal, 0 means 2.
  int workers = 0;
  // Deliveries accepted but not yet handled, at most. When full, a request waits up to
  // queue_full_wait for room, then gets 503 (counted as queue_full).
  std::size_t queue_capacity = 10000;
  std::chrono::milliseconds queue_full_wait = std::chrono::seconds(1);
  // Directory of the durable journal; empty: no journal.
  std::string journal_dir;
  // A delivery whose handlers threw is dispatched again (all its handlers) after retry_backoff,
  // doubling each time up to retry_backoff_max, at most max_attempts times in all; then it is
  // written to the dead-letter file. Not used when workers == 0 and there is no journal.
  int max_attempts = 5;
  std::chrono::milliseconds retry_backoff = std::chrono::milliseconds(200);
  std::chrono::milliseconds retry_backoff_max = std::chrono::seconds(30);
  // Traffic-format file (traffic.hpp) that failed deliveries are appended to, replayable with
  // `mock-mifos play`. Empty: <journal_dir>/dead-letter.jsonl with a journal, else none (they
  // are only counted).
  std::string dead_letter_file;

  // Deliveries whose key was seen among the last dedupe_window accepted ones are answered 200
  // and not handled again. 0 (the default): off, because Fineract bodies carry no id and two
  // identical updates in a row are two real events.
  std::size_t dedupe_window = 0;
  // The key; default (empty function): a hash of tenant, entity, action and the body bytes.
  std::function<std::string(const event&, const delivery&)> dedupe_key;

  // When set, a second server on this port (0: any free one) answers GET /healthz and
  // GET /metrics (Prometheus text). Keep it off the public interface.
  std::optional<std::uint16_t> admin_port;
  std::string admin_address = "127.0.0.1";

  // Told what no status code can say: deliveries recovered from the journal at start (info), a
  // delivery given up on after max_attempts (warning), a dead-letter write that failed, a journal
  // that stopped making deliveries durable (error). Called from the receiver's threads, maybe
  // several at once; it must not block for long. Empty (the default): nothing is told, and the
  // counters of /metrics still count each case.
  std::function<void(log_level level, std::string_view message)> log;
};

}  // namespace mifos::hooks
