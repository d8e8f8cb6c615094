// receiver_options.hpp: every knob of the embedded receiver, with its default.
//
//   mifos::hooks::receiver_options opts;
//   opts.port = 0;                  // any free port; receiver::port() tells which
//   opts.paths = {"/hooks"};
//   opts.secret = "s3cret";         // then /hooks/s3cret, /hooks?token=s3cret or X-Hook-Token
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mifos::hooks {

struct receiver_options {
  // Interface to listen on. "0.0.0.0" accepts deliveries from other hosts.
  std::string address = "127.0.0.1";
  // TCP port; 0 picks a free one (read it back with receiver::port()).
  std::uint16_t port = 8080;
  // Paths that take deliveries. A trailing '/' is ignored ("/hooks/" matches "/hooks"), since
  // Fineract 1.7+ requires Payload URLs that end in '/' and older eras add one.
  std::vector<std::string> paths = {"/hooks"};
  // Threads serving connections.
  int threads = 2;
  // Largest request accepted, request line and headers included; larger gets 413.
  std::size_t max_request_bytes = 1024 * 1024;
  // A client that has not sent all its headers (resp. its body) by then is disconnected.
  std::chrono::milliseconds header_timeout = std::chrono::seconds(10);
  std::chrono::milliseconds body_timeout = std::chrono::seconds(10);
  // Optional shared secret. When set, a delivery must carry it as the last path segment
  // ("/hooks/<secret>"), as the `token` query parameter, or in `secret_header`; else 401.
  // Compared in constant time. Fineract cannot send custom headers: put it in the Payload URL.
  std::string secret;
  std::string secret_header = "X-Hook-Token";
};

}  // namespace mifos::hooks
