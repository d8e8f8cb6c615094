// answer.hpp: the receiver's whole decision, as a pure function of a delivery.
//
// The socket adapter (receiver.cpp) builds a `delivery`, calls `answer()`, and writes back what
// it returns. Everything the status table of the README promises is decided here, so it is
// tested without a socket:
//
//   auto a = mifos::hooks::answer(d, router, options);
//   // a.status: 200, 400, 401, 403, 404, 405, 413, 415 or 500; a.body: a short JSON object
#pragma once

#include <string>

#include "mifos/hooks/delivery.hpp"
#include "mifos/hooks/http_answer.hpp"
#include "mifos/hooks/receiver_options.hpp"
#include "mifos/hooks/result.hpp"
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

// Everything decided before a handler runs: classify, Content-Length and size, parse, the
// tenant allow-list (403). Either the parsed event of a delivery to accept, or, as the error,
// the answer to send now (an error, or a ping's 200).
result<event, http_answer> screen(const delivery& d, const receiver_options& options);

// The full decision with handlers run before the answer: screen(), then dispatch. The body is
// {"status":"accepted"} or {"error":"<reason>"}; a 405 carries "Allow: GET, HEAD, POST".
http_answer answer(const delivery& d, const router& r, const receiver_options& options);

// The two body shapes the receiver answers with: {"error":"<reason>"} with `status`, and
// {"status":"<word>"} with 200 ("accepted", "ok", "duplicate"). Bytes of the text that are not
// UTF-8 (a reason quoting a request's path, say) become U+FFFD: these never throw.
http_answer error_answer(int status, std::string_view reason);
http_answer status_answer(std::string_view word);

// Constant-time comparison, for secrets.
bool secret_equals(std::string_view given, std::string_view expected) noexcept;

}  // namespace mifos::hooks
