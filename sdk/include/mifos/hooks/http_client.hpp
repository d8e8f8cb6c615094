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
#pragma once

#include <chrono>
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

  bool ok() const noexcept { return status >= 200 && status < 300; }
  // The first header with this name, compared case-insensitively.
  std::optional<std::string_view> header(std::string_view name) const;
};

struct http_client_options {
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(5);
  std::chrono::milliseconds timeout = std::chrono::seconds(10);  // the whole exchange
  // Verify the server's TLS certificate (https only). Off only for a test server.
  bool verify_tls = true;
  std::string user_agent = "mifos-hooks";
};

class http_client {
 public:
  explicit http_client(http_client_options options = {});
  client_response send(const client_request& request) const;
  const http_client_options& options() const noexcept { return options_; }

 private:
  http_client_options options_;
};

// "Basic " + base64("user:password"): an Authorization header value.
std::string basic_authorization(std::string_view user, std::string_view password);

// application/x-www-form-urlencoded: "To=%2B15550001&Body=Hello+there".
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace mifos::hooks
