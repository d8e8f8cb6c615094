// http_client.hpp: a small blocking HTTP/1.1 client for receivers that call out (the Fineract
// REST API, an SMS provider, a webhook of your own). The client library (libcurl) is hidden
// behind this header.
//
//   mifos::hooks::client_request request;
//   request.method = "POST";
//   request.url = "https://api.example.com/v1/things";
//   request.headers = {{"Authorization", "Bearer t"}};
//   request.body = R"({"a":1})";
//   request.content_type = "application/json";
//   mifos::hooks::client_response r = mifos::hooks::http_client().send(request);
//   if (r.status == 0) log("no answer: " + r.error);      // connection refused, timeout, ...
//   else if (!r.ok()) log("HTTP " + std::to_string(r.status) + ": " + r.body);
//
// One request per call, no retries (fineract_client.hpp retries on top of this). Thread-safe:
// calls from several threads run independently. Redirects are not followed.
//
// What goes on the wire is the request as given: its headers in their order, HTTP/1.1, and of
// the client's own only Host, Content-Length (at the position of a Content-Length header of the
// request, with the size of the body actually sent) and the User-Agent of the options. No
// Accept, no "Expect: 100-continue", no default Content-Type. A header with an empty value is
// sent as "Name:".
//
// http_session is the same client keeping its connections open between calls (keep-alive), for
// one thread at a time:
//
//   mifos::hooks::http_session session;
//   auto first = session.send(request);    // first.new_connections == 1
//   auto second = session.send(request);   // 0: the connection was reused
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mifos/hooks/delivery.hpp"

namespace mifos::hooks {

struct client_request {
  std::string method = "GET";
  std::string url;                    // absolute: http:// or https://
  std::vector<header_field> headers;  // sent in this order
  std::string body;
  std::string content_type;  // sent as Content-Type when the body is not empty
};

struct client_response {
  int status = 0;     // 0: no HTTP answer (see error)
  std::string error;  // why there is no answer: "connection refused", "timed out after 10000 ms"
  std::vector<header_field> headers;
  std::string body;
  bool body_truncated = false;  // see http_client_options::truncate_large_body
  int new_connections = 0;      // connections opened for this call; 0 when one was reused
  std::chrono::microseconds elapsed{0};

  bool ok() const noexcept { return status >= 200 && status < 300; }
  // The first header with this name, compared case-insensitively.
  std::optional<std::string_view> header(std::string_view name) const;
};

struct http_client_options {
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(5);
  std::chrono::milliseconds timeout = std::chrono::seconds(10);  // the whole exchange
  // Verify the server's TLS certificate (https only). Off only for a test server.
  bool verify_tls = true;
  // A PEM file of the certificate authorities to trust instead of the system's (a Fineract
  // behind a private CA). Empty: the system's.
  std::string ca_file;
  std::string user_agent = "mifos-hooks";  // empty: no User-Agent header
  // Honour http_proxy, https_proxy and no_proxy from the environment; off: always direct.
  bool use_environment_proxy = true;
  // An answer body larger than this is an error (status 0), unless truncate_large_body: then
  // the first max_body bytes are kept, the rest is read and dropped (the connection stays
  // usable) and body_truncated is set.
  std::size_t max_body = 16 * 1024 * 1024;
  bool truncate_large_body = false;
};

class http_client {
 public:
  explicit http_client(http_client_options options = {});
  client_response send(const client_request& request) const;
  const http_client_options& options() const noexcept { return options_; }

 private:
  http_client_options options_;
};

class http_session {
 public:
  explicit http_session(http_client_options options = {});
  ~http_session();
  http_session(http_session&&) noexcept;
  http_session& operator=(http_session&&) noexcept;

  client_response send(const client_request& request);
  const http_client_options& options() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// "Basic " + base64("user:password"): an Authorization header value.
std::string basic_authorization(std::string_view user, std::string_view password);

// application/x-www-form-urlencoded: "To=%2B15550001&Body=Hello+there".
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace mifos::hooks
