// http_server_options.hpp: the knobs of the embedded HTTP server (http_server.hpp), with their
// defaults. receiver_options extends them, so a receiver is configured the same way:
//
//   mifos::hooks::http_server_options o;
//   o.port = 0;                       // any free port; server.port() tells which
//   o.max_request_bytes = 64 * 1024;  // larger requests get 413
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace mifos::hooks {

struct http_server_options {
  // Interface to listen on. "0.0.0.0" accepts connections from other hosts.
  std::string address = "127.0.0.1";
  // TCP port; 0 picks a free one (read it back with port()).
  std::uint16_t port = 8080;
  // Threads serving connections; 0 (or less) means the default, 2.
  int threads = 2;
  // Largest request accepted, request line and headers included; larger gets 413.
  std::size_t max_request_bytes = 1024 * 1024;
  // A client that has not sent all its headers (resp. its body) by then is disconnected.
  std::chrono::milliseconds header_timeout = std::chrono::seconds(10);
  std::chrono::milliseconds body_timeout = std::chrono::seconds(10);
  // Connections open at once. One more is answered 503 and closed at once, so a flood of idle
  // connections cannot exhaust file descriptors or memory.
  std::size_t max_connections = 10000;
  // HTTPS when both are set: PEM files of the certificate (chain) and its private key. start()
  // throws if they cannot be loaded, or if only one is set.
  // Limitation: the TLS handshake runs in the one thread that accepts connections and waits for
  // the client, up to 10 s. A client that connects and sends nothing (or a partial ClientHello)
  // delays every new connection by up to 10 s, so a few such clients can keep new ones out.
  // Connections already open are not affected. On a network with untrusted clients, terminate
  // TLS in a proxy in front (nginx, haproxy) and serve plain HTTP on 127.0.0.1.
  std::string tls_cert_file;
  std::string tls_key_file;
};

}  // namespace mifos::hooks
