// http_client.hpp: the two clients integration tests talk to a receiver with.
//
// `http_call` is the SDK's own client, a well-behaved one (what Fineract's OkHttp looks like on
// the wire).
// `raw_connection` is a plain socket, for what well-behaved clients never send: duplicate or
// non-numeric Content-Length, garbage, pipelined requests, half-sent heads. Every read has a
// deadline.
//
//   auto r = http_call("POST", url, R"({"officeId":1})", {"X-Fineract-Entity: CLIENT"});
//   EXPECT_EQ(r.status, 200);
//
//   raw_connection c(port);
//   c.send("GET /hooks HTTP/1.1\r\n\r\n");
//   auto answer = c.read_response(std::chrono::seconds(5));
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/http_client.hpp"

namespace mifos::hooks::test {

// One request through the SDK's http_client (what the wire sees is documented in
// mifos/hooks/http_client.hpp), proxies off, 15 s at most. `headers` are "Name: value" lines.
// For keep-alive checks, send through one hooks::http_session made by test_session_options().
hooks::client_response http_call(std::string_view method, const std::string& url,
                                 const std::string& body, const std::vector<std::string>& headers);

hooks::client_request make_request(std::string_view method, const std::string& url,
                                   const std::string& body,
                                   const std::vector<std::string>& headers);
hooks::http_client_options test_session_options();

struct raw_response {
  int status = 0;
  std::string head;  // status line and headers
  std::string body;
  // The value of the first header `name` (case-insensitive), if any.
  std::optional<std::string> header(std::string_view name) const;
};

class raw_connection {
 public:
  explicit raw_connection(std::uint16_t port);  // connects to 127.0.0.1; throws on failure
  ~raw_connection();
  raw_connection(const raw_connection&) = delete;
  raw_connection& operator=(const raw_connection&) = delete;

  // Sends everything; false if the peer closed or reset the connection.
  bool send(std::string_view bytes);
  // One response (head, then Content-Length bytes of body); nullopt at the deadline or if the
  // connection ended first.
  std::optional<raw_response> read_response(std::chrono::milliseconds timeout);
  // True if the server closed the connection (end of stream or reset) before the deadline;
  // bytes read meanwhile are discarded.
  bool closed_by_peer(std::chrono::milliseconds timeout);

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);  // false: deadline or end
  int fd_ = -1;
  std::string buffer_;
  bool ended_ = false;
};

// The bytes a sender puts on the wire for `d`: request line, its headers, Host and
// Content-Length (unless `d` has one), CRLF line ends, body.
std::string wire_bytes(const delivery& d);

// "http://127.0.0.1:<port><path>"
std::string url(std::uint16_t port, std::string_view path);

}  // namespace mifos::hooks::test
