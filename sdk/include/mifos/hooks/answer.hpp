// answer.hpp: the receiver's whole decision, as a pure function of a delivery.
//
// The socket adapter (receiver.cpp) builds a `delivery`, calls `answer()`, and writes back what
// it returns. Everything the status table of the README promises is decided here, so it is
// tested without a socket:
//
//   auto a = mifos::hooks::answer(d, router, options);
//   // a.status: 200, 400, 401, 404, 405, 413, 415 or 500; a.body: a short JSON object
#pragma once

#include <string>

#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/http_server.hpp"
#include "mifos/hooks/receiver_options.hpp"
#include "mifos/hooks/router.hpp"

namespace mifos::hooks {

// What kind of request a delivery is, before parsing its body.
enum class request_kind {
  delivery,      // POST on a hook path with the right secret: parse and dispatch it
  ping,          // GET on a hook path: Fineract checks the URL when a hook is created
  not_found,     // no hook path matches
  bad_method,    // a hook path, but neither POST nor GET
  unauthorized,  // the secret is set and missing or wrong
};

// Path, method and secret checks only.
request_kind classify(const delivery& d, const receiver_options& options);

// The full decision: classify, check Content-Length and size, parse, dispatch. The body is
// {"status":"accepted"} or {"error":"<reason>"}; a 405 carries "Allow: GET, HEAD, POST".
http_answer answer(const delivery& d, const router& r, const receiver_options& options);

// Constant-time comparison, for secrets.
bool secret_equals(std::string_view given, std::string_view expected) noexcept;

}  // namespace mifos::hooks
