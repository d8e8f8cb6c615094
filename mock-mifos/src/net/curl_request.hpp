// curl_request.hpp: one libcurl easy handle that sends deliveries, shared by send_once and the
// async_sender pool so both build requests the same way. Internal to net/: nothing outside this
// folder should include it (the type hides libcurl, but the behaviour belongs to http_sender).
//
//   detail::curl_easy easy;                       // one per thread; keeps its connections
//   send_result r1 = easy.send("http://127.0.0.1:9000", d1, options);
//   send_result r2 = easy.send("http://127.0.0.1:9000", d2, options);   // reuses the connection
#pragma once

#include <mifos/hooks/delivery.hpp>
#include <optional>
#include <string>

#include "net/http_sender.hpp"

namespace mifos::mock::detail {

// Why `d` cannot be put on the wire as given (a CR or LF in a header or the target, an empty or
// malformed header name or method), or nullopt when it can. Pure.
std::optional<std::string> invalid_delivery(const hooks::delivery& d);

// An easy handle kept for its connection cache: requests to the same origin reuse one
// keep-alive connection. Not thread-safe: one per thread.
class curl_easy {
 public:
  curl_easy();  // initialises libcurl once per process (thread-safe)
  ~curl_easy();
  curl_easy(const curl_easy&) = delete;
  curl_easy& operator=(const curl_easy&) = delete;

  // Sends `d` to `origin` once (never retried by us) and returns what came back. Never throws on
  // network errors or bad input: those give status 0 and `error`.
  send_result send(const std::string& origin, const hooks::delivery& d,
                   const send_options& options);

 private:
  void* handle_;  // CURL*; void* keeps <curl/curl.h> out of this header
};

}  // namespace mifos::mock::detail
